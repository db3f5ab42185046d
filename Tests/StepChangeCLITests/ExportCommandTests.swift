import Foundation
import Testing
import StepChangeKit

/// `stepchange export` run as a user would, on the complete session the golden files were made from.
@Suite("stepchange export (end to end)")
struct ExportCommandTests {
    static let sessionID = "2026-11-23-riverside-child-poverty"

    /// A working directory with `Sessions/` holding the complete fixture session.
    func workspace(_ name: String = #function) throws -> URL {
        let directory = try temporaryDirectory(name)
        let sessions = directory.appendingPathComponent("Sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/export/complete-session.json"),
                                         to: sessions.appendingPathComponent("\(Self.sessionID).json"))
        return directory
    }

    func golden(_ name: String) throws -> Data {
        try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/export/\(name)"))
    }

    @Test func markdownGoesToStandardOutputExactlyAsTheGoldenFile() throws {
        let directory = try workspace()
        let result = try BinaryRunner.run(["export", "2026-11-23-riverside", "--format", "markdown"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Data(result.stdout.utf8) == (try golden("complete-all.md")))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: ["assessment", "statements", "plan", "actions", "measures"])
    func eachPartAsHTMLToAFile(_ part: String) throws {
        let directory = try workspace("html-\(part)")
        let result = try BinaryRunner.run(["export", Self.sessionID, "--format=html", "--part", part, "-o", "out.html"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote out.html (html, \(part), "))
        #expect(try Data(contentsOf: directory.appendingPathComponent("out.html")) == (try golden("complete-\(part).html")))
    }

    @Test func anExistingFileIsOnlyReplacedWithForce() throws {
        let directory = try workspace()
        let file = directory.appendingPathComponent("report.md")
        try Data("my own notes\n".utf8).write(to: file)
        let refused = try BinaryRunner.run(["export", Self.sessionID, "--format", "markdown", "--output", "report.md"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: report.md already exists; it has not been changed."))
        #expect(refused.stderr.contains("Add --force to replace it"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "my own notes\n")
        let forced = try BinaryRunner.run(["export", Self.sessionID, "--format", "markdown", "--output", "report.md", "--force"], in: directory)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: file) == (try golden("complete-all.md")))
    }

    @Test func docxNeedsAnOutputFile() throws {
        let directory = try workspace()
        let refused = try BinaryRunner.run(["export", Self.sessionID, "--format", "docx"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("A Word document cannot be written to the terminal: give --output FILE.docx."))
        let written = try BinaryRunner.run(["export", Self.sessionID, "--format", "docx", "--part", "actions", "--output", "actions.docx"], in: directory)
        #expect(written.status == 0, "\(written.stderr)")
        let data = try Data(contentsOf: directory.appendingPathComponent("actions.docx"))
        #expect(data.starts(with: Data("PK\u{3}\u{4}".utf8)))
        #expect(data == (try golden("complete-actions.docx")), "the .docx differs from Fixtures/export/complete-actions.docx")
        // The entries are stored uncompressed, so the action plan's words are in the file's bytes as written.
        let content = String(decoding: data, as: UTF8.self)
        for expected in ["Action plan", "Recruit and train 12 parents, paid for their time", "Head of Communities", "Action complete"] {
            #expect(content.contains(expected), "the .docx does not hold \(expected)")
        }
    }

    @Test func csvIsOneTableWithAByteOrderMark() throws {
        let directory = try workspace()
        let result = try BinaryRunner.run(["export", Self.sessionID, "--format", "csv", "--part", "actions"], in: directory)
        #expect(result.status == 0)
        // Foundation drops a leading byte-order mark when it decodes the captured output, so compare the rest here
        // and the exact bytes through --output.
        #expect(Data(result.stdout.utf8) == (try golden("complete-actions.csv")).dropFirst(3))
        let file = try BinaryRunner.run(["export", Self.sessionID, "--format", "csv", "--part", "assessment", "--output", "items.csv"], in: directory)
        #expect(file.status == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("items.csv")) == (try golden("complete-assessment.csv")))
        let refused = try BinaryRunner.run(["export", Self.sessionID, "--format", "csv"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("CSV holds one table, so it exports --part assessment, statements, actions or measures, not --part all."))
    }

    @Test func jsonIsCountsWithoutNamesUnlessAttributed() throws {
        let directory = try workspace()
        let anonymous = try BinaryRunner.run(["export", Self.sessionID, "--format", "json"], in: directory)
        #expect(anonymous.status == 0)
        #expect(anonymous.stdout.contains("\"format\" : \"stepchange-non-attributable-export\""))
        #expect(!anonymous.stdout.contains("Ann Lee") && !anonymous.stdout.contains("\"participant\""))
        let attributed = try BinaryRunner.run(["export", Self.sessionID, "--format", "json", "--attributed"], in: directory)
        let session = try load(directory.appendingPathComponent("Sessions/\(Self.sessionID).json"))
        #expect(try SessionCodec.decode(Data(attributed.stdout.utf8), source: "export") == session)
        #expect(attributed.stdout.split(separator: "\n")[1].contains("Contains names and individual scores — not for publication."))
    }

    @Test func badUsageIsExplained() throws {
        let directory = try workspace()
        let noFormat = try BinaryRunner.run(["export", Self.sessionID], in: directory)
        #expect(noFormat.status == 2)
        #expect(noFormat.stderr.contains("`stepchange export` needs --format: markdown, html, docx, xlsx, csv or json."))
        let typo = try BinaryRunner.run(["export", Self.sessionID, "--format", "htlm"], in: directory)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Unknown format \"htlm\".") && typo.stderr.contains("Did you mean html?"))
        let part = try BinaryRunner.run(["export", Self.sessionID, "--format", "html", "--part", "action"], in: directory)
        #expect(part.status == 2)
        #expect(part.stderr.contains("Did you mean actions?"))
        let missing = try BinaryRunner.run(["export", "1999-01-01-nothing", "--format", "html"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("No session \"1999-01-01-nothing\""))
        let itself = try BinaryRunner.run(["export", Self.sessionID, "--format", "json", "--output", "Sessions/\(Self.sessionID).json", "--force"], in: directory)
        #expect(itself.status == 1)
        #expect(itself.stderr.contains("is the session file itself"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("Sessions/\(Self.sessionID).json"))
                == (try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/export/complete-session.json"))))
        let noFolder = try BinaryRunner.run(["export", Self.sessionID, "--format", "html", "--output", "nowhere/report.html"], in: directory)
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("the folder nowhere does not exist"))
    }

    @Test func helpListsTheCommand() throws {
        let result = try BinaryRunner.run(["export", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Usage: stepchange export SESSION --format markdown|html|docx|xlsx|csv|json"))
        #expect(try BinaryRunner.run(["--help"]).stdout.contains("  export "))
    }
}
