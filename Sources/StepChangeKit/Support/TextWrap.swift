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
