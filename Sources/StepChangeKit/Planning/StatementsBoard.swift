import Foundation

/// What the statements stage shows on the projector: what the assessment produced (areas for
/// improvement with their items, the weakest and the most divergent items) and the statements so far.
public enum StatementsBoard {
    static let width = 78

    /// Areas for improvement by item, the lowest consensus scores and the widest first-round spreads.
    public static func assessmentSummary(_ session: Session) -> String {
        let summary = AssessmentSummary(session: session)
        var lines = ["What the self-assessment found"]
        let areas = summary.areasForImprovement
        lines.append("")
        lines.append("Areas for improvement (\(areas.count)):")
        if areas.isEmpty { lines.append("  none recorded") }
        for (item, text) in areas {
            lines.append(TextWrap.wrap(text, width: width, indent: "        ", firstIndent: "  " + item.id.padding(toLength: 6, withPad: " ", startingAt: 0)))
        }
        lines.append("")
        lines.append("Lowest consensus scores:")
        let weakest = summary.weakestItems.prefix(5)
        if weakest.isEmpty { lines.append("  no item has an agreed score yet") }
        for result in weakest {
            let label = result.consensus.flatMap { summary.scale.level($0)?.label } ?? ""
            lines.append(TextWrap.wrap("\(result.consensus ?? 0) \(label) — \(result.item.prompt)", width: width, indent: "        ",
                                       firstIndent: "  " + result.item.id.padding(toLength: 6, withPad: " ", startingAt: 0)))
        }
        let divergent = summary.mostDivergent.prefix(5)
        if !divergent.isEmpty {
            lines.append("")
            lines.append("Widest disagreement before discussion:")
            for result in divergent {
                let stats = result.firstRound
                let spread = "scores \(stats?.minimum ?? 0) to \(stats?.maximum ?? 0)"
                lines.append(TextWrap.wrap("\(spread) — \(result.item.prompt)", width: width, indent: "        ",
                                           firstIndent: "  " + result.item.id.padding(toLength: 6, withPad: " ", startingAt: 0)))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The statements in their current order, with the items each responds to and its rationale.
    public static func statementList(_ session: Session) -> String {
        guard !session.statements.isEmpty else { return "No improvement statements yet." }
        var lines = ["Improvement statements:"]
        let editor = StatementsStage.editor(session)
        for (position, statement) in session.statements.enumerated() {
            let items = statement.itemIDs.isEmpty ? "no items" : statement.itemIDs.joined(separator: ", ")
            lines.append(TextWrap.wrap("\(statement.text) [\(items)]", width: width, indent: "      ",
                                       firstIndent: "  " + editor.label(at: position).padding(toLength: 4, withPad: " ", startingAt: 0)))
            if !statement.rationale.isEmpty {
                lines.append(TextWrap.wrap("Why: " + statement.rationale, width: width, indent: "      "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
