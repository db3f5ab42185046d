import Foundation

/// Reads RFC 4180 CSV as spreadsheets write it: UTF-8 (with or without a byte-order mark) or UTF-16
/// with a byte-order mark (Excel's "Unicode text"), comma, semicolon or tab between fields (found from
/// the first line), CRLF, LF or CR line endings, quoted fields with `""` for a quote and line breaks
/// inside quotes. Blank lines are skipped. Each row keeps the line of the file it starts on and its row
/// in the spreadsheet, which differ once a cell holds a line break, so problems can name both.
public enum CSVReader {
    /// One record, the line of the file it starts on and its row in a spreadsheet (both 1-based).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
        /// The row a spreadsheet shows this record on: blank lines count, line breaks inside cells do not.
        public var row: Int

        public init(line: Int, fields: [String], row: Int? = nil) {
            self.line = line
            self.fields = fields
            self.row = row ?? line
        }

        /// Where the row is, as a person looks for it: "line 7", or "line 9 (spreadsheet row 7)" when they differ.
        public var location: String {
            row == line ? "line \(line)" : "line \(line) (spreadsheet row \(row))"
        }
    }

    /// The largest CSV file read: far more than any workshop's scores or plan, small enough that a
    /// wrong file (a database dump, a video) is refused at once instead of parsed for minutes.
    public static let maximumSize = 10 * 1024 * 1024

    /// Importers stop checking rows once this many problems are found, so a wrong file gets a short
    /// message at once instead of one line per row.
    public static let problemsListed = 20

    /// Parses CSV bytes; a file that is too large, not UTF-8 or UTF-16 with a byte-order mark, or has an
    /// unterminated quote is an error naming the line.
    public static func read(_ data: Data, source: String) throws(StepChangeError) -> [Row] {
        guard data.count <= maximumSize else {
            throw StepChangeError(.input, "\(source) is \(data.count / 1024 / 1024) MB; a CSV file to import may be at most \(maximumSize / 1024 / 1024) MB.",
                                  hint: "Check that this is the right file. Nothing was imported.")
        }
        return try read(try text(of: data, source: source), source: source)
    }

    /// The text of a CSV file: UTF-8 (an optional byte-order mark dropped), or UTF-16 little- or
    /// big-endian with its byte-order mark, as Excel saves "Unicode text".
    public static func text(of data: Data, source: String) throws(StepChangeError) -> String {
        let utf16: String.Encoding? = data.starts(with: [0xFF, 0xFE]) ? .utf16LittleEndian : data.starts(with: [0xFE, 0xFF]) ? .utf16BigEndian : nil
        if let utf16 {
            guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: utf16) else {
                throw StepChangeError(.input, "\(source) starts as UTF-16 text but is not valid UTF-16.",
                                      hint: "Save the spreadsheet again as \"CSV UTF-8\" or \"Unicode text\" and try again.")
            }
            return text
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            let zeros = data.prefix(200).filter { $0 == 0 }.count
            let hint = zeros > 20
                ? "It looks like UTF-16 without a byte-order mark; save it again as \"Unicode text\" or \"CSV UTF-8\"."
                : "Save the spreadsheet as \"CSV UTF-8 (comma delimited)\" and try again."
            throw StepChangeError(.input, "\(source) is not UTF-8 text.", hint: hint)
        }
        return text
    }

    /// The field separator of CSV text: whichever of comma, semicolon and tab occurs most on the first
    /// line outside quotes (comma when none does), as spreadsheets in different countries write them.
    public static func separator(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = [Unicode.Scalar(","), ";", "\t"].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
        return counts[best, default: 0] > 0 ? best : ","
    }

    /// Parses CSV text, with the separator given or found from the first line.
    public static func read(_ text: String, source: String, separator given: Unicode.Scalar? = nil) throws(StepChangeError) -> [Row] {
        let separator = given ?? Self.separator(of: text)
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var record = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var quoteLine = 1
        var scalars = Array(text.unicodeScalars)[...]

        func endField() {
            fields.append(field)
            field = ""
            fieldWasQuoted = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Row(line: rowLine, fields: fields, row: record))
            }
            fields = []
            record += 1
        }

        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && scalars.first != "\n") { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if scalar == separator {
                endField()
                continue
            }
            switch scalar {
            case "\"":
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                } else {
                    throw StepChangeError(.input, "\(source) is not valid CSV.",
                        problems: [Problem(source: source, location: Row(line: line, fields: [], row: record).location, message: "a quote inside a field that does not start with one; put the whole field in quotes and double the quote (\"\")")])
                }
            case "\r", "\n":
                if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
                endRow()
                line += 1
                rowLine = line
            default:
                if fieldWasQuoted {
                    throw StepChangeError(.input, "\(source) is not valid CSV.",
                        problems: [Problem(source: source, location: Row(line: line, fields: [], row: record).location, message: "text after a closing quote; a quoted field must end at the quote")])
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw StepChangeError(.input, "\(source) is not valid CSV.",
                problems: [Problem(source: source, location: Row(line: quoteLine, fields: [], row: record).location, message: "a quoted field is never closed")])
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }
}
