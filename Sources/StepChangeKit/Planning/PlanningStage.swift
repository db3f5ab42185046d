import Foundation

/// Stage 3 of the workshop: outcome-based planning for each planned statement, worked backwards —
/// long-term outcome, medium- and short-term outcomes, what already exists, the gaps, the actions
/// that close them and the assumptions — ending with the plan checks. Every part can be revisited.
public struct PlanningStage: WorkshopStage {
    public init() {}

    /// Commands understood at every prompt of this stage.
    public static let help = """
        Type the answer asked for; Enter takes the default shown (finishes a list, keeps a value).
        In lists (outcomes, provision, gaps, assumptions): edit MT2 NEW TEXT or edit 2 NEW TEXT, delete MT2 or delete 2.
        Provision and gaps can name the outcomes they concern: "Money advice in GP practices -> ST1 MT1".
        At the actions prompt: edit A1.2 (go through its fields again), delete A1.2.
        In a field, `-` clears the value.
        Anywhere: goto S2 (that statement's plan), goto S2 gaps, goto A1.2 lead, goto review (the plan checks),
        show (this statement's plan), check (the plan checks now), status, back, pause, help.
        """

    /// Returns the session with planning reopened at the first planned statement, for `run --stage planning`.
    public static func reopen(_ session: Session) -> Session {
        var session = session
        session.planningCursor = startCursor(in: session)
        return session
    }

    /// Where planning starts: the long-term outcome of the first planned statement, or the plan checks
    /// when nothing is planned.
    static func startCursor(in session: Session) -> PlanningCursor {
        PlanningCursor(statementID: session.planned.first, step: session.planned.isEmpty ? .review : .longTerm)
    }

    /// Where planning is, with a stale or missing cursor resolved to a step that exists.
    static func cursor(in session: Session) -> PlanningCursor {
        guard var cursor = session.planningCursor else { return startCursor(in: session) }
        if [.review, .done].contains(cursor.step) { return PlanningCursor(step: cursor.step) }
        guard let id = cursor.statementID, session.planned.contains(id) else { return startCursor(in: session) }
        if cursor.step == .action {
            let exists = cursor.actionRef.flatMap { ref in session.plan(for: id)?.actions.contains { $0.ref == ref } } ?? false
            if !exists || cursor.field == nil { cursor = PlanningCursor(statementID: id, step: .actions) }
        }
        return cursor
    }

    public func nextPrompt(in session: Session) -> WorkshopPrompt? {
        let cursor = Self.cursor(in: session)
        guard let id = cursor.statementID, let statement = session.statement(id) else {
            switch cursor.step {
            case .done: return nil
            default:
                let findings = PlanCheck.findings(in: session)
                let example = session.actions.first.map { "goto \($0.ref) lead" } ?? session.planned.first.map { "goto \($0)" }
                return WorkshopPrompt(text: "Plan checks: \(PlanCheck.countsDescription(findings))\n" + PlanCheck.lines(findings).joined(separator: "\n"),
                                      question: example.map { "Finish planning, or revise (e.g. \($0))" } ?? "Finish planning",
                                      defaultHint: "Enter finishes planning")
            }
        }
        let plan = session.plan(for: id) ?? OutcomePlan(statementID: id)
        let framework = session.framework
        switch cursor.step {
        case .longTerm:
            let horizon = framework.horizon(.long)
            let current = plan.outcomes(at: .long).first
            return WorkshopPrompt(
                text: "Planning \(statement.id) (\(position(of: id, in: session))): \(statement.text)\nWork backwards, starting from the change for families.",
                question: "Long-term outcome for \(id) (\(horizon.span)): the change for families",
                defaultHint: current.map { "Enter keeps \"\($0.text)\"" } ?? "Enter leaves it for now")
        case .mediumTerm, .shortTerm:
            let kind: HorizonKind = cursor.step == .mediumTerm ? .medium : .short
            let horizon = framework.horizon(kind)
            let what = kind == .medium ? "changes in services, systems and practice" : "first changes in awareness, engagement, capacity, data"
            return WorkshopPrompt(text: Self.outcomeLines(plan),
                                  question: "\(kind == .medium ? "Medium" : "Short")-term outcome \(Self.nextOutcomeID(kind, plan: plan)) (\(horizon.span)): \(what)",
                                  defaultHint: "Enter when done")
        case .provision:
            return WorkshopPrompt(text: Self.outcomeLines(plan) + "\n" + Self.numbered("What already exists", plan.existingProvision.map { ($0.text, $0.outcomeIDs) }),
                                  question: "What already exists that contributes? (add `-> ST1` to name the outcomes)",
                                  defaultHint: "Enter when done")
        case .gaps:
            return WorkshopPrompt(text: Self.numbered("Gaps", plan.gaps.map { ($0.text, $0.outcomeIDs) }),
                                  question: "What is missing between what exists and the outcomes? (add `-> ST1` to name the outcomes)",
                                  defaultHint: "Enter when done")
        case .actions:
            let list = plan.actions.isEmpty ? "No actions yet for \(id)."
                : "Actions for \(id):\n" + plan.actions.map { "  \($0.ref)  \($0.description)" }.joined(separator: "\n")
            return WorkshopPrompt(text: list, question: "Action \(Self.nextActionRef(for: statement, plan: plan)): what will be done?",
                                  defaultHint: "Enter when there are no more actions for \(id)")
        case .action:
            guard let ref = cursor.actionRef, let action = plan.actions.first(where: { $0.ref == ref }), let field = cursor.field else { return nil }
            if let pending = cursor.pendingMilestone {
                return WorkshopPrompt(text: "\(Milestone.label(pending)) is before the session date \(session.date).",
                                      question: "Keep \(Milestone.label(pending)) as \(ref)'s milestone? (yes/no)", defaultHint: "Enter means no")
            }
            return fieldPrompt(field, action: action, plan: plan, framework: framework)
        case .assumptions:
            return WorkshopPrompt(text: Self.numbered("Assumptions and external factors", plan.assumptions.map { ($0, []) }),
                                  question: "Assumption or external factor the chain depends on (optional)",
                                  defaultHint: "Enter when done")
        case .review, .done:
            return nil
        }
    }

