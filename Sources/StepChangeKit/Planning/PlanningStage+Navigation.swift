import Foundation

/// Moving through a plan: `goto S2 gaps`, `goto A1.2 lead`, `goto review`, and `back` one step.
extension PlanningStage {
    func goto(_ words: [String], session: Session, now: Date) -> WorkshopStep {
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

    func back(_ session: Session, cursor: PlanningCursor, now: Date) -> WorkshopStep {
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
}
