import Foundation
import StepChangeKit
import Testing
@testable import StepChangeRoom

@Suite("Room routes")
struct RoomRouteTests {
    @Test func theJoinLinkListsNamesAndAWrongCodeIsRefused() {
        let fixture = RoomFixture()
        let names = fixture.request("GET", "/j/ABC234")
        #expect(names.status == 200)
        #expect(names.text.contains("Ann Lee"))
        #expect(fixture.request("GET", "/j/ZZZZZZ").status == 403)
        #expect(fixture.request("POST", "/join", body: "code=abc234").header("Location") == "/j/ABC234")
        #expect(fixture.request("POST", "/join", body: "code=WRONG1").status == 403)
        #expect(fixture.request("POST", "/claim", body: "code=WRONG1&participant=p1").status == 403)
    }

    @Test func claimingSetsAnUnguessableHttpOnlyStrictCookieAndIsSavedBeforeTheReply() throws {
        let fixture = RoomFixture()
        let response = fixture.request("POST", "/claim", body: "code=ABC234&participant=p1")
        let cookie = try #require(response.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        let token = try #require(fixture.join("p2"))
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        #expect(fixture.savedDevices?.participant(for: token) == "p2")
        #expect(fixture.page(token).contains("Mo Khan"))
    }

    @Test func aNameClaimedByAnotherDeviceCannotBeClaimedUntilReleased() throws {
        let fixture = RoomFixture()
        _ = try #require(fixture.join("p1"))
        let second = fixture.request("POST", "/claim", body: "code=ABC234&participant=p1")
        #expect(second.status == 409)
        #expect(second.text.contains("already joined on another device"))
        #expect(fixture.room.release("p1") { _ in true })
        #expect(fixture.join("p1") != nil)
    }

    @Test func withoutADeviceCookieParticipantRoutesSendYouToJoin() {
        let fixture = RoomFixture()
        #expect(fixture.request("GET", "/p").header("Location") == "/")
        #expect(fixture.request("POST", "/score", body: "item=LN1&round=1&score=3").header("Location") == "/")
        #expect(fixture.request("GET", "/p", cookie: String(repeating: "a", count: 64)).header("Location") == "/")
        #expect(fixture.session.deviceScores == nil)
    }

