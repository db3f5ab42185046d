import Foundation
import Testing
@testable import StepChangeKit

/// No number from a file may trap or explode: frameworks and the listing index are bounded like sessions,
/// and a chart is drawn with a bounded number of marks whatever the size of the scale's numbers.
@Suite("Numbers from files stay within what the program can use")
struct FileLimitsTests {
    func frameworkJSON(levels: [Int], toYears: Int = 10) -> Data {
        let levelText = levels.map { "{\"value\": \($0), \"label\": \"Level \($0)\"}" }.joined(separator: ", ")
        return Data("""
        {"schemaVersion": 1, "id": "wide", "title": "Wide", "version": "1",
         "scale": {"levels": [\(levelText)]},
         "headings": [{"id": "H", "title": "Heading", "items": [{"id": "H1", "prompt": "A prompt"}]}],
         "horizons": [{"id": "long", "fromYears": 3, "toYears": \(toYears)}]}
        """.utf8)
    }

    @Test func aScaleOfAHundredMillionIsRefusedByNameInFrameworkCheck() {
        #expect(throws: StepChangeError.self) { try FrameworkReader.read(frameworkJSON(levels: [0, 100_000_000]), source: "wide.json") }
        do {
            _ = try FrameworkReader.read(frameworkJSON(levels: [0, 100_000_000]), source: "wide.json")
        } catch {
            let problem = error.problems.first { $0.location == "scale.levels[1].value" }
            #expect(problem?.message == "100000000 is outside the range allowed for scale values: -1000 to 1000")
        }
    }

    @Test(arguments: [[Int.min + 1, 0], [0, 1001], [-1001, 1]])
    func scaleValuesOutsideTheRangeAreRefused(_ levels: [Int]) {
        let problems = FrameworkValidator.problems(in: framework(levels: levels), source: "f.json")
        #expect(problems.contains { $0.location?.hasPrefix("scale.levels[") == true && $0.message.contains("scale values: -1000 to 1000") })
    }

    @Test func tooManyLevelsAndHorizonsTooFarAreRefused() {
        var wide = framework(levels: Array(0...101))
        wide.horizons[2].toYears = Int.max
        let problems = FrameworkValidator.problems(in: wide, source: "f.json")
        #expect(problems.contains { $0.location == "scale.levels" && $0.message == "has 102 levels; a scale may have at most 101" })
        #expect(problems.contains { $0.location == "horizons[2].toYears" && $0.message.contains("years after the workshop: 0 to 100") })
        #expect(throws: StepChangeError.self) { try FrameworkReader.read(frameworkJSON(levels: [1, 2], toYears: Int.max), source: "f.json") }
    }

    @Test func aChartIsMarkedAtMostElevenTimesWhateverItsMaximum() {
        for maximum in [5.0, 10, 11, 100, 4_000, 100_000_000, 1e300] {
            let chart = ReportBarChart(title: "t", maximum: maximum, bars: [])
            #expect(chart.ticks.count <= ReportBarChart.maximumTicks, "\(maximum): \(chart.ticks.count) ticks")
            #expect(chart.ticks.first == 0 && chart.ticks.allSatisfy { $0 <= maximum })
        }
        #expect(ReportBarChart(title: "t", maximum: 5, bars: []).ticks == [0, 1, 2, 3, 4, 5])
        #expect(ReportBarChart(title: "t", maximum: 100, bars: []).ticks == stride(from: 0.0, through: 100, by: 10).map { $0 })
        let html = HTMLRenderer.chart(ReportBarChart(title: "t", maximum: 100_000_000, bars: [.init(label: "a", value: 5e7, valueText: "x")]))
        #expect(html.components(separatedBy: "class=\"grid\"").count - 1 <= ReportBarChart.maximumTicks)
    }

    @Test func theAssessmentChartIsMarkedAtTheScaleLevels() {
        var session = completeSession()
        session.framework.scale = Scale(levels: [0, 25, 50, 75, 100].map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "") })
        let charts = ReportBuilder(session: session).report(.assessment).sections.flatMap(\.blocks).compactMap { block -> ReportBarChart? in
            if case .barChart(let chart) = block { return chart } else { return nil }
        }
        #expect(charts.first?.ticks == [0, 25, 50, 75, 100])
    }

    @Test func aForgedIndexLineIsNotTrustedAndTheIndexIsRebuilt() {
        var session = completeSession()
        session.title = "Real"
        let good = IndexLine.line(name: "a.json", entry: .init(stamp: .unknown, summary: SessionSummary(session: session), checksum: 1))
        #expect(IndexLine.parse(ArraySlice(Array(good.utf8))) != nil)
        var fields = good.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let forgeries: [(Int, String)] = [(17, "9223372036854775807"), (18, "1e308"), (18, "nan"), (19, "-1"),
                                          (20, "99999999999"), (21, "on-track=9223372036854775807,complete=9223372036854775807"),
                                          (21, "purple=1"), (11, "yesterday"), (22, "2099-13-01")]
        for (position, value) in forgeries {
            let original = fields[position]
            fields[position] = value
            #expect(IndexLine.parse(ArraySlice(Array(fields.joined(separator: "\t").utf8))) == nil, "field \(position) = \(value) was trusted")
            fields[position] = original
        }
    }

    func framework(levels: [Int]) -> Framework {
        var framework = Framework.childPoverty
        framework.scale = Scale(levels: levels.map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "") })
        return framework
    }
}
