import Foundation
import Testing
@testable import StepChangeCLI
@testable import StepChangeKit

/// A participant given without "(Organisation, sector)" is asked for the sector, not silently "other".
@Suite("Sectors asked for, not assumed")
struct SectorQuestionTests {
    func run(_ arguments: [String], input: [String], interactive: Bool, in dir: URL) -> (status: Int32, output: String, errors: String) {
        let terminal = ScriptedTerminal(input, interactive: interactive)
        let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: dir, time: FixedTime(Date(timeIntervalSince1970: 1_795_000_000)))
        let status = StepChangeCLI.main(arguments, context: context)
        return (status, terminal.output, terminal.errors)
    }

    @Test func newAtATerminalAsksForTheSectorOfEachParticipantGivenWithout() throws {
        let dir = try temporaryDirectory()
        let created = run(["new", "--title", "Asked", "--participants", "Ann Lee; Raj Patel (CVS, third sector); Mo Khan (NHS Lanarkshire)"],
                          input: ["council", "Council, statutory", "health"], interactive: true, in: dir)
        #expect(created.status == 0)
        #expect(created.output.contains("Which sector is Ann Lee from?"))
        #expect(created.output.contains("\"council\" does not end with a sector"))
        #expect(created.output.contains("Which sector is Mo Khan from?"))
        #expect(!created.output.contains("Which sector is Raj Patel from?"))
        let session = try storedSession(in: dir)
        #expect(session.participants.map(\.sector) == [.statutory, .thirdSector, .health])
        #expect(session.participants.map(\.organisation) == ["Council", "CVS", "NHS Lanarkshire"])
        #expect(session.participants.allSatisfy { $0.sectorToConfirm == nil })
    }

    @Test func withoutATerminalNewSaysSoAndRunAsksFirst() throws {
        let dir = try temporaryDirectory()
        let created = run(["new", "--title", "Later", "--participants", "Ann Lee; Raj Patel (CVS, third sector)"], input: [], interactive: false, in: dir)
        #expect(created.status == 0)
        #expect(flattened(created.errors).contains("No sector given for Ann Lee, so recorded as other for now; `stepchange run` asks for it first."))
        #expect(try storedSession(in: dir).participants.map(\.sectorToConfirm) == [true, nil])
        let piped = run(["run", "2026-11-18-later"], input: ["pause"], interactive: false, in: dir)
        #expect(flattened(piped.errors).contains("No sector yet for Ann Lee (recorded as other)."))
        let atTerminal = run(["run", "2026-11-18-later"], input: ["lived experience", "pause"], interactive: true, in: dir)
        #expect(atTerminal.output.contains("Which sector is Ann Lee from?"))
        let session = try storedSession(in: dir)
        #expect(session.participants[0].sector == .livedExperience)
        #expect(session.participants[0].sectorToConfirm == nil)
        let again = run(["run", "2026-11-18-later"], input: ["pause"], interactive: true, in: dir)
        #expect(!again.output.contains("Which sector"))
    }

    @Test func pauseOrTheEndOfInputAtTheSectorQuestionStopsTheRunWithTheResumeHint() throws {
        let dir = try temporaryDirectory()
        _ = run(["new", "--title", "Stop", "--participants", "Ann Lee; Bo Ray; Raj Patel (CVS, third sector)"], input: [], interactive: false, in: dir)
        let before = try Data(contentsOf: dir.appendingPathComponent("Sessions/2026-11-18-stop.json"))

        let paused = run(["run", "2026-11-18-stop"], input: ["pause"], interactive: true, in: dir)
        #expect(paused.status == 0)
        #expect(!paused.output.contains("does not end with a sector"))
        #expect(!paused.output.contains("Type help at any prompt"), "the workshop does not start after pause")
        #expect(flattened(paused.errors).contains("Paused. Everything answered is saved in"))
        #expect(flattened(paused.errors).contains("Resume with: stepchange run 2026-11-18-stop"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("Sessions/2026-11-18-stop.json")) == before, "nothing answered, nothing changed")

        let oneAnswered = run(["run", "2026-11-18-stop"], input: ["Council, statutory", "PAUSE"], interactive: true, in: dir)
        #expect(oneAnswered.status == 0)
        #expect(oneAnswered.output.contains("Which sector is Bo Ray from?"))
        #expect(flattened(oneAnswered.errors).contains("Paused."))
        var session = try storedSession(in: dir)
        #expect(session.participants.map(\.sector) == [.statutory, .other, .thirdSector])
        #expect(session.participants.map(\.sectorToConfirm) == [nil, true, nil])

        let ended = run(["run", "2026-11-18-stop"], input: [], interactive: true, in: dir)
        #expect(ended.status == 0)
        #expect(!ended.output.contains("Type help at any prompt"))
        #expect(flattened(ended.errors).contains("End of input. Everything answered is saved in"))
        #expect(flattened(ended.errors).contains("Resume with: stepchange run 2026-11-18-stop"))
        session = try storedSession(in: dir)
        #expect(session.participants.map(\.sectorToConfirm) == [nil, true, nil])

        let finished = run(["run", "2026-11-18-stop"], input: ["health", "pause"], interactive: true, in: dir)
        #expect(finished.output.contains("Type help at any prompt"))
        #expect(try storedSession(in: dir).participants.map(\.sector) == [.statutory, .health, .thirdSector])
    }

    @Test func pauseAtNewsSectorQuestionLeavesTheRestToConfirmAtRun() throws {
        let dir = try temporaryDirectory()
        let created = run(["new", "--title", "Later", "--participants", "Ann Lee; Bo Ray"], input: ["pause"], interactive: true, in: dir)
        #expect(created.status == 0)
        #expect(!created.output.contains("does not end with a sector"))
        #expect(!created.output.contains("Which sector is Bo Ray from?"))
        #expect(try storedSession(in: dir).participants.map(\.sectorToConfirm) == [true, true])
    }
}
