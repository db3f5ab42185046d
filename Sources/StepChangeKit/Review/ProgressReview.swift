import Foundation

/// Recording a progress review: each update is appended to the action's history with its date and
/// reviewer, never replacing what was recorded before. A mistake is put right by a new entry that
/// corrects or withdraws an earlier one (`supersedes`): both stay in the history, and only updates
/// that stand count for the action's latest status and actual.
public enum ProgressReview {
    /// Why a review date cannot be right, or nil: a review happens after the workshop and not after today.
    public static func dateProblem(_ date: String, session: Session, today: String) -> String? {
        guard DayDate.isValid(date) else { return "The review date \"\(date)\" is not a date; give it as YYYY-MM-DD." }
        if date > today { return "The review date \(date) is in the future (today is \(today))." }
        if date < session.date { return "The review date \(date) is before the workshop itself (\(session.date))." }
        return nil
    }

    /// How an update stands in its action's history, for showing beside it: "corrected by update 4",
    /// "withdrawn by update 4", "correction of update 2", "withdraws update 2", or nil for a plain update.
    public static func standing(of number: Int, in action: Action) -> String? {
        var parts: [String] = []
        if let update = action.updates.indices.contains(number - 1) ? action.updates[number - 1] : nil, let target = update.supersedes {
            parts.append(update.withdrawal == true ? "withdraws update \(target)" : "correction of update \(target)")
        }
        if let later = action.updates.indices.last(where: { action.updates[$0].supersedes == number }) {
            parts.append(action.updates[later].withdrawal == true ? "withdrawn by update \(later + 1)" : "corrected by update \(later + 1)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The session with `update` appended to the history of the action `ref` (matched ignoring case).
    public static func record(_ update: ProgressUpdate, on ref: String, in session: Session) throws(StepChangeError) -> Session {
        guard DayDate.isValid(update.date) else {
            throw StepChangeError(.usage, "The review date \"\(update.date)\" is not a date.", hint: "Give it as YYYY-MM-DD, for example 2026-11-19.")
        }
        guard !update.reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StepChangeError(.usage, "A progress update needs the name of the reviewer.", hint: "Give it with --reviewer NAME.")
        }
        var session = session
        for p in session.plans.indices {
            if let a = session.plans[p].actions.firstIndex(where: { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }) {
                let action = session.plans[p].actions[a]
                if let target = update.supersedes {
                    try checkSuperseding(target, withdrawal: update.withdrawal == true, in: action)
                }
                session.plans[p].actions[a].updates.append(update)
                session.updatedAt = max(session.updatedAt, update.recordedAt)
                return session
            }
        }
        throw noAction(ref, in: session)
    }

    /// The action with this ref (matched ignoring case), or an error naming the refs there are.
    public static func action(_ ref: String, in session: Session) throws(StepChangeError) -> Action {
        guard let action = session.actions.first(where: { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }) else {
            throw noAction(ref, in: session)
        }
        return action
    }

    static func noAction(_ ref: String, in session: Session) -> StepChangeError {
        let refs = session.actions.map(\.ref)
        var hint = refs.isEmpty ? "This session has no actions yet." : "Its actions are \(refs.joined(separator: ", "))."
        if let guess = Suggestion.closest(to: ref, among: refs) { hint = "Did you mean \(guess)? " + hint }
        return StepChangeError(.input, "There is no action \"\(ref)\" in \(session.id).", hint: hint)
    }

    /// Refuses to correct or withdraw an update that does not exist, is a withdrawal, or is already withdrawn.
    static func checkSuperseding(_ number: Int, withdrawal: Bool, in action: Action) throws(StepChangeError) {
        let count = action.updates.count
        guard (1...max(1, count)).contains(number), count > 0 else {
            throw StepChangeError(.input, count == 0 ? "\(action.ref) has no progress updates to \(withdrawal ? "withdraw" : "correct")."
                                                    : "\(action.ref) has no update \(number); its updates are numbered 1 to \(count).",
                                  hint: "See them numbered with: stepchange review SESSION --action \(action.ref) --history")
        }
        if action.updates[number - 1].withdrawal == true {
            throw StepChangeError(.input, "Update \(number) of \(action.ref) is itself a withdrawal and cannot be changed.",
                                  hint: "Record a new update with --status instead.")
        }
        if let later = action.updates.indices.last(where: { action.updates[$0].supersedes == number && action.updates[$0].withdrawal == true }) {
            throw StepChangeError(.input, "Update \(number) of \(action.ref) was already withdrawn by update \(later + 1).",
                                  hint: "Record a new update with --status instead.")
        }
    }

    /// A change to an action's milestones agreed at a review.
    public enum MilestoneChange: Equatable, Sendable {
        /// Milestone `number` (1-based) gets its own status.
        case status(number: Int, ActionStatus)
        /// Milestone `number` moves to `date` (a month or day) for `reason`, agreed on `on`; the old date is kept.
        case revise(number: Int, to: String, reason: String, on: String)
        /// A further milestone is added.
        case add(ActionMilestone)
    }

    /// The session with `change` made to the milestones of the action `ref`. The action's single planned
    /// milestone becomes milestone 1 of its list the first time its milestones change.
    public static func change(_ change: MilestoneChange, on ref: String, in session: Session) throws(StepChangeError) -> Session {
        var session = session
        guard let (p, a) = session.plans.indices.lazy.compactMap({ p in
            session.plans[p].actions.firstIndex { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }.map { (p, $0) }
        }).first else {
            let refs = session.actions.map(\.ref)
            var hint = refs.isEmpty ? "This session has no actions yet." : "Its actions are \(refs.joined(separator: ", "))."
            if let guess = Suggestion.closest(to: ref, among: refs) { hint = "Did you mean \(guess)? " + hint }
            throw StepChangeError(.input, "There is no action \"\(ref)\" in \(session.id).", hint: hint)
        }
        var action = session.plans[p].actions[a]
        var milestones = action.schedule
        func checked(_ number: Int) throws(StepChangeError) -> Int {
            guard milestones.indices.contains(number - 1) else {
                throw StepChangeError(.usage, "\(action.ref) has no milestone \(number).",
                                      hint: milestones.isEmpty ? "It has no milestones yet; add one with --add-milestone DATE." : "Its milestones are numbered 1 to \(milestones.count).")
            }
            return number - 1
        }
        func date(_ text: String) throws(StepChangeError) -> String {
            guard let date = PlanImport.parseMilestone(text) else {
                throw StepChangeError(.usage, "\"\(text)\" is not a month or a date.", hint: "Give \(Milestone.expected).")
            }
            return date
        }
        switch change {
        case .status(let number, let status):
            milestones[try checked(number)].status = status
        case .revise(let number, let to, let reason, let on):
            let index = try checked(number)
            let newDate = try date(to)
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StepChangeError(.usage, "Say why milestone \(number) of \(action.ref) moves with --reason TEXT.", hint: "The reason is kept with the earlier date.")
            }
            guard newDate != milestones[index].date else {
                throw StepChangeError(.usage, "Milestone \(number) of \(action.ref) is already \(Milestone.label(newDate)).")
            }
            milestones[index].revisions = (milestones[index].revisions ?? [])
                + [MilestoneRevision(previousDate: milestones[index].date, reason: reason, revisedOn: on)]
            milestones[index].date = newDate
        case .add(var milestone):
            milestone.date = try date(milestone.date)
            milestones.append(milestone)
        }
        action.milestones = milestones
        session.plans[p].actions[a] = action
        return session
    }

    /// Actions in reference order — by statement number, then action number (A1.2, A1.10, A2.1) —
    /// whatever order their plans were made in.
    public static func inReferenceOrder(_ actions: [Action]) -> [Action] {
        func key(_ ref: String) -> [Int] {
            ref.dropFirst().split(separator: ".").map { Int($0) ?? Int.max }
        }
        return actions.enumerated().sorted { lhs, rhs in
            let (l, r) = (key(lhs.element.ref), key(rhs.element.ref))
            return l == r ? lhs.offset < rhs.offset : l.lexicographicallyPrecedes(r)
        }.map(\.element)
    }
}
