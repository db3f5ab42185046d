import Foundation

/// One thing the plan checks found: how serious it is, what it refers to (`S2`, `A1.3`, `S1.ST2`)
/// and a plain-language message a facilitator can act on.
public struct PlanFinding: Codable, Equatable, Sendable {
    /// How serious a finding is: errors make `stepchange check` exit 1.
    public enum Level: String, Codable, CaseIterable, Sendable, Comparable {
        case error, warning, note

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var level: Level
    /// The rule that found it, a stable name such as `action-without-lead`.
    public var rule: String
    /// What the finding refers to: a statement, action or outcome id, or `plan` / `participants`.
    public var subject: String
    public var message: String

    public init(_ level: Level, rule: String, subject: String, message: String) {
        self.level = level
        self.rule = rule
        self.subject = subject
        self.message = message
    }
}
