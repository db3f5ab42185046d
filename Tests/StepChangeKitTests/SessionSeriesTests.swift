import Foundation
import Testing
@testable import StepChangeKit

@Suite("Trends across three or more sessions")
struct SessionSeriesTests {
    func series() throws -> SessionSeries {
        // Given out of order on purpose: the series is put in date order.
        try SessionSeries([WorkedExample2026.session, completeSession(), WorkedExample2025.session])
    }

    @Test func sessionsAreInDateOrderAndChangesAreOfTheShownMeans() throws {
        let series = try series()
        #expect(series.sessions.map(\.date) == ["2025-11-20", "2026-11-19", "2026-11-23"])
        #expect(series.overall.values.map(SessionComparison.mean) == ["2.17", "2.58", "2.33"])
        #expect(series.overall.change == 0.16)
        let up = try #require(series.headings.first { $0.heading.id == "UP" })
        #expect(up.heading.values.map(SessionComparison.mean) == ["1.83", "2.67", "1.00"])
        #expect(SessionComparison.signed(try #require(up.heading.change)) == "-0.83")
        let ln3 = try #require(series.headings[0].items.first { $0.id == "LN3" })
        #expect(ln3.values == [3, 3, nil] && ln3.change == 0, "a missing last score: the change runs to the last score there is")
    }

    @Test func sparklinesRunFromTheBottomToTheTopOfTheScale() {
        #expect(SessionSeries.sparkline([1, 3, 5, nil], lowest: 1, highest: 5) == "▁▅█ ")
        #expect(SessionSeries.describeWhole(2) == "▲ +2" && SessionSeries.describeWhole(-1) == "▼ -1" && SessionSeries.describeWhole(nil) == "-")
    }

    @Test func differentFrameworksAndASingleSessionAreRefused() {
        var other = completeSession()
        other.framework.id = "housing"
        #expect(throws: StepChangeError.self) { try SessionSeries([WorkedExample2025.session, WorkedExample2026.session, other]) }
        #expect(throws: StepChangeError.self) { try SessionSeries([WorkedExample2025.session]) }
    }

    @Test func theTrendReportMatchesItsGoldenFiles() throws {
        let series = try series()
        let report = SeriesReport.report(series)
        try expectGolden(Data(MarkdownRenderer.render(report).utf8), "trend-riverside-3.md")
        try expectGolden(Data(HTMLRenderer.render(report).utf8), "trend-riverside-3.html")
        try expectGolden(CSVWriter.render(SeriesReport.tables(series)[1]), "trend-riverside-3.csv")
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<polyline points=") && html.contains("role=\"img\""))
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "nothing fetched")
    }

    @Test func spreadsheetTablesHoldNumbers() throws {
        let tables = SeriesReport.tables(try series())
        #expect(tables[0].header == ["Heading", "Title", "Mean 2025-11-20", "Mean 2026-11-19", "Mean 2026-11-23", "Change"])
        #expect(tables[0].rows.last == [.text("All"), .text("Overall"), .number(2.17, text: "2.17"), .number(2.58, text: "2.58"),
                                        .number(2.33, text: "2.33"), .number(0.16, text: "+0.16")])
        let entries = try unzipStored(XlsxWriter.workbook(tables, title: "Trend"))
        #expect(entries["xl/worksheets/sheet2.xml"] != nil)
    }
}
