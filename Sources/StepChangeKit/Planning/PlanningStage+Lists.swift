import Foundation

/// What one answer in planning changed: the statement's plan, where planning goes next, what to say.
struct PlanningChange {
    var plan: OutcomePlan
    var cursor: PlanningCursor
    var message: String?
}

/// The lists of a plan — outcomes, existing provision, gaps, assumptions, actions — each through the
/// one `ListEditor`; deleting an outcome that actions serve, or an action with progress updates, asks first.
extension PlanningStage {
    static let horizonLists: [(typed: [String], name: String)] = [
        (["long", "long-term", "lt"], "long-term"), (["medium", "medium-term", "mt"], "medium-term"), (["short", "short-term", "st"], "short-term"),
    ]

    static func outcomeEditor(_ plan: OutcomePlan, at kind: HorizonKind) -> ListEditor {
        let chain = chain(plan)
        let own = ["long-term", "medium-term", "short-term"][[HorizonKind.long, .medium, .short].firstIndex(of: kind) ?? 0]
        return ListEditor(name: "outcomes", entries: chain.map { "\($0.id)  \($0.text)" }, ids: chain.map(\.id),
                          destinations: horizonLists.filter { $0.name != own })
    }

    /// An answer at the long-, medium- or short-term outcome prompt (not empty).
    func outcomeAnswer(_ line: String, kind: HorizonKind, change: PlanningChange) -> Result<PlanningChange, Refusal> {
        var change = change
        let editor = Self.outcomeEditor(change.plan, at: kind)
        let chain = Self.chain(change.plan)
        switch editor.read(line) {
        case .refused(let message):
            return .failure(Refusal(message))
        case .add(let text):
            if kind == .long, let existing = change.plan.outcomes.firstIndex(where: { $0.horizon == .long }) {
                change.plan.outcomes[existing].text = text
                change.message = "\(change.plan.outcomes[existing].id) reworded."
            } else {
                let outcome = Outcome(id: Self.nextOutcomeID(kind, plan: change.plan), horizon: kind, text: text)
                if kind == .long { change.plan.outcomes.insert(outcome, at: 0) } else { change.plan.outcomes.append(outcome) }
                change.message = "Added \(outcome.id)."
            }
            if kind == .long { change.cursor.step = .mediumTerm }
        case .edit(let index, let text):
            guard !text.isEmpty else { return .failure(Refusal("Type the new wording after the number: edit \(index + 1) NEW TEXT.")) }
            change.plan.outcomes[change.plan.outcomes.firstIndex { $0.id == chain[index].id } ?? 0].text = text
            change.message = "\(chain[index].id) reworded."
        case .delete(let index):
            let outcome = chain[index]
            if Self.dependents(ofOutcome: outcome.id, in: change.plan) != nil {
                change.cursor.pendingDeletion = outcome.id
            } else {
                change.plan = Self.deleting(outcome.id, from: change.plan)
                change.message = "Deleted \(outcome.id); its id will not be used again."
            }
        case .move(let index, let list):
            let outcome = chain[index]
            let target: HorizonKind = list == "long-term" ? .long : list == "medium-term" ? .medium : .short
            if target == .long, change.plan.outcomes.contains(where: { $0.horizon == .long }) {
                return .failure(Refusal("The plan already has a long-term outcome; edit it, or delete it first."))
            }
            let newID = Self.nextOutcomeID(target, plan: change.plan)
            change.plan = Self.renaming(outcome.id, to: Outcome(id: newID, horizon: target, text: outcome.text), in: change.plan)
            change.message = "Moved \(outcome.id) to \(list) as \(newID); the actions, provision and gaps that named it now name \(newID)."
        }
        return .success(change)
    }

    /// What names an outcome (actions serving it, provision and gaps concerning it), in words; nil when nothing.
    static func dependents(ofOutcome id: String, in plan: OutcomePlan) -> String? {
        var parts: [String] = []
        let actions = plan.actions.filter { $0.outcomeIDs.contains(id) }.map(\.ref)
        if !actions.isEmpty { parts.append("served by \(PlanCheck.list(actions, joiner: "and"))") }
        let provision = plan.existingProvision.enumerated().filter { $0.element.outcomeIDs.contains(id) }.map { String($0.offset + 1) }
        if !provision.isEmpty { parts.append("named by provision \(PlanCheck.list(provision, joiner: "and"))") }
        let gaps = plan.gaps.enumerated().filter { $0.element.outcomeIDs.contains(id) }.map { String($0.offset + 1) }
        if !gaps.isEmpty { parts.append("named by gap \(PlanCheck.list(gaps, joiner: "and"))") }
        return parts.isEmpty ? nil : PlanCheck.list(parts, joiner: "and")
    }

