import Foundation
import Testing
@testable import StepChangeKit

/// Someone leaving or returning partway through a blind round, and the heading introduction shown
/// once per visit to the heading.
@Suite("Blind rounds and heading visits")
struct RoundAndHeadingVisitTests {
    func blindSession(_ count: Int) -> Session {
        var session = workshopSession(participants: count, scoring: .blind)
        session.settings.scoring = .blind
        return session
    }

    @Test func markingTheLastScorerAbsentRecordsTheScoresAlreadyTyped() throws {
        var driver = StageDriver(blindSession(3))
        driver.type("2", "4", "absent Mo Khan")
        #expect(driver.refusals.isEmpty)
        let round = try #require(driver.session.assessment(of: "LN1")?.latestRound)
        #expect(round.scores.map(\.participant) == ["p1", "p2"])
        #expect(round.scores.map(\.score) == [.value(2), .value(4)])
        #expect(driver.cursor.step == .consensus)
        #expect(driver.messages.last?.contains("Everyone else in the room has scored LN1") == true)
    }

    @Test func markingSomeoneAbsentMidRoundKeepsTheOthersScores() throws {
        var driver = StageDriver(blindSession(4))
        driver.type("2", "absent Raj Patel")
        #expect(driver.prompt?.question == "Mo Khan (2 of 3), your score for LN1")
        driver.type("3", "5")
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.participant) == ["p1", "p3", "p4"])
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(2), .value(3), .value(5)])
    }

    @Test func someoneReturningMidRoundDoesNotClearTheScoresTyped() throws {
        var session = blindSession(4)
        session.participants[1].absentFrom = "LN1"
        var driver = StageDriver(session)
        driver.type("2", "3", "present Raj Patel")
        #expect(driver.prompt?.question == "Raj Patel (3 of 4), your score for LN1")
        driver.type("4", "5")
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.participant) == ["p1", "p2", "p3", "p4"])
        #expect(driver.session.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(2), .value(4), .value(3), .value(5)])
    }

    @Test func theHeadingIntroductionIsShownOncePerVisit() throws {
        var driver = StageDriver(workshopSession(participants: 3))
        let banner = "== LN  Understanding Local Need =="
        #expect(driver.prompt?.text.contains(banner) == true)
        driver.type("absent Mo Khan")
        #expect(driver.prompt?.text.contains(banner) == false)
        #expect(driver.prompt?.text.contains("LN1") == true)
        driver.type("add participant Kit Ray (Housing association, third sector)")
        #expect(driver.prompt?.text.contains(banner) == false)
        let nextHeading = try #require(driver.session.framework.headings.dropFirst().first)
        let firstItem = try #require(nextHeading.items.first?.id)
        driver.type("goto \(firstItem)")
        #expect(driver.prompt?.text.contains("== \(nextHeading.id)  \(nextHeading.title) ==") == true)
        driver.type("absent Ann Lee")
        #expect(driver.prompt?.text.contains("== \(nextHeading.id)  \(nextHeading.title) ==") == false)
        driver.type("goto LN1")
        #expect(driver.prompt?.text.contains(banner) == true, "a new visit to the heading introduces it again")
    }
}
