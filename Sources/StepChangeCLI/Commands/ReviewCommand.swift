import Foundation
import StepChangeKit

extension Command {
    static let reviewUsage = "stepchange review SESSION [--action REF (--status STATUS | --corrects N | --withdraw N | --history) [--actual VALUE [--period MONTH]] [--note TEXT]] [--action REF --milestone N (--milestone-status STATUS | --revise-to DATE --reason TEXT)] [--action REF --add-milestone DATE [--milestone-output TEXT]] [--date YYYY-MM-DD] [--reviewer NAME] [--sessions DIR] [--break-lock]"
    static let milestoneUsage = "stepchange review SESSION --action REF (--milestone N (--milestone-status STATUS | --revise-to DATE --reason TEXT) | --add-milestone DATE [--milestone-output TEXT])"

    /// `stepchange review`: the quarterly progress review of a session's actions.
    static let review = Command(
        name: "review",
        summary: "Review progress on a session's actions: new status, note and the measure's actual.",
        usage: reviewUsage,
        discussion: """
        Without --action, goes through every action in turn: its current status and last note, then the new
        status (Enter keeps it), a note and the actual value of its measure for this period. Each update is
        saved as soon as it is entered, with its date and reviewer; earlier updates are never changed.
        A review date must fall between the workshop and today (at a terminal you may confirm another).
        A mistaken update is put right by a new entry: --corrects N replaces update N (the numbers are shown by
        --history), --withdraw N takes it back. Both stay in the history; only updates that stand count for
        the latest status and actual.
        STATUS is complete, on-track, some-issues or not-on-track; the plan's own wording ("Action complete",
        "Action not yet completed, but on track", …) is accepted too.
        An actual belongs to the month of the review date unless --period names the month it is for.
        Milestones: --milestone N --milestone-status STATUS marks one of an action's milestones; --milestone N
        --revise-to DATE --reason TEXT moves it (the earlier date and the reason are kept); --add-milestone DATE
        [--milestone-output TEXT] adds another. Interim targets are written in the measure's target,
        "6 by March 2027; 12 by March 2028", and shown beside the actuals in `export --part measures`.
        """,
        examples: ["stepchange review 2025-11-20-riverside-child-poverty-self-assessment --reviewer \"Fiona MacLeod\"",
                   "stepchange review 2025-11 --action A4.3 --status on-track --actual 41 --note \"Operator scheme agreed\" --date 2026-02-25 --reviewer \"Fiona MacLeod\"",
                   "stepchange review 2025-11 --action A4.3 --history",
                   "stepchange review 2025-11 --action A4.3 --corrects 2 --date 2026-03-01 --reviewer \"Fiona MacLeod\"",
                   "stepchange review 2025-11 --action A4.3 --withdraw 3 --note \"Entered on the wrong action\" --reviewer \"Fiona MacLeod\"",
                   "stepchange review 2025-11 --action A4.3 --milestone 1 --revise-to 2027-06 --reason \"Operator procurement delayed\""],
        options: [.sessions,
                  OptionSpec("action", value: "REF", help: "The action to update (for example A1.2); without it the review is interactive."),
                  OptionSpec("status", value: "STATUS", help: "complete, on-track, some-issues or not-on-track."),
                  OptionSpec("actual", value: "VALUE", help: "The measure's actual value for this period."),
                  OptionSpec("note", value: "TEXT", help: "What has happened since the last review."),
                  OptionSpec("period", value: "MONTH", help: "The month the actual is for (default the review date's month)."),
                  OptionSpec("milestone", value: "N", help: "Which of the action's milestones to change (1 is the first)."),
                  OptionSpec("milestone-status", value: "STATUS", help: "The milestone's own status."),
                  OptionSpec("revise-to", value: "DATE", help: "Move the milestone to this month or date (needs --reason)."),
                  OptionSpec("reason", value: "TEXT", help: "Why the milestone moves; kept with the earlier date."),
                  OptionSpec("add-milestone", value: "DATE", help: "Add a further milestone to the action."),
                  OptionSpec("milestone-output", value: "TEXT", help: "The output expected by the added milestone."),
                  OptionSpec("date", value: "YYYY-MM-DD", help: "The review date (default today)."),
                  OptionSpec("reviewer", value: "NAME", help: "Who reviewed (default $STEPCHANGE_REVIEWER, then $USER)."),
                  OptionSpec("corrects", value: "N", help: "Put right update N of the action: a new entry that replaces it (its date, status, actual and note unless given)."),
                  OptionSpec("withdraw", value: "N", help: "Take back update N of the action (a --note gives the reason); the history keeps both."),
                  OptionSpec("history", help: "With --action: list the action's updates, numbered, marking corrected and withdrawn ones."),
                  .breakLock],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let url = try store.resolve(invocation.positionals[0])
        let typedDate = invocation.value("date")
        if let typedDate, !DayDate.isValid(typedDate) {
            throw StepChangeError(.usage, "--date \(typedDate) is not a date.", hint: "Give it as YYYY-MM-DD, for example 2026-11-19.")
        }
        let corrects = try WorkshopLaunch.number(invocation, "corrects", in: 1...1_000_000)
        let withdraws = try WorkshopLaunch.number(invocation, "withdraw", in: 1...1_000_000)
        if corrects != nil && withdraws != nil {
            throw StepChangeError(.usage, "Choose one of --corrects and --withdraw.", hint: "Usage: \(reviewUsage)")
        }
        if invocation.value("action") == nil, corrects != nil || withdraws != nil || invocation.flag("history") {
            throw StepChangeError(.usage, "--corrects, --withdraw and --history concern one action: name it with --action REF.",
                                  hint: "Usage: \(reviewUsage)")
        }
        if withdraws != nil && (invocation.value("status") != nil || invocation.value("actual") != nil) {
            throw StepChangeError(.usage, "--withdraw takes back an update; it takes no --status or --actual (a --note gives the reason).",
                                  hint: "To put an update right instead, use --corrects N with the right --status, --actual or --note.")
        }
        if invocation.flag("history") {
            let session = try store.load(url)
            let action = try ProgressReview.action(invocation.value("action") ?? "", in: session)
            context.terminal.write(ReviewHistory.text(of: action, width: context.width))
            return 0
        }
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        var session = try store.load(url)
        let reviewer = (invocation.value("reviewer") ?? context.environment["STEPCHANGE_REVIEWER"] ?? context.environment["USER"]).map { InboundText.clean($0) }

        guard let ref = invocation.value("action") else {
            if invocation.value("status") != nil || invocation.value("actual") != nil || invocation.value("note") != nil {
                throw StepChangeError(.usage, "--status, --actual and --note update one action: name it with --action REF.",
                                      hint: "Usage: \(reviewUsage)")
            }
            let date = try confirmedDate(typedDate ?? context.today, session: session, context: context)
            var review = ProgressReviewSession(context: context, store: store, url: url, date: date, reviewer: reviewer)
            review.reviewerGiven = invocation.value("reviewer") != nil
            let stopped = "\nStopped. Every update entered is saved in \(context.displayPath(url)).\nContinue with: \(review.resumeCommand)\n"
            StopSignals.install(hint: stopped, lockPath: lock.path)
            defer { StopSignals.remove() }
            return try review.run(&session)
        }
        let milestoneOptions = ["milestone", "milestone-status", "revise-to", "reason", "add-milestone", "milestone-output"]
        if milestoneOptions.contains(where: { invocation.value($0) != nil }) {
            let change = try milestoneChange(invocation, date: try confirmedDate(typedDate ?? context.today, session: session, context: context))
            session = try ProgressReview.change(change, on: ref, in: session)
            session.updatedAt = max(session.updatedAt, context.time.now)
            try store.save(session, to: url)
            guard let action = session.actions.first(where: { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }) else { return 0 }
            let lines = action.schedule.enumerated().map { index, milestone in
                "  \(index + 1). \(Milestone.label(milestone.date)) — \(milestone.status(in: action).shortLabel)" + (milestone.output.isEmpty ? "" : ": \(milestone.output)")
                    + ((milestone.revisions ?? []).isEmpty ? "" : " (revised from \(milestone.revisions!.map { Milestone.label($0.previousDate) }.joined(separator: ", then ")))")
            }
            context.terminal.writeLine("\(action.ref) milestones, saved to \(context.displayPath(url)):\n" + lines.joined(separator: "\n"))
            if invocation.value("status") == nil { return 0 }
        }
        let action = session.actions.first { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }
        let target = (corrects ?? withdraws).flatMap { number in action.flatMap { $0.updates.indices.contains(number - 1) ? $0.updates[number - 1] : nil } }
        let status: ActionStatus
        if let statusText = invocation.value("status") {
            guard let typed = ActionStatus(typed: statusText) else {
                throw StepChangeError(.usage, "--status \"\(statusText)\" is not a status.",
                                      hint: "Use complete, on-track, some-issues or not-on-track (or the plan's wording, such as \"Action not yet completed, but on track\").")
            }
            status = typed
        } else if let target {
            status = target.status
        } else if corrects == nil && withdraws == nil {
            throw StepChangeError(.usage, "--action needs --status: complete, on-track, some-issues or not-on-track.",
                                  hint: "Usage: \(reviewUsage)\nTo see the action's updates numbered: stepchange review \(invocation.positionals[0]) --action \(ref) --history")
        } else {
            status = .notStarted
        }
        guard let reviewer, !reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StepChangeError(.usage, "Say who reviewed the action with --reviewer NAME.")
        }
        let date = try confirmedDate(typedDate ?? (corrects != nil ? target?.date : nil) ?? context.today, session: session, context: context)
        let typedActual = invocation.value("actual")?.trimmingCharacters(in: .whitespaces)
        let actual = withdraws != nil ? nil : typedActual ?? (corrects != nil ? target?.actual : nil)
        var period: String?
        if let typed = invocation.value("period") {
            guard let parsed = PlanImport.parseMilestone(typed) else {
                throw StepChangeError(.usage, "--period \(typed) is not a month.", hint: "Give the month the actual is for, such as 2027-03 or March 2027.")
            }
            guard typedActual != nil else { throw StepChangeError(.usage, "--period says which month --actual is for: give --actual VALUE too.") }
            period = String(parsed.prefix(7))
        }
        let note = invocation.value("note") ?? (corrects != nil ? target?.note ?? "" : "")
        let update = ProgressUpdate(date: date, reviewer: reviewer.trimmingCharacters(in: .whitespaces), status: status, note: note,
                                    actual: actual.flatMap { $0.isEmpty ? nil : $0 }, period: period, recordedAt: context.time.now,
                                    supersedes: corrects ?? withdraws, withdrawal: withdraws != nil ? true : nil)
        session = try ProgressReview.record(update, on: ref, in: session)
        try store.save(session, to: url)
        let recorded = session.actions.first { $0.ref.caseInsensitiveCompare(ref) == .orderedSame }
        let shownRef = recorded?.ref ?? ref
        let number = recorded?.updates.count ?? 0
        let saved = "Saved to \(context.displayPath(url))."
        if let withdrawn = withdraws {
            let now = recorded?.currentStatus ?? status
            context.terminal.writeLine("\(shownRef): update \(withdrawn) withdrawn (update \(number), reviewed by \(update.reviewer)); the latest status is now \(now.label) (\(now.rag.label)). \(saved)")
        } else {
            let corrected = corrects.map { ", correcting update \($0)" } ?? ""
            context.terminal.writeLine("\(shownRef): \(status.label) (\(status.rag.label)) on \(date), reviewed by \(update.reviewer)\(update.actual.map { "; actual \($0)" } ?? "") (update \(number)\(corrected)). \(saved)")
        }
        return 0
    }

    /// The review date once it is known to fall between the workshop and today; outside that range it is
    /// refused, or at a terminal confirmed.
    static func confirmedDate(_ date: String, session: Session, context: CommandContext) throws(StepChangeError) -> String {
        guard let problem = ProgressReview.dateProblem(date, session: session, today: context.today) else { return date }
        if context.terminal.isInteractive {
            context.terminal.write("\(problem) Record the review on \(date) anyway? [y/N]: ")
            if ["y", "yes"].contains(context.terminal.readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "") { return date }
        }
        throw StepChangeError(.input, "\(problem) Nothing was recorded.",
                              hint: "Give the date of the review with --date YYYY-MM-DD, from \(session.date) to \(context.today).")
    }
}