    /// The plan without an outcome: its id retired and every link to it removed.
    static func deleting(_ id: String, from plan: OutcomePlan) -> OutcomePlan {
        var plan = plan
        plan.outcomes.removeAll { $0.id == id }
        plan.retiredIDs = (plan.retiredIDs ?? []) + [id]
        for index in plan.actions.indices { plan.actions[index].outcomeIDs.removeAll { $0 == id } }
        for index in plan.existingProvision.indices { plan.existingProvision[index].outcomeIDs.removeAll { $0 == id } }
        for index in plan.gaps.indices { plan.gaps[index].outcomeIDs.removeAll { $0 == id } }
        return plan
    }

    /// The plan with an outcome replaced by another (a new id at another horizon) and every link re-pointed.
    static func renaming(_ id: String, to outcome: Outcome, in plan: OutcomePlan) -> OutcomePlan {
        var plan = plan
        plan.outcomes.removeAll { $0.id == id }
        plan.outcomes.append(outcome)
        plan.retiredIDs = (plan.retiredIDs ?? []) + [id]
        func repoint(_ ids: [String]) -> [String] { ids.map { $0 == id ? outcome.id : $0 } }
        for index in plan.actions.indices { plan.actions[index].outcomeIDs = repoint(plan.actions[index].outcomeIDs) }
        for index in plan.existingProvision.indices { plan.existingProvision[index].outcomeIDs = repoint(plan.existingProvision[index].outcomeIDs) }
        for index in plan.gaps.indices { plan.gaps[index].outcomeIDs = repoint(plan.gaps[index].outcomeIDs) }
        return plan
    }

