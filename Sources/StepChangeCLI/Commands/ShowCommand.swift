import Foundation
import StepChangeKit

extension Command {
    /// `stepchange show`: one screen on a session — consensus by heading, statements, action status, plan check.
    static let show = Command(
        name: "show",
        summary: "Show a one-screen summary of a session: consensus, statements, action progress and plan check.",
        usage: "stepchange show SESSION [--as-at YYYY-MM-DD] [--sessions DIR]",
        discussion: "SESSION is a session id, a unique start of one, or a path to a session file.",
        examples: ["stepchange show 2025-11-20-riverside-child-poverty-self-assessment", "stepchange show 2026-11"],
        options: [.sessions, .asAt], arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let (session, url) = try store.load(invocation.positionals[0])
        let command = { (name: String) in WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context, command: name) }
        context.terminal.write(SessionOverviewText.render(session, width: context.width, style: context.style,
                                                          today: try context.asAt(invocation), command: command))
        return 0
    }
}

/// The terminal rendering of `show`: heading bars, statements, the action plan's status and what `check` finds.
enum SessionOverviewText {
    /// `command` gives the full command line for another command on this session (`review`, `check`).
    static func render(_ session: Session, width: Int, style: Style, today: String, command: (String) -> String) -> String {
        var out: [String] = []
        out.append(style.bold(TextWrap.oneLine(session.title)) + " (\(session.date), \(session.stage.rawValue))")
        var facts = [TextWrap.oneLine(session.partnership), "\(session.framework.id) v\(session.framework.version)",
                     "\(session.participants.count) participant\(session.participants.count == 1 ? "" : "s")"]
        if !session.facilitator.isEmpty { facts.append("facilitated by \(TextWrap.oneLine(session.facilitator))") }
        out.append(facts.filter { !$0.isEmpty }.joined(separator: " · "))
        out.append("Id: \(session.id)")
        if let survey = session.survey {
            out.append("Survey: \(survey.respondents) response\(survey.respondents == 1 ? "" : "s") to \(survey.items.count) items, \(survey.comments.count) comment\(survey.comments.count == 1 ? "" : "s") (from \(survey.source))")
        }

        let summary = AssessmentSummary(session: session)
        let scale = session.framework.scale
        out += ["", style.bold("Consensus by heading") + " (mean of agreed scores on the \(scale.lowest)–\(scale.highest) scale)"]
        let titleWidth = min(40, summary.headings.map { $0.heading.id.count + 2 + $0.heading.title.count }.max() ?? 0)
        for heading in summary.headings {
            let label = TextWrap.clip("\(heading.heading.id)  \(heading.heading.title)", to: titleWidth).padding(toLength: titleWidth, withPad: " ", startingAt: 0)
            let value = heading.mean.map { String(format: "%.2f", $0) } ?? "  - "
            out.append("  \(label)  \(bar(heading.mean, scale: scale))  \(value)  (\(heading.agreedCount) of \(heading.items.count) agreed)")
        }
        let overall = summary.overallMean.map { String(format: "%.2f", $0) } ?? "-"
        out.append("  " + "Overall".padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  \(bar(summary.overallMean, scale: scale))  \(overall)  (\(summary.agreedCount) of \(summary.items.count) agreed)")
        let divergent = summary.mostDivergent.prefix(4).map(\.item.id)
        if !divergent.isEmpty {
            out.append("  Widest first-round disagreement: " + divergent.joined(separator: ", "))
        }

        out += ["", style.bold("Improvement statements") + " (\(session.statements.count))"]
        if session.statements.isEmpty { out.append("  None yet.") }
        let votes = VoteTally(session: session)
        for statement in session.statements {
            let count = votes.votes(for: statement.id)
            let tally = session.votes.isEmpty ? "" : "\(count) vote\(count == 1 ? "" : "s")".padding(toLength: 10, withPad: " ", startingAt: 0)
            let planned = session.planned.isEmpty ? "" : (session.planned.contains(statement.id) ? "planned  " : "         ")
            let prefix = "  " + statement.id.padding(toLength: 4, withPad: " ", startingAt: 0) + tally + planned
            out.append(prefix + TextWrap.clip(statement.text, to: max(20, width - prefix.count)))
        }

        let actions = session.actions
        out += ["", style.bold("Action plan") + " (\(actions.count) action\(actions.count == 1 ? "" : "s"))"]
        if actions.isEmpty {
            out.append("  No actions yet.")
        } else {
            out.append("  " + ActionStatus.counts(of: actions).map { "\($0.count) \($0.status.shortLabel) (\($0.status.rag.label))" }.joined(separator: ", "))
            let latest = actions.compactMap { $0.latestUpdate?.date }.max()
            out.append("  Latest review: " + (latest ?? "none yet — record one with `\(command("review"))`"))
        }

        let findings = Overdue.checkFindings(session, asAt: today)
        let overdue = Overdue(session, asAt: today)
        let overdueNote = overdue.entries.isEmpty ? "" : style.yellow(" — overdue on \(DayDate.longForm(today)): \(overdue.milestoneCount) milestone\(overdue.milestoneCount == 1 ? "" : "s"), \(overdue.reviewCount) review\(overdue.reviewCount == 1 ? "" : "s")")
        out += ["", style.bold("Plan check") + ": " + PlanCheck.countsDescription(findings) + overdueNote]
        let shown = 3
        out += PlanCheck.lines(Array(findings.prefix(shown))).map { TextWrap.clip($0, to: width) }
        if findings.count > shown {
            out.append("  … and \(findings.count - shown) more: run `\(command("check"))`")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A 20-cell bar from the bottom to the top of the scale; empty when there is no value.
    static func bar(_ value: Double?, scale: Scale, cells: Int = 20) -> String {
        guard let value, scale.highest > scale.lowest else { return String(repeating: "·", count: cells) }
        let fraction = (value - Double(scale.lowest)) / Double(scale.highest - scale.lowest)
        let filled = max(0, min(cells, Int((fraction * Double(cells)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "·", count: cells - filled)
    }
}
