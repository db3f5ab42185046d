import Foundation

/// Reading the answers typed during planning: outcome ids and action refs, and showing the lists.
extension PlanningStage {
    /// The next outcome id at a horizon (`S1.MT3`): one more than the highest used.
    static func nextOutcomeID(_ kind: HorizonKind, plan: OutcomePlan) -> String {
        let prefix = "\(plan.statementID).\(code(kind))"
        let used = plan.outcomes.map(\.id) + (plan.retiredIDs ?? [])
        let highest = used.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return "\(prefix)\(highest + 1)"
    }

    static func code(_ kind: HorizonKind) -> String {
        switch kind {
        case .long: "LT"
        case .medium: "MT"
        case .short: "ST"
        }
    }

    /// The next action ref for a statement (`A3.2` for S3's second action): one more than the highest used.
    static func nextActionRef(for statement: ImprovementStatement, plan: OutcomePlan) -> String {
        let prefix = "A\(statement.number)."
        let used = plan.actions.map(\.ref) + (plan.retiredIDs ?? [])
        let highest = used.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return "\(prefix)\(highest + 1)"
    }

    /// An outcome named in full (`S1.ST2`) or in short (`ST2`, `st2`, `LT`).
    static func outcome(_ word: String, in plan: OutcomePlan) -> Outcome? {
        let upper = word.uppercased()
        return plan.outcome(upper) ?? plan.outcome("\(plan.statementID).\(upper)") ?? plan.outcome("\(plan.statementID).\(upper)1")
    }

    /// Outcome ids typed as "ST1 MT2"; unknown ones refused with a suggestion.
    static func outcomeIDs(_ text: String, in plan: OutcomePlan) -> Result<[String], Refusal> {
        var ids: [String] = []
        for word in StatementsStage.tokens(text) {
            guard let outcome = outcome(word, in: plan) else {
                let short = plan.outcomes.map { String($0.id.dropFirst(plan.statementID.count + 1)) }
                var message = "\"\(word)\" is not an outcome of \(plan.statementID)'s plan."
                if let guess = Suggestion.closest(to: word.uppercased(), among: short) { message += " Did you mean \(guess)?" }
                message += short.isEmpty ? " The plan has no outcomes yet." : " Outcomes: \(short.joined(separator: ", "))."
                return .failure(Refusal(message))
            }
            if !ids.contains(outcome.id) { ids.append(outcome.id) }
        }
        return .success(ids)
    }

    /// The session with this plan stored (replacing the statement's plan, or added after the others).
    static func storing(_ plan: OutcomePlan, in session: Session) -> Session {
        var session = session
        if let index = session.plans.firstIndex(where: { $0.statementID == plan.statementID }) {
            session.plans[index] = plan
        } else if plan != OutcomePlan(statementID: plan.statementID) {
            session.plans.append(plan)
        }
        return session
    }

    /// The outcomes in the order they are shown and numbered: long-term, medium-term, short-term.
    static func chain(_ plan: OutcomePlan) -> [Outcome] {
        [HorizonKind.long, .medium, .short].flatMap { plan.outcomes(at: $0) }
    }

    /// The outcome chain as shown above the outcome prompts, numbered for `edit N` and `delete N`.
    static func outcomeLines(_ plan: OutcomePlan) -> String {
        let lines = chain(plan).enumerated().map { "  \($0.offset + 1). \($0.element.id)  \($0.element.text)" }
        return lines.isEmpty ? "No outcomes yet." : "Outcomes:\n" + lines.joined(separator: "\n")
    }

    /// A numbered list with the outcomes each entry concerns.
    static func numbered(_ title: String, _ entries: [(String, [String])]) -> String {
        guard !entries.isEmpty else { return "\(title): none yet." }
        return "\(title):\n" + entries.enumerated().map { index, entry in
            "  \(index + 1). \(entry.0)" + (entry.1.isEmpty ? "" : " (→ \(entry.1.joined(separator: ", ")))")
        }.joined(separator: "\n")
    }
}
