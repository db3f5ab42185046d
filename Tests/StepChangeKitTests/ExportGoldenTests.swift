import Foundation
import Testing
@testable import StepChangeKit

/// Compares output with a golden file under `Fixtures/export`, byte for byte. Run with
/// `STEPCHANGE_RECORD=1` to rewrite the golden files after an intended change, then review the diff.
func expectGolden(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/export").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["STEPCHANGE_RECORD"] == "1" {
        try data.write(to: url)
        return
    }
    guard let golden = try? Data(contentsOf: url) else {
        Issue.record("Missing golden file \(url.path); run with STEPCHANGE_RECORD=1 to create it.", sourceLocation: sourceLocation)
        return
    }
    #expect(data == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}

@Suite("Export golden files")
struct ExportGoldenTests {
    static let parts = ReportPart.allCases

    @Test(arguments: parts)
    func markdown(_ part: ReportPart) throws {
        let report = ReportBuilder(session: completeSession()).report(part)
        try expectGolden(Data(MarkdownRenderer.render(report).utf8), "complete-\(part.rawValue).md")
    }

    @Test func markdownAttributed() throws {
        let report = ReportBuilder(session: completeSession(), attributed: true).report(.all)
        try expectGolden(Data(MarkdownRenderer.render(report).utf8), "complete-all-attributed.md")
    }

    @Test func markdownBeforeAnythingIsDone() throws {
        let report = ReportBuilder(session: emptySession()).report(.all)
        try expectGolden(Data(MarkdownRenderer.render(report).utf8), "empty-all.md")
    }

    @Test(arguments: parts)
    func html(_ part: ReportPart) throws {
        let report = ReportBuilder(session: completeSession()).report(part)
        try expectGolden(Data(HTMLRenderer.render(report).utf8), "complete-\(part.rawValue).html")
    }

    @Test func htmlAttributedAndEmpty() throws {
        try expectGolden(Data(HTMLRenderer.render(ReportBuilder(session: completeSession(), attributed: true).report(.all)).utf8),
                         "complete-all-attributed.html")
        try expectGolden(Data(HTMLRenderer.render(ReportBuilder(session: emptySession()).report(.all)).utf8), "empty-all.html")
    }

    @Test(arguments: [ReportPart.assessment, .statements, .actions, .measures])
    func csv(_ part: ReportPart) throws {
        try expectGolden(try SessionExport.export(completeSession(), format: .csv, part: part), "complete-\(part.rawValue).csv")
        try expectGolden(try SessionExport.export(completeSession(), format: .csv, part: part, attributed: true),
                         "complete-\(part.rawValue)-attributed.csv")
    }

    @Test func csvOfAnEmptySessionHasHeadersOnly() throws {
        let text = String(decoding: try SessionExport.export(emptySession(), format: .csv, part: .actions), as: UTF8.self)
        #expect(text == "\u{FEFF}Outcome,Ref,Objective,Action,Indicator,Lead,Theme,Additionality,Status (RAG),Milestone,Output/Impact,Baseline,Target,Frequency,Statement,Partners,Resources,Risk,Latest review,Latest actual,Latest actual date,Overdue\r\n")
    }

    @Test func docxOfTheActionPlan() throws {
        try expectGolden(try SessionExport.export(completeSession(), format: .docx, part: .actions), "complete-actions.docx")
    }

    @Test func jsonIsTheStoredSessionAnonymised() throws {
        try expectGolden(try SessionExport.export(completeSession(), format: .json), "complete.json")
    }

    @Test(arguments: ExportFormat.allCases)
    func sameSessionGivesTheSameBytes(_ format: ExportFormat) throws {
        let part: ReportPart = format == .csv ? .actions : .all
        let first = try SessionExport.export(completeSession(), format: format, part: part)
        let second = try SessionExport.export(try SessionCodec.decode(SessionCodec.encode(completeSession()), source: "s.json"),
                                              format: format, part: part)
        #expect(first == second)
    }
}

@Suite("The complete fixture session as stored")
struct ExampleSessionTests {
    /// `Fixtures/export/complete-session.json` is the complete fixture as stored, so the end-to-end tests
    /// run on exactly what the golden files were made from.
    @Test func theShippedExampleIsTheCompleteFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/export/complete-session.json")
        let data = SessionCodec.encode(completeSession())
        if ProcessInfo.processInfo.environment["STEPCHANGE_RECORD"] == "1" { try data.write(to: url) }
        #expect(try Data(contentsOf: url) == data, "run with STEPCHANGE_RECORD=1 to rewrite the fixture session")
        #expect(try SessionCodec.decode(Data(contentsOf: url), source: url.path) == completeSession())
    }
}
