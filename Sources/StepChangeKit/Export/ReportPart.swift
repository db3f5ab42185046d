import Foundation

/// Which part of a session's results an export holds; `all` is every part in workshop order.
public enum ReportPart: String, CaseIterable, Sendable {
    case assessment, statements, plan, actions, measures, all

    /// The single parts this part stands for.
    public var parts: [ReportPart] {
        self == .all ? [.assessment, .statements, .plan, .actions, .measures] : [self]
    }

    /// The section heading of a single part.
    public var heading: String {
        switch self {
        case .assessment: "Self-assessment"
        case .statements: "Improvement statements"
        case .plan: "Outcome plans"
        case .actions: "Action plan"
        case .measures: "Measures"
        case .all: "All parts"
        }
    }

    /// The parts as a user types them: "assessment, statements, plan, actions, measures or all".
    public static var choices: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
