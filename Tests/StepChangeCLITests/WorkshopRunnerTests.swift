import Foundation
import Testing
@testable import StepChangeCLI
import StepChangeKit

/// The session stored in a test's sessions directory.
func storedSession(in directory: URL, sessions: String = "Sessions") throws -> Session {
    let store = SessionStore(directory: directory.appendingPathComponent(sessions))
    let file = try #require(try store.sessionFiles().first)
    return try store.load(file)
}

@Suite("Workshop runner through a scripted terminal")
struct WorkshopRunnerTests {
    let participants = "Ann Lee (Council, statutory); Raj Patel (CVS, third sector); Mo Khan (NHS, health)"

    @Test func newPrintsTheIdAndRunEchoesAndSavesEveryAnswer() throws {
        let dir = try temporaryDirectory()
        let created = runCLI(["new", "--title", "Riverside", "--participants", participants], in: dir)
        #expect(created.status == 0)
        #expect(created.output == "2026-11-18-riverside\n")
        #expect(created.errors.contains("Next: stepchange run 2026-11-18-riverside"))
        let run = runCLI(["run", "2026-11-18"], input: ["3 4 2", "", "We have a 2025 profile", "pause"], in: dir)
        #expect(run.status == 0)
        #expect(run.output.contains("Scores for LN1, one per participant (- or ? for don't know): 3 4 2\n"))
        #expect(run.output.contains("Consensus score for LN1 [Enter accepts 3; r re-scores after discussion]: \n"))
        #expect(run.errors.contains("Paused. Everything answered is saved in Sessions/2026-11-18-riverside.json."))
        #expect(run.errors.contains("Resume with: stepchange run 2026-11-18-riverside\n"))
        let session = try storedSession(in: dir)
        #expect(session.assessment(of: "LN1")?.consensus?.score == 3)
        #expect(session.assessment(of: "LN1")?.evidence == ["We have a 2025 profile"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sessions/2026-11-18-riverside.lock").path))

        let resumed = runCLI(["run", "2026-11-18-riverside"], input: ["pause"], in: dir)
        #expect(resumed.output.contains("Evidence or rationale (optional) [Enter ends the list]: pause"))
    }

