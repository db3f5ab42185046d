import Foundation

/// Where the group is in the self-assessment, stored in the session so a resumed run lands on the
/// exact step: the order items are taken in, the current item and step, blind scores typed so far,
/// when each heading started (for the agenda) and the trail of steps `back` returns along.
public struct AssessmentCursor: Codable, Equatable, Sendable {
    /// Item ids in the order the group works through them.
    public var order: [String]
    /// The item being worked on; nil at the participants step, the summary and once finished.
    public var itemID: String?
    public var step: AssessmentStep
    /// The round number being scored at the scoring step.
    public var round: Int
    /// Blind scores typed so far in this round, in participant order; the round is recorded once all are in.
    public var blindScores: [ParticipantScore]
    /// A consensus outside the scores' range, waiting for confirmation and a reason.
    public var pendingConsensus: Int?
    /// When the group started each heading, by heading id.
    public var headingStarts: [String: Date]
    /// When the last answer was taken: the agenda's "time used so far".
    public var lastAnswerAt: Date?
    /// Earlier positions, most recent last, for `back`.
    public var trail: [AssessmentPosition]
    /// A participant typed without a sector at the participants step, waiting for the sector.
    public var pendingParticipant: String?
    /// A participant the facilitator asked to delete who has scores or votes, waiting for a yes.
    public var pendingRemoval: String?
    /// The heading whose introduction has been shown on this visit, so an answer that leaves the
    /// group on the same prompt (absent NAME, a correction) does not print it again.
    public var introducedHeading: String?

    public init(order: [String], itemID: String?, step: AssessmentStep, round: Int = 1) {
        self.order = order
        self.itemID = itemID
        self.step = step
        self.round = round
        self.blindScores = []
        self.pendingConsensus = nil
        self.headingStarts = [:]
        self.lastAnswerAt = nil
        self.trail = []
    }

    /// Where the cursor is now, as `back` would return to it.
    public var position: AssessmentPosition {
        AssessmentPosition(itemID: itemID, step: step, pendingConsensus: pendingConsensus)
    }

    /// The most earlier positions `back` can return along.
    public static let trailLength = 40

    /// Adds a position to the trail for `back`, keeping the most recent `trailLength`.
    public mutating func remember(_ earlier: AssessmentPosition) {
        trail = Array((trail + [earlier]).suffix(Self.trailLength))
    }
}

/// One remembered place in the self-assessment, for `back`.
public struct AssessmentPosition: Codable, Equatable, Sendable {
    public var itemID: String?
    public var step: AssessmentStep
    public var pendingConsensus: Int?

    public init(itemID: String?, step: AssessmentStep, pendingConsensus: Int? = nil) {
        self.itemID = itemID
        self.step = step
        self.pendingConsensus = pendingConsensus
    }
}

/// The steps of the self-assessment, in the order they happen for each item.
public enum AssessmentStep: String, Codable, Sendable {
    /// Adding participants, when the session has none yet.
    case participants
    /// Individual scores: one line for everyone (open) or one hidden line per participant (blind).
    case scoring
    /// The reveal of the latest round, then the consensus (Enter accepts the suggestion, r re-scores).
    case consensus
    /// A consensus outside the range of the individual scores: confirm it.
    case confirmOutsideRange
    /// A consensus outside the range: the reason the group gives.
    case outsideRangeReason
    case evidence, strengths, areas
    /// The self-assessment summary, shown once every item is done.
    case summary
    /// The self-assessment is finished; the run moves on to the next stage.
    case finished

    /// True for the steps that belong to one item (scoring to areas for improvement).
    public var isAboutAnItem: Bool {
        switch self {
        case .scoring, .consensus, .confirmOutsideRange, .outsideRangeReason, .evidence, .strengths, .areas: true
        case .participants, .summary, .finished: false
        }
    }
}