    @Test func aScoreIsSavedThenAcknowledgedWithTheCount() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let response = fixture.score(ann, "4", comment: "Good+data")
        #expect(response.status == 303)
        #expect(fixture.session.deviceScores?.first?.scores == [ParticipantScore(participant: "p1", score: .value(4), comment: "Good data")])
        #expect(fixture.page(ann).contains("Your score is in — 1 of 3 have scored."))
    }

    @Test func aScoreThatCannotBeSavedIsNotAcknowledged() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        fixture.failSaves = true
        let response = fixture.score(ann, "4")
        #expect(response.status == 503)
        #expect(!response.text.contains("Your score is in"))
        #expect(fixture.session.deviceScores == nil)
    }

    @Test func beforeTheRevealNoDeviceEverReceivesAnotherScore() throws {
        for mode in [ScoringMode.blind, .open] {
            let fixture = RoomFixture(scoring: mode)
            let ann = try #require(fixture.join("p1"))
            let mo = try #require(fixture.join("p2"))
            _ = fixture.score(ann, "5", comment: "secret+comment")
            let moPage = fixture.page(mo)
            let screen = fixture.request("GET", "/screen").text
            for text in [moPage, screen] {
                #expect(!text.contains("secret comment"))
                #expect(!text.contains("Ann Lee"))
                #expect(!text.contains("You scored"))
            }
            #expect(screen.contains("1 of 3 scores in"))
            #expect(moPage.contains("name=\"score\""))
        }
    }

    @Test func whenEveryoneHasScoredTheRoundIsRecordedAndRevealed() throws {
        let fixture = RoomFixture()
        let tokens = try ["p1", "p2", "p3"].map { try #require(fixture.join($0)) }
        _ = fixture.score(tokens[0], "2")
        _ = fixture.score(tokens[1], "4")
        _ = fixture.score(tokens[2], "dont-know")
        let round = try #require(fixture.session.assessment(of: "LN1")?.latestRound)
        #expect(round.scores.map(\.score) == [.value(2), .value(4), .dontKnow])
        #expect(fixture.session.deviceScores == nil)
        let page = fixture.page(tokens[0])
        #expect(page.contains("Median 3 · range 2–4"))
        let screen = fixture.request("GET", "/screen").text
        #expect(screen.contains("<svg"))
        #expect(screen.contains("Median 3 · range 2–4"))
    }

    @Test func aPageLeftOpenOnAnEarlierItemNeverScoresTheCurrentOne() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let response = fixture.score(ann, "3", item: "LN2")
        #expect(response.status == 409)
        #expect(fixture.session.deviceScores == nil)
        #expect(fixture.score(ann, "9").status == 409)
    }

    @Test func votesFollowTheAllowanceAndReplaceTheDevicesEarlierVotes() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        fixture.session.stage = .statements
        fixture.session.statements = [ImprovementStatement(id: "S1", text: "Shared data"), ImprovementStatement(id: "S2", text: "Lived experience panel")]
        fixture.session.statementsCursor = StatementsCursor(phase: .voting, voter: 0)
        #expect(fixture.page(ann).contains("<select name=\"S1\""))
        #expect(fixture.request("POST", "/vote", body: "S1=3&S2=1", cookie: ann).status == 409)
        #expect(fixture.request("POST", "/vote", body: "S1=2&S2=1", cookie: ann).status == 303)
        #expect(fixture.request("POST", "/vote", body: "S1=1&S2=0", cookie: ann).status == 303)
        #expect(fixture.session.votes == [Vote(participant: "p1", statement: "S1", count: 1)])
        #expect(fixture.request("POST", "/vote", body: "S9=1", cookie: ann).status == 409)
    }

    @Test func onlyDocumentedRoutesAnswer() {
        let fixture = RoomFixture()
        for path in ["/admin", "/Sessions/2026-11-30-riverside.json", "/../etc/passwd", "/p/", "/screen.json"] {
            #expect(fixture.request("GET", path).status == 404, "\(path)")
        }
        let wrongMethod = fixture.request("DELETE", "/p")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET, HEAD")
        #expect(fixture.request("GET", "/score").status == 405)
    }

    @Test("a Host that is not an IP address is refused", arguments: ["evil.example", "", "192.168.1.20.evil.example:8765", "[::1"])
    func hostHeaderMustBeAnAddress(_ host: String) {
        #expect(RoomFixture().request("GET", "/screen", host: host).status == 400)
    }

    @Test func textFromTheSessionIsEscapedOnEveryPage() throws {
        let fixture = RoomFixture()
        let names = fixture.request("GET", "/j/ABC234").text
        #expect(names.contains("Zoë &lt;script&gt;"))
        #expect(!names.contains("<script>\"") && !names.contains("Zoë <script>"))
        let zoe = try #require(fixture.join("p3"))
        #expect(fixture.page(zoe).contains("Riverside &lt;workshop&gt;"))
    }

    @Test func leavingFreesTheNameAndClearsTheCookie() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let response = fixture.request("POST", "/leave", cookie: ann)
        #expect(response.header("Set-Cookie")?.contains("Max-Age=0") == true)
        #expect(fixture.room.devices.participant(for: ann) == nil)
        #expect(fixture.join("p1") != nil)
    }

    @Test func theProjectorShowsTheJoinQRCodeForAnAddressPhonesCanReach() {
        let fixture = RoomFixture()
        let local = fixture.request("GET", "/screen", host: "127.0.0.1:8765").text
        #expect(local.contains("http://192.168.1.20:8765/j/ABC234"))
        let lan = fixture.request("GET", "/screen", host: "10.0.0.5:8765").text
        #expect(lan.contains("http://10.0.0.5:8765/j/ABC234"))
    }
}
