import Foundation
import Testing
@testable import StepChangeKit

/// Drives a stage with typed lines, as the runner would, and records what happened.
struct StageDriver {
    var session: Session
    var stage = AssessmentStage()
    var clock = FixedTime(Date(timeIntervalSince1970: 1_795_000_000))
    var refusals: [String] = []
    var messages: [String] = []
    var paused = false

    init(_ session: Session) { self.session = session }

    mutating func type(_ lines: String..., minutesEach: Double = 0) {
        for line in lines {
            #expect(stage.nextPrompt(in: session) != nil, "no prompt left for \(line)")
            switch stage.apply(line, to: session, now: clock.now) {
            case .accepted(let next, let message):
                session = next
                if let message { messages.append(message) }
            case .refused(let message):
                refusals.append(message)
            case .pause(let next):
                session = next
                paused = true
            }
            clock.now += minutesEach * 60
        }
    }

    var prompt: WorkshopPrompt? { stage.nextPrompt(in: session) }
    var cursor: AssessmentCursor { AssessmentStage.cursor(in: session) }
}

func workshopSession(participants: Int = 4, scoring: ScoringMode = .open) -> Session {
    let names = ["Ann Lee", "Raj Patel", "Mo Khan", "Jo Bell", "Kit Ray"]
    return Session(id: "2026-11-23-test", title: "Test", date: "2026-11-23", createdAt: Date(timeIntervalSince1970: 1_795_000_000),
                   framework: .childPoverty,
                   participants: (0..<participants).map { Participant(id: "p\($0 + 1)", name: names[$0]) },
                   settings: SessionSettings(scoring: scoring))
}

@Suite("Assessment stage")
struct AssessmentStageTests {
    @Test func openScoringRevealConsensusAndNotes() throws {
        var driver = StageDriver(workshopSession())
        let first = try #require(driver.prompt)
        #expect(first.text.contains("== LN  Understanding Local Need =="))
        #expect(first.text.contains("LN1"))
        #expect(first.text.contains("Not yet in place"))
        #expect(first.question.hasPrefix("Scores for LN1"))
        driver.type("3 4 2 4")
        let reveal = try #require(driver.prompt)
        #expect(reveal.text.contains("Round 1: 4 scores, 0 don't know"))
        #expect(reveal.text.contains("Median 3.5 · range 2–4 · some disagreement"))
        #expect(reveal.text.contains("Suggested consensus: 3"))
        #expect(reveal.defaultHint == "Enter accepts 3; r re-scores after discussion")
        driver.type("", "We have a 2025 profile", "", "Shared data", "", "Neighbourhood data", "More data", "")
        let assessment = try #require(driver.session.assessment(of: "LN1"))
        #expect(assessment.consensus?.score == 3)
        #expect(assessment.consensus?.suggested == 3)
        #expect(assessment.evidence == ["We have a 2025 profile"])
        #expect(assessment.strengths == ["Shared data"])
        #expect(assessment.areasForImprovement == ["Neighbourhood data", "More data"])
        #expect(assessment.isComplete)
        #expect(driver.cursor.itemID == "LN2")
        #expect(driver.cursor.step == .scoring)
        #expect(driver.refusals.isEmpty)
    }