    private func fieldPrompt(_ field: ActionField, action: Action, plan: OutcomePlan, framework: Framework) -> WorkshopPrompt {
        let ref = action.ref
        func keep(_ value: String) -> String { value.isEmpty ? "Enter leaves it empty" : "Enter keeps \"\(value)\"" }
        switch field {
        case .description:
            return WorkshopPrompt(text: "\(ref)", question: "\(ref): what will be done?", defaultHint: keep(action.description))
        case .outcomes:
            let ids = (plan.outcomes(at: .short) + plan.outcomes(at: .medium) + plan.outcomes(at: .long))
                .map { $0.id.split(separator: ".").last.map(String.init) ?? $0.id }
            return WorkshopPrompt(text: Self.outcomeLines(plan), question: "Which outcomes does \(ref) serve? (e.g. \(ids.prefix(2).joined(separator: " ")))",
                                  defaultHint: keep(action.outcomeIDs.joined(separator: " ")))
        case .objective: return WorkshopPrompt(question: "\(ref) objective: what it is for", defaultHint: keep(action.objective))
        case .lead: return WorkshopPrompt(question: "\(ref) lead (a person or role)", defaultHint: keep(action.lead))
        case .partners: return WorkshopPrompt(question: "\(ref) partners (separate with commas)", defaultHint: keep(action.partners.joined(separator: ", ")))
        case .resources: return WorkshopPrompt(question: "\(ref) resources or cost", defaultHint: keep(action.resources))
        case .risk: return WorkshopPrompt(question: "\(ref) main risk", defaultHint: keep(action.risk))
        case .milestone:
            return WorkshopPrompt(question: "\(ref) milestone: by when (e.g. 2027-03, March 2027 or 2027-03-31; several separated by ;)",
                                  defaultHint: keep(action.schedule.map { Milestone.label($0.date) }.joined(separator: "; ")))
        case .indicator: return WorkshopPrompt(question: "How will we know \(ref) has worked? Measure or indicator", defaultHint: keep(action.measure.indicator))
        case .baseline: return WorkshopPrompt(question: "\(ref) baseline: where the measure stands now", defaultHint: keep(action.measure.baseline))
        case .target: return WorkshopPrompt(question: "\(ref) target (interim targets as \"6 by March 2027; 12 by March 2028\")", defaultHint: keep(action.measure.target))
        case .frequency: return WorkshopPrompt(question: "\(ref) how often the measure is reviewed", defaultHint: keep(action.measure.frequency))
        case .outputImpact: return WorkshopPrompt(question: "\(ref) expected output or impact", defaultHint: keep(action.outputImpact))
        case .theme:
            let themes = framework.actionThemes.enumerated().map { "  \($0.offset + 1)  \($0.element.title) (\($0.element.id))" }
            return WorkshopPrompt(text: "Action themes:\n" + themes.joined(separator: "\n"), question: "\(ref) theme (number or id)",
                                  defaultHint: keep(action.theme))
        case .additionality:
            return WorkshopPrompt(question: "Is \(ref) new, an enhancement of something that exists, or existing activity? (new/enhanced/existing)",
                                  defaultHint: "Enter keeps \(action.additionality.rawValue)")
        }
    }