    @Test func answersThatChangeNothingWriteNothing() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Quiet", "--participants", participants], in: dir)
        #expect(runCLI(["run", "2026-11-18-quiet", "--stage", "statements"], input: ["help"], in: dir).status == 0)
        let file = dir.appendingPathComponent("Sessions/2026-11-18-quiet.json")
        func inode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int }
        let before = try inode()
        let run = runCLI(["run", "2026-11-18-quiet"], input: ["help", "list", "summary"], in: dir)
        #expect(run.status == 0)
        #expect(run.output.contains("While drafting, type a statement"))
        #expect(try inode() == before, "help, list and summary change nothing, so the file is not rewritten")
    }

    @Test func resumeHintNamesANonDefaultSessionsDirectory() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Elsewhere", "--participants", "Ann", "--sessions", "my sessions"], in: dir)
        let run = runCLI(["run", "2026-11-18-elsewhere", "--sessions", "my sessions"], input: [], in: dir)
        #expect(run.status == 0)
        #expect(run.errors.contains("End of input. Everything answered is saved in my sessions/2026-11-18-elsewhere.json."))
        #expect(run.errors.contains("Resume with: stepchange run 2026-11-18-elsewhere --sessions 'my sessions'"))
    }

    @Test func blindScoringReadsHiddenOnATerminalAndNeverEchoesScores() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Blind", "--participants", participants], in: dir)
        let terminal = ScriptedTerminal(["2", "5", "1", "pause"], interactive: true)
        let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: dir, time: FixedTime(Date(timeIntervalSince1970: 1_795_000_000)))
        #expect(StepChangeCLI.main(["run", "2026-11-18-blind", "--blind"], context: context) == 0)
        #expect(terminal.hiddenReads == 3)
        #expect(terminal.output.contains("Raj Patel (2 of 3), your score for LN1: "))
        #expect(terminal.output.contains("before agreeing, hear first from whoever scored highest (5) and"))
        let session = try storedSession(in: dir)
        #expect(session.settings.scoring == .blind)
        #expect(session.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(2), .value(5), .value(1)])

        let piped = runCLI(["run", "2026-11-18-blind"], input: ["r", "3", "pause"], in: dir)
        #expect(piped.output.contains("your score for LN1: (hidden)\n"))
        #expect(!piped.output.contains("LN1: 3\n"))
    }

    @Test func badInputIsRefusedWithTheValidValuesAndThePromptRepeats() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Bad", "--participants", participants], in: dir)
        let run = runCLI(["run", "2026-11-18-bad"], input: ["3 4 9", "3 4", "goto QQ7", "3 4 2", "6", "pause"], in: dir)
        #expect(run.status == 0)
        #expect(flattened(run.output).contains("Not on the scale: \"9\" (Mo Khan). Valid scores: 1, 2, 3, 4, 5 or ? (don't know)."))
        #expect(flattened(run.output).contains("Expected 3 scores, one for each participant in order (Ann Lee, Raj Patel, Mo Khan); got 2."))
        #expect(run.output.contains("There is no item \"QQ7\"."))
        #expect(flattened(run.output).contains("\"6\" is not a consensus score. Type one of 1, 2, 3, 4, 5; press Enter to accept 3"))
        #expect(run.output.components(separatedBy: "Scores for LN1, one per participant").count == 5)
        #expect(try storedSession(in: dir).assessment(of: "LN1")?.rounds.count == 1)
    }

    @Test func importScoresThenEmptyLinesFinishTheAssessment() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Survey", "--participants", participants], in: dir)
        var csv = "participant,item,score,comment\r\n"
        for (index, id) in Framework.childPoverty.itemIDs.enumerated() {
            csv += "Ann Lee,\(id),\(1 + index % 5),\r\nRaj Patel,\(id),\(1 + (index * 2) % 5),\"a, comment\"\r\nMo Khan,\(id),dont know,\r\n"
        }
        try Data(("\u{FEFF}" + csv).utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let imported = runCLI(["import-scores", "2026-11-18-survey", "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.hasPrefix("Imported 72 scores for 24 items from survey.csv into 2026-11-18-survey."))
        let run = runCLI(["run", "2026-11-18-survey"], input: Array(repeating: "", count: 24 * 4 + 1), in: dir)
        #expect(run.status == 0, "\(run.errors)")
        let session = try storedSession(in: dir)
        #expect(session.stage > .assessing)
        for item in AssessmentSummary(session: session).items {
            #expect(item.consensus != nil && item.consensus == item.finalRound?.suggestedConsensus)
        }
        #expect(run.output.contains("== Self-assessment summary: Survey =="))
    }

    @Test func stageOptionReopensTheAssessmentKeepingEveryAnswer() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Reopen", "--participants", "Ann; Raj"], in: dir)
        _ = runCLI(["run", "2026-11-18-reopen"], input: ["3 4", "", "", "", "", "2 2", "pause"], in: dir)
        _ = runCLI(["run", "2026-11-18-reopen", "--stage", "statements"], input: ["pause"], in: dir)
        #expect(try storedSession(in: dir).stage == .statements)
        let reopened = runCLI(["run", "2026-11-18-reopen", "--stage", "assessing"], input: ["pause"], in: dir)
        #expect(reopened.status == 0)
        #expect(reopened.output.contains("Consensus score for LN2"))
        let session = try storedSession(in: dir)
        #expect(session.stage == .assessing)
        #expect(session.assessment(of: "LN1")?.consensus?.score == 3)
        #expect(session.assessment(of: "LN2")?.rounds.count == 1)
    }

    /// A lock file whose holder no longer holds the kernel lock (killed, or the machine restarted) is
    /// taken over without a question, naming the runner that left it.
    @Test func aLockLeftByAStoppedRunnerIsTakenOverWithoutAsking() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Stale", "--participants", "Ann; Raj"], in: dir)
        let lock = dir.appendingPathComponent("Sessions/2026-11-18-stale.lock")
        try Data("4000000\n\(LockHolder.thisHost)\n2026-11-18T09:00:00Z\n".utf8).write(to: lock)
        let terminal = ScriptedTerminal(["pause"], interactive: true)
        let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: dir, time: FixedTime(Date(timeIntervalSince1970: 1_795_000_000)))
        #expect(StepChangeCLI.main(["run", "2026-11-18-stale", "--open"], context: context) == 0)
        #expect(!terminal.output.contains("Clear the lock"))
        #expect(terminal.errors.contains("Cleared the lock left by process 4000000 on \(LockHolder.thisHost), since 2026-11-18T09:00:00Z, which stopped without closing the session."))
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        #expect(runCLI(["run", "2026-11-18-stale", "--open", "--blind"], in: dir).status == 2)
    }

    @Test func badImportRowsAreAllReportedAndNothingIsWritten() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Survey", "--participants", participants], in: dir)
        let file = dir.appendingPathComponent("Sessions/2026-11-18-survey.json")
        let before = try Data(contentsOf: file)
        try Data("participant,item,score\nAnn Lee,LN1,3\nNobody,LN1,3\nAnn Lee,LN2,8\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let result = runCLI(["import-scores", "2026-11-18-survey", "bad.csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.csv: line 3: \"Nobody\" is not a participant"))
        #expect(result.errors.contains("bad.csv: line 4: score \"8\" is not on the scale"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func startAsksTheSetUpQuestionsThenRuns() throws {
        let dir = try temporaryDirectory()
        let run = runCLI(["start"], input: ["", "Start test", "Riverside CPP", "Sam", "Ann Lee (Council, statutory)", "Raj (CVS, planet)", "Raj Patel (CVS, third sector)", "", "sometimes", "open", "3 4", "pause"], in: dir)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("A title is needed"))
        #expect(run.output.contains("\"planet\" is not a sector"))
        #expect(run.output.contains("Type open or blind."))
        let session = try storedSession(in: dir)
        #expect(session.title == "Start test" && session.partnership == "Riverside CPP" && session.facilitator == "Sam")
        #expect(session.participants.map(\.name) == ["Ann Lee", "Raj Patel"])
        #expect(session.assessment(of: "LN1")?.rounds.count == 1)
    }

    @Test func runOptionsAreValidated() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Opts", "--participants", "Ann"], in: dir)
        #expect(runCLI(["run", "2026-11-18-opts", "--votes", "21"], in: dir).errors.contains("--votes must be a whole number from 1 to 20"))
        #expect(runCLI(["run", "2026-11-18-opts", "--order", "random"], in: dir).status == 2)
        #expect(runCLI(["run", "2026-11-18-opts", "--stage", "complete"], in: dir).status == 2)
        #expect(runCLI(["new"], in: dir).status == 2)
        let ok = runCLI(["run", "2026-11-18-opts", "--votes", "5", "--minutes-per-heading", "20", "--stage", "statements"], in: dir)
        #expect(ok.status == 0)
        let session = try storedSession(in: dir)
        #expect(session.settings.votesPerParticipant == 5 && session.settings.minutesPerHeading == 20)
        #expect(session.stage >= .statements)
    }
}
