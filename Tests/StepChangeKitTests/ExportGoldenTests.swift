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
}
