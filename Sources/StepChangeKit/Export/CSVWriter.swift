import Foundation

/// Writes one `ReportTable` as CSV for Excel and other spreadsheets: RFC 4180 quoting, CRLF line ends,
/// UTF-8 with a byte-order mark, and cells that a spreadsheet would run as a formula neutralised.
public enum CSVWriter {
    /// The table as CSV bytes, header row first, starting with the UTF-8 byte-order mark.
    public static func render(_ table: ReportTable) -> Data {
        var text = "\u{FEFF}"
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

    /// One field: neutralised if it could start a formula, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
