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
        // The change is that of the means as shown, so a reader's subtraction agrees (it said +0.42 before).
        #expect(report.metadata.contains(ReportField("Overall mean consensus", "2.17 → 2.58 (▲ +0.41)")))
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

    @Test func theCSVTableHasChangesAsNumbersAndInWords() throws {
        let comparison = try comparison()
        let table = ComparisonReport.table(comparison)
        #expect(table.rows.count == 24)
        #expect(Set(table.rows.map { $0[6].plainText }) == ["same", "up 1", "up 2", "down 1"])
        let rows = parseCSV(CSVWriter.render(table))
        #expect(rows[0][3...5] == ["Then (2025-11-20)", "Now (2026-11-19)", "Change"])
        #expect(Set(rows.dropFirst().map { $0[5] }) == ["0", "1", "2", "-1"], "numbers, not neutralised as formulas")
    }

    @Test func excelHoldsHeadingsAndItemsAsNumbers() throws {
        let tables = ComparisonReport.tables(try comparison())
        #expect(tables.map { $0.caption ?? "" } == ["Headings then and now", "Items then and now"])
        #expect(tables[0].rows.last == [.text("All"), .text("Overall"), .number(2.17, text: "2.17"), .number(2.58, text: "2.58"), .number(0.41, text: "+0.41")])
        let entries = try unzipStored(XlsxWriter.workbook(tables, title: "What changed"))
        #expect(entries["xl/worksheets/sheet2.xml"] != nil)
    }

    @Test func aStatementWhoseActionsAreAllCompleteIsCompletedNotDropped() throws {
        var old = WorkedExample2025.session
        var new = WorkedExample2026.session
        new.statements = []
        new.plans = []
        new.planned = []
        let planned = try #require(old.plans.first)
        for index in old.plans[0].actions.indices {
            old.plans[0].actions[index].updates.append(ProgressUpdate(date: "2026-11-19", reviewer: "Fiona", status: .complete, recordedAt: old.createdAt))
        }
        let changes = try SessionComparison(old: old, new: new).statements
        #expect(changes.completed.map(\.id) == [planned.statementID])
        #expect(!changes.dropped.map(\.id).contains(planned.statementID))
        let markdown = MarkdownRenderer.render(ComparisonReport.report(try SessionComparison(old: old, new: new)))
        #expect(markdown.contains("**Completed (every action complete)**"))
    }
}
