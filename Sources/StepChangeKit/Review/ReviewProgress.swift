import Foundation

/// How far an interactive progress review got: the review date and the last action the reviewer
/// answered (an update recorded or "no change"), so running the same review again carries on after it.
public struct ReviewProgress: Codable, Equatable, Sendable {
    /// The review date, `YYYY-MM-DD`.
    public var date: String
    /// The ref of the last action answered in that review.
    public var lastRef: String

    public init(date: String, lastRef: String) {
        self.date = date
        self.lastRef = lastRef
    }

    /// Where a review dated `date` starts in `actions` (in reference order): after the last action
    /// answered in it, or after the last one with an update dated `date`; 0 for a new review.
    public static func start(in actions: [Action], date: String, progress: ReviewProgress?) -> Int {
        let updated = actions.lastIndex { $0.updates.contains { $0.date == date } }.map { $0 + 1 } ?? 0
        let answered = progress.flatMap { mark in
            mark.date == date ? actions.firstIndex { $0.ref == mark.lastRef }.map { $0 + 1 } : nil
        } ?? 0
        return max(updated, answered)
    }
}
