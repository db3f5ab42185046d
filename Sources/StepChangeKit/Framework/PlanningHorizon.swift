import Foundation

/// The three horizons of an outcome-based plan, worked backwards from the long term.
public enum HorizonKind: String, Codable, CaseIterable, Sendable {
    case short, medium, long
}

/// A planning horizon with its default span in years from the session date.
public struct PlanningHorizon: Codable, Equatable, Sendable {
    public var id: HorizonKind
    public var title: String
    public var span: String
    public var fromYears: Int
    public var toYears: Int

    public init(id: HorizonKind, title: String, span: String, fromYears: Int, toYears: Int) {
        self.id = id
        self.title = title
        self.span = span
        self.fromYears = fromYears
        self.toYears = toYears
    }

    /// Short (up to a year), medium (1–3 years) and long term (3–10 years).
    public static let defaults: [PlanningHorizon] = [
        PlanningHorizon(id: .short, title: "Short-term outcomes", span: "within 1 year", fromYears: 0, toYears: 1),
        PlanningHorizon(id: .medium, title: "Medium-term outcomes", span: "1 to 3 years", fromYears: 1, toYears: 3),
        PlanningHorizon(id: .long, title: "Long-term outcome", span: "3 to 10 years", fromYears: 3, toYears: 10),
    ]
}
