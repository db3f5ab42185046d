import Foundation

/// One comment a respondent wrote, kept without its author. It belongs to a heading's comment box, to
/// one item, or to neither (a general comment); a facilitator may edit or remove it (it names someone).
public struct SurveyComment: Codable, Equatable, Sendable {
    /// A stable id (`C1`, `C2`…) for `survey-comments edit` and `remove`.
    public var id: String
    public var headingID: String?
    public var itemID: String?
    public var text: String
    /// When the facilitator last edited the text, if ever.
    public var editedAt: Date?

    public init(id: String, headingID: String? = nil, itemID: String? = nil, text: String, editedAt: Date? = nil) {
        self.id = id
        self.headingID = headingID
        self.itemID = itemID
        self.text = text
        self.editedAt = editedAt
    }
}
