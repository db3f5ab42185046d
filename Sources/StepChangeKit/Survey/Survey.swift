import Foundation

/// What the pre-workshop survey said, kept as its own evidence beside the group's scoring rounds:
/// for each item how many respondents gave each answer and how many did not know, and the comments
/// they wrote, without saying who wrote what. Respondents are anonymous; the file imported from is named.
public struct Survey: Codable, Equatable, Sendable {
    /// The largest number of respondents a survey may record, far above any partnership's survey.
    public static let maximumRespondents = 100_000

    /// The file the responses were imported from, as it was named.
    public var source: String
    public var importedAt: Date
    /// Rows of the export that held at least one answer or comment.
    public var respondents: Int
    /// One entry per item answered, in framework order.
    public var items: [SurveyItem]
    public var comments: [SurveyComment]

    public init(source: String, importedAt: Date, respondents: Int, items: [SurveyItem], comments: [SurveyComment] = []) {
        self.source = source
        self.importedAt = importedAt
        self.respondents = respondents
        self.items = items
        self.comments = comments
    }

    /// The responses to one item, if the survey asked it.
    public func item(_ itemID: String) -> SurveyItem? {
        items.first { $0.itemID.caseInsensitiveCompare(itemID) == .orderedSame }
    }

    /// The comments written in one heading's comment box, in the order they were imported.
    public func comments(heading headingID: String) -> [SurveyComment] {
        comments.filter { $0.itemID == nil && $0.headingID == headingID }
    }

    /// The comments written about one item.
    public func comments(item itemID: String) -> [SurveyComment] {
        comments.filter { $0.itemID == itemID }
    }

    /// The comments not tied to a heading or an item ("anything else?").
    public var generalComments: [SurveyComment] {
        comments.filter { $0.itemID == nil && $0.headingID == nil }
    }

    /// The comment with this id (case-insensitive), e.g. `C3`.
    public func comment(_ id: String) -> SurveyComment? {
        comments.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