extension Command {
    /// The milestone change the review options ask for; a usage error naming what is missing or contradictory.
    static func milestoneChange(_ invocation: Invocation, date: String) throws(StepChangeError) -> ProgressReview.MilestoneChange {
        if let added = invocation.value("add-milestone") {
            guard invocation.value("milestone") == nil, invocation.value("revise-to") == nil, invocation.value("milestone-status") == nil else {
                throw StepChangeError(.usage, "--add-milestone adds a new milestone; change an existing one in a separate command.", hint: "Usage: \(milestoneUsage)")
            }
            return .add(ActionMilestone(date: added, output: TerminalSafeText.cleanInput(invocation.value("milestone-output") ?? "")))
        }
        guard let numberText = invocation.value("milestone") else {
            throw StepChangeError(.usage, "Say which milestone with --milestone N (1 is the first), or add one with --add-milestone DATE.", hint: "Usage: \(milestoneUsage)")
        }
        guard let number = Int(numberText), number >= 1 else {
            throw StepChangeError(.usage, "--milestone \(numberText) is not a milestone number.", hint: "Give 1 for the first milestone, 2 for the second…")
        }
        if let to = invocation.value("revise-to") {
            guard invocation.value("milestone-status") == nil else {
                throw StepChangeError(.usage, "Give --revise-to or --milestone-status, one at a time.", hint: "Usage: \(milestoneUsage)")
            }
            return .revise(number: number, to: to, reason: TerminalSafeText.cleanInput(invocation.value("reason") ?? ""), on: date)
        }
        guard let statusText = invocation.value("milestone-status") else {
            throw StepChangeError(.usage, "--milestone \(number) needs --milestone-status STATUS or --revise-to DATE --reason TEXT.", hint: "Usage: \(milestoneUsage)")
        }
        guard let status = ActionStatus(typed: statusText) else {
            throw StepChangeError(.usage, "--milestone-status \"\(statusText)\" is not a status.", hint: "Use complete, on-track, some-issues or not-on-track.")
        }
        return .status(number: number, status)
    }
}

