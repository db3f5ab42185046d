import Foundation

/// One dated milestone of an action, as council plans list several per action: its date, its own
/// status and the output expected by then. Revising the date keeps every earlier date with the reason.
public struct ActionMilestone: Codable, Equatable, Sendable {
    /// A month (`2027-03`) or a day (`2027-03-31`).
    public var date: String
    /// The milestone's own status; nil means it follows the action's latest status.
    public var status: ActionStatus?
    /// The output or impact expected by this milestone.
    public var output: String
    /// Earlier dates of this milestone, oldest first.
    public var revisions: [MilestoneRevision]?

    public init(date: String, status: ActionStatus? = nil, output: String = "", revisions: [MilestoneRevision]? = nil) {
        self.date = date
        self.status = status
        self.output = output
        self.revisions = revisions
    }

    /// The milestone's status, falling back to the action's when it has none of its own.
    public func status(in action: Action) -> ActionStatus {
        action.currentStatus == .complete ? .complete : (status ?? action.currentStatus)
    }

    /// True when the milestone's date has passed by `day` (`YYYY-MM-DD`) and it is not complete.
    /// A month milestone passes when its month is over.
    public func isOverdue(in action: Action, asAt day: String) -> Bool {
        status(in: action) != .complete && Milestone.isBefore(date, sessionDate: day)
    }
}

/// A change of a milestone's date: the date it had before, why it moved and on which day.
public struct MilestoneRevision: Codable, Equatable, Sendable {
    public var previousDate: String
    public var reason: String
    /// The day the revision was agreed, `YYYY-MM-DD`.
    public var revisedOn: String

    public init(previousDate: String, reason: String, revisedOn: String) {
        self.previousDate = previousDate
        self.reason = reason
        self.revisedOn = revisedOn
    }
}
