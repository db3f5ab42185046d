import Foundation
import Testing
@testable import StepChangeKit

/// Every list the facilitator builds is corrected the same way, and a command is never stored as text.
@Suite("Corrections in the room")
struct CorrectionsTests {
    let editor = ListEditor(name: "strengths", entries: ["Shared figures", "Strong data team"],
                            destinations: [(typed: ["areas", "area"], name: "areas for improvement"), (typed: ["evidence"], name: "evidence")])

    @Test(arguments: [
        ("delete 2", ListEditor.Reading.delete(index: 1)),
        ("remove 1", .delete(index: 0)),
        ("edit 1 Shared figures with health", .edit(index: 0, text: "Shared figures with health")),
        ("edit 2", .edit(index: 1, text: "")),
        ("move 2 to areas", .move(index: 1, to: "areas for improvement")),
        ("Move 1 evidence", .move(index: 0, to: "evidence")),
        ("Move towards locality working", .add("Move towards locality working")),
        ("A strong data team", .add("A strong data team")),
    ])
    func readsTheSameCommandsEverywhere(typed: String, expected: ListEditor.Reading) {
        #expect(editor.read(typed) == expected)
    }

    @Test(arguments: ["delete 3", "delete", "edit 9 words", "move 1", "move 1 to nowhere", "delete 2 now", "edit"])
    func aCommandThatCannotBeReadIsRefusedNeverAdded(typed: String) {
        guard case .refused(let message) = editor.read(typed) else {
            Issue.record("\"\(typed)\" was not refused")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func idsWorkLikeNumbers() {
        let outcomes = ListEditor(name: "outcomes", entries: ["S1.LT1  Fewer", "S1.MT2  Services"], ids: ["S1.LT1", "S1.MT2"])
        #expect(outcomes.read("delete MT2") == .delete(index: 1))
        #expect(outcomes.read("edit s1.lt1 Fewer children") == .edit(index: 0, text: "Fewer children"))
        #expect(outcomes.numbered() == ["  1. S1.LT1  Fewer", "  2. S1.MT2  Services"])
    }

    /// The example of the issue: `delete 2` at the strengths prompt deletes strength 2; an area typed a
    /// line late, as a strength, is moved to the areas for improvement.
    @Test func strengthsAreCorrectedAndMovedNotStoredAsText() throws {
        var driver = StageDriver(workshopSession())
        driver.type("3 4 2 4", "", "Profile refreshed", "", "Shared figures", "Wrong one", "Neighbourhood data is missing",
                    "delete 2", "move 2 to areas", "edit 1 Shared figures across partners", "delete")
        #expect(driver.refusals == ["Type `delete N` to remove entry N of strengths."])
        let assessment = try #require(driver.session.assessment(of: "LN1"))
        #expect(assessment.strengths == ["Shared figures across partners"])
        #expect(assessment.areasForImprovement == ["Neighbourhood data is missing"])
        #expect(driver.messages.contains("Moved strengths 2 to areas for improvement (now areas for improvement 1)."))
        let prompt = try #require(driver.prompt)
        #expect(prompt.text.contains("  1. Shared figures across partners"))
        driver.type("", "delete 1", "")
        #expect(driver.session.assessment(of: "LN1")?.areasForImprovement == [])
        #expect(driver.session.assessment(of: "LN1")?.isComplete == true)
    }

    @Test func aParticipantWithoutASectorIsAskedForIt() throws {
        var session = workshopSession()
        session.participants = []
        var driver = StageDriver(session)
        driver.type("Ann Lee (Council)")
        #expect(driver.prompt?.question == "Which sector is Ann Lee (Council) from? (Organisation, sector — the organisation is optional)")
        driver.type("")
        #expect(driver.refusals.last?.hasPrefix("A sector is needed") == true)
        driver.type("statutory", "Raj Patel", "CVS, third sector", "Mo Khan (NHS Lanarkshire, health)")
        #expect(driver.session.participants.map(\.sector) == [.statutory, .thirdSector, .health])
        #expect(driver.session.participants.map(\.organisation) == ["Council", "CVS", "NHS Lanarkshire"])
        driver.type("edit 2 Raj Patel (VASLan, third sector)", "delete 3")
        #expect(driver.session.participants.map(\.name) == ["Ann Lee", "Raj Patel"])
        #expect(driver.session.participants[1].organisation == "VASLan")
    }

    @Test func aLateArrivalScoresFromNowAndSomeoneWhoLeavesKeepsTheirScores() throws {
        var driver = StageDriver(workshopSession(participants: 2))
        driver.type("3 4", "", "", "", "")
        driver.type("add participant Kit Ray (Housing association, third sector)")
        #expect(driver.session.participants.last?.id == "p3")
        #expect(driver.prompt?.text.contains("3 Kit Ray") == true)
        driver.type("3 4 5", "", "", "", "", "absent Raj Patel")
        #expect(driver.prompt?.text.contains("Participants in order: 1 Ann Lee, 2 Kit Ray") == true)
        driver.type("2 2")
        #expect(driver.session.assessment(of: "LN3")?.latestRound?.scores.map(\.participant) == ["p1", "p3"])
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.participant) == ["p1", "p2"])
        #expect(driver.session.participants[1].absentFrom == "LN3")
        driver.type("participants", "delete 2")
        #expect(driver.prompt?.question == "Delete Raj Patel and all of these? (yes/no)")
        #expect(driver.prompt?.text.contains("scores on 2 items (LN1, LN2)") == true)
        driver.type("")
        #expect(driver.session.participants.count == 3)
        #expect(driver.messages.last == "Kept Raj Patel and everything they gave.")
        driver.type("present Raj Patel", "")
        #expect(driver.cursor.itemID == "LN3")
    }

