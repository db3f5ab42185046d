import Foundation

/// The outcome-based plan for one priority statement, worked backwards: the long-term change for
/// families, the medium- and short-term outcomes leading to it, what already exists, the gaps,
/// and the actions that close them.
public struct OutcomePlan: Codable, Equatable, Sendable {
    public var statementID: String
    public var outcomes: [Outcome]
    public var existingProvision: [Provision]
    public var gaps: [Gap]
    public var actions: [Action]
    /// Assumptions and external factors the chain depends on.
    public var assumptions: [String]
    /// Outcome ids and action refs deleted from this plan; they are never given out again.
    public var retiredIDs: [String]?

    public init(statementID: String, outcomes: [Outcome] = [], existingProvision: [Provision] = [],
                gaps: [Gap] = [], actions: [Action] = [], assumptions: [String] = []) {
        self.statementID = statementID
        self.outcomes = outcomes
        self.existingProvision = existingProvision
        self.gaps = gaps
        self.actions = actions
        self.assumptions = assumptions
    }

    /// The outcomes at one horizon, in the order they were agreed.
    public func outcomes(at horizon: HorizonKind) -> [Outcome] {
        outcomes.filter { $0.horizon == horizon }
    }

    public func outcome(_ id: String) -> Outcome? {
        outcomes.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}

/// One outcome in a plan's chain, with a stable id such as `S1.LT1`, `S1.MT2` or `S1.ST1`.
public struct Outcome: Codable, Equatable, Sendable {
    public var id: String
    public var horizon: HorizonKind
    public var text: String

    public init(id: String, horizon: HorizonKind, text: String) {
        self.id = id
        self.horizon = horizon
        self.text = text
    }
}

/// Current provision that already contributes to outcomes, so additionality can be judged.
public struct Provision: Codable, Equatable, Sendable {
    public var text: String
    public var outcomeIDs: [String]

    public init(text: String, outcomeIDs: [String] = []) {
        self.text = text
        self.outcomeIDs = outcomeIDs
    }
}

/// What is missing between existing provision and the outcomes.
public struct Gap: Codable, Equatable, Sendable {
    public var text: String
    public var outcomeIDs: [String]

    public init(text: String, outcomeIDs: [String] = []) {
        self.text = text
        self.outcomeIDs = outcomeIDs
    }
}
