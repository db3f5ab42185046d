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

    /// For each open milestone and each measure reviewed on a frequency, the first day it counts as
    /// overdue, sorted: the day after a dated milestone, the first of the month after a month milestone,
    /// the day after a review fell due. Complete actions and milestones have none.
    public static func startDays(of session: Session) -> [String] {
        session.actions.flatMap { startDays(of: $0, latest: $0.latestUpdate, sessionDate: session.date) }.sorted()
    }

    /// The start days of one action (unsorted), given its `latestUpdate`, which the caller has already found.
    static func startDays(of action: Action, latest: ProgressUpdate?, sessionDate: String) -> [String] {
        let current = latest?.status ?? action.status
        guard current != .complete else { return [] }
        var days: [String] = []
        for milestone in action.schedule where (milestone.status ?? current) != .complete {
            guard let date = Milestone.storedForm(milestone.date) ?? PlanImport.parseMilestone(milestone.date) else { continue }
            if let day = date.count == 7 ? ReviewFrequency.adding(months: 1, to: date + "-01") : dayAfter(date) {
                days.append(day)
            }
        }
        if let months = ReviewFrequency.months(action.measure.frequency),
           let due = ReviewFrequency.adding(months: months, to: latest?.date ?? sessionDate) {
            days.append(dayAfter(due))
        }
        return days
    }

    static func dayAfter(_ day: String) -> String {
        guard let (year, month, date) = DayDate.parse(day) else { return day }
        if date < DayDate.daysIn(month: month, year: year) { return DayDate.text(year: year, month: month, day: date + 1) }
        return ReviewFrequency.adding(months: 1, to: DayDate.text(year: year, month: month, day: 1)) ?? day
    }

    /// The day a session's status is reported as at: its latest progress review, or the workshop date.
    public static func statusDate(of session: Session) -> String {
        session.actions.compactMap { $0.latestUpdate?.date }.max() ?? session.date
    }
}

extension Overdue {
    /// The overdue entries as plan-check warnings (`milestone-overdue`, `review-overdue`), for `check` and `show`.
    public var findings: [PlanFinding] {
        entries.map { entry in
            PlanFinding(.warning, rule: "\(entry.kind.rawValue)-overdue", subject: entry.ref, message: entry.message + " (as at \(DayDate.longForm(asAt)))")
        }
    }

    /// The plan checks with what is overdue on `day` added, errors first, then warnings, then notes.
    public static func checkFindings(_ session: Session, asAt day: String) -> [PlanFinding] {
        let all = PlanCheck.findings(in: session) + Overdue(session, asAt: day).findings
        return all.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }.map(\.element)
    }
}
