import Foundation
import Testing
import StepChangeKit
import StepChangeCLI

/// The survey fixtures the library tests keep (a CSV survey export and the .xlsx LibreOffice wrote from it).
func surveyFixture(_ name: String) throws -> Data {
    try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/survey").appendingPathComponent(name))
}

/// A session on the survey-scale framework, created with `stepchange new` in `dir`.
func newSurveySession(_ dir: URL) throws -> (id: String, file: URL) {
    let result = try BinaryRunner.run(["new", "--title", "Riverside", "--framework", "child-poverty-survey", "--date", "2026-11-23",
                                       "--participants", threeParticipants], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    return (id, dir.appendingPathComponent("Sessions/\(id).json"))
}

@Suite("The pre-workshop survey through the built binary", .serialized)
struct SurveyEndToEndTests {
    @Test func aDryRunWritesNothingThenYesImportsAndTheRevealAndExportsShowSurveyBesideRoom() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        try surveyFixture("wide-export.xlsx").write(to: dir.appendingPathComponent("export.xlsx"))
        let before = try Data(contentsOf: file)
        let dry = try BinaryRunner.run(["import-scores", id, "export.xlsx"], in: dir)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("  E   LN1   ← "))
        #expect(dry.stdout.contains("row 10, column M: \"Agre\" (PL2) is not an answer on the scale"))
        #expect(dry.stdout.contains("Dry run: nothing was written."))
        #expect(try Data(contentsOf: file) == before)

        let imported = try BinaryRunner.run(["import-scores", id, "export.xlsx", "--yes"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try load(file).survey?.respondents == 31)

        let run = try BinaryRunner.run(["run", id], stdin: "4 3 ?\n", in: dir)
        #expect(run.stdout.contains("Survey: 30 responses · median 3 · divergent"))
        #expect(run.stdout.contains("  3 Neither agree nor disagree | ####### 7              | # 1"))
        #expect(run.stdout.contains("Survey comments on Understanding Local Need (9):"))
        #expect(!run.stdout.contains("Ann Lee: "))

        let markdown = try BinaryRunner.run(["export", id, "--format", "markdown", "--part", "assessment"], in: dir)
        #expect(markdown.stdout.contains("**Pre-workshop survey:** 31 responses imported from export.xlsx"))
        #expect(markdown.stdout.contains("| Score | Level | Survey (30) | Room, round 1 (3) |"))
        #expect(markdown.stdout.contains("Survey comments on this heading (9)"))
        let csv = try BinaryRunner.run(["export", id, "--format", "csv", "--part", "assessment"], in: dir)
        #expect(csv.stdout.contains("Survey responses,Survey distribution,Survey don't know"))
        #expect(csv.stdout.contains(",30,1: 5 · 2: 3 · 3: 7 · 4: 6 · 5: 6,3"))
    }

    @Test func theCSVTemplateRoundTripsThroughImportScores() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        let template = try BinaryRunner.run(["survey", id, "--format", "csv"], in: dir)
        #expect(template.status == 0, "\(template.stderr)")
        var text = template.stdout
        let answers = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"]
        for respondent in 0..<3 {
            var cells = [respondent == 0 ? "Raj Patel" : ""]
            for (h, heading) in Framework.childPovertySurvey.headings.enumerated() {
                for (i, _) in heading.items.enumerated() { cells.append(answers[(respondent + h + i) % answers.count]) }
                cells.append(respondent == 1 ? "Comment \(respondent) on \(heading.id)" : "")
            }
            text += cells.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        }
        try Data(text.utf8).write(to: dir.appendingPathComponent("responses.csv"))
        let imported = try BinaryRunner.run(["import-scores", id, "responses.csv", "--yes"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains("No column for"))
        #expect(imported.stdout.contains("make round 1 of 24 items from 1 respondent who are this workshop's participants"))
        let session = try load(file)
        #expect(session.survey?.respondents == 3)
        #expect(session.survey?.items.count == 24)
        #expect(session.survey?.comments.map(\.headingID) == ["LN", "PL", "WW", "UP"])
        #expect(session.survey?.item("LN1")?.counts.map(\.count) == [1, 1, 1, 0, 0])
        #expect(session.assessment(of: "LN1")?.rounds.first?.scores == [ParticipantScore(participant: "p2", score: .value(1))])
    }

    @Test func surveyCommentsCanBeListedEditedAndRemoved() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        try surveyFixture("wide-export.csv").write(to: dir.appendingPathComponent("export.csv"))
        #expect(try BinaryRunner.run(["import-scores", id, "export.csv", "--yes"], in: dir).status == 0)
        let list = try BinaryRunner.run(["survey-comments", id], in: dir)
        #expect(list.stdout.contains("  C1 LN    “Respondent 0’s view on LN"))
        let edit = try BinaryRunner.run(["survey-comments", id, "edit", "c1", "A partner said the data is patchy."], in: dir)
        #expect(edit.status == 0, "\(edit.stderr)")
        let remove = try BinaryRunner.run(["survey-comments", id, "remove", "C2"], in: dir)
        #expect(remove.stdout == "Removed survey comment C2 from \(id).\n")
        let survey = try #require(try load(file).survey)
        #expect(survey.comment("C1")?.text == "A partner said the data is patchy.")
        #expect(survey.comment("C1")?.editedAt != nil)
        #expect(survey.comment("C2") == nil && survey.comment("C3") != nil)
        let missing = try BinaryRunner.run(["survey-comments", id, "remove", "C99"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("has no survey comment C99"))
    }

    @Test func theUnicodeTextExportImportsTheSameSurveyAsTheCSV() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        try surveyFixture("wide-export-utf16.txt").write(to: dir.appendingPathComponent("export.txt"))
        #expect(try BinaryRunner.run(["import-scores", id, "export.txt", "--yes"], in: dir).status == 0)
        let fromText = try #require(try load(file).survey)
        try surveyFixture("wide-export.csv").write(to: dir.appendingPathComponent("export.csv"))
        #expect(try BinaryRunner.run(["import-scores", id, "export.csv", "--yes"], in: dir).status == 0)
        let fromCSV = try #require(try load(file).survey)
        #expect(fromText.items == fromCSV.items && fromText.comments == fromCSV.comments)
    }

    @Test func aHugeSpreadsheetIsRefusedFromItsSizeAlone() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSurveySession(dir)
        let path = dir.appendingPathComponent("huge.xlsx").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 * 1024 * 1024 * 1024)
        try handle.close()
        let result = try BinaryRunner.run(["import-scores", id, "huge.xlsx"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: huge.xlsx is 3072 MB; a spreadsheet to import may be at most 10 MB."))
    }
}

