import Foundation

/// Makes text safe to show on a terminal and cleans lines typed at one. Session titles, names and
/// notes come from people and hand-edited files; an escape sequence inside them must never reach the
/// terminal raw (it could clear the screen, retitle the window or hide text on a projector).
public enum TerminalSafeText {
    /// The emphasis sequences stepchange itself writes (bold, dim, red, green, yellow, blue, reset).
    public static let styleCodes: Set<String> = ["0", "1", "2", "31", "32", "33", "34"]

    /// Replaces every control character except newline, tab and the CR of a CRLF line end (CSV) with its
    /// visible picture (ESC → ␛),
    /// and bidirectional override characters with a visible mark. With `keepingStyle`, the exact
    /// emphasis sequences in `styleCodes` pass through so colour still works.
    public static func forDisplay(_ text: String, keepingStyle: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsAttention) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyle, scalar == "\u{1B}", let length = styleSequenceLength(scalars, at: index) {
                result.append(contentsOf: scalars[index..<(index + length)])
                index += length
                continue
            }
            let isLineEnd = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if needsAttention(scalar) && !isLineEnd {
                result.append(contentsOf: picture(of: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// A typed line as stored: the one-line rule of `InboundText` (escape sequences such as arrow keys
    /// pressed at a prompt and other control characters removed, a tab turned into a space).
    public static func cleanInput(_ line: String) -> String {
        InboundText.clean(line, .oneLine)
    }

    static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F..<0xA0).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    static func picture(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0..<0x20: String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }

    /// Length of an allowed emphasis sequence `ESC [ code m` starting at `index`, if there is one.
    static func styleSequenceLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 2 < scalars.count, scalars[index + 1] == "[" else { return nil }
        var end = index + 2
        var code = ""
        while end < scalars.count, end - index < 6, ("0"..."9").contains(scalars[end]) {
            code.unicodeScalars.append(scalars[end])
            end += 1
        }
        guard end < scalars.count, scalars[end] == "m", styleCodes.contains(code) else { return nil }
        return end - index + 1
    }
}
