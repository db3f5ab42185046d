import Foundation
import Testing
import StepChangeCLI
import StepChangeKit

/// The statements and planning stages through the built binary, as a facilitator runs them.
/// Needs the workshop runner's `run` command; skipped on a build without it.
@Suite("Statements and planning through the binary", .enabled(if: StepChangeCLI.commands.contains { $0.name == "run" }))
struct PlanningFlowTests {
    @Test func fromStatementsToACheckedPlanWithRefusalsAndResume() throws {
        let directory = try temporaryDirectory()
        let sessions = directory.appendingPathComponent("Sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        var session = Session(id: "2026-11-23-riverside", title: "Riverside", date: "2026-11-23",
                              createdAt: Date(timeIntervalSince1970: 1_795_392_000), framework: .childPoverty,
                              participants: [Participant(id: "p1", name: "Ann Lee", sector: .statutory),
                                             Participant(id: "p2", name: "Raj Patel", sector: .thirdSector)])
        session.stage = .statements
        session.assessments = [ItemAssessment(itemID: "LN4", rounds: [ScoringRound(number: 1, scores: [
            ParticipantScore(participant: "p1", score: .value(1)), ParticipantScore(participant: "p2", score: .value(3))])],
            consensus: ConsensusRecord(score: 2, suggested: 2, round: 1, agreedAt: session.createdAt),
            areasForImprovement: ["Families' views are gathered once and not used"], completedAt: session.createdAt)]
        try SessionCodec.encode(session).write(to: sessions.appendingPathComponent(session.id + ".json"))

        let first = [
            "The partnership should", "The partnership should listen to families.", "LN44", "LN4", "",
            "The partnership should evaluate services.", "", "", "",
            "S1 S1 S2 S2", "S1 S1 S2", "S1=3", "", "pause",
        ]
        let paused = try BinaryRunner.run(["run", session.id], stdin: first.joined(separator: "\n") + "\n", in: directory)
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout.contains("Families' views are gathered once and not used"))
        #expect(paused.stdout.contains("That statement is empty"))
        #expect(paused.stdout.contains("\"LN44\" is not an item of Child Poverty Self-Assessment. Did you mean LN4?"))
        #expect(paused.stdout.contains("That is 4 votes; Ann Lee has 3. Give at most 3."))
        #expect(paused.stdout.contains("Planning now: S1, S2."))

        let second = [
            "Fewer children in poverty", "Services shaped by families", "", "Engagement mapped", "",
            "Parents' panel -> ST1", "", "No route from panel to decisions -> MT1", "",
            "Map engagement", "ST1", "Know where we engage", "Lived Experience Sub-Group", "CVS", "", "",
            "soon", "2025-01", "no", "March 2027", "Services mapped", "0", "All", "Quarterly", "", "4", "new", "", "", "goto S2", "", "", "", "", "", "", "", "",
        ]
        let finished = try BinaryRunner.run(["run", session.id], stdin: second.joined(separator: "\n") + "\n", in: directory)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout.contains("Long-term outcome for S1 (3 to 10 years): the change for families"))
        #expect(finished.stdout.contains("\"soon\" is not a month or a date."))
        #expect(finished.stdout.contains("Keep January 2025 as A1.1's milestone? (yes/no)"))
        #expect(finished.stdout.contains("Plan checks: 1 error"))
        #expect(flattened(finished.stdout).contains("S2 is planned but has no long-term, medium-term or short-term outcome"))

        let saved = try SessionCodec.decode(Data(contentsOf: sessions.appendingPathComponent(session.id + ".json")), source: "saved")
        #expect(saved.stage == .complete)
        #expect(saved.plan(for: "S1")?.actions.first?.milestone == "2027-03")
        #expect(saved.votes.count == 3)

        let check = try BinaryRunner.run(["check", session.id], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("error   S2"))
    }
}
