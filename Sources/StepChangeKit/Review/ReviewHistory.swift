import Foundation

/// An action's progress history as `review --history` prints it: every update numbered in the order
/// recorded (the numbers `--corrects` and `--withdraw` take), in review order, with corrected and
/// withdrawn ones marked, then the status that stands.
public enum ReviewHistory {
    public static func text(of action: Action, width: Int = 80) -> String {
        var lines = ["\(action.ref): \(action.description)"]
        if action.updates.isEmpty {
            lines.append("  No progress updates yet; planned status \(action.status.label).")
        }
        for (number, update) in action.numberedHistory {
            let what = update.withdrawal == true ? "withdrawal" : "\(update.status.shortLabel)\(update.actual.map { ", actual \($0)" } ?? "")"
            var line = "  \(number). \(update.date)  \(what)  (\(update.reviewer))"
            if let standing = ProgressReview.standing(of: number, in: action) { line += "  [\(standing)]" }
            lines.append(line)
            if !update.note.isEmpty { lines.append(TextWrap.wrap(update.note, width: width, indent: "       ", firstIndent: "       ")) }
        }
        lines.append("  Latest status that stands: \(action.currentStatus.label) (\(action.currentStatus.rag.label))\(action.latestUpdate.map { ", from \($0.date)" } ?? "").")
        return lines.joined(separator: "\n") + "\n"
    }
}
