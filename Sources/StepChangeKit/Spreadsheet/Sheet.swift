import Foundation

/// A grid of text read from a spreadsheet or CSV file, each row keeping where a person finds it:
/// its spreadsheet row and, for CSV, the line of the file it starts on (they differ once a cell holds
/// a line break). Cells are addressed by column index; `columnName` gives the letters a spreadsheet shows.
public struct Sheet: Equatable, Sendable {
    /// One row of cells.
    public struct Row: Equatable, Sendable {
        public var row: Int
        public var line: Int?
        public var cells: [String]

        public init(row: Int, line: Int? = nil, cells: [String]) {
            self.row = row
            self.line = line
            self.cells = cells
        }

        /// The cell in this column, or empty when the row is shorter.
        public subscript(column: Int) -> String {
            column >= 0 && column < cells.count ? cells[column] : ""
        }
    }

    public var name: String
    public var rows: [Row]

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// The rows of a CSV file.
    public init(csv rows: [CSVReader.Row], name: String) {
        self.init(name: name, rows: rows.map { Row(row: $0.row, line: $0.line, cells: $0.fields) })
    }

    /// The widest row's number of cells.
    public var columnCount: Int { rows.map(\.cells.count).max() ?? 0 }

    /// The letters a spreadsheet shows for a 0-based column: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var number = max(0, index) + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// The 0-based column of letters such as "AB", or nil when they are not column letters.
    public static func columnIndex(_ letters: String) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var number = 0
        for scalar in letters.uppercased().unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { return nil }
            number = number * 26 + Int(scalar.value - 64)
        }
        return number - 1
    }

    /// Where a cell is, as a person looks for it: "row 4, column C", with the file line when it differs.
    public static func location(_ row: Row, column: Int? = nil) -> String {
        var text = "row \(row.row)"
        if let line = row.line, line != row.row { text += " (line \(line))" }
        if let column { text += ", column \(columnName(column))" }
        return text
    }
}
