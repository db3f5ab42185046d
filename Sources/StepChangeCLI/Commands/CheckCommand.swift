import Foundation
import StepChangeKit

extension Command {
    /// `stepchange check`: the plan checks for a session, as text or JSON; exit 1 when there are errors.
    static let check = Command(
        name: "check",
        summary: "Check a session's improvement plan: errors, warnings and notes.",
        usage: "stepchange check SESSION [--as-at YYYY-MM-DD] [--json] [--sessions DIR]",
        discussion: """
            Errors: an action without a lead, milestone or measure; a planned statement without outcomes at all three horizons.
            Warnings: a short-term outcome no action serves; an action serving no outcome; a milestone before the session date;
            more than half the actions existing activity; a statement that responds to no assessed item;
            a milestone whose date has passed (as at today, or --as-at DATE) without being complete; an action not reviewed
            within its measure's frequency (monthly, quarterly, termly, six-monthly, annual).
            Notes: no participant from the third sector or with lived experience; statements voted for but not planned.
            Exits 0 when there are no errors, 1 when there are.
            """,
        examples: ["stepchange check 2026-11-23-riverside", "stepchange check Sessions/2026-11-23-riverside.json --json"],
        options: [.sessions, .asAt, OptionSpec("json", help: "Print the findings as JSON.")],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let reference = invocation.positionals[0]
        let url = reference.contains("/") || reference.hasSuffix(".json")
            ? try store.resolve(context.url(reference).path) : try store.resolve(reference)
        let session = try store.load(url)
        let findings = Overdue.checkFindings(session, asAt: try context.asAt(invocation))
        if invocation.flag("json") {
            context.terminal.write(CheckReport(session: session, findings: findings).json)
        } else {
            let style = context.style
            context.terminal.writeLine(style.bold("Plan check for \(session.title) (\(session.id))") + ": \(PlanCheck.countsDescription(findings))")
            for (finding, line) in zip(findings, PlanCheck.lines(findings)) {
                switch finding.level {
                case .error: context.terminal.writeLine(style.red(line))
                case .warning: context.terminal.writeLine(style.yellow(line))
                case .note: context.terminal.writeLine(line)
                }
            }
            if findings.isEmpty { context.terminal.writeLine(PlanCheck.lines([])[0]) }
        }
        return PlanCheck.hasErrors(findings) ? 1 : 0
    }
}

/// The machine-readable form of `stepchange check --json`.
struct CheckReport: Encodable {
    let session: String
    let title: String
    let errors: Int
    let warnings: Int
    let notes: Int
    let findings: [PlanFinding]

    init(session: Session, findings: [PlanFinding]) {
        self.session = session.id
        self.title = session.title
        self.errors = findings.filter { $0.level == .error }.count
        self.warnings = findings.filter { $0.level == .warning }.count
        self.notes = findings.filter { $0.level == .note }.count
        self.findings = findings
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
