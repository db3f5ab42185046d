import Foundation

/// Everything the group did on one prompt: each round of individual scores (kept, never
/// overwritten), the agreed consensus, and the evidence, strengths and areas for improvement.
public struct ItemAssessment: Codable, Equatable, Sendable {
    public var itemID: String
    public var rounds: [ScoringRound]
    public var consensus: ConsensusRecord?
    public var evidence: [String]
    public var strengths: [String]
    public var areasForImprovement: [String]
    /// Set when the group chose to come back to this item later.
    public var skipped: Bool
    /// Set once the consensus and notes are recorded and the group moved on.
    public var completedAt: Date?

    public init(itemID: String, rounds: [ScoringRound] = [], consensus: ConsensusRecord? = nil,
                evidence: [String] = [], strengths: [String] = [], areasForImprovement: [String] = [],
                skipped: Bool = false, completedAt: Date? = nil) {
        self.itemID = itemID
        self.rounds = rounds
        self.consensus = consensus
        self.evidence = evidence
        self.strengths = strengths
        self.areasForImprovement = areasForImprovement
        self.skipped = skipped
        self.completedAt = completedAt
    }

    /// The most recent round of scores, the one the consensus is agreed from.
    public var latestRound: ScoringRound? { rounds.last }
    public var isComplete: Bool { completedAt != nil }
}

/// One round of individual scores on a prompt. Round 1 may have been imported from a survey.
public struct ScoringRound: Codable, Equatable, Sendable {
    public var number: Int
    public var scores: [ParticipantScore]
    /// Where the scores came from: typed in the workshop or imported from a CSV survey.
    public var source: RoundSource

    public init(number: Int, scores: [ParticipantScore] = [], source: RoundSource = .workshop) {
        self.number = number
        self.scores = scores
        self.source = source
    }

    public func score(of participantID: String) -> Score? {
        scores.first { $0.participant == participantID }?.score
    }
}

/// Where a round of scores came from.
public enum RoundSource: String, Codable, CaseIterable, Sendable {
    case workshop, imported
}

/// A participant's score in one round, with an optional comment (imported surveys often carry one).
public struct ParticipantScore: Codable, Equatable, Sendable {
    public var participant: String
    public var score: Score
    public var comment: String?

    public init(participant: String, score: Score, comment: String? = nil) {
        self.participant = participant
        self.score = score
        self.comment = comment
    }
}

/// The score the group agreed for a prompt, with the suggestion it was offered and, when the
/// agreed score lies outside the individual scores, the reason the group gave.
public struct ConsensusRecord: Codable, Equatable, Sendable {
    public var score: Int
    public var suggested: Int?
    /// The round whose scores the consensus was agreed from.
    public var round: Int
    public var outsideRangeReason: String?
    public var agreedAt: Date

    public init(score: Int, suggested: Int?, round: Int, outsideRangeReason: String? = nil, agreedAt: Date) {
        self.score = score
        self.suggested = suggested
        self.round = round
        self.outsideRangeReason = outsideRangeReason
        self.agreedAt = agreedAt
    }
}
