import Foundation

/// Stage 3 of the workshop: outcome-based planning for each planned statement, worked backwards —
/// long-term outcome, medium- and short-term outcomes, what already exists, the gaps, the actions
/// that close them and the assumptions — ending with the plan checks. Every part can be revisited.
public struct PlanningStage: WorkshopStage {
    public init() {}

    /// Commands understood at every prompt of this stage.
    public static let help = """
        Type the answer asked for; Enter takes the default shown (finishes a list, keeps a value).
        Every list (outcomes, provision, gaps, assumptions, actions) is numbered: edit N NEW TEXT, delete N,
        move N to LIST (an outcome to long/medium/short, provision to gaps and back); ids work too (edit MT2).
        Provision and gaps can name the outcomes they concern: "Money advice in GP practices -> ST1 MT1".
        An action in one line: action; lead; milestone; measure; new/enhanced/existing; outcomes.
        At the actions prompt: edit A1.2 (go through its fields), more A1.2 (the optional fields), delete A1.2.
        In a field, `-` clears an optional value; `done` ends the fields of an action once the required ones are in.
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
        if let pending = cursor.pendingDeletion {
            if let action = plan.actions.first(where: { $0.ref == pending }) {
                return WorkshopPrompt(text: "\(action.ref) has \(action.updates.count) progress update\(action.updates.count == 1 ? "" : "s") recorded.",
                                      question: "Delete \(action.ref) and its history? (yes/no)", defaultHint: "Enter means no")
            }
            return WorkshopPrompt(text: "\(pending) is " + (Self.dependents(ofOutcome: pending, in: plan) ?? "named nowhere") + ".",
                                  question: "Delete \(pending) and unlink it from them? (yes/no)", defaultHint: "Enter means no")
        }
        switch cursor.step {
        case .longTerm:
            let horizon = framework.horizon(.long)
            let current = plan.outcomes(at: .long).first
            return WorkshopPrompt(
                text: "Planning \(statement.id) (\(position(of: id, in: session))): \(statement.text)\nWork backwards, starting from the change for families."
                    + (plan.outcomes.isEmpty ? "" : "\n" + Self.outcomeLines(plan)),
                question: "Long-term outcome for \(id) (\(horizon.span)): the change for families",
                defaultHint: current.map { "Enter keeps \"\($0.text)\"" } ?? "Enter leaves it for now")
        case .mediumTerm, .shortTerm:
            let kind: HorizonKind = cursor.step == .mediumTerm ? .medium : .short
            let horizon = framework.horizon(kind)
            let what = kind == .medium ? "changes in services, systems and practice" : "first changes in awareness, engagement, capacity, data"
            return WorkshopPrompt(text: Self.outcomeLines(plan) + (plan.outcomes.isEmpty ? "" : "\n(edit N, delete N, move N to long/medium/short)"),
                                  question: "\(kind == .medium ? "Medium" : "Short")-term outcome \(Self.nextOutcomeID(kind, plan: plan)) (\(horizon.span)): \(what)",
                                  defaultHint: "Enter when done")
        case .provision:
            return WorkshopPrompt(text: Self.outcomeLines(plan) + "\n" + Self.numbered("What already exists", plan.existingProvision.map { ($0.text, $0.outcomeIDs) }),
                                  question: "What already exists that contributes? (optional; add `-> ST1` to name the outcomes)",
                                  defaultHint: "Enter when done")
        case .gaps:
            return WorkshopPrompt(text: Self.numbered("Gaps", plan.gaps.map { ($0.text, $0.outcomeIDs) }),
                                  question: "What is missing between what exists and the outcomes? (optional; add `-> ST1` to name the outcomes)",
                                  defaultHint: "Enter when done")
        case .actions:
            let list = plan.actions.isEmpty ? "No actions yet for \(id). One line is quickest: \(ActionEntry.oneLineForm)."
                : "Actions for \(id) (edit N, more N, delete N):\n" + plan.actions.enumerated().map { "  \($0.offset + 1). \($0.element.ref)  \($0.element.description)" }.joined(separator: "\n")
            return WorkshopPrompt(text: list, question: "Action \(Self.nextActionRef(for: statement, plan: plan)): what will be done? (or the whole action in one line)",
                                  defaultHint: "Enter when there are no more actions for \(id)")
        case .action:
            guard let ref = cursor.actionRef, let action = plan.actions.first(where: { $0.ref == ref }), let field = cursor.field else { return nil }
            if let pending = cursor.pendingMilestone {
                return WorkshopPrompt(text: "\(Milestone.label(pending)) is before the session date \(session.date).",
                                      question: "Keep \(Milestone.label(pending)) as \(ref)'s milestone? (yes/no)", defaultHint: "Enter means no")
            }
            return ActionEntry.prompt(field, action: action, plan: plan, framework: framework)
        case .assumptions:
            return WorkshopPrompt(text: Self.numbered("Assumptions and external factors", plan.assumptions.map { ($0, []) }),
                                  question: "Assumption or external factor the chain depends on (optional)",
                                  defaultHint: "Enter when done")
        case .review, .done:
            return nil
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
        var change = PlanningChange(plan: session.plan(for: id) ?? OutcomePlan(statementID: id), cursor: cursor, message: nil)
        var result: Result<PlanningChange, Refusal>?
        if let pending = cursor.pendingDeletion {
            let confirmed = confirmDeletion(pending, reply: line.lowercased(), change: change)
            if confirmed.cursor.pendingDeletion != nil {
                return .refused("Type yes to delete \(pending), or no (or Enter) to keep it.")
            }
            result = .success(confirmed)
        } else {
            switch cursor.step {
            case .longTerm, .mediumTerm, .shortTerm:
                let kind: HorizonKind = cursor.step == .longTerm ? .long : cursor.step == .mediumTerm ? .medium : .short
                if line.isEmpty {
                    change.cursor.step = kind == .long ? .mediumTerm : kind == .medium ? .shortTerm : .provision
                } else {
                    result = outcomeAnswer(line, kind: kind, change: change)
                }
            case .provision, .gaps, .assumptions:
                if !line.isEmpty {
                    result = entryAnswer(line, step: cursor.step, change: change)
                } else if cursor.step == .assumptions {
                    change.cursor = Self.after(statementID: id, in: session)
                    if change.cursor.step == .review { change.message = "Every planned statement has been worked through." }
                } else {
                    change.cursor.step = cursor.step == .provision ? .gaps : .actions
                }
            case .actions:
                if line.isEmpty {
                    change.cursor.step = .assumptions
                } else {
                    result = actionsAnswer(line, statement: statement, change: change, session: session)
                }
            case .action:
                result = actionFieldAnswer(line, change: change, session: session)
            case .review, .done:
                break
            }
        }
        switch result {
        case .success(let changed): change = changed
        case .failure(let refusal): return .refused(refusal.message)
        case nil: break
        }
        let plan = change.plan
        let next = change.cursor
        let message = change.message
        session = Self.storing(plan, in: session)
        session.planningCursor = next
        return .accepted(touch(session, now), message: message)
    }

    /// An answer to one field of the action being entered: the value, `done`, or yes/no to a past milestone.
    private func actionFieldAnswer(_ line: String, change: PlanningChange, session: Session) -> Result<PlanningChange, Refusal> {
        var change = change
        let cursor = change.cursor
        guard let ref = cursor.actionRef, let index = change.plan.actions.firstIndex(where: { $0.ref == ref }), let field = cursor.field else {
            change.cursor = PlanningCursor(statementID: cursor.statementID, step: .actions)
            return .success(change)
        }
        func following() -> (ActionField?, [ActionField]?) {
            guard let queue = cursor.queue else { return (field.next, nil) }
            return (queue.first, Array(queue.dropFirst()))
        }
        if let pending = cursor.pendingMilestone {
            let reply = line.lowercased()
            if ["y", "yes", "keep"].contains(reply) {
                change.plan.actions[index].milestone = pending
                change.cursor.pendingMilestone = nil
                (change.cursor.field, change.cursor.queue) = following()
            } else if ["", "n", "no"].contains(reply) {
                change.cursor.pendingMilestone = nil
            } else {
                return .failure(Refusal("Type yes to keep \(Milestone.label(pending)), or no (or Enter) to give another milestone."))
            }
        } else if line.lowercased() == "done" {
            let missing = ActionEntry.missing(change.plan.actions[index])
            guard missing.isEmpty else {
                return .failure(Refusal("\(ref) still needs \(PlanCheck.list(missing.map(\.label), joiner: "and")) before it is done."))
            }
            change.cursor.field = nil
        } else {
            switch ActionEntry.set(field, to: line, action: &change.plan.actions[index], plan: change.plan, session: session) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let pending):
                if let pending { change.cursor.pendingMilestone = pending } else { (change.cursor.field, change.cursor.queue) = following() }
            }
        }
        if change.cursor.field == nil {
            change.cursor = PlanningCursor(statementID: cursor.statementID, step: .actions)
            change.message = "\(ref) recorded."
        }
        return .success(change)
    }

    /// Yes or no to deleting an outcome others name, or an action with progress updates. Any other reply
    /// leaves the question pending.
    private func confirmDeletion(_ pending: String, reply: String, change: PlanningChange) -> PlanningChange {
        var change = change
        switch reply {
        case "y", "yes":
            change.cursor.pendingDeletion = nil
            if let index = change.plan.actions.firstIndex(where: { $0.ref == pending }) {
                change.plan.retiredIDs = (change.plan.retiredIDs ?? []) + [pending]
                change.plan.actions.remove(at: index)
                change.message = "Deleted \(pending) and its history; its ref will not be used again."
            } else {
                let unlinked = Self.dependents(ofOutcome: pending, in: change.plan) ?? "nothing"
                change.plan = Self.deleting(pending, from: change.plan)
                change.message = "Deleted \(pending); it is no longer \(unlinked)."
            }
        case "", "n", "no":
            change.cursor.pendingDeletion = nil
            change.message = "Kept \(pending)."
        default:
            break
        }
        return change
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

    func touch(_ session: Session, _ now: Date) -> Session {
        var session = session
        session.updatedAt = now
        return session
    }
}
