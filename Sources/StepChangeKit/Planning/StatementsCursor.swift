import Foundation

/// Where the group is in the improvement-statements stage, stored in the session so a resumed run
/// lands on the exact step: drafting, the items or rationale of one statement, one participant's
/// votes, breaking ties, choosing what to plan, or done.
public struct StatementsCursor: Codable, Equatable, Sendable {
    /// The steps of the stage, in the order they happen.
    public enum Phase: String, Codable, Sendable {
        case drafting, items, rationale, voting
        case tieBreak = "tie-break"
        case choosing, done
    }

    public var phase: Phase
    /// The statement whose items or rationale are being asked.
    public var statementID: String?
    /// The position in `participants` of the person whose votes are being asked.
    public var voter: Int?
    /// A statement the group asked to delete although it has votes or is planned, waiting for a yes.
    public var pendingDeletion: String?

    public init(phase: Phase = .drafting, statementID: String? = nil, voter: Int? = nil) {
        self.phase = phase
        self.statementID = statementID
        self.voter = voter
    }
}
