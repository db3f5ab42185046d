import Foundation
import Testing
import StepChangeKit

/// Text from outside is cleaned once, at the boundary, by one rule: command-line options, the
/// environment, imported CSV (scores and plans) and typed answers never carry an escape sequence or a
/// control character into a session file, an export or the terminal. And bytes out are the bytes meant:
/// an export redirected to a file is byte for byte the `--output` file.
@Suite(.serialized) struct OutsideTextTests {
    /// An OSC 52 clipboard write, a screen clear, a bell, a colour change and a C1 control.
    static let hostile = "\u{1B}]52;c;ZWNobyBoaQ==\u{07}\u{1B}[2J\u{07}\u{1B}[31m\u{9B}1m"

    static func controls(in data: Data) -> [UInt8] {
        data.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }

    @Test func optionsAreCleanedBeforeTheyAreStored() throws {
        let dir = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Riverside\(Self.hostile) review", "--partnership", "River\(Self.hostile)side",
                                            "--facilitator", "Sam\tReid", "--participants", "Ann \(Self.hostile)Lee (Council, statutory); Mo Khan"], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = dir.appendingPathComponent("Sessions/\(id).json")
        let session = try load(file)
        #expect(session.title == "Riverside review")
        #expect(session.partnership == "Riverside")
        #expect(session.facilitator == "Sam Reid")
        #expect(session.participants.map(\.name) == ["Ann Lee", "Mo Khan"])
        #expect(Self.controls(in: try Data(contentsOf: file)).isEmpty)
        #expect(!(try Data(contentsOf: file)).contains(0x1B))
    }

    @Test func reviewOptionsAndTheEnvironmentAreCleaned() throws {
        let dir = try exampleWorkspace()
        let id = "2025-11-20-riverside-child-poverty-self-assessment"
        let result = try BinaryRunner.run(["review", id, "--action", "A1.1", "--status", "on-track", "--date", "2026-01-10",
                                           "--note", "Going \(Self.hostile)well", "--actual", "4\(Self.hostile)2"],
                                          in: dir, environment: ["STEPCHANGE_REVIEWER": "Fiona\(Self.hostile) MacLeod"])
        #expect(result.status == 0, "\(result.stderr)")
        let update = try #require(try load(dir.appendingPathComponent("Sessions/\(id).json")).actions.first { $0.ref == "A1.1" }?.updates.last)
        #expect(update.reviewer == "Fiona MacLeod" && update.note == "Going well" && update.actual == "42")
    }

    @Test func importedScoresAndPlansAreCleaned() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        try Data("participant,item,score,comment\nAnn Lee,LN1,3,\"Two\nlines \(Self.hostile)kept\"\nRaj Patel,LN1,4,\(Self.hostile)fine\n".utf8)
            .write(to: dir.appendingPathComponent("scores.csv"))
        let scores = try BinaryRunner.run(["import-scores", id, "scores.csv"], stdin: "pause\n", in: dir)
        #expect(scores.status == 0, "\(scores.stderr)")
        let comments = try load(file).assessments.flatMap { $0.rounds.flatMap(\.scores) }.compactMap(\.comment)
        #expect(comments == ["Two\nlines kept", "fine"])

        try Data("outcome,ref,action,lead,status,milestone\nFamilies are better off,A1.1,Run a \(Self.hostile)benefits check,Sam\(Self.hostile),on track,March 2027\n".utf8)
            .write(to: dir.appendingPathComponent("plan.csv"))
        let plan = try BinaryRunner.run(["import-plan", id, "plan.csv"], in: dir)
        #expect(plan.status == 0, "\(plan.stderr)")
        let action = try #require(try load(file).actions.first)
        #expect(action.description == "Run a benefits check" && action.lead == "Sam")
        #expect(Self.controls(in: try Data(contentsOf: file)).isEmpty)
        let csv = try BinaryRunner.run(["export", id, "--format", "csv", "--part", "actions"], in: dir)
        #expect(!csv.stdout.contains("\u{1B}") && !csv.stdout.contains("\u{07}"))
    }

    @Test func typedAnswersAreCleaned() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let run = try BinaryRunner.run(["run", id], stdin: "3 4 2\n\nEvidence \(Self.hostile)here\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.controls(in: try Data(contentsOf: file)).isEmpty)
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test(arguments: [["--attributed"], []])
    func redirectedExportIsByteForByteTheOutputFile(_ extra: [String]) throws {
        let dir = try temporaryDirectory()
        let title = "\u{200F}مراجعة \u{2067}פרויקט\u{2069} \u{202B}Riverside\u{202C}"
        let created = try BinaryRunner.run(["new", "--title", title, "--participants", "\u{2067}سارة\u{2069} (Council, statutory); Dana \u{200F}כהן\u{200E}"], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for format in ["json", "markdown", "html", "csv"] {
            let part = format == "csv" ? ["--part", "assessment"] : []
            let piped = try BinaryRunner.run(["export", id, "--format", format] + part + extra, in: dir)
            #expect(piped.status == 0, "\(piped.stderr)")
            let written = try BinaryRunner.run(["export", id, "--format", format, "--output", "out.\(format)", "--force"] + part + extra, in: dir)
            #expect(written.status == 0, "\(written.stderr)")
            let file = try Data(contentsOf: dir.appendingPathComponent("out.\(format)"))
            #expect(piped.stdoutBytes == file, "\(format) \(extra): redirected output differs from --output")
            #expect(!piped.stdout.contains("\u{FFFD}"))
        }
        let session = try Data(contentsOf: dir.appendingPathComponent("Sessions/\(id).json"))
        let attributed = try BinaryRunner.run(["export", id, "--format", "json", "--attributed"], in: dir)
        #expect(try SessionCodec.decode(Data(attributed.stdout.utf8), source: "export") == SessionCodec.decode(session, source: "file"))
        #expect(attributed.stdout.contains("\u{2067}سارة\u{2069}"))
    }
}