    public func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep {
        var session = session
        let cursor = Self.cursor(in: session)
        session.planningCursor = cursor
        let line = answer.trimmingCharacters(in: .whitespaces)
        let words = line.split(separator: " ").map(String.init)
        let keyword = words.first?.lowercased() ?? ""
        if cursor.pendingMilestone == nil {
            switch keyword {
            case "pause" where words.count == 1: return .pause(session)
            case "help" where words.count == 1: return .accepted(session, message: Self.help)
            case "status" where words.count == 1: return .accepted(session, message: status(session, cursor: cursor))
            case "show" where words.count == 1, "plan" where words.count == 1:
                return .accepted(session, message: cursor.statementID.flatMap { PlanningBoard.plan(for: $0, in: session) } ?? status(session, cursor: cursor))
            case "check" where words.count == 1:
                let findings = PlanCheck.findings(in: session)
                return .accepted(session, message: "Plan checks: \(PlanCheck.countsDescription(findings))\n" + PlanCheck.lines(findings).joined(separator: "\n"))
            case "back" where words.count == 1: return back(session, cursor: cursor, now: now)
            case "goto" where words.count >= 2: return goto(Array(words.dropFirst()), session: session, now: now)
            default: break
            }
        }
        guard let id = cursor.statementID, let statement = session.statement(id) else {
            if cursor.step == .done { return .refused("Planning is finished.") }
            if line.isEmpty {
                // Enter finishes planning only when there is a plan: something planned, with at least one
                // outcome or action (the plan checks list what is still missing).
                guard !session.planned.isEmpty else {
                    return .refused("No statements are planned, so there is no plan to finish: `pause`, then run the session again with `--stage statements` to choose some.")
                }
                let started = session.planned.contains { id in
                    session.plan(for: id).map { !$0.outcomes.isEmpty || !$0.actions.isEmpty } ?? false
                }
                guard started else {
                    return .refused("Nothing has been planned yet: type `goto \(session.planned[0])` to plan \(session.planned[0]), or `pause` to stop and come back to it.")
                }
                session.planningCursor = PlanningCursor(step: .done)
                return .accepted(touch(session, now), message: "Planning finished.")
            }
            return .refused("Press Enter to finish planning, or type e.g. `goto S1` or `goto A1.2 lead` to revise.")
        }
        var plan = session.plan(for: id) ?? OutcomePlan(statementID: id)
        var next = cursor
        var message: String?
        switch cursor.step {
        case .longTerm:
            if !line.isEmpty {
                if let existing = plan.outcomes.firstIndex(where: { $0.horizon == .long }) {
                    plan.outcomes[existing].text = line
                } else {
                    plan.outcomes.insert(Outcome(id: Self.nextOutcomeID(.long, plan: plan), horizon: .long, text: line), at: 0)
                }
            }
            next.step = .mediumTerm
        case .mediumTerm, .shortTerm:
            let kind: HorizonKind = cursor.step == .mediumTerm ? .medium : .short
            if line.isEmpty {
                next.step = kind == .medium ? .shortTerm : .provision
            } else if let result = Self.editOutcome(words, plan: &plan) {
                if case .failure(let refusal) = result { return .refused(refusal.message) }
                if case .success(let text) = result { message = text }
            } else {
                let outcome = Outcome(id: Self.nextOutcomeID(kind, plan: plan), horizon: kind, text: line)
                plan.outcomes.append(outcome)
                message = "Added \(outcome.id)."
            }
        case .provision, .gaps:
            if line.isEmpty {
                next.step = cursor.step == .provision ? .gaps : .actions
                break
            }
            var entries = cursor.step == .provision ? plan.existingProvision.map { ($0.text, $0.outcomeIDs) } : plan.gaps.map { ($0.text, $0.outcomeIDs) }
            switch Self.editEntry(line, words: words, entries: &entries, plan: plan) {
            case .failure(let refusal): return .refused(refusal.message)
            case .success(let text): message = text
            }
            if cursor.step == .provision {
                plan.existingProvision = entries.map { Provision(text: $0.0, outcomeIDs: $0.1) }
            } else {
                plan.gaps = entries.map { Gap(text: $0.0, outcomeIDs: $0.1) }
            }
        case .actions:
            if line.isEmpty {
                next.step = .assumptions
            } else if ["edit", "delete", "remove"].contains(keyword), words.count == 2,
                      let index = plan.actions.firstIndex(where: { $0.ref.caseInsensitiveCompare(words[1]) == .orderedSame }) {
                if keyword == "edit" {
                    next = PlanningCursor(statementID: id, step: .action, actionRef: plan.actions[index].ref, field: .description)
                } else {
                    message = "Deleted \(plan.actions[index].ref); its ref will not be used again."
                    plan.retiredIDs = (plan.retiredIDs ?? []) + [plan.actions[index].ref]
                    plan.actions.remove(at: index)
                }
            } else {
                let action = Action(ref: Self.nextActionRef(for: statement, plan: plan), description: line)
                plan.actions.append(action)
                next = PlanningCursor(statementID: id, step: .action, actionRef: action.ref, field: .outcomes)
                message = "Added \(action.ref)."
            }
        case .action:
            guard let ref = cursor.actionRef, let index = plan.actions.firstIndex(where: { $0.ref == ref }), let field = cursor.field else {
                next = PlanningCursor(statementID: id, step: .actions)
                break
            }
            if let pending = cursor.pendingMilestone {
                let reply = line.lowercased()
                if ["y", "yes", "keep"].contains(reply) {
                    plan.actions[index].milestone = pending
                    next.pendingMilestone = nil
                    next.field = field.next
                } else if ["", "n", "no"].contains(reply) {
                    next.pendingMilestone = nil
                } else {
                    return .refused("Type yes to keep \(Milestone.label(pending)), or no (or Enter) to give another milestone.")
                }
            } else {
                switch Self.setField(field, to: line, action: &plan.actions[index], plan: plan, session: session) {
                case .failure(let refusal): return .refused(refusal.message)
                case .success(let pending):
                    if let pending { next.pendingMilestone = pending } else { next.field = field.next }
                }
            }
            if next.field == nil {
                next = PlanningCursor(statementID: id, step: .actions)
                message = "\(ref) recorded."
            }
        case .assumptions:
            if line.isEmpty {
                next = Self.after(statementID: id, in: session)
                if next.step == .review { message = "Every planned statement has been worked through." }
            } else {
                var entries = plan.assumptions.map { ($0, [String]()) }
                switch Self.editEntry(line, words: words, entries: &entries, plan: nil) {
                case .failure(let refusal): return .refused(refusal.message)
                case .success(let text): message = text
                }
                plan.assumptions = entries.map(\.0)
            }
        case .review, .done:
            break
        }
        session = Self.storing(plan, in: session)
        session.planningCursor = next
        return .accepted(touch(session, now), message: message)
    }

