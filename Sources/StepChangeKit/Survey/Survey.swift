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

/// How the survey's respondents answered one item: a count for every scale value and the don't-knows.
public struct SurveyItem: Codable, Equatable, Sendable {
    public var itemID: String
    /// One count per scale value, in scale order.
    public var counts: [SurveyCount]
    public var dontKnow: Int

    public init(itemID: String, counts: [SurveyCount], dontKnow: Int) {
        self.itemID = itemID
        self.counts = counts
        self.dontKnow = dontKnow
    }

    /// Respondents who answered this item, don't-knows included.
    public var responses: Int { counts.reduce(0) { $0 + $1.count } + dontKnow }

    /// How many gave this scale value.
    public func count(of value: Int) -> Int { counts.first { $0.value == value }?.count ?? 0 }

    /// The answers as scores, for the same statistics the room's rounds get (median, agreement).
    public var scores: [Score] {
        counts.flatMap { [Score](repeating: .value($0.value), count: max(0, $0.count)) } + [Score](repeating: .dontKnow, count: max(0, dontKnow))
    }
}

/// How many respondents gave one scale value.
public struct SurveyCount: Codable, Equatable, Sendable {
    public var value: Int
    public var count: Int

    public init(value: Int, count: Int) {
        self.value = value
        self.count = count
    }
}

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
