import Foundation

/// Actions with their measure, milestones and progress history.
extension SessionReader {
    enum ActionKey: String, JSONNames {
        case ref, outcomeIDs, objective, description, lead, partners, resources, risk, milestone, measure, theme
        case additionality, status, outputImpact, updates, milestones
        static let table = JSONNameTable<Self>()
    }

    mutating func action() throws -> Action {
        var object = try json.beginObject()
        var ref: String?, outcomeIDs: [String]?, objective: String?, description: String?, lead: String?
        var partners: [String]?, resources: String?, risk: String?, milestone: String?, measure: Measure?, theme: String?
        var additionality: Additionality?, status: ActionStatus?, outputImpact: String?, updates: [ProgressUpdate]?
        var milestones: [ActionMilestone]?
        while let field = try json.nextField(&object, ActionKey.self) {
            switch field {
            case .ref: ref = try string()
            case .outcomeIDs: outcomeIDs = try strings()
            case .objective: objective = try string()
            case .description: description = try string()
            case .lead: lead = try string()
            case .partners: partners = try strings()
            case .resources: resources = try string()
            case .risk: risk = try string()
            case .milestone: milestone = try string()
            case .measure: measure = try self.measure()
            case .theme: theme = try string()
            case .additionality: additionality = try name(Additionality.self)
            case .status: status = try name(ActionStatus.self)
            case .outputImpact: outputImpact = try string()
            case .updates: updates = try array { try $0.progressUpdate() }
            case .milestones: milestones = try orNil { try $0.array { try $0.actionMilestone() } }
            }
        }
        guard let ref, let outcomeIDs, let objective, let description, let lead, let partners, let resources, let risk,
              let milestone, let measure, let theme, let additionality, let status, let outputImpact, let updates else { throw Refused() }
        return Action(ref: ref, outcomeIDs: outcomeIDs, objective: objective, description: description, lead: lead,
                      partners: partners, resources: resources, risk: risk, milestone: milestone, measure: measure, theme: theme,
                      additionality: additionality, status: status, outputImpact: outputImpact, updates: updates, milestones: milestones)
    }

    enum MeasureKey: String, JSONNames {
        case indicator, baseline, target, frequency
        static let table = JSONNameTable<Self>()
    }

    mutating func measure() throws -> Measure {
        var object = try json.beginObject()
        var indicator: String?, baseline: String?, target: String?, frequency: String?
        while let field = try json.nextField(&object, MeasureKey.self) {
            switch field {
            case .indicator: indicator = try string()
            case .baseline: baseline = try string()
            case .target: target = try string()
            case .frequency: frequency = try string()
            }
        }
        guard let indicator, let baseline, let target, let frequency else { throw Refused() }
        return Measure(indicator: indicator, baseline: baseline, target: target, frequency: frequency)
    }

    enum ProgressUpdateKey: String, JSONNames {
        case date, reviewer, status, note, actual, period, recordedAt, supersedes, withdrawal
        static let table = JSONNameTable<Self>()
    }

    mutating func progressUpdate() throws -> ProgressUpdate {
        var object = try json.beginObject()
        var date: String?, reviewer: String?, status: ActionStatus?, note: String?, actual: String?, period: String?
        var recordedAt: Date?, supersedes: Int?, withdrawal: Bool?
        while let field = try json.nextField(&object, ProgressUpdateKey.self) {
            switch field {
            case .date: date = try string()
            case .reviewer: reviewer = try string()
            case .status: status = try name(ActionStatus.self)
            case .note: note = try string()
            case .actual: actual = try stringOrNil()
            case .period: period = try stringOrNil()
            case .recordedAt: recordedAt = try self.date()
            case .supersedes: supersedes = try intOrNil()
            case .withdrawal: withdrawal = try boolOrNil()
            }
        }
        guard let date, let reviewer, let status, let note, let recordedAt else { throw Refused() }
        return ProgressUpdate(date: date, reviewer: reviewer, status: status, note: note, actual: actual, period: period,
                              recordedAt: recordedAt, supersedes: supersedes, withdrawal: withdrawal)
    }

    enum MilestoneKey: String, JSONNames {
        case date, status, output, revisions
        static let table = JSONNameTable<Self>()
    }

    mutating func actionMilestone() throws -> ActionMilestone {
        var object = try json.beginObject()
        var date: String?, status: ActionStatus?, output: String?, revisions: [MilestoneRevision]?
        while let field = try json.nextField(&object, MilestoneKey.self) {
            switch field {
            case .date: date = try string()
            case .status: status = try orNil { try $0.name(ActionStatus.self) }
            case .output: output = try string()
            case .revisions: revisions = try orNil { try $0.array { try $0.milestoneRevision() } }
            }
        }
        guard let date, let output else { throw Refused() }
        return ActionMilestone(date: date, status: status, output: output, revisions: revisions)
    }

    enum MilestoneRevisionKey: String, JSONNames {
        case previousDate, reason, revisedOn
        static let table = JSONNameTable<Self>()
    }

    mutating func milestoneRevision() throws -> MilestoneRevision {
        var object = try json.beginObject()
        var previousDate: String?, reason: String?, revisedOn: String?
        while let field = try json.nextField(&object, MilestoneRevisionKey.self) {
            switch field {
            case .previousDate: previousDate = try string()
            case .reason: reason = try string()
            case .revisedOn: revisedOn = try string()
            }
        }
        guard let previousDate, let reason, let revisedOn else { throw Refused() }
        return MilestoneRevision(previousDate: previousDate, reason: reason, revisedOn: revisedOn)
    }
}