    @Test func badScoresAreRefusedWithTheValidValues() {
        var driver = StageDriver(workshopSession())
        driver.type("3 4 2", "3 4 2 9", "3 4 two 4", "")
        #expect(driver.refusals.count == 4)
        #expect(driver.refusals[0].contains("Expected 4 scores"))
        #expect(driver.refusals[0].contains("1, 2, 3, 4, 5 or ? (don't know)"))
        #expect(driver.refusals[1].contains("\"9\" (Jo Bell)"))
        #expect(driver.refusals[2].contains("\"two\" (Mo Khan)"))
        #expect(driver.session.assessments.isEmpty)
        driver.type("3 - ? 4")
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(3), .dontKnow, .dontKnow, .value(4)])
        driver.type("7", "three")
        #expect(driver.refusals.count == 6)
        #expect(driver.refusals[5].contains("Type one of 1, 2, 3, 4, 5; press Enter to accept 3"))
    }

    @Test func rescoringKeepsEveryRound() throws {
        var driver = StageDriver(workshopSession())
        driver.type("1 5 2 4", "r", "3 4 3 4", "")
        let assessment = try #require(driver.session.assessment(of: "LN1"))
        #expect(assessment.rounds.count == 2)
        #expect(assessment.rounds[0].scores.map(\.score) == [.value(1), .value(5), .value(2), .value(4)])
        #expect(assessment.consensus?.round == 2)
        #expect(assessment.consensus?.score == 3)
    }

    @Test func divergentOpenRevealNamesHighestAndLowest() throws {
        var driver = StageDriver(workshopSession())
        driver.type("1 5 2 4")
        let text = try #require(driver.prompt).text
        #expect(text.contains("divergent"))
        #expect(text.contains("Divergent: hear first from the highest scorer (5: Raj Patel)"))
        #expect(text.contains("(1: Ann Lee)"))
    }

    @Test func blindScoringAsksEachParticipantHiddenAndNamesNobody() throws {
        var session = workshopSession(participants: 3, scoring: .blind)
        session.settings.scoring = .blind
        var driver = StageDriver(session)
        let first = try #require(driver.prompt)
        #expect(first.hidden)
        #expect(first.question == "Ann Lee (1 of 3), your score for LN1")
        driver.type("1", "9")
        #expect(driver.refusals == ["That is not on the scale. Valid scores: 1, 2, 3, 4, 5 or ? (don't know)."])
        #expect(driver.prompt?.question == "Raj Patel (2 of 3), your score for LN1")
        #expect(driver.session.assessments.isEmpty, "no statistic or round before all scores are in")
        driver.type("back")
        #expect(driver.prompt?.question == "Ann Lee (1 of 3), your score for LN1")
        driver.type("1", "5", "4")
        let reveal = try #require(driver.prompt).text
        #expect(reveal.contains("before agreeing, hear first from whoever scored highest (5) and"))
        #expect(!reveal.contains("Raj Patel"))
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(1), .value(5), .value(4)])
    }

    @Test func consensusOutsideTheRangeNeedsConfirmationAndAReason() throws {
        var driver = StageDriver(workshopSession())
        driver.type("3 4 3 4", "1")
        #expect(driver.prompt?.question == "1 is outside the scores (3–4). Record it? y/n")
        driver.type("")
        #expect(driver.cursor.step == .consensus)
        #expect(driver.session.assessment(of: "LN1")?.consensus == nil)
        driver.type("1", "y", "The survey was before the funding cut")
        let consensus = try #require(driver.session.assessment(of: "LN1")?.consensus)
        #expect(consensus.score == 1)
        #expect(consensus.suggested == 3)
        #expect(consensus.outsideRangeReason == "The survey was before the funding cut")
    }

    @Test func skipComesBackAfterTheOtherItems() {
        var session = workshopSession(participants: 2)
        session.framework.headings = [session.framework.headings[0]]
        session.framework.headings[0].items = Array(session.framework.headings[0].items.prefix(3))
        var driver = StageDriver(session)
        driver.type("skip")
        #expect(driver.session.assessment(of: "LN1")?.skipped == true)
        #expect(driver.cursor.itemID == "LN2")
        driver.type("3 3", "", "", "", "")
        #expect(driver.cursor.itemID == "LN3")
        driver.type("2 2", "", "", "", "")
        #expect(driver.cursor.itemID == "LN1")
        driver.type("skip")
        #expect(driver.refusals.last?.contains("LN1 is the last item left") == true)
        driver.type("4 4", "", "", "", "")
        #expect(driver.messages.last?.contains("Heading summary — LN Understanding Local Need") == true)
        #expect(driver.cursor.step == .summary)
        #expect(driver.prompt?.text.contains("Self-assessment summary") == true)
        driver.type("")
        #expect(driver.prompt == nil)
        #expect(driver.session.assessment(of: "LN1")?.skipped == false)
    }

    @Test func gotoBackStatusHelpAndPause() {
        var driver = StageDriver(workshopSession(participants: 2))
        driver.type("goto XX9")
        #expect(driver.refusals.last?.contains("There is no item \"XX9\".") == true)
        #expect(driver.refusals.last?.contains("Items: LN1, LN2") == true)
        driver.type("goto ln2")
        #expect(driver.cursor.itemID == "LN2")
        driver.type("back")
        #expect(driver.cursor.itemID == "LN1")
        driver.type("status")
        #expect(driver.refusals.last?.contains("Progress: 0 of 24 items done.") == true)
        driver.type("help")
        #expect(driver.refusals.last?.contains("goto ITEM") == true)
        driver.type("pause")
        #expect(driver.paused)
        #expect(driver.session.assessmentCursor?.itemID == "LN1")
    }

    @Test func importedScoresStartAtTheRevealAndEmptyLinesFinish() {
        var session = workshopSession(participants: 3)
        for (index, id) in session.framework.itemIDs.enumerated() {
            session.assessments.append(ItemAssessment(itemID: id, rounds: [ScoringRound(number: 1, scores: [
                ParticipantScore(participant: "p1", score: .value(1 + index % 5)),
                ParticipantScore(participant: "p2", score: .value(3)),
                ParticipantScore(participant: "p3", score: .dontKnow),
            ], source: .imported)]))
        }
        var driver = StageDriver(session)
        #expect(driver.cursor.step == .consensus)
        var lines = 0
        while driver.prompt != nil && lines < 500 {
            driver.type("")
            lines += 1
        }
        #expect(driver.prompt == nil)
        #expect(driver.refusals.isEmpty)
        for (index, id) in session.framework.itemIDs.enumerated() {
            let stats = ConsensusStatistics(scores: [.value(1 + index % 5), .value(3)], scale: session.framework.scale)
            #expect(driver.session.assessment(of: id)?.consensus?.score == stats.suggestedConsensus)
        }
        // Items whose imported scores lie within one level (p1 scored 2, 3 or 4: 15 of the 24) take one
        // Enter; the other 9 take the consensus and three empty lists; one more Enter ends the summary.
        #expect(lines == 15 * 1 + 9 * 4 + 1)
    }

    @Test func divergenceOrderTakesTheWidestFirst() {
        var session = workshopSession(participants: 2)
        session.assessments = [
            ItemAssessment(itemID: "LN1", rounds: [ScoringRound(number: 1, scores: [ParticipantScore(participant: "p1", score: .value(3)), ParticipantScore(participant: "p2", score: .value(3))], source: .imported)]),
            ItemAssessment(itemID: "PL2", rounds: [ScoringRound(number: 1, scores: [ParticipantScore(participant: "p1", score: .value(1)), ParticipantScore(participant: "p2", score: .value(5))], source: .imported)]),
        ]
        let reordered = AssessmentStage.reorder(session, by: .divergence)
        #expect(reordered.assessmentCursor?.order.prefix(2) == ["PL2", "LN1"])
        #expect(reordered.assessmentCursor?.itemID == "PL2")
        #expect(AssessmentStage.cursor(in: session).itemID == "LN1")
    }

    @Test func agendaWarnsWhenAHeadingRunsOver() {
        var session = workshopSession(participants: 2)
        session.settings.minutesPerHeading = 10
        var driver = StageDriver(session)
        driver.type("3 3", "", "", "", "", minutesEach: 3)
        #expect(driver.prompt?.text.contains("Time on this heading: 12 of 10 minutes planned — over by 2 minutes.") == true)
    }

    @Test func participantsCanBeAddedWhenThereAreNone() {
        var driver = StageDriver(workshopSession(participants: 0))
        #expect(driver.prompt?.question == "Participant")
        driver.type("", "Ann Lee (Council, statutory)", "Raj (CVS, nowhere)", "Raj Patel (CVS, third sector)", "")
        #expect(driver.refusals.count == 2)
        #expect(driver.refusals[1].contains("\"nowhere\" is not a sector"))
        #expect(driver.session.participants.map(\.id) == ["p1", "p2"])
        #expect(driver.session.participants[1].sector == .thirdSector)
        #expect(driver.cursor.itemID == "LN1")
    }

    @Test func olderFilesWithoutACursorStillDecode() throws {
        let data = SessionCodec.encode(workshopSession())
        #expect(!String(decoding: data, as: UTF8.self).contains("assessmentCursor"))
        var driver = StageDriver(try SessionCodec.decode(data, source: "s.json"))
        driver.type("3 3 3 3")
        let saved = try SessionCodec.decode(SessionCodec.encode(driver.session), source: "s.json")
        #expect(saved == driver.session)
        #expect(saved.assessmentCursor?.step == .consensus)
    }

    @Test func scoreLineFuzzNeverCrashes() {
        var random = SeededRandom(seed: 42)
        let session = workshopSession()
        let scale = session.framework.scale
        let alphabet = Array("0123456789 -?,\t\u{0}é\u{1F600}abcxyz\r")
        var outcomes = (parsed: 0, refusedLines: 0, accepted: 0, refused: 0)
        for _ in 0..<3000 {
            let text: String
            if random.next() % 2 == 0 {
                let length = Int(random.next() % 24)
                text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            } else {
                // Lines shaped like scores (3 to 5 tokens), so well-formed lines and near misses are common too.
                let tokens = ["1", "2", "3", "4", "5", "?", "-", "0", "6", "3.5", "x"]
                let count = 3 + Int(random.next() % 3)
                text = (0..<count).map { _ in tokens[Int(random.next() % (random.next() % 4 == 0 ? UInt64(tokens.count) : 7))] }
                    .joined(separator: random.next() % 2 == 0 ? " " : ",")
            }
            switch ScoreLine.parse(text, participants: session.participants, scale: scale) {
            case .success(let scores):
                outcomes.parsed += 1
                #expect(scores.map(\.participant) == session.participants.map(\.id))
                #expect(scores.allSatisfy { $0.score == .dontKnow || scale.values.contains($0.score.number ?? .min) })
            case .failure(let error):
                outcomes.refusedLines += 1
                #expect(error.message.hasPrefix("Expected \(session.participants.count) scores") || error.message.hasPrefix("Not on the scale: "), "\(error.message)")
            }
            switch AssessmentStage().apply(text, to: session, now: Date()) {
            case .accepted(let next, _):
                outcomes.accepted += 1
                #expect(next.participants == session.participants && next.framework == session.framework)
                #expect(SessionValidator.problems(in: next, source: "s.json").isEmpty, "\(text.debugDescription)")
            case .refused(let message):
                outcomes.refused += 1
                #expect(!message.isEmpty)
            case .pause:
                Issue.record("\(text.debugDescription) paused the workshop")
            }
        }
        // Every kind of outcome happens, so each branch's assertions above really ran.
        #expect(outcomes.parsed > 0 && outcomes.refusedLines > 0 && outcomes.accepted > 0 && outcomes.refused > 0, "\(outcomes)")
    }
}