    // MARK: Navigation

    private func goto(_ words: [String], session: Session, now: Date) -> WorkshopStep {
        var session = session
        let target = words[0]
        let lower = target.lowercased()
        if ["review", "check", "checks", "end"].contains(lower) {
            session.planningCursor = PlanningCursor(step: .review)
            return .accepted(touch(session, now), message: nil)
        }
        if lower.hasPrefix("a"), let action = session.actions.first(where: { $0.ref.caseInsensitiveCompare(target) == .orderedSame }),
           let plan = session.plans.first(where: { $0.actions.contains { $0.ref == action.ref } }) {
            guard session.planned.contains(plan.statementID) else {
                return .refused("\(action.ref) belongs to \(plan.statementID), which is not planned now.")
            }
            var field = ActionField.description
            if words.count > 1 {
                let name = words.dropFirst().joined(separator: " ")
                guard let typed = ActionField(typed: name) else {
                    let names = ActionField.allCases.map(\.rawValue)
                    let guess = Suggestion.closest(to: name, among: names).map { " Did you mean \($0)?" } ?? ""
                    return .refused("\"\(name)\" is not a part of an action.\(guess) Parts: \(names.joined(separator: ", ")).")
                }
                field = typed
            }
            session.planningCursor = PlanningCursor(statementID: plan.statementID, step: .action, actionRef: action.ref, field: field)
            return .accepted(touch(session, now), message: nil)
        }
        if let statement = session.statement(target), session.planned.contains(statement.id) {
            var step = PlanningCursor.Step.longTerm
            if words.count > 1 {
                let name = words[1].lowercased()
                let steps: [String: PlanningCursor.Step] = ["long": .longTerm, "long-term": .longTerm, "medium": .mediumTerm, "medium-term": .mediumTerm,
                                                            "short": .shortTerm, "short-term": .shortTerm, "provision": .provision, "existing": .provision,
                                                            "gaps": .gaps, "gap": .gaps, "actions": .actions, "assumptions": .assumptions]
                guard let found = steps[name] else {
                    return .refused("\"\(words[1])\" is not a part of the plan. Parts: long, medium, short, provision, gaps, actions, assumptions.")
                }
                step = found
            }
            session.planningCursor = PlanningCursor(statementID: statement.id, step: step)
            return .accepted(touch(session, now), message: nil)
        }
        var message = "Cannot go to \"\(target)\"."
        if let statement = session.statement(target) {
            message = "\(statement.id) is not planned now; the planned statements are \(session.planned.joined(separator: ", "))."
        } else if let guess = Suggestion.closest(to: target.uppercased(), among: session.planned + session.actions.map(\.ref)) {
            message += " Did you mean \(guess)?"
        }
        return .refused(message + " Try goto S1, goto S1 gaps, goto A1.2 lead or goto review.")
    }

