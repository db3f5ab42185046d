import Foundation

/// What is overdue in a plan on a given day: milestones whose date has passed without completion, and
/// actions not reviewed within their measure's frequency. Complete actions are never overdue.
public struct Overdue: Equatable, Sendable {
    /// One overdue thing, named by its action ref.
    public struct Entry: Equatable, Sendable {
        public enum Kind: String, Equatable, Sendable { case milestone, review }
        public var kind: Kind
        public var ref: String
        /// The milestone's date, or the day the review fell due.
        public var due: String
        public var message: String
    }

    public var asAt: String
    public var entries: [Entry]

    /// Everything overdue in `session` as at `day` (`YYYY-MM-DD`).
    public init(_ session: Session, asAt day: String) {
        asAt = day
        entries = session.actions.flatMap { Overdue.entries(for: $0, session: session, asAt: day) }
    }

    public var milestoneCount: Int { entries.filter { $0.kind == .milestone }.count }
    public var reviewCount: Int { entries.filter { $0.kind == .review }.count }

    /// The overdue entries of one action.
    public func entries(for ref: String) -> [Entry] { entries.filter { $0.ref == ref } }

    static func entries(for action: Action, session: Session, asAt day: String) -> [Entry] {
        guard action.currentStatus != .complete else { return [] }
        var found: [Entry] = []
        let schedule = action.schedule
        for (index, milestone) in schedule.enumerated() where milestone.isOverdue(in: action, asAt: day) {
            let which = schedule.count > 1 ? "milestone \(index + 1) of \(schedule.count)" : "milestone"
            let output = milestone.output.isEmpty ? "" : " (\(milestone.output))"
            found.append(Entry(kind: .milestone, ref: action.ref, due: milestone.date,
                               message: "\(action.ref) \(which), \(Milestone.label(milestone.date))\(output), has passed and is not complete."))
        }
        if let months = ReviewFrequency.months(action.measure.frequency) {
            let last = action.latestUpdate?.date ?? session.date
            if let due = ReviewFrequency.adding(months: months, to: last), due < day {
                let since = action.latestUpdate == nil ? "planned on \(DayDate.longForm(last)) and never reviewed"
                    : "last reviewed \(DayDate.longForm(last))"
                found.append(Entry(kind: .review, ref: action.ref, due: due,
                                   message: "\(action.ref) is measured \(action.measure.frequency.lowercased()) but was \(since); a review was due by \(DayDate.longForm(due))."))
            }
        }
        return found
    }

    /// The day a session's status is reported as at: its latest progress review, or the workshop date.
    public static func statusDate(of session: Session) -> String {
        session.actions.compactMap { $0.latestUpdate?.date }.max() ?? session.date
    }
}
