import Foundation

/// One statement's outcome plan as plain text: the chain from long-term outcome to short-term
/// outcomes, what exists, the gaps, the actions with their details and the assumptions.
public enum PlanningBoard {
    public static func plan(for statementID: String, in session: Session) -> String {
        guard let statement = session.statement(statementID) else { return "No statement \(statementID)." }
        let plan = session.plan(for: statement.id) ?? OutcomePlan(statementID: statement.id)
        var lines = ["\(statement.id)  \(statement.text)", PlanningStage.outcomeLines(plan),
                     PlanningStage.numbered("What already exists", plan.existingProvision.map { ($0.text, $0.outcomeIDs) }),
                     PlanningStage.numbered("Gaps", plan.gaps.map { ($0.text, $0.outcomeIDs) })]
        if plan.actions.isEmpty { lines.append("Actions: none yet.") } else { lines.append("Actions:") }
        for action in plan.actions {
            lines.append("  \(action.ref)  \(action.description)")
            let details: [(String, String)] = [
                ("serves", action.outcomeIDs.joined(separator: ", ")), ("objective", action.objective), ("lead", action.lead),
                ("partners", action.partners.joined(separator: ", ")), ("resources", action.resources), ("risk", action.risk),
                ("milestone", action.milestone.isEmpty ? "" : Milestone.label(action.milestone)),
                ("measure", [action.measure.indicator, action.measure.baseline.isEmpty ? "" : "baseline \(action.measure.baseline)",
                             action.measure.target.isEmpty ? "" : "target \(action.measure.target)",
                             action.measure.frequency.isEmpty ? "" : "reviewed \(action.measure.frequency)"].filter { !$0.isEmpty }.joined(separator: "; ")),
                ("output or impact", action.outputImpact),
                ("theme", action.theme.isEmpty ? "" : session.framework.theme(action.theme)?.title ?? action.theme),
                ("additionality", action.additionality.rawValue), ("status", action.currentStatus.shortLabel),
            ]
            for (label, value) in details where !value.isEmpty { lines.append("        \(label): \(value)") }
        }
        lines.append(PlanningStage.numbered("Assumptions and external factors", plan.assumptions.map { ($0, []) }))
        return lines.joined(separator: "\n")
    }
}
