import Foundation

/// Writes one `ReportTable` as CSV for Excel and other spreadsheets: RFC 4180 quoting, CRLF line ends,
/// UTF-8 with a byte-order mark, and cells that a spreadsheet would run as a formula neutralised.
public enum CSVWriter {
    /// The table as CSV bytes, starting with the UTF-8 byte-order mark, then the `notice` (when there is
    /// one) alone on the first row, where a spreadsheet shows it in cell A1, then the header row.
    public static func render(_ table: ReportTable, notice: String? = nil) -> Data {
        var text = "\u{FEFF}"
        if let notice { text += row([notice]) }
        text += row(table.header)
        for cells in table.rows {
            text += cells.map { cell in
                // A number is written as a number: "-2" is a value, not a formula to neutralise.
                if case .number(let number, _) = cell, number.isFinite { return plainNumber(number) }
                return field(value(cell))
            }.joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// A cell as a spreadsheet reads it: numbers without decoration, dates as `YYYY-MM-DD` (months `YYYY-MM`).
    static func value(_ cell: ReportCell) -> String {
        switch cell {
        case .number(let number, _): plainNumber(number)
        case .date(let date): Milestone.parse(date) ?? date
        default: cell.plainText
        }
    }

    /// "12", "0.5", "-3.25": the shortest decimal form, no grouping, no exponent.
    public static func plainNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.10f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: control characters other than tab and line breaks dropped (a hand-edited session may
    /// hold them), neutralised if it could start a formula, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        var value = text
        // Bytes from 0x20 up, other than 0x7F and 0xC2 (which starts U+0080…U+00BF), and tab and line breaks are never dropped.
        if !UTF8Scan.all(value, { $0 >= 0x20 ? $0 != 0x7F && $0 != 0xC2 : $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }),
           value.unicodeScalars.contains(where: isDropped) {
            value = String(String.UnicodeScalarView(value.unicodeScalars.filter { !isDropped($0) }))
        }
        if couldStartFormula(value) { value = "'" + value }
        let needsQuotes = UTF8Scan.any(value) { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet could read the text as a formula: it starts with a tab or carriage return, or
    /// its first non-space character is = + - @ or their full-width forms. A plain number such as "-3" or
    /// "-0.41" is a value, not a formula, and is left as it is.
    static func couldStartFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        guard let lead = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
              formulaStarts.contains(lead) else { return false }
        return !isPlainNumber(text)
    }

    /// = + - @ and the full-width ＝ ＋ － ＠ a spreadsheet may read the same way.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// "-3", "+1", "-0.41", "-.5": an optional ASCII sign then ASCII digits with at most one decimal point.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !scalars.isEmpty, parts.count <= 2, scalars.contains(where: { ("0"..."9").contains($0) }) else { return false }
        return parts.allSatisfy { $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }
}
