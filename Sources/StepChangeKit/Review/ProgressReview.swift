import Foundation

/// Recording a progress review: each update is appended to the action's history with its date and
/// reviewer, never replacing what was recorded before.
public enum ProgressReview {
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
                session.plans[p].actions[a].updates.append(update)
                session.updatedAt = max(session.updatedAt, update.recordedAt)
                return session
            }
        }
        let refs = session.actions.map(\.ref)
        var hint = refs.isEmpty ? "This session has no actions yet." : "Its actions are \(refs.joined(separator: ", "))."
        if let guess = Suggestion.closest(to: ref, among: refs) { hint = "Did you mean \(guess)? " + hint }
        throw StepChangeError(.input, "There is no action \"\(ref)\" in \(session.id).", hint: hint)
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
