import Testing
@testable import StepChangeKit

@Suite struct ConsensusStatisticsTests {
    let scale = Framework.childPoverty.scale

    func stats(_ text: String) -> ConsensusStatistics {
        ConsensusStatistics(scores: text.split(separator: " ").map { Score.parse(String($0), on: scale)! }, scale: scale)
    }

    @Test(arguments: [
        ("3 3 3 3", 3.0, 3, AgreementClass.consensus),
        ("3 4 3 4", 3.5, 3, .consensus),
        ("2 3 4", 3.0, 3, .someDisagreement),
        ("1 2 4 5", 3.0, 3, .divergent),
        ("1 1 5 5", 3.0, 3, .divergent),
        ("2 2 3 5 ?", 2.5, 2, .divergent),
        ("5", 5.0, 5, .consensus),
    ])
    func medianSuggestionAndAgreement(scores: String, median: Double, suggested: Int, agreement: AgreementClass) {
        let result = stats(scores)
        #expect(result.median == median)
        #expect(result.suggestedConsensus == suggested)
        #expect(result.agreement == agreement)
    }

    @Test func abstentionsAreCountedButNeverEnterTheStatistics() {
        let with = stats("2 4 ? ? 3")
        let without = stats("2 4 3")
        #expect(with.abstentions == 2)
        #expect(with.count == 3)
        #expect(with.median == without.median)
        #expect(with.mean == without.mean)
        #expect(with.agreement == without.agreement)
    }

    @Test func onlyAbstentionsGiveNoSuggestionAndNoClass() {
        let result = stats("? ?")
        #expect(result.suggestedConsensus == nil)
        #expect(result.agreement == nil)
        #expect(result.abstentions == 2)
    }

    @Test func modesRangeQuartilesAndOutliers() {
        let result = stats("1 3 3 4 4 5")
        #expect(result.modes == [3, 4])
        #expect(result.range == 4)
        #expect(result.interquartileRange == 1.0)
        #expect(result.mean! > 3.33 && result.mean! < 3.34)
        #expect(result.outliers == [1, 5])
    }

    @Test func suggestionStaysWithinRangeAndIgnoresOrderForRandomRounds() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let scores: [Score] = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                Int.random(in: 0...5, using: &random) == 0 ? .dontKnow : .value(Int.random(in: 1...5, using: &random))
            }
            let result = ConsensusStatistics(scores: scores, scale: scale)
            let shuffled = ConsensusStatistics(scores: scores.shuffled(using: &random), scale: scale)
            #expect(result == shuffled)
            if let suggested = result.suggestedConsensus {
                #expect(suggested >= result.minimum! && suggested <= result.maximum!)
            }
        }
    }

    /// A scale with gaps between its values (validation accepts any increasing whole numbers).
    static let percentScale = Scale(levels: [0, 25, 50, 75, 100].map { ScaleLevel(value: $0, label: "\($0)%", descriptor: "About \($0)% in place.") })
    /// A scale centred on zero, with negative values.
    static let signedScale = Scale(levels: (-2...2).map { ScaleLevel(value: $0, label: "\($0)", descriptor: "Level \($0).") })

    func stats(_ text: String, on scale: Scale) -> ConsensusStatistics {
        ConsensusStatistics(scores: text.split(separator: " ").map { Score.parse(String($0), on: scale)! }, scale: scale)
    }

    /// Agreement is measured in scale levels, not score units: 0 and 25 are neighbouring levels.
    @Test(arguments: [
        ("0 25 25", 1, 25, AgreementClass.consensus, 25.0),
        ("25 50 75", 2, 50, .someDisagreement, 50.0),
        ("0 100", 4, 50, .divergent, 50.0),
        ("50 75 ? ?", 1, 50, .consensus, 62.5),
        ("0 0 25 100", 4, 0, .divergent, 12.5),
        ("75 75 100 100 ?", 1, 75, .consensus, 87.5),
    ])
    func aScaleWithGaps(scores: String, spread: Int, suggested: Int, agreement: AgreementClass, median: Double) {
        let result = stats(scores, on: Self.percentScale)
        #expect(result.spreadInLevels == spread)
        #expect(result.agreement == agreement)
        #expect(result.median == median)
        #expect(result.suggestedConsensus == suggested)
    }

    @Test func outliersOnAScaleWithGapsAreTwoLevelsFromTheSuggestion() {
        let result = stats("25 50 50 100", on: Self.percentScale)
        #expect(result.suggestedConsensus == 50)
        #expect(result.range == 75)
        #expect(result.spreadInLevels == 3)
        #expect(result.outliers == [100])
        #expect(result.distribution.map(\.count) == [0, 1, 2, 0, 1])
    }

    @Test(arguments: [
        ("-2 -1", 1, -2, AgreementClass.consensus),
        ("-2 0 2", 4, 0, .divergent),
        ("-1 0 1 ?", 2, 0, .someDisagreement),
        ("-2 -2 -1 1", 3, -2, .divergent),
        ("0 1", 1, 0, .consensus),
    ])
    func aScaleWithNegativeValues(scores: String, spread: Int, suggested: Int, agreement: AgreementClass) {
        let result = stats(scores, on: Self.signedScale)
        #expect(result.spreadInLevels == spread)
        #expect(result.agreement == agreement)
        #expect(result.suggestedConsensus == suggested)
        #expect(result.suggestedConsensus.map { $0 >= result.minimum! && $0 <= result.maximum! } == true)
    }

    /// "Don't know" never pulls the median or the suggested consensus towards any value, on any scale.
    @Test(arguments: [
        ("4 4 ? ? ? ? ?", 4.0, 4),
        ("2 4 ? ? ?", 3.0, 3),
        ("5 ? ? ? ? ? ? ?", 5.0, 5),
        ("1 ? 1 ? 2", 1.0, 1),
    ])
    func dontKnowIsLeftOutOfTheMedianAndTheSuggestion(scores: String, median: Double, suggested: Int) {
        let result = stats(scores)
        #expect(result.median == median)
        #expect(result.suggestedConsensus == suggested)
        let percent = stats(scores.split(separator: " ").map { $0 == "?" ? "?" : String((Int($0)! - 1) * 25) }.joined(separator: " "), on: Self.percentScale)
        #expect(percent.suggestedConsensus == (suggested - 1) * 25)
        #expect(percent.abstentions == result.abstentions)
    }
}
