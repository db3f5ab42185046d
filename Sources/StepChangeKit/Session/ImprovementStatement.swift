import Foundation

/// A numbered statement of what the partnership should improve ("The partnership should …"),
/// linked to the prompts that raised it. Its id (`S1`, `S2`, …) never changes once given.
public struct ImprovementStatement: Codable, Equatable, Sendable {
    public var id: String
    public var text: String
    /// The framework items this statement responds to.
    public var itemIDs: [String]
    public var rationale: String
    /// Ids of statements merged into this one.
    public var mergedFrom: [String]

    public init(id: String, text: String, itemIDs: [String] = [], rationale: String = "", mergedFrom: [String] = []) {
        self.id = id
        self.text = text
        self.itemIDs = itemIDs
        self.rationale = rationale
        self.mergedFrom = mergedFrom
    }

    /// The statement's number (`S3` → 3), used for action refs such as `A3.1`.
    public var number: Int { Int(id.dropFirst()) ?? 0 }
}

/// Dot votes one participant gave one statement when the group prioritised.
public struct Vote: Codable, Equatable, Sendable {
    public var participant: String
    public var statement: String
    public var count: Int

    public init(participant: String, statement: String, count: Int) {
        self.participant = participant
        self.statement = statement
        self.count = count
    }
}
