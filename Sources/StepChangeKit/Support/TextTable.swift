import Foundation

/// A plain-text table with aligned columns, for terminal listings.
public enum TextTable {
    /// Renders rows under a header, columns separated by two spaces, trailing spaces trimmed.
    /// Widths count characters, so accented letters and symbols line up.
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var out = ""
        for row in all {
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                line += cell
                if column < row.count - 1 {
                    let padding = widths[column] - cell.count
                    if padding > 0 { line += String(repeating: " ", count: padding) }
                }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
