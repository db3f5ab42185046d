import Foundation

/// Improvement statements and votes, the outcome plans, and where the group is in those stages.
extension SessionReader {
    enum StatementKey: String, JSONNames {
        case id, text, itemIDs, rationale, mergedFrom
        static let table = JSONNameTable<Self>()
    }

    mutating func statement() throws -> ImprovementStatement {
        var object = try json.beginObject()
        var id: String?, text: String?, itemIDs: [String]?, rationale: String?, mergedFrom: [String]?
        while let field = try json.nextField(&object, StatementKey.self) {
            switch field {
            case .id: id = try string()
            case .text: text = try string()
            case .itemIDs: itemIDs = try strings()
            case .rationale: rationale = try string()
            case .mergedFrom: mergedFrom = try strings()
            }
        }
        guard let id, let text, let itemIDs, let rationale, let mergedFrom else { throw Refused() }
        return ImprovementStatement(id: id, text: text, itemIDs: itemIDs, rationale: rationale, mergedFrom: mergedFrom)
    }

    enum VoteKey: String, JSONNames {
        case participant, statement, count
        static let table = JSONNameTable<Self>()
    }

    mutating func vote() throws -> Vote {
        var object = try json.beginObject()
        var participant: String?, statement: String?, count: Int?
        while let field = try json.nextField(&object, VoteKey.self) {
            switch field {
            case .participant: participant = try string()
            case .statement: statement = try string()
            case .count: count = try int()
            }
        }
        guard let participant, let statement, let count else { throw Refused() }
        return Vote(participant: participant, statement: statement, count: count)
    }

    enum StatementsCursorKey: String, JSONNames {
        case phase, statementID, voter, pendingDeletion
        static let table = JSONNameTable<Self>()
    }

    mutating func statementsCursor() throws -> StatementsCursor {
        var object = try json.beginObject()
        var phase: StatementsCursor.Phase?, statementID: String?, voter: Int?, pendingDeletion: String?
        while let field = try json.nextField(&object, StatementsCursorKey.self) {
            switch field {
            case .phase: phase = try value(StatementsCursor.Phase.self)
            case .statementID: statementID = try stringOrNil()
            case .voter: voter = try intOrNil()
            case .pendingDeletion: pendingDeletion = try stringOrNil()
            }
        }
        guard let phase else { throw Refused() }
        var cursor = StatementsCursor(phase: phase, statementID: statementID, voter: voter)
        cursor.pendingDeletion = pendingDeletion
        return cursor
    }

    enum PlanKey: String, JSONNames {
        case statementID, outcomes, existingProvision, gaps, actions, assumptions, retiredIDs
        static let table = JSONNameTable<Self>()
    }

    mutating func plan() throws -> OutcomePlan {
        var object = try json.beginObject()
        var statementID: String?, outcomes: [Outcome]?, existingProvision: [Provision]?, gaps: [Gap]?
        var actions: [Action]?, assumptions: [String]?, retiredIDs: [String]?
        while let field = try json.nextField(&object, PlanKey.self) {
            switch field {
            case .statementID: statementID = try string()
            case .outcomes: outcomes = try array { try $0.outcome() }
            case .existingProvision: existingProvision = try array { try $0.provision() }
            case .gaps: gaps = try array { try $0.gap() }
            case .actions: actions = try array { try $0.action() }
            case .assumptions: assumptions = try strings()
            case .retiredIDs: retiredIDs = try orNil { try $0.strings() }
            }
        }
        guard let statementID, let outcomes, let existingProvision, let gaps, let actions, let assumptions else { throw Refused() }
        var plan = OutcomePlan(statementID: statementID, outcomes: outcomes, existingProvision: existingProvision, gaps: gaps,
                               actions: actions, assumptions: assumptions)
        plan.retiredIDs = retiredIDs
        return plan
    }

    enum OutcomeKey: String, JSONNames {
        case id, horizon, text
        static let table = JSONNameTable<Self>()
    }

    mutating func outcome() throws -> Outcome {
        var object = try json.beginObject()
        var id: String?, horizon: HorizonKind?, text: String?
        while let field = try json.nextField(&object, OutcomeKey.self) {
            switch field {
            case .id: id = try string()
            case .horizon: horizon = try name(HorizonKind.self)
            case .text: text = try string()
            }
        }
        guard let id, let horizon, let text else { throw Refused() }
        return Outcome(id: id, horizon: horizon, text: text)
    }

    /// The fields of `Provision` and of `Gap`, which are the same.
    enum LinkedTextKey: String, JSONNames {
        case text, outcomeIDs
        static let table = JSONNameTable<Self>()
    }

    mutating func linkedText() throws -> (text: String, outcomeIDs: [String]) {
        var object = try json.beginObject()
        var text: String?, outcomeIDs: [String]?
        while let field = try json.nextField(&object, LinkedTextKey.self) {
            switch field {
            case .text: text = try string()
            case .outcomeIDs: outcomeIDs = try strings()
            }
        }
        guard let text, let outcomeIDs else { throw Refused() }
        return (text, outcomeIDs)
    }

    mutating func provision() throws -> Provision {
        let (text, outcomeIDs) = try linkedText()
        return Provision(text: text, outcomeIDs: outcomeIDs)
    }

    mutating func gap() throws -> Gap {
        let (text, outcomeIDs) = try linkedText()
        return Gap(text: text, outcomeIDs: outcomeIDs)
    }

    enum PlanningCursorKey: String, JSONNames {
        case statementID, step, actionRef, field, pendingMilestone, queue, pendingDeletion
        static let table = JSONNameTable<Self>()
    }

    mutating func planningCursor() throws -> PlanningCursor {
        var object = try json.beginObject()
        var statementID: String?, step: PlanningCursor.Step?, actionRef: String?, actionField: ActionField?
        var pendingMilestone: String?, queue: [ActionField]?, pendingDeletion: String?
        while let field = try json.nextField(&object, PlanningCursorKey.self) {
            switch field {
            case .statementID: statementID = try stringOrNil()
            case .step: step = try value(PlanningCursor.Step.self)
            case .actionRef: actionRef = try stringOrNil()
            case .field: actionField = try orNil { try $0.value(ActionField.self) }
            case .pendingMilestone: pendingMilestone = try stringOrNil()
            case .queue: queue = try orNil { try $0.array { try $0.value(ActionField.self) } }
            case .pendingDeletion: pendingDeletion = try stringOrNil()
            }
        }
        guard let step else { throw Refused() }
        var cursor = PlanningCursor(statementID: statementID, step: step, actionRef: actionRef, field: actionField,
                                    pendingMilestone: pendingMilestone, queue: queue)
        cursor.pendingDeletion = pendingDeletion
        return cursor
    }
}
