import Foundation
import Testing
@testable import StepChangeKit

@Suite("The comparison as a report")
struct ComparisonReportTests {
    func comparison() throws -> SessionComparison {
        try SessionComparison(old: WorkedExample2025.session, new: WorkedExample2026.session)
    }

    @Test func markdownHTMLAndCSVMatchTheirGoldenFiles() throws {
        let comparison = try comparison()
        try expectGolden(Data(MarkdownRenderer.render(ComparisonReport.report(comparison)).utf8), "compare-riverside-2025-2026.md")
        try expectGolden(Data(HTMLRenderer.render(ComparisonReport.report(comparison)).utf8), "compare-riverside-2025-2026.html")
        try expectGolden(CSVWriter.render(ComparisonReport.table(comparison)), "compare-riverside-2025-2026.csv")
    }

    @Test func theReportHoldsEveryPartOfTheComparison() throws {
        let report = ComparisonReport.report(try comparison())
        #expect(report.sections.map(\.id) == ["consensus", "movement", "statements", "actions"])
        #expect(report.metadata.contains(ReportField("Overall mean consensus", "2.17 → 2.58 (▲ +0.42)")))
        let tables = report.sections[0].blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 4 && tables.flatMap(\.rows).count == 24)
        let actions = report.sections[3].blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first
        #expect(actions?.rows.first { $0.first == .text("A4.3") }?.contains(.status(.amber, label: ActionStatus.someIssues.label)) == true)
    }

    @Test func theCSVTableSaysChangesInWords() throws {
        let table = ComparisonReport.table(try comparison())
        #expect(table.rows.count == 24)
        let changes = Set(table.rows.map { $0[5].plainText })
        #expect(changes == ["same", "up 1", "up 2", "down 1"])
    }
}
