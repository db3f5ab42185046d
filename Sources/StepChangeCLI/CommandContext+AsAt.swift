import Foundation
import StepChangeKit

extension CommandContext {
    /// The day overdue milestones and reviews are judged on: `--as-at DATE` when given, otherwise today.
    func asAt(_ invocation: Invocation) throws(StepChangeError) -> String {
        guard let typed = invocation.value("as-at") else { return today }
        guard DayDate.isValid(typed) else {
            throw StepChangeError(.usage, "--as-at \(typed) is not a date.", hint: "Give it as YYYY-MM-DD, for example the board meeting's date 2027-03-14.")
        }
        return typed
    }
}

extension OptionSpec {
    /// `--as-at DATE`: judge what is overdue on another day than today (a board meeting's date).
    static let asAt = OptionSpec("as-at", value: "YYYY-MM-DD", help: "Judge what is overdue on this day (default today).")
}