    private func back(_ session: Session, cursor: PlanningCursor, now: Date) -> WorkshopStep {
        var session = session
        var previous = cursor
        previous.pendingMilestone = nil
        let plan = cursor.statementID.flatMap { session.plan(for: $0) }
        func lastFieldOfLastAction(before ref: String?) -> PlanningCursor {
            let actions = plan?.actions ?? []
            let index = ref.flatMap { r in actions.firstIndex { $0.ref == r } } ?? actions.count
            guard index > 0 else { return PlanningCursor(statementID: cursor.statementID, step: .gaps) }
            return PlanningCursor(statementID: cursor.statementID, step: .action, actionRef: actions[index - 1].ref, field: ActionField.allCases.last)
        }
        switch cursor.step {
        case .longTerm:
            guard let id = cursor.statementID, let position = session.planned.firstIndex(of: id), position > 0 else {
                return .refused("This is the first step of planning.")
            }
            previous = PlanningCursor(statementID: session.planned[position - 1], step: .assumptions)
        case .mediumTerm: previous.step = .longTerm
        case .shortTerm: previous.step = .mediumTerm
        case .provision: previous.step = .shortTerm
        case .gaps: previous.step = .provision
        case .actions: previous = lastFieldOfLastAction(before: nil)
        case .action:
            if cursor.pendingMilestone != nil { break }
            if let field = cursor.field?.previous { previous.field = field } else { previous = lastFieldOfLastAction(before: cursor.actionRef) }
        case .assumptions: previous = PlanningCursor(statementID: cursor.statementID, step: .actions)
        case .review, .done:
            guard let last = session.planned.last else { return .refused("There is nothing planned to go back to.") }
            previous = PlanningCursor(statementID: last, step: .assumptions)
        }
        session.planningCursor = previous
        return .accepted(touch(session, now), message: nil)
    }

    /// The step after a statement's assumptions: the next planned statement, or the plan checks.
    static func after(statementID: String, in session: Session) -> PlanningCursor {
        guard let position = session.planned.firstIndex(of: statementID), position + 1 < session.planned.count else {
            return PlanningCursor(step: .review)
        }
        return PlanningCursor(statementID: session.planned[position + 1], step: .longTerm)
    }

    private func status(_ session: Session, cursor: PlanningCursor) -> String {
        var lines = ["Planned statements: " + (session.planned.isEmpty ? "none" : session.planned.joined(separator: ", "))]
        for id in session.planned {
            let plan = session.plan(for: id)
            let here = id == cursor.statementID ? "  ← now: \(cursor.step.rawValue)" + (cursor.actionRef.map { " \($0)" } ?? "") : ""
            lines.append("  \(id): \(plan?.outcomes.count ?? 0) outcomes, \(plan?.actions.count ?? 0) actions\(here)")
        }
        let findings = PlanCheck.findings(in: session)
        lines.append("Plan checks so far: \(PlanCheck.countsDescription(findings)) (type `check` to see them).")
        return lines.joined(separator: "\n")
    }

    private func position(of id: String, in session: Session) -> String {
        "\((session.planned.firstIndex(of: id) ?? 0) + 1) of \(session.planned.count)"
    }

    private func touch(_ session: Session, _ now: Date) -> Session {
        var session = session
        session.updatedAt = now
        return session
    }
}
