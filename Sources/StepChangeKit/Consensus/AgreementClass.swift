import Foundation

/// How closely a round of scores agrees, measured in scale levels between the lowest and highest
/// score: the class the reveal shows and the order `--order divergence` uses.
public enum AgreementClass: String, Codable, CaseIterable, Sendable, Comparable {
    /// Every score within one level of every other.
    case consensus
    /// The scores span two levels.
    case someDisagreement = "some-disagreement"
    /// The scores span three levels or more.
    case divergent

    /// The class of a spread of `levels` scale levels between the lowest and highest score.
    public init(spreadInLevels levels: Int) {
        switch levels {
        case ...1: self = .consensus
        case 2: self = .someDisagreement
        default: self = .divergent
        }
    }

    /// The words a facilitator reads out: "consensus", "some disagreement", "divergent".
    public var label: String {
        switch self {
        case .consensus: "consensus"
        case .someDisagreement: "some disagreement"
        case .divergent: "divergent"
        }
    }

    public static func < (lhs: AgreementClass, rhs: AgreementClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
