import Foundation
import Testing
import StepChangeKit

/// Hostile titles, names, answers and files through the built binary: nothing escapes the sessions
/// directory, nothing reaches the terminal as a raw escape sequence, exports stay escaped, and
/// enormous or malformed files get a clear message and exit 1 without changing anything.
@Suite("Hostile input through the built binary", .serialized)
struct HostileInputEndToEndTests {
    static let titles = [
        "../../x", "a/b/c", "/etc/passwd", "\u{01}\u{7F}control", "\u{1B}[2J\u{1B}]0;owned\u{07}Cleared",
        "Riverside \u{202E}gnp.exe", "👨‍👩‍👧 Family Hub 🎉", "<script>alert(1)</script> & \"co\"",
        String(repeating: "x", count: 10_000),
    ]
    static let participants = "../evil\u{1B}[31m (Org/x, health); Bell\u{07} \u{202E}gnp; 🎉 Emoji; " + String(repeating: "N", count: 10_000)

    func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\u{9B}" }
    }

    @Test(arguments: titles)
    func hostileTitlesAndNamesStayInsideTheDirectoryAndAreShownNeutralised(title: String) throws {
        let dir = try temporaryDirectory("hostile-title")
        let created = try BinaryRunner.run(["new", "--title", title, "--participants", Self.participants], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!hasRawControl(created.stdout) && !hasRawControl(created.stderr))
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || CharacterSet.alphanumerics.contains($0)) }, "\(id)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["Sessions"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Sessions").path) == ["\(id).json"])

        let run = try BinaryRunner.run(["run", id], stdin: "3 4 2 1\n\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!hasRawControl(run.stdout) && !hasRawControl(run.stderr))
        #expect(run.stdout.contains(TerminalSafeText.forDisplay(InboundText.clean(title).trimmingCharacters(in: .whitespaces))))
        // Control characters are removed where the names come in; a right-to-left override is kept but shown as a mark.
        #expect(run.stdout.contains("Participants in order: 1 ../evil, 2 Bell \u{FFFD}gnp, 3 🎉 Emoji,"), "\(run.stdout.prefix(3_000))")
        #expect(run.stdout.contains(String(repeating: "N", count: 10_000)))

        for format in ["html", "markdown"] {
            let output = dir.appendingPathComponent("report.\(format)")
            let exported = try BinaryRunner.run(["export", id, "--format", format, "--output", output.path, "--attributed"], in: dir)
            #expect(exported.status == 0, "\(exported.stderr)")
            let report = try String(contentsOf: output, encoding: .utf8)
            #expect(!report.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(format) export holds a raw control character")
            if format == "html" { #expect(!report.contains("<script>alert")) }
            try FileManager.default.removeItem(at: output)
        }
        let session = try SessionCodec.decode(Data(contentsOf: dir.appendingPathComponent("Sessions/\(id).json")), source: id)
        #expect(session.participants.count == 4)
        #expect(session.assessment(of: "LN1")?.consensus?.score == 2)
    }

    @Test func aLongAnswerAtANotesPromptIsStoredAndExportedEscaped() throws {
        let dir = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Long", "--participants", "Ann; Raj"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = "<b>\"Evidence\" & more</b> " + String(repeating: "z", count: 10_000)
        let run = try BinaryRunner.run(["run", id], stdin: "3 4\n\n\(answer)\n\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let session = try SessionCodec.decode(Data(contentsOf: dir.appendingPathComponent("Sessions/\(id).json")), source: id)
        #expect(session.assessment(of: "LN1")?.evidence == [answer])
        let html = try BinaryRunner.run(["export", id, "--format", "html"], in: dir)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("&lt;b&gt;&quot;Evidence&quot; &amp; more&lt;/b&gt; " + String(repeating: "z", count: 10_000)))
        #expect(!html.stdout.contains("<b>\"Evidence"))

        let formula = try BinaryRunner.run(["run", id], stdin: "=HYPERLINK(\"http://x\",\"y\")\n\npause\n", in: dir)
        #expect(formula.status == 0, "\(formula.stderr)")
        let csv = try BinaryRunner.run(["export", id, "--format", "csv", "--part", "assessment"], in: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), "\(csv.stdout.prefix(600))")
    }

    func surveySession(_ dir: URL) throws -> (id: String, file: URL) {
        let created = try BinaryRunner.run(["new", "--title", "Survey", "--participants", "Ann Lee; Raj Patel; Mo Khan"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (id, dir.appendingPathComponent("Sessions/\(id).json"))
    }

    @Test func aSpreadsheetCSVWithBOMCRLFAndQuotedNewlinesImports() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try surveySession(dir)
        let csv = "\u{FEFF}participant,item,score,comment\r\nAnn Lee,LN1,3,\"First line\r\nsecond line, with a comma\"\r\n"
            + "Raj Patel,LN1,4,\r\nMo Khan,LN1,dont know,\"\"\"Quoted\"\" \u{1B}[2Jwipe\"\r\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let imported = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported 3 scores for 1 item from survey.csv"))
        let scores = try SessionCodec.decode(Data(contentsOf: file), source: id).assessment(of: "LN1")?.rounds.first?.scores
        #expect(scores?.map(\.score) == [.value(3), .value(4), .dontKnow])
        #expect(scores?.first?.comment?.contains("First line") == true && scores?.first?.comment?.contains("second line, with a comma") == true)
        #expect(scores?.last?.comment?.hasPrefix("\"Quoted\" ") == true)
        let run = try BinaryRunner.run(["run", id], stdin: "\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!hasRawControl(run.stdout) && !hasRawControl(run.stderr))
    }

    @Test func aCSVWithoutAScoreColumnIsRefusedAndNothingIsWritten() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try surveySession(dir)
        let before = try Data(contentsOf: file)
        try Data("participant,item,comment\nAnn Lee,LN1,fine\n".utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let result = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: survey.csv has no score column."), "\(result.stderr)")
        #expect(result.stderr.contains("survey.csv: line 1: the header is \"participant,item,comment\""))
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Sessions").path) == ["\(id).json"])
    }

    /// 20 MB of seeded random bytes: the size of a wrong file picked by mistake.
    static func garbage() -> Data {
        var random = SeededRandom(seed: 20)
        return Data((0..<(20 * 1024 * 1024 / 8)).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } })
    }

    @Test func anEnormousGarbageFileAsTheSessionIsRefusedQuickly() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try surveySession(dir)
        let bytes = Self.garbage()
        let big = dir.appendingPathComponent("Sessions/2026-11-25-big.json")
        try bytes.write(to: big)
        for command in [["run", "2026-11-25-big"], ["check", "Sessions/2026-11-25-big.json"], ["export", "2026-11-25-big", "--format", "html"],
                        ["import-scores", "2026-11-25-big", "scores.csv"]] {
            try Data("participant,item,score\nAnn Lee,LN1,3\n".utf8).write(to: dir.appendingPathComponent("scores.csv"))
            let running = try BinaryRunner.start(command, in: dir)
            try running.input.fileHandleForWriting.close()
            let result = finish(running, seconds: 30)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("2026-11-25-big.json is not valid JSON."), "\(command): \(result.stderr.prefix(500))")
            #expect(result.stderr.count < 1_000 && !hasRawControl(result.stderr))
        }
        #expect(try Data(contentsOf: big) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).sorted() == ["2026-11-25-big.json", "\(id).json"])
    }

    @Test func anEnormousOrWrongCSVFileIsRefusedWithAShortMessage() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try surveySession(dir)
        let before = try Data(contentsOf: file)
        try Self.garbage().write(to: dir.appendingPathComponent("huge.csv"))
        var rows = "participant,item,score,comment\n"
        for n in 0..<60_000 { rows += "Someone \(n % 97),ZZ\(n % 40),7,\(String(repeating: "c", count: n % 50))\n" }
        try Data(rows.utf8).write(to: dir.appendingPathComponent("wrong.csv"))
        var plan = "outcome,ref,action,lead,status,milestone\n"
        for n in 0..<60_000 { plan += "Outcome \(n % 50),A\(n).1,Do thing \(n),Sam,bogus status,Smarch 20x\n" }
        try Data(plan.utf8).write(to: dir.appendingPathComponent("plan.csv"))
        for (command, name, expected) in [("import-scores", "huge.csv", "error: huge.csv is 20 MB; a CSV file to import may be at most 10 MB."),
                                          ("import-scores", "wrong.csv", "error: wrong.csv has too many bad rows to list; nothing was imported. The first 2"),
                                          ("import-plan", "huge.csv", "error: huge.csv is 20 MB; a CSV file to import may be at most 10 MB."),
                                          ("import-plan", "plan.csv", "error: plan.csv was not imported: too many problems to list; the first 2")] {
            let running = try BinaryRunner.start([command, id, name], in: dir)
            try running.input.fileHandleForWriting.close()
            let result = finish(running, seconds: 30)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix(expected), "\(result.stderr.prefix(500))")
            #expect(result.stderr.contains("onwards: not checked") == (name != "huge.csv"), "\(command) \(name)")
            #expect(result.stderr.split(separator: "\n").count <= 26, "\(command) \(name): \(result.stderr.split(separator: "\n").count) lines of errors")
            #expect(try Data(contentsOf: file) == before)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["\(id).json"])
    }
}

/// `sessions` and `show` display a title with control characters by one rule: line breaks and tabs
/// as spaces, every other control character as its visible symbol; nothing dropped, nothing raw.
@Suite("Control characters in listings and show")
struct ControlCharactersInTitlesTests {
    @Test func sessionsAndShowShowTheSameTitle() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Riverside")
        var session = try load(file)
        session.title = "River\u{1B}[2Jside\u{07} CPP\nnext\tline"
        session.partnership = "Partners\u{1B}]0;owned\u{07}"
        try SessionCodec.encode(session).write(to: file)
        let shown = "River\u{241B}[2Jside\u{2407} CPP next line"
        let listed = try BinaryRunner.run(["sessions"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("  \(shown)  "), "\(listed.stdout)")
        #expect(listed.stdout.contains("Partners\u{241B}]0;owned\u{2407}"))
        let show = try BinaryRunner.run(["show", id], in: dir)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("\(shown) (\(session.date), assessing)\nPartners\u{241B}]0;owned\u{2407} · "), "\(show.stdout)")
        for output in [listed.stdout, show.stdout] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        }
    }
}
