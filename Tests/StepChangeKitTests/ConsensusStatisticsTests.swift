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
}
