import Foundation

/// Reads RFC 4180 CSV as spreadsheets write it: an optional UTF-8 byte-order mark, CRLF, LF or CR
/// line endings, quoted fields with `""` for a quote and line breaks inside quotes. Blank lines are
/// skipped. Each row keeps the line number it starts on, so problems can be reported by line.
public enum CSVReader {
    /// One record and the line of the file it starts on (1-based).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The largest CSV file read: far more than any workshop's scores or plan, small enough that a
    /// wrong file (a database dump, a video) is refused at once instead of parsed for minutes.
    public static let maximumSize = 10 * 1024 * 1024

    /// Importers stop checking rows once this many problems are found, so a wrong file gets a short
    /// message at once instead of one line per row.
    public static let problemsListed = 20

    /// Parses CSV bytes; a file that is too large, not UTF-8 or has an unterminated quote is an error naming the line.
    public static func read(_ data: Data, source: String) throws(StepChangeError) -> [Row] {
        guard data.count <= maximumSize else {
            throw StepChangeError(.input, "\(source) is \(data.count / 1024 / 1024) MB; a CSV file to import may be at most \(maximumSize / 1024 / 1024) MB.",
                                  hint: "Check that this is the right file. Nothing was imported.")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw StepChangeError(.input, "\(source) is not UTF-8 text.",
                                  hint: "Save the spreadsheet as \"CSV UTF-8 (comma delimited)\" and try again.")
        }
        return try read(text, source: source)
    }

    /// Parses CSV text.
    public static func read(_ text: String, source: String) throws(StepChangeError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
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
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
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
            switch scalar {
            case "\"":
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                } else {
                    throw StepChangeError(.input, "\(source) is not valid CSV.",
                        problems: [Problem(source: source, location: "line \(line)", message: "a quote inside a field that does not start with one; put the whole field in quotes and double the quote (\"\")")])
                }
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
                endRow()
                line += 1
                rowLine = line
            default:
                if fieldWasQuoted {
                    throw StepChangeError(.input, "\(source) is not valid CSV.",
                        problems: [Problem(source: source, location: "line \(line)", message: "text after a closing quote; a quoted field must end at the quote")])
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw StepChangeError(.input, "\(source) is not valid CSV.",
                problems: [Problem(source: source, location: "line \(quoteLine)", message: "a quoted field is never closed")])
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }
}