@Suite("Survey import at a terminal")
struct SurveyImportTerminalTests {
    func run(_ arguments: [String], answers: [String], in dir: URL) -> (status: Int32, output: String, errors: String) {
        let terminal = ScriptedTerminal(answers, interactive: true)
        let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: dir, time: FixedTime(Date(timeIntervalSince1970: 1_795_000_000)))
        return (StepChangeCLI.main(arguments, context: context), terminal.output, terminal.errors)
    }

    @Test func aNoAtTheTerminalWritesNothingAndAYesWrites() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        try surveyFixture("wide-export.csv").write(to: dir.appendingPathComponent("export.csv"))
        let before = try Data(contentsOf: file)
        let refused = run(["import-scores", id, "export.csv"], answers: ["n"], in: dir)
        #expect(refused.status == 0 && refused.output.contains("Import this into \(id)? [y/N]: "))
        #expect(try Data(contentsOf: file) == before)
        let accepted = run(["import-scores", id, "export.csv"], answers: ["y"], in: dir)
        #expect(accepted.status == 0, "\(accepted.errors)")
        #expect(try load(file).survey?.respondents == 31)
    }

    @Test func theLongFormatAlsoComesAsAWorkbookAndSheetIsOnlyForWorkbooks() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSurveySession(dir)
        let workbook = XLSXWriter.workbook(sheetName: "Scores", rows: [["participant", "item", "score", "comment"], ["Ann Lee", "LN1", "4", "Good data"], ["Raj Patel", "LN1", "2", ""]])
        try workbook.write(to: dir.appendingPathComponent("scores.xlsx"))
        let imported = run(["import-scores", id, "scores.xlsx"], answers: [], in: dir)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(try load(file).assessment(of: "LN1")?.rounds.first?.scores.map(\.score) == [.value(4), .value(2)])
        try Data("participant,item,score\n".utf8).write(to: dir.appendingPathComponent("s.csv"))
        let usage = run(["import-scores", id, "s.csv", "--sheet", "2"], answers: [], in: dir)
        #expect(usage.status == 2 && usage.errors.contains("--sheet is for .xlsx files"))
    }
}