    /// An answer at the provision, gaps or assumptions prompt (not empty). Provision and gaps can name
    /// outcomes with a trailing `-> ST1 MT2`, and an entry can move between them.
    func entryAnswer(_ line: String, step: PlanningCursor.Step, change: PlanningChange) -> Result<PlanningChange, Refusal> {
        var change = change
        var plan = change.plan
        let lists: [PlanningCursor.Step: (name: String, typed: [String])] = [
            .provision: ("existing provision", ["provision", "existing", "what exists"]), .gaps: ("gaps", ["gaps", "gap"]),
            .assumptions: ("assumptions", ["assumptions"]),
        ]
        func entries(_ step: PlanningCursor.Step) -> [(String, [String])] {
            switch step {
            case .provision: plan.existingProvision.map { ($0.text, $0.outcomeIDs) }
            case .gaps: plan.gaps.map { ($0.text, $0.outcomeIDs) }
            default: plan.assumptions.map { ($0, []) }
            }
        }
        func store(_ list: [(String, [String])], at step: PlanningCursor.Step) {
            switch step {
            case .provision: plan.existingProvision = list.map { Provision(text: $0.0, outcomeIDs: $0.1) }
            case .gaps: plan.gaps = list.map { Gap(text: $0.0, outcomeIDs: $0.1) }
            default: plan.assumptions = list.map(\.0)
            }
        }
        let name = lists[step]?.name ?? "entries"
        var list = entries(step)
        let destinations = step == .assumptions ? [] : [PlanningCursor.Step.provision, .gaps].filter { $0 != step }.compactMap { lists[$0].map { (typed: $0.typed, name: $0.name) } }
        let editor = ListEditor(name: name, entries: list.map { $0.0 }, destinations: destinations)
        func read(_ text: String, keeping ids: [String]) -> Result<(String, [String]), Refusal> {
            var text = text
            var ids = ids
            if step != .assumptions, let arrow = text.range(of: "->", options: .backwards) {
                switch Self.outcomeIDs(String(text[arrow.upperBound...]), in: plan) {
                case .failure(let refusal): return .failure(refusal)
                case .success(let found): ids = found
                }
                text = String(text[..<arrow.lowerBound])
            }
            text = text.trimmingCharacters(in: .whitespaces)
            guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
                return .failure(Refusal("That entry is empty: type what it is" + (step == .assumptions ? "." : ", optionally followed by -> ST1.")))
            }
            return .success((text, ids))
        }
        switch editor.read(line) {
        case .refused(let message):
            return .failure(Refusal(message))
        case .add(let text):
            switch read(text, keeping: []) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let entry): list.append(entry)
            }
            change.message = "Added \(name) \(list.count)."
        case .edit(let index, let text):
            switch read(text, keeping: list[index].1) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let entry): list[index] = entry
            }
            change.message = "Changed \(name) \(index + 1)."
        case .delete(let index):
            list.remove(at: index)
            change.message = "Deleted \(name) \(index + 1)."
        case .move(let index, let target):
            let targetStep: PlanningCursor.Step = target == "gaps" ? .gaps : .provision
            var other = entries(targetStep)
            other.append(list.remove(at: index))
            store(other, at: targetStep)
            change.message = "Moved \(name) \(index + 1) to \(target) (now \(target) \(other.count))."
        }
        store(list, at: step)
        change.plan = plan
        return .success(change)
    }

    /// An answer at the actions prompt (not empty): a new action in one line or by its description,
    /// `more A1.2` for the optional fields, or a correction through the list editor.
    func actionsAnswer(_ line: String, statement: ImprovementStatement, change: PlanningChange, session: Session) -> Result<PlanningChange, Refusal> {
        var change = change
        let id = statement.id
        let actions = change.plan.actions
        let words = line.split(separator: " ").map(String.init)
        if words.count == 2, words[0].lowercased() == "more" {
            guard let action = actions.first(where: { $0.ref.caseInsensitiveCompare(words[1]) == .orderedSame })
                    ?? Int(words[1]).flatMap({ actions.indices.contains($0 - 1) ? actions[$0 - 1] : nil }) else {
                return .failure(Refusal("There is no action \(words[1]) in \(id)'s plan." + (actions.isEmpty ? "" : " Actions: \(actions.map(\.ref).joined(separator: ", ")).")))
            }
            let fields = ActionEntry.moreFields
            change.cursor = PlanningCursor(statementID: id, step: .action, actionRef: action.ref, field: fields[0], queue: Array(fields.dropFirst()))
            return .success(change)
        }
        let editor = ListEditor(name: "actions", entries: actions.map { "\($0.ref)  \($0.description)" }, ids: actions.map(\.ref))
        switch editor.read(line) {
        case .refused(let message):
            return .failure(Refusal(message))
        case .add(let text):
            var action = Action(ref: Self.nextActionRef(for: statement, plan: change.plan), description: text)
            guard ActionEntry.isOneLine(text) else {
                change.plan.actions.append(action)
                change.cursor = PlanningCursor(statementID: id, step: .action, actionRef: action.ref, field: .outcomes)
                change.message = "Added \(action.ref). One line is quicker: \(ActionEntry.oneLineForm)."
                return .success(change)
            }
            action.description = ""
            return oneLine(text, action: action, isNew: true, change: change, session: session)
        case .edit(let index, let text):
            let action = actions[index]
            if text.isEmpty {
                change.cursor = PlanningCursor(statementID: id, step: .action, actionRef: action.ref, field: .description)
                return .success(change)
            }
            if ActionEntry.isOneLine(text) { return oneLine(text, action: action, isNew: false, change: change, session: session) }
            change.plan.actions[index].description = text
            change.message = "\(action.ref) reworded."
        case .delete(let index):
            let action = actions[index]
            if !action.updates.isEmpty {
                change.cursor.pendingDeletion = action.ref
                return .success(change)
            }
            change.plan.retiredIDs = (change.plan.retiredIDs ?? []) + [action.ref]
            change.plan.actions.remove(at: index)
            change.message = "Deleted \(action.ref); its ref will not be used again."
        case .move:
            return .failure(Refusal("Actions stay with their statement; edit or delete them instead."))
        }
        return .success(change)
    }

    /// A one-line action applied to a new or existing action; the required fields still missing are asked next.
    private func oneLine(_ text: String, action: Action, isNew: Bool, change: PlanningChange, session: Session) -> Result<PlanningChange, Refusal> {
        var change = change
        var action = action
        let id = change.cursor.statementID
        switch ActionEntry.read(text, into: &action, plan: change.plan, session: session) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let pending):
            if let index = change.plan.actions.firstIndex(where: { $0.ref == action.ref }) {
                change.plan.actions[index] = action
            } else {
                change.plan.actions.append(action)
            }
            var missing = ActionEntry.missing(action)
            if pending != nil { missing = [.milestone] + missing.filter { $0 != .milestone } }
            if let first = missing.first {
                change.cursor = PlanningCursor(statementID: id, step: .action, actionRef: action.ref, field: first,
                                               pendingMilestone: pending, queue: Array(missing.dropFirst()))
                let names = missing.filter { pending == nil || $0 != .milestone }.map(\.label)
                change.message = (isNew ? "Added \(action.ref)." : "\(action.ref) changed.")
                    + (names.isEmpty ? "" : " Still needed: \(PlanCheck.list(names, joiner: "and")).")
            } else {
                change.message = (isNew ? "Added \(action.ref)" : "Changed \(action.ref)") + ": lead \(action.lead), by \(Milestone.label(action.milestone)), measure \(action.measure.indicator), \(action.additionality.rawValue)"
                    + (action.outcomeIDs.isEmpty ? "" : ", serves \(action.outcomeIDs.joined(separator: " "))") + ". `more \(action.ref)` adds partners, resources, risk, baseline, target and the rest."
            }
            return .success(change)
        }
    }
}