/// The interactive progress review: each action in turn, saved after each one.
struct ProgressReviewSession {
    let context: CommandContext
    let store: SessionStore
    let url: URL
    var date: String
    var reviewer: String?
    /// True when --reviewer named the reviewer: the review does not ask again.
    var reviewerGiven = false

    /// Asks a question; nil at end of input or when the user types q to stop.
    func ask(_ question: String) -> String? {
        context.terminal.write(question)
        guard let line = context.terminal.readAnswer() else {
            context.terminal.writeLine()
            return nil
        }
        let answer = TerminalSafeText.cleanInput(line).trimmingCharacters(in: .whitespaces)
        return ["q", "quit"].contains(answer.lowercased()) ? nil : answer
    }

    /// Writes a line fitted to the terminal's width.
    func say(_ text: String = "") {
        context.terminal.writeLine(TextWrap.fit(text, width: context.width))
    }

    func run(_ session: inout Session) throws(StepChangeError) -> Int32 {
        let style = context.style
        let all = ProgressReview.inReferenceOrder(session.actions)
        guard !all.isEmpty else {
            say("\(session.id) has no actions to review yet.")
            return 0
        }
        say(style.bold("Progress review: \(session.title) (\(session.date))"))
        let resumeAt = ReviewProgress.start(in: all, date: date, progress: session.reviewProgress)
        let actions = Array(all[resumeAt...])
        guard !actions.isEmpty else {
            say("Every action has been reviewed on \(date): this review is complete. Give --date for another review.")
            return 0
        }
        if resumeAt > 0 {
            say("Continuing the review of \(date): \(resumeAt) of \(all.count) actions already reviewed that day; carrying on from \(actions[0].ref).")
        }
        say("\(actions.count) action\(actions.count == 1 ? "" : "s") in reference order. Enter keeps the current status; q stops (everything entered so far is saved).")
        var reviewer = self.reviewer ?? ""
        if reviewerGiven, !reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
            say("Reviewer: \(reviewer)")
        } else {
            guard let name = ask("Reviewer\(reviewer.isEmpty ? "" : " [\(reviewer)]"): ") else { return stopped(0) }
            if !name.isEmpty { reviewer = name }
        }
        while reviewer.isEmpty {
            say("Please type the name of the person recording this review.")
            guard let again = ask("Reviewer: ") else { return stopped(0) }
            reviewer = again
        }
        var recorded = 0
        for (index, action) in actions.enumerated() {
            let index = index + resumeAt
            say("")
            say(style.bold("\(action.ref)  (\(index + 1) of \(all.count))"))
            say(TextWrap.wrap(action.description, width: context.width, indent: "  "))
            if !action.lead.isEmpty || !action.milestone.isEmpty {
                say("  Lead: \(action.lead.isEmpty ? "-" : action.lead)   Milestone: \(action.milestone.isEmpty ? "-" : action.milestone)")
            }
            if !action.measure.isEmpty {
                let measure = action.measure
                say(TextWrap.wrap("Measure: \(measure.indicator) — baseline \(measure.baseline.isEmpty ? "-" : measure.baseline), target \(measure.target.isEmpty ? "-" : measure.target)", width: context.width, indent: "    ", firstIndent: "  "))
            }
            let current = action.currentStatus
            var now = "  Now: \(current.label) (\(current.rag.label))"
            if let latest = action.latestUpdate { now += ", last reviewed \(latest.date) by \(latest.reviewer)" }
            say(now)
            if let note = action.effectiveHistory.last(where: { !$0.note.isEmpty })?.note {
                say(TextWrap.wrap("Last note: \(note)", width: context.width, indent: "    ", firstIndent: "  "))
            }
            if let actual = action.latestActual {
                say("  Last actual: \(actual.value) (\(actual.date))")
            }
            for entry in Overdue(session, asAt: date).entries(for: action.ref) {
                say(TextWrap.wrap(style.yellow("Overdue: ") + entry.message, width: context.width, indent: "    ", firstIndent: "  "))
            }
            let choices = ActionStatus.reviewChoices.enumerated().map { "\($0.offset + 1) \($0.element.shortLabel)" }.joined(separator: ", ")
            var status: ActionStatus?
            while status == nil {
                guard let answer = ask("  New status — \(choices) [Enter keeps \(current.shortLabel)]: ") else { return stopped(recorded) }
                if answer.isEmpty {
                    status = current
                } else if let number = Int(answer), (1...ActionStatus.reviewChoices.count).contains(number) {
                    status = ActionStatus.reviewChoices[number - 1]
                } else if let typed = ActionStatus(typed: answer) {
                    status = typed
                } else {
                    say("  \"\(answer)\" is not a status. Type 1–4, a status such as \"on track\", Enter to keep it, or q to stop.")
                }
            }
            guard let note = ask("  Note [Enter for none]: ") else { return stopped(recorded) }
            var actual = ""
            if !action.measure.isEmpty {
                guard let value = ask("  Actual for \"\(action.measure.indicator)\" this period [Enter for none]: ") else { return stopped(recorded) }
                actual = value
            }
            if status == current && note.isEmpty && actual.isEmpty {
                guard let moved = try reviewPassedMilestones(of: action.ref, in: &session) else { return stopped(recorded) }
                recorded += moved
                session.reviewProgress = ReviewProgress(date: date, lastRef: action.ref)
                try store.save(session, to: url)
                if moved == 0 { say("  No change recorded.") }
                continue
            }
            let update = ProgressUpdate(date: date, reviewer: reviewer, status: status!, note: note,
                                        actual: actual.isEmpty ? nil : actual, recordedAt: context.time.now)
            session = try ProgressReview.record(update, on: action.ref, in: session)
            session.reviewProgress = ReviewProgress(date: date, lastRef: action.ref)
            try StopSignals.whileSaving { () throws(StepChangeError) in
                do throws(StepChangeError) {
                    try store.save(session, to: url)
                } catch {
                    StopSignals.setUnsaved("\nStopped. The update to \(action.ref) could NOT be saved to \(context.displayPath(url)); the updates before it are saved.\nContinue with: \(resumeCommand)\n")
                    throw error
                }
            }
            recorded += 1
            say("  Saved: \(status!.label) (\(status!.rag.label)).")
            guard let moved = try reviewPassedMilestones(of: action.ref, in: &session) else { return stopped(recorded) }
            recorded += moved
        }
        say("")
        say("Review complete: \(recorded) update\(recorded == 1 ? "" : "s") recorded on \(date), saved to \(context.displayPath(url)).")
        return 0
    }

    /// For each milestone of the action whose date has passed without completion: mark it complete, move
    /// it (with the reason, the earlier date kept) or leave it. Each change is saved at once. The number of
    /// changes, or nil when the user stops.
    func reviewPassedMilestones(of ref: String, in session: inout Session) throws(StepChangeError) -> Int? {
        guard let action = session.actions.first(where: { $0.ref == ref }) else { return 0 }
        var changes = 0
        for (index, milestone) in action.schedule.enumerated() where milestone.isOverdue(in: action, asAt: date) {
            let which = action.schedule.count > 1 ? "Milestone \(index + 1)" : "The milestone"
            var change: ProgressReview.MilestoneChange?
            while change == nil {
                guard let answer = ask("  \(which), \(Milestone.label(milestone.date)), has passed: c if complete, a new date to move it, Enter to leave it: ") else { return nil }
                if answer.isEmpty { break }
                if ["c", "complete", "done"].contains(answer.lowercased()) {
                    change = .status(number: index + 1, .complete)
                } else if PlanImport.parseMilestone(answer) != nil {
                    guard let reason = ask("  Why does it move to \(Milestone.label(PlanImport.parseMilestone(answer) ?? answer))? ") else { return nil }
                    guard !reason.isEmpty else {
                        context.terminal.writeLine("  A moved milestone needs a reason; it is kept with the earlier date.")
                        continue
                    }
                    change = .revise(number: index + 1, to: answer, reason: reason, on: date)
                } else {
                    context.terminal.writeLine("  \"\(answer)\" is not c or a date. Type c, \(Milestone.expected), or Enter to leave it.")
                }
            }
            guard let change else { continue }
            session = try ProgressReview.change(change, on: ref, in: session)
            let saving = session
            try StopSignals.whileSaving { () throws(StepChangeError) in
                try store.save(saving, to: url)
            }
            changes += 1
            context.terminal.writeLine("  Saved: \(which.lowercased()) \(change == .status(number: index + 1, .complete) ? "marked complete" : "moved").")
        }
        return changes
    }

    /// Ends the review; when output failed (a full disk, a closed pipe) the message goes to stderr, naming the failure.
    func stopped(_ recorded: Int) -> Int32 {
        let message = "Review stopped: \(recorded) update\(recorded == 1 ? "" : "s") saved. Run `\(resumeCommand)` to continue."
        guard let failure = context.terminal.outputFailure else {
            context.terminal.writeLine(message)
            return 0
        }
        context.terminal.writeErrorLine("Stopped: \(failure). " + message)
        context.reportedOutputFailure = true
        return 1
    }

    /// The command that carries on this review, with `--sessions` when the session is not in ./Sessions.
    var resumeCommand: String {
        WorkshopLaunch.resumeCommand(for: url, id: url.deletingPathExtension().lastPathComponent, store: store, context: context, command: "review")
    }
}
