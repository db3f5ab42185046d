import Foundation

/// The statistics of one round of scores on a prompt: what the reveal shows and where the suggested
/// consensus comes from. Don't-know answers are counted as abstentions and never enter a statistic,
/// and the order the scores were given in never matters.
public struct ConsensusStatistics: Equatable, Sendable {
    /// The numeric scores, lowest first.
    public let values: [Int]
    /// How many participants answered "don't know".
    public let abstentions: Int
    /// Spread in scale levels between the lowest and highest score (0 when all agree).
    public let spreadInLevels: Int?
    /// The scale value nearest the median; see `suggestedConsensus` for the rule.
    public let suggestedConsensus: Int?
    /// The scale the scores were given on, for level positions and descriptors.
    public let scale: Scale

    public init(scores: [Score], scale: Scale) {
        self.scale = scale
        values = scores.compactMap(\.number).sorted()
        abstentions = scores.count - values.count
        if let low = values.first, let high = values.last {
            let lowIndex = scale.index(of: low) ?? low
            let highIndex = scale.index(of: high) ?? high
            spreadInLevels = highIndex - lowIndex
        } else {
            spreadInLevels = nil
        }
        suggestedConsensus = Self.nearestScaleValue(to: Self.median(of: values), on: scale, within: values)
    }

    public init(round: ScoringRound, scale: Scale) {
        self.init(scores: round.scores.map(\.score), scale: scale)
    }

    /// Number of numeric scores (abstentions excluded).
    public var count: Int { values.count }
    public var minimum: Int? { values.first }
    public var maximum: Int? { values.last }
    /// Highest minus lowest score, in score units.
    public var range: Int? { minimum.flatMap { low in maximum.map { $0 - low } } }
    public var median: Double? { Self.median(of: values) }

    public var mean: Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// Every score given most often, lowest first (several when tied).
    public var modes: [Int] {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        guard let top = counts.values.max() else { return [] }
        return counts.filter { $0.value == top }.keys.sorted()
    }

    /// Third quartile minus first, by linear interpolation between order statistics.
    public var interquartileRange: Double? {
        guard !values.isEmpty else { return nil }
        return Self.quantile(0.75, of: values) - Self.quantile(0.25, of: values)
    }

    /// Consensus, some disagreement or divergent; nil when nobody gave a numeric score.
    public var agreement: AgreementClass? { spreadInLevels.map(AgreementClass.init(spreadInLevels:)) }

    /// Scores two or more scale levels away from the median: the voices to hear first.
    public var outliers: [Int] {
        guard let suggested = suggestedConsensus, let centre = scale.index(of: suggested) else { return [] }
        return values.filter { abs((scale.index(of: $0) ?? $0) - centre) >= 2 }
    }

    /// How many gave each scale value, in scale order, for the reveal's histogram.
    public var distribution: [(value: Int, count: Int)] {
        scale.values.map { value in (value, values.filter { $0 == value }.count) }
    }

    /// The rule for the suggested consensus: take the median of the numeric scores and choose the scale
    /// value nearest to it; when the median lies exactly halfway between two values (an even number of
    /// scores), choose the lower, because self-assessments tend to be generous. The result always lies
    /// within the range of the scores.
    public static func nearestScaleValue(to median: Double?, on scale: Scale, within values: [Int]) -> Int? {
        guard let median, let low = values.first, let high = values.last else { return nil }
        let candidates = scale.values.filter { $0 >= low && $0 <= high }
        return candidates.min { a, b in
            let da = abs(Double(a) - median), db = abs(Double(b) - median)
            return da == db ? a < b : da < db
        }
    }

    static func median(of sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2)
            ? Double(sorted[middle - 1] + sorted[middle]) / 2
            : Double(sorted[middle])
    }

    static func quantile(_ p: Double, of sorted: [Int]) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return Double(sorted[lower]) + fraction * Double(sorted[upper] - sorted[lower])
    }
}
