import Foundation

/// Where the group is in outcome-based planning, stored in the session so a resumed run lands on the
/// exact step: which planned statement, which part of its chain, and which field of which action.
public struct PlanningCursor: Codable, Equatable, Sendable {
    /// The parts of one statement's plan, worked backwards from the long-term outcome.
    public enum Step: String, Codable, CaseIterable, Sendable {
        case longTerm = "long-term"
        case mediumTerm = "medium-term"
        case shortTerm = "short-term"
        case provision, gaps, actions
        case action
        case assumptions
        /// The plan checks, shown once every planned statement has been worked through.
        case review
        case done
    }

    /// The planned statement being worked on (nil at review and done).
    public var statementID: String?
    public var step: Step
    /// The action being filled in when `step` is `.action`.
    public var actionRef: String?
    public var field: ActionField?
    /// A milestone before the session date, waiting for the group to confirm it.
    public var pendingMilestone: String?
    /// The fields still to ask after `field`, when only some are walked (the missing required ones after
    /// a one-line action, or `more A1.2`); nil walks every field after `field` in order.
    public var queue: [ActionField]?
    /// An outcome id or action ref the group asked to delete although something depends on it, waiting for a yes.
    public var pendingDeletion: String?

    public init(statementID: String? = nil, step: Step = .longTerm, actionRef: String? = nil,
                field: ActionField? = nil, pendingMilestone: String? = nil, queue: [ActionField]? = nil) {
        self.statementID = statementID
        self.step = step
        self.actionRef = actionRef
        self.field = field
        self.pendingMilestone = pendingMilestone
        self.queue = queue
    }
}

/// The parts of an action asked one after another, in the order of the council action-plan table.
public enum ActionField: String, Codable, CaseIterable, Sendable {
    case description, outcomes, objective, lead, partners, resources, risk, milestone
    case indicator, baseline, target, frequency
    case outputImpact = "output"
    case theme, additionality

    /// The field as the group would name it: `goto A1.2 lead`.
    public var label: String {
        switch self {
        case .description: "action"
        case .outcomes: "outcomes served"
        case .objective: "objective"
        case .lead: "lead"
        case .partners: "partners"
        case .resources: "resources"
        case .risk: "risk"
        case .milestone: "milestone"
        case .indicator: "measure"
        case .baseline: "baseline"
        case .target: "target"
        case .frequency: "review frequency"
        case .outputImpact: "output or impact"
        case .theme: "theme"
        case .additionality: "additionality"
        }
    }

    /// Reads a field name as typed after `goto A1.2`: "lead", "measure", "milestone", "action" …
    public init?(typed text: String) {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch key {
        case "action", "description", "what": self = .description
        case "outcome", "outcomes", "serves": self = .outcomes
        case "measure", "indicator", "how": self = .indicator
        case "output", "impact", "output-impact": self = .outputImpact
        case "frequency", "review": self = .frequency
        case "resource", "cost": self = .resources
        case "partner": self = .partners
        default:
            guard let field = ActionField(rawValue: key) else { return nil }
            self = field
        }
    }

    /// The field after this one, or nil after the last.
    public var next: ActionField? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public var previous: ActionField? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index > 0 ? all[index - 1] : nil
    }
}
