import Foundation

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