    @Test func skipBringsTheItemBackAtTheEndOfItsHeadingBeforeTheSummary() {
        var driver = StageDriver(workshopSession(participants: 1))
        driver.type("skip")
        #expect(driver.cursor.itemID == "LN2")
        #expect(driver.messages.last == "Skipped LN1; it comes back at the end of its heading.")
        for _ in 0..<5 { driver.type("3", "", "", "", "") }
        #expect(driver.cursor.itemID == "LN1")
        driver.type("3", "", "", "", "")
        #expect(driver.messages.last?.contains("Heading summary — LN Understanding Local Need") == true)
        #expect(driver.cursor.itemID == "PL1")
        #expect(driver.prompt?.text.contains("== PL  Using a Wide Range of Policy Levers ==") == true)
    }

    @Test func importedAgreementTakesOneEnterAndLastYearIsShown() {
        var session = workshopSession(participants: 2)
        session.previousConsensus = ["LN1": 2]
        session.assessments = [ItemAssessment(itemID: "LN1", rounds: [ScoringRound(number: 1, scores: [
            ParticipantScore(participant: "p1", score: .value(3)), ParticipantScore(participant: "p2", score: .value(3))], source: .imported)])]
        var driver = StageDriver(session)
        #expect(driver.prompt?.text.contains("Last year: 2.") == true)
        #expect(driver.prompt?.defaultHint == "Enter agrees 3 and moves on; n adds notes first; r re-scores")
        driver.type("")
        #expect(driver.session.assessment(of: "LN1")?.isComplete == true)
        #expect(driver.session.assessment(of: "LN1")?.consensus?.score == 3)
        #expect(driver.cursor.itemID == "LN2")
    }
}

/// Someone marked absent is not waited for when the room scores from phones.
@Suite("Absent participants in the room")
struct AbsentInTheRoomTests {
    @Test func theRoundIsRecordedOnceEveryoneInTheRoomHasScored() throws {
        var session = workshopSession(participants: 3)
        session.participants[1].absentFrom = "LN1"
        #expect(RoomScoring.waitingFor(in: session).map(\.id) == ["p1", "p3"])
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        session = try RoomScoring.submit(.value(3), comment: nil, by: "p1", itemID: "LN1", round: 1, to: session, now: now).get()
        #expect(session.assessment(of: "LN1") == nil)
        session = try RoomScoring.submit(.value(4), comment: nil, by: "p3", itemID: "LN1", round: 1, to: session, now: now).get()
        #expect(session.assessment(of: "LN1")?.latestRound?.scores.map(\.participant) == ["p1", "p3"])
    }
}
