import Foundation
import Testing
@testable import StepChangeKit

@Suite("Room stage")
struct RoomStageTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func session(_ mode: ScoringMode = .blind) -> Session {
        var session = Session(id: "s", title: "Riverside", date: "2026-11-30", createdAt: now, framework: .childPoverty,
                              participants: [Participant(id: "p1", name: "Ann Lee"), Participant(id: "p2", name: "Mo Khan"),
                                             Participant(id: "p3", name: "Raj Patel")])
        session.settings.scoring = mode
        return AssessmentStage.reopen(session)
    }

    func accepted(_ step: WorkshopStep) -> Session? {
        if case .accepted(let session, _) = step { return session }
        return nil
    }

    @Test func thePromptSaysWhoIsInAndWhoIsAwaited() throws {
        var session = session()
        session = try RoomScoring.submit(.value(3), comment: nil, by: "p2", itemID: "LN1", round: 1, to: session, now: now).get()
        let prompt = try #require(RoomStage(wrapping: AssessmentStage()).nextPrompt(in: session))
        #expect(prompt.text.contains("in: 1 of 3 — waiting for Ann Lee, Raj Patel"))
        #expect(!prompt.hidden)
    }

    @Test func revealingEarlyRecordsTheMissingAsNotScoringNotDontKnow() throws {
        var session = session()
        session = try RoomScoring.submit(.value(4), comment: nil, by: "p1", itemID: "LN1", round: 1, to: session, now: now).get()
        let stage = RoomStage(wrapping: AssessmentStage())
        let revealed = try #require(accepted(stage.apply("reveal", to: session, now: now)))
        let round = try #require(revealed.assessment(of: "LN1")?.latestRound)
        #expect(round.scores == [ParticipantScore(participant: "p1", score: .value(4))])
        #expect(revealed.assessmentCursor?.step == .consensus)
        #expect(revealed.deviceScores == nil)
    }

    @Test func revealWithNoScoresIsRefused() {
        guard case .refused(let message) = RoomStage(wrapping: AssessmentStage()).apply("reveal", to: session(), now: now) else {
            Issue.record("reveal with no scores was taken"); return
        }
        #expect(message.contains("No scores are in yet"))
    }

    @Test func theFacilitatorTypesAHiddenScoreForSomeoneWithoutADevice() throws {
        let stage = RoomStage(wrapping: AssessmentStage())
        let asking = try #require(accepted(stage.apply("score Raj Patel", to: session(), now: now)))
        let prompt = try #require(stage.nextPrompt(in: asking))
        #expect(prompt.hidden)
        #expect(prompt.question == "Raj Patel, your score for LN1")
        if case .refused = stage.apply("9", to: asking, now: now) {} else { Issue.record("9 was taken on a 1–5 scale") }
        let typed = try #require(accepted(stage.apply("2", to: asking, now: now)))
        #expect(typed.deviceScores?.first?.scores == [ParticipantScore(participant: "p3", score: .value(2))])
        #expect(typed.deviceScores?.first?.typingFor == nil)
    }

    @Test func aNewScoreFromTheSameParticipantReplacesTheirEarlierOne() throws {
        var session = session()
        session = try RoomScoring.submit(.value(4), comment: "first", by: "p1", itemID: "LN1", round: 1, to: session, now: now).get()
        session = try RoomScoring.submit(.dontKnow, comment: nil, by: "p1", itemID: "LN1", round: 1, to: session, now: now).get()
        #expect(session.deviceScores?.first?.scores == [ParticipantScore(participant: "p1", score: .dontKnow)])
    }

    @Test func commentsAreListedUnattributedAndOneCommandKeepsOneAsEvidence() throws {
        var session = session()
        for (id, comment) in [("p1", "Zebra data is old"), ("p2", "Area profiles exist"), ("p3", "")] {
            session = try RoomScoring.submit(.value(3), comment: comment, by: id, itemID: "LN1", round: 1, to: session, now: now).get()
        }
        let stage = RoomStage(wrapping: AssessmentStage())
        let prompt = try #require(stage.nextPrompt(in: session))
        #expect(prompt.text.contains("c1  Area profiles exist"))
        #expect(prompt.text.contains("c2  Zebra data is old"))
        #expect(!prompt.text.contains("Ann Lee"))
        let kept = try #require(accepted(stage.apply("area c2", to: session, now: now)))
        #expect(kept.assessment(of: "LN1")?.areasForImprovement == ["Zebra data is old"])
        if case .refused = stage.apply("evidence c9", to: session, now: now) {} else { Issue.record("c9 was taken") }
    }

    @Test func inOpenModeTheFacilitatorCanStillTypeEveryonesScoresOnOneLine() throws {
        let stage = RoomStage(wrapping: AssessmentStage())
        let typed = try #require(accepted(stage.apply("3 4 2", to: session(.open), now: now)))
        #expect(typed.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(3), .value(4), .value(2)])
    }

    @Test func scoresForAnotherItemOrAClosedRoundAreRefused() throws {
        let session = session()
        if case .success = RoomScoring.submit(.value(3), comment: nil, by: "p1", itemID: "LN2", round: 1, to: session, now: now) {
            Issue.record("a score for LN2 was taken while LN1 is open")
        }
        if case .success = RoomScoring.submit(.value(3), comment: nil, by: "p9", itemID: "LN1", round: 1, to: session, now: now) {
            Issue.record("an unknown participant scored")
        }
    }

    @Test func skippingAnItemKeepsTheScoresAlreadyInForWhenTheGroupComesBack() throws {
        var session = session()
        session = try RoomScoring.submit(.value(4), comment: nil, by: "p1", itemID: "LN1", round: 1, to: session, now: now).get()
        let stage = RoomStage(wrapping: AssessmentStage())
        session = try #require(accepted(stage.apply("skip", to: session, now: now)))
        session = try RoomScoring.submit(.value(2), comment: nil, by: "p2", itemID: "LN2", round: 1, to: session, now: now).get()
        session = try #require(accepted(stage.apply("goto LN1", to: session, now: now)))
        #expect(RoomScoring.currentScores(in: session, itemID: "LN1", round: 1).scores == [ParticipantScore(participant: "p1", score: .value(4))])
        #expect(RoomScoring.currentScores(in: session, itemID: "LN2", round: 1).scores == [ParticipantScore(participant: "p2", score: .value(2))])
    }

    @Test func commentsFromDevicesAreCleanedLikeEveryOtherTextFromOutside() throws {
        let sent = "Good\u{1B}[31m data\r\nsecond line\u{1B}]52;c;ZXZpbA==\u{07}" + String(repeating: "x", count: 400)
        let session = try RoomScoring.submit(.value(3), comment: sent, by: "p1", itemID: "LN1", round: 1, to: session(), now: now).get()
        let comment = try #require(session.deviceScores?.first?.scores.first?.comment)
        #expect(comment.hasPrefix("Good data second line"))
        #expect(!comment.unicodeScalars.contains { $0.value < 0x20 })
        #expect(comment.count == RoomScoring.commentLimit)
    }

    @Test func sessionsWithoutDeviceScoresSaveWithoutTheField() throws {
        let data = SessionCodec.encode(session())
        #expect(!String(decoding: data, as: UTF8.self).contains("deviceScores"))
    }
}
