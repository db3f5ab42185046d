import Foundation

/// Scores that participants sent from their own devices (or the facilitator typed for someone
/// without one) for the round being scored, kept in the session file so none is lost before the
/// reveal records them as a round. Each participant has at most one; a new one replaces theirs.
public struct DeviceScores: Codable, Equatable, Sendable {
    public var itemID: String
    /// The round these scores will become.
    public var round: Int
    public var scores: [ParticipantScore]
    /// The participant whose score the facilitator is typing next (hidden), if any.
    public var typingFor: String?

    public init(itemID: String, round: Int, scores: [ParticipantScore] = [], typingFor: String? = nil) {
        self.itemID = itemID
        self.round = round
        self.scores = scores
        self.typingFor = typingFor
    }
}
