import Foundation

/// The file formats a session exports to.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, docx, xlsx, csv, json

    /// The usual file name extension.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .docx: "docx"
        case .xlsx: "xlsx"
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// True for formats that are not text and must go to a file rather than the terminal.
    public var isBinary: Bool { self == .docx || self == .xlsx }

    /// The formats as a user types them: "markdown, html, docx, xlsx, csv or json".
    public static var choices: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
