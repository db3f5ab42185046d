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
    /// they are; a longer one is wrapped between words, its continuation lines indented under its text
    /// (after the line's own indent and any list marker such as `12.`, `-` or `A1.2`). Words are never
    /// broken, so a single word wider than the line stays whole.
    public static func fit(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            let rest = line.dropFirst(indent.count)
            var hanging = indent
            if let marker = rest.split(separator: " ", maxSplits: 1).first, marker.count <= 8,
               marker.last == "." || marker == "-" || marker == "*" || marker.first == "[" {
                hanging += String(repeating: " ", count: marker.count + 1)
            } else {
                hanging += "  "
            }
            if hanging.count > width / 2 { hanging = "  " }
            return wrap(String(rest), width: width, indent: hanging, firstIndent: indent)
        }.joined(separator: "\n")
    }

    /// The text on one line (line breaks become spaces), cut to `width` characters with an ellipsis.
    public static func clip(_ text: String, to width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= width ? flat : String(flat.prefix(max(1, width - 1))) + "…"
    }
}
