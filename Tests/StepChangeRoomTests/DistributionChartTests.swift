import Foundation
import StepChangeKit
import Testing
@testable import StepChangeRoom

@Suite("The reveal's chart")
struct DistributionChartTests {
    /// The numbers of one attribute of every element with the given start in the SVG.
    func elements(_ svg: String, _ start: String) -> [[String: Double]] {
        svg.components(separatedBy: "<").filter { $0.hasPrefix(start) }.map { element in
            var attributes: [String: Double] = [:]
            for pair in element.split(separator: " ").dropFirst() {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let number = Double(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"/>"))) {
                    attributes[String(parts[0])] = number
                }
            }
            return attributes
        }
    }

    @Test(arguments: [
        [3, 3, 3, 3, 3],        // everyone at the median: the tallest bar's count at the top
        [2, 3, 3, 4, 1, 5, 3],  // the median bar is the tallest
        [1, 1, 3, 5, 5],        // the median bar is short
        [2, 2, 4, 4],           // the median (3) has no scores: its count 0 sits on the axis
        [1, 2, 4, 5],           // a median between bars (3)
        [1, 2],                 // a median of 1.5, between bars
    ])
    func theMedianLineNeverStrikesThroughACount(values: [Int]) {
        let scale = Framework.childPoverty.scale
        let stats = ConsensusStatistics(scores: values.map { Score.value($0) }, scale: scale)
        let svg = DistributionChart.svg(stats, scale: scale)
        let lines = elements(svg, "line ")
        #expect(!lines.isEmpty, "the median is marked")
        let counts = elements(svg, "text ").filter { $0["font-size"] == 48 && ($0["y"] ?? 0) < 470 }
        #expect(counts.count == scale.values.count + (scale.dontKnow == nil ? 0 : 1))
        for count in counts {
            guard let x = count["x"], let baseline = count["y"] else { continue }
            for line in lines where abs((line["x1"] ?? 0) - x) < 40 {
                let from = min(line["y1"] ?? 0, line["y2"] ?? 0), to = max(line["y1"] ?? 0, line["y2"] ?? 0)
                #expect(to <= baseline - 40 || from >= baseline + 4, "the line \(from)–\(to) crosses the count at \(x), \(baseline) for \(values)")
            }
        }
    }
}
