import Foundation

extension ActionStatus {
    /// Reads a status as people write it: the command-line names (`on-track`, `some-issues`), the short
    /// labels, the RAG colours, and the wording of council improvement plans ("Action complete",
    /// "Action not yet completed, but on track", "Activity progressing, some issues but realistic plans
    /// in place to recover", "Action not on track, risk to implementation"). Nil when it is none of these.
    public init?(typed text: String) {
        let words = String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
        let phrase = " \(words) "
        func has(_ part: String) -> Bool { phrase.contains(" \(part) ") }
        switch words {
        case "": return nil
        case "blue", "done", "completed", "finished": self = .complete; return
        case "green", "g": self = .onTrack; return
        case "amber", "a", "yellow": self = .someIssues; return
        case "red", "r": self = .notOnTrack; return
        case "grey", "gray", "not started", "notstarted", "none", "planned": self = .notStarted; return
        default: break
        }
        if has("not on track") || has("off track") || has("risk to implementation") {
            self = .notOnTrack
        } else if has("some issues") || has("issues") || has("recover") || has("recovery plan") {
            self = .someIssues
        } else if has("on track") || has("ontrack") {
            self = .onTrack
        } else if has("not started") || has("not yet started") {
            self = .notStarted
        } else if has("complete") || has("completed") {
            self = .complete
        } else {
            return nil
        }
    }

    /// The statuses a review can give, in the order the plan lists them.
    public static let reviewChoices: [ActionStatus] = [.complete, .onTrack, .someIssues, .notOnTrack]

    /// The order progress is summarised in: complete first, then the review statuses, not started last.
    public static let progressOrder: [ActionStatus] = reviewChoices + [.notStarted]

    /// How many of `actions` have each latest status, in `order`; statuses no action has are left out.
    public static func counts(of actions: [Action], in order: [ActionStatus] = progressOrder) -> [(status: ActionStatus, count: Int)] {
        let counts = Dictionary(actions.map { ($0.currentStatus, 1) }, uniquingKeysWith: +)
        return order.compactMap { status in counts[status].map { (status, $0) } }
    }
}
