import Foundation

/// What the room is doing now, as participants' devices and the projector see it: derived from the
/// session alone, so every page is a pure function of the session.
public enum RoomActivity: Equatable, Sendable {
    /// Nothing for devices to do; the text says what the group is doing.
    case waiting(String)
    /// Individual scores are being collected for an item's round.
    case scoring(itemID: String, round: Int)
    /// The latest round of an item has been revealed and is being discussed.
    case revealed(itemID: String)
    /// Dot voting on the improvement statements is open.
    case voting
    /// Voting is over; the tally is final.
    case votesClosed
    /// The group is planning a statement.
    case planning(statementID: String?)
    case finished

    public static func current(in session: Session) -> RoomActivity {
        switch session.stage {
        case .assessing:
            let cursor = AssessmentStage.cursor(in: session)
            switch cursor.step {
            case .participants: return .waiting("The facilitator is adding the participants.")
            case .scoring: return cursor.itemID.map { .scoring(itemID: $0, round: cursor.round) } ?? .waiting("")
            case .consensus, .confirmOutsideRange, .outsideRangeReason, .evidence, .strengths, .areas:
                guard let itemID = cursor.itemID, session.assessment(of: itemID)?.latestRound != nil else {
                    return .waiting("The group is discussing.")
                }
                return .revealed(itemID: itemID)
            case .summary, .finished: return .waiting("The self-assessment is complete.")
            }
        case .statements:
            switch session.statementsCursor?.phase ?? .drafting {
            case .voting: return .voting
            case .tieBreak, .choosing, .done: return .votesClosed
            default: return .waiting("The group is drafting improvement statements.")
            }
        case .planning:
            return .planning(statementID: session.planningCursor?.statementID)
        case .complete:
            return .finished
        }
    }
}
