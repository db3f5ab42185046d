import Foundation

/// Word-wraps plain text for a terminal of a given width, keeping an indent on every line.
public enum TextWrap {
    /// Wraps each paragraph of `text` to `width` columns; the first line is prefixed with
    /// `firstIndent`, later lines with `indent`. A word longer than the line is left whole.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
        var lines: [String] = []
        var prefix = firstIndent ?? indent
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = prefix
            var lineHasWord = false
            for word in paragraph.split(separator: " ") {
                if lineHasWord && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            lines.append(lineHasWord ? line : String(line.reversed().drop { $0 == " " }.reversed()))
            prefix = indent
        }
        return lines.joined(separator: "\n")
    }

    /// Every line of `text` made to fit `width` columns: lines already short enough are left exactly as
    /// they are; a longer one is broken at the last space that fits (its spacing, such as table columns,
    /// kept), its continuation lines indented under its text (after the line's own indent and any list
    /// marker such as `12.` or `-`). Words are never broken, so a word wider than the line stays whole.
    public static func fit(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard line.count > width else { return [String(line)] }
            let indent = String(line.prefix { $0 == " " })
            var hanging = indent + "  "
            if let marker = line.dropFirst(indent.count).split(separator: " ", maxSplits: 1).first, marker.count <= 8,
               marker.last == "." || marker == "-" || marker == "*" {
                hanging = indent + String(repeating: " ", count: marker.count + 1)
            }
            if hanging.count > width / 2 { hanging = "  " }
            var lines: [String] = []
            var rest = Substring(line)
            var prefix = ""
            while prefix.count + rest.count > width {
                let room = width - prefix.count
                let start = prefix.isEmpty ? indent.count : 0
                let candidates = rest.indices.filter { rest[$0] == " " && rest.distance(from: rest.startIndex, to: $0) <= room
                    && rest.distance(from: rest.startIndex, to: $0) > start }
                let cut = candidates.last ?? rest.indices.first { rest[$0] == " " && rest.distance(from: rest.startIndex, to: $0) > start }
                guard let cut else { break }
                lines.append(prefix + String(rest[..<cut]).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
                rest = rest[cut...].drop { $0 == " " }
                prefix = hanging
            }
            lines.append(prefix + rest)
            return lines
        }.joined(separator: "\n")
    }

    /// The text on one line (line breaks become spaces), cut to `width` characters with an ellipsis.
    public static func clip(_ text: String, to width: Int) -> String {
        let flat = oneLine(text)
        return flat.count <= width ? flat : String(flat.prefix(max(1, width - 1))) + "…"
    }

    /// The rule for text shown on one line (a title in a listing or a heading): line breaks and tabs
    /// become spaces; every other control character is kept, for the terminal writer to show as a
    /// visible symbol (ESC → ␛), so a listing and `show` display the same text the same way.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}
