import Foundation

/// The problems a CSV import finds, row by row, capped at `CSVReader.problemsListed`: once the cap is
/// reached the rest of the file is not checked, and the list ends by saying from which line, so a wrong
/// file gets a short answer at once. Shared by every importer so the cap behaves the same everywhere.
public struct RowProblems: Sendable {
    public let source: String
    public private(set) var problems: [Problem] = []
    /// The line checking stopped at, when there were too many problems to go on.
    public private(set) var uncheckedFrom: Int?
    /// Where checking stopped, as a person finds it (the line, and the spreadsheet row when it differs).
    private var uncheckedLocation: String?

    public init(source: String) { self.source = source }

    /// True while fewer problems than the cap are known; otherwise records `line` as where checking stopped.
    public mutating func keepChecking(at line: Int) -> Bool {
        guard problems.count >= CSVReader.problemsListed else { return true }
        uncheckedFrom = line
        uncheckedLocation = "line \(line)"
        return false
    }

    /// The same for a row, so the message names its spreadsheet row too when that differs from the line.
    public mutating func keepChecking(at row: CSVReader.Row) -> Bool {
        guard keepChecking(at: row.line) else {
            uncheckedLocation = row.location
            return false
        }
        return true
    }

    public mutating func report(_ message: String, line: Int) {
        problems.append(Problem(source: source, location: "line \(line)", message: message))
    }

    /// A problem with a row, located by file line and, when it differs, spreadsheet row.
    public mutating func report(_ message: String, at row: CSVReader.Row) {
        problems.append(Problem(source: source, location: row.location, message: message))
    }

    public var isEmpty: Bool { problems.isEmpty }
    public var count: Int { problems.count }

    /// The problems as they are shown, ending with "line N onwards: not checked" when checking stopped early.
    public var listed: [Problem] {
        problems + (uncheckedLocation.map { [Problem(source: source, location: "\($0) onwards", message: "not checked")] } ?? [])
    }
}
