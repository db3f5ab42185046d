import Foundation
import Testing
import StepChangeKit

@Suite("stepchange check")
struct CheckCommandTests {
    /// A planned session written to a sessions directory: S1 planned with one action that has no lead.
    func writeSession(in directory: URL, lead: String) throws -> Session {
        var session = Session(id: "2026-11-23-riverside", title: "Riverside", date: "2026-11-23",
                              createdAt: Date(timeIntervalSince1970: 1_795_392_000), framework: .childPoverty,
                              participants: [Participant(id: "p1", name: "Ann Lee", sector: .statutory),
                                             Participant(id: "p2", name: "Raj Patel", sector: .thirdSector)])
        session.stage = .complete
        session.assessments = [ItemAssessment(itemID: "LN4", rounds: [ScoringRound(number: 1, scores: [
            ParticipantScore(participant: "p1", score: .value(2)), ParticipantScore(participant: "p2", score: .value(2))])],
            consensus: ConsensusRecord(score: 2, suggested: 2, round: 1, agreedAt: session.createdAt))]
        session.statements = [ImprovementStatement(id: "S1", text: "The partnership should listen to families.", itemIDs: ["LN4"])]
        session.votes = [Vote(participant: "p1", statement: "S1", count: 3)]
        session.planned = ["S1"]
        session.plans = [OutcomePlan(statementID: "S1",
            outcomes: [Outcome(id: "S1.LT1", horizon: .long, text: "Fewer children in poverty"),
                       Outcome(id: "S1.MT1", horizon: .medium, text: "Services shaped by families"),
                       Outcome(id: "S1.ST1", horizon: .short, text: "Engagement mapped")],
            actions: [Action(ref: "A1.1", outcomeIDs: ["S1.ST1"], description: "Map engagement", lead: lead, milestone: "2027-03",
                             measure: Measure(indicator: "Services mapped"), theme: "enablers")])]
        let sessions = directory.appendingPathComponent("Sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try SessionCodec.encode(session).write(to: sessions.appendingPathComponent(session.id + ".json"))
        return session
    }

    @Test func errorsAreListedAndExitOne() throws {
        let directory = try temporaryDirectory()
        _ = try writeSession(in: directory, lead: "")
        let result = try BinaryRunner.run(["check", "2026-11-23-riverside"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == """
            Plan check for Riverside (2026-11-23-riverside): 1 error, no warnings, 1 note
              error   A1.1          A1.1 has no lead: name the person or role responsible.
              note    participants  No participant has lived experience of poverty; consider how families' views shape this plan.

            """)
        #expect(result.stderr == "")
    }

    @Test func aCleanPlanExitsZeroAndJsonIsMachineReadable() throws {
        let directory = try temporaryDirectory()
        _ = try writeSession(in: directory, lead: "Lived Experience Sub-Group")
        let text = try BinaryRunner.run(["check", "Sessions/2026-11-23-riverside.json"], in: directory)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Plan check for Riverside (2026-11-23-riverside): no errors, no warnings, 1 note\n"))
        let json = try BinaryRunner.run(["check", "2026-11", "--json", "--sessions", "Sessions"], in: directory)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["session"] as? String == "2026-11-23-riverside")
        #expect(object["errors"] as? Int == 0)
        #expect(object["notes"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(findings == [["level": "note", "rule": "no-lived-experience", "subject": "participants",
                              "message": "No participant has lived experience of poverty; consider how families' views shape this plan."]])
    }

    @Test func anUnknownSessionIsAnInputError() throws {
        let directory = try temporaryDirectory()
        _ = try writeSession(in: directory, lead: "")
        let result = try BinaryRunner.run(["check", "2026-11-23-rivrside"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: No session \"2026-11-23-rivrside\""))
        #expect(result.stderr.contains("Did you mean 2026-11-23-riverside?"))
        let usage = try BinaryRunner.run(["check"], in: directory)
        #expect(usage.status == 2)
    }
}
