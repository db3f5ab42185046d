import Foundation

/// Reading and applying the answers typed during planning: outcome ids, list edits, action fields.
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

    /// `edit MT2 TEXT` or `delete MT2` at an outcome list; nil when the line is not such a command.
    static func editOutcome(_ words: [String], plan: inout OutcomePlan) -> Result<String, Refusal>? {
        guard words.count >= 2, ["edit", "delete", "remove"].contains(words[0].lowercased()),
              let outcome = outcome(words[1], in: plan) else { return nil }
        if words[0].lowercased() == "edit" {
            let text = words.dropFirst(2).joined(separator: " ")
            guard !text.isEmpty else { return .failure(Refusal("Type the new wording after the id: edit \(words[1]) NEW TEXT.")) }
            plan.outcomes[plan.outcomes.firstIndex { $0.id == outcome.id }!].text = text
            return .success("\(outcome.id) reworded.")
        }
        plan.outcomes.removeAll { $0.id == outcome.id }
        plan.retiredIDs = (plan.retiredIDs ?? []) + [outcome.id]
        for index in plan.actions.indices { plan.actions[index].outcomeIDs.removeAll { $0 == outcome.id } }
        for index in plan.existingProvision.indices { plan.existingProvision[index].outcomeIDs.removeAll { $0 == outcome.id } }
        for index in plan.gaps.indices { plan.gaps[index].outcomeIDs.removeAll { $0 == outcome.id } }
        return .success("Deleted \(outcome.id).")
    }

    /// Adds, edits (`edit 2 TEXT`) or deletes (`delete 2`) an entry of a numbered list; with a plan,
    /// a trailing `-> ST1 MT2` names the outcomes the entry concerns.
    static func editEntry(_ line: String, words: [String], entries: inout [(String, [String])], plan: OutcomePlan?) -> Result<String, Refusal> {
        var text = line
        var position: Int?
        let command = words[0].lowercased()
        if ["edit", "delete", "remove"].contains(command), words.count >= 2, let number = Int(words[1]) {
            guard entries.indices.contains(number - 1) else {
                return .failure(Refusal(entries.isEmpty ? "The list is empty." : "Give a number from 1 to \(entries.count)."))
            }
            if command != "edit" {
                entries.remove(at: number - 1)
                return .success("Deleted entry \(number).")
            }
            position = number - 1
            text = words.dropFirst(2).joined(separator: " ")
        }
        var ids: [String] = position.map { entries[$0].1 } ?? []
        if let plan, let arrow = text.range(of: "->", options: .backwards) {
            switch outcomeIDs(String(text[arrow.upperBound...]), in: plan) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let found): ids = found
            }
            text = String(text[..<arrow.lowerBound])
        }
        text = text.trimmingCharacters(in: .whitespaces)
        guard text.contains(where: \.isLetter) || text.contains(where: \.isNumber) else {
            return .failure(Refusal("That entry is empty: type what it is" + (plan == nil ? "." : ", optionally followed by -> ST1.")))
        }
        if let position {
            entries[position] = (text, ids)
            return .success("Entry \(position + 1) changed.")
        }
        entries.append((text, ids))
        return .success("Added entry \(entries.count).")
    }

    /// Sets one field of an action from a typed line. Enter keeps the value, `-` clears it. A milestone
    /// before the session date comes back as pending, to be confirmed.
    static func setField(_ field: ActionField, to line: String, action: inout Action, plan: OutcomePlan, session: Session) -> Result<String?, Refusal> {
        guard !line.isEmpty else { return .success(nil) }
        let clear = line == "-"
        let value = clear ? "" : line
        switch field {
        case .description:
            guard !clear else { return .failure(Refusal("An action needs a description; delete the action at the actions prompt instead.")) }
            action.description = value
        case .outcomes:
            if clear { action.outcomeIDs = []; break }
            switch outcomeIDs(line, in: plan) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let ids): action.outcomeIDs = ids
            }
        case .objective: action.objective = value
        case .lead: action.lead = value
        case .partners:
            action.partners = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .resources: action.resources = value
        case .risk: action.risk = value
        case .milestone:
            if clear { action.milestone = ""; action.milestones = nil; break }
            if line.contains(";") {
                // Several milestones, as council plans list them: each a month or date, none before the workshop.
                var dates: [String] = []
                for piece in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !piece.isEmpty {
                    guard let date = Milestone.parse(piece) else {
                        return .failure(Refusal("\"\(piece)\" is not a month or a date. Type \(Milestone.expected), several separated by ;."))
                    }
                    guard !Milestone.isBefore(date, sessionDate: session.date) else {
                        return .failure(Refusal("\(Milestone.label(date)) is before the session date \(session.date); give milestones still to come."))
                    }
                    dates.append(date)
                }
                guard let first = dates.first else { return .failure(Refusal("Type \(Milestone.expected).")) }
                action.milestone = first
                action.milestones = dates.count > 1 ? dates.map { ActionMilestone(date: $0) } : nil
                break
            }
            action.milestones = nil
            guard let milestone = Milestone.parse(line) else {
                return .failure(Refusal("\"\(line)\" is not a month or a date. Type \(Milestone.expected)."))
            }
            if Milestone.isBefore(milestone, sessionDate: session.date) { return .success(milestone) }
            action.milestone = milestone
        case .indicator: action.measure.indicator = value
        case .baseline: action.measure.baseline = value
        case .target:
            if let unreadable = MeasureSeries.unreadableTargetDates(in: value).first {
                return .failure(Refusal("\"\(unreadable)\" names a date that is not a month or a date. Write interim targets as \"6 by March 2027; 12 by March 2028\" (\(Milestone.expected))."))
            }
            action.measure.target = value
        case .frequency: action.measure.frequency = value
        case .outputImpact: action.outputImpact = value
        case .theme:
            if clear { action.theme = ""; break }
            let themes = session.framework.actionThemes
            if themes.isEmpty {
                action.theme = value
            } else if let number = Int(line), themes.indices.contains(number - 1) {
                action.theme = themes[number - 1].id
            } else if let theme = session.framework.theme(line) ?? themes.first(where: { $0.title.caseInsensitiveCompare(line) == .orderedSame }) {
                action.theme = theme.id
            } else {
                var message = "\"\(line)\" is not one of the framework's action themes."
                if let guess = Suggestion.closest(to: line, among: themes.map(\.id)) { message += " Did you mean \(guess)?" }
                return .failure(Refusal(message + " Type a number from 1 to \(themes.count) or an id: \(themes.map(\.id).joined(separator: ", "))."))
            }
        case .additionality:
            let key = line.lowercased()
            guard let value = Additionality.allCases.first(where: { key.count >= 1 && $0.rawValue.hasPrefix(key) })
                    ?? (key == "enhancement" ? .enhanced : key == "existing activity" ? .existing : nil) else {
                return .failure(Refusal("\"\(line)\": type new, enhanced or existing."))
            }
            action.additionality = value
        }
        return .success(nil)
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

    /// The outcome chain as shown above the outcome prompts.
    static func outcomeLines(_ plan: OutcomePlan) -> String {
        var lines: [String] = []
        for kind in [HorizonKind.long, .medium, .short] {
            for outcome in plan.outcomes(at: kind) { lines.append("  \(outcome.id)  \(outcome.text)") }
        }
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
