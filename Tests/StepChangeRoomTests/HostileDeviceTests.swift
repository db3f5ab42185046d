import Foundation
import StepChangeKit
import Testing
@testable import StepChangeRoom

/// A device on the same network that sends what no page of the room would: forged numbers,
/// cross-site posts, another port's pages. The run must refuse each plainly and change nothing.
@Suite("Hostile devices")
struct HostileDeviceTests {
    func votingFixture() throws -> (RoomFixture, String) {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        fixture.session.stage = .statements
        fixture.session.statements = [ImprovementStatement(id: "S1", text: "Shared data"), ImprovementStatement(id: "S2", text: "Lived experience panel")]
        fixture.session.statementsCursor = StatementsCursor(phase: .voting, voter: 0)
        return (fixture, ann)
    }

    @Test("vote counts near Int.max are refused, not added up until the run traps", arguments: [
        "S1=9223372036854775807&S1=1", "S1=9223372036854775807&S2=1", "S1=9223372036854775807&S2=9223372036854775807",
        "S1=-9223372036854775808&S1=-1", "S1=-9223372036854775807&S2=9223372036854775807", "S1=99999999999999999999",
    ])
    func hugeVoteCountsAreRefused(body: String) throws {
        let (fixture, ann) = try votingFixture()
        let response = fixture.request("POST", "/vote", body: body, cookie: ann)
        #expect([400, 409].contains(response.status))
        #expect(response.text.contains("Votes must be whole numbers from 0 to 3"))
        #expect(fixture.session.votes.isEmpty)
    }

    @Test func theVotingRulesRefuseACountPastTheAllowanceWithoutOverflow() throws {
        let (fixture, _) = try votingFixture()
        let counts = ["S1": Int.max, "S2": Int.max]
        guard case .failure(let refusal) = RoomScoring.vote(counts, by: "p1", in: fixture.session, now: fixture.now) else {
            Issue.record("counts past the allowance were taken")
            return
        }
        #expect(refusal.message.contains("you have 3"))
    }
}

/// Form posts from a page the room did not serve: another port on the same laptop is the same
/// "site" for SameSite cookies, so only the Origin check stops it.
@Suite("Cross-origin posts")
struct CrossOriginPostTests {
    func post(_ fixture: RoomFixture, _ path: String, body: String, cookie: String?, extra: [(String, String)]) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("host", "192.168.1.20:8765")]
        if let cookie { headers.append(("cookie", "\(Room.cookieName)=\(cookie)")) }
        headers += extra.map { (name: $0.0, value: $0.1) }
        let request = HTTPRequest(method: "POST", path: path, headers: headers, body: Array(body.utf8))
        let reply = fixture.room.respond(to: request, session: fixture.session, now: fixture.now, update: { fixture.session = $0 }, saveDevices: { _ in true })
        switch reply {
        case .response(let response): return response
        case .afterSave(let saved, _): return saved
        }
    }

    @Test("a score posted from another origin is refused and not recorded", arguments: [
        [("origin", "http://192.168.1.20:9999")], [("origin", "http://evil.example")], [("origin", "null")],
        [("sec-fetch-site", "cross-site")], [("sec-fetch-site", "same-site")],
        [("origin", "http://192.168.1.20:8765"), ("sec-fetch-site", "same-site")],
    ])
    func crossOriginScoresAreRefused(headers: [(String, String)]) throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let response = post(fixture, "/score", body: "item=LN1&round=1&score=4", cookie: ann, extra: headers)
        #expect(response.status == 403)
        #expect(response.text.contains("another web page"))
        #expect(fixture.session.deviceScores == nil)
    }

    @Test func claimingAndLeavingFromAnotherOriginAreRefused() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let other = [("origin", "http://127.0.0.1:8000")]
        #expect(post(fixture, "/claim", body: "code=ABC234&participant=p2", cookie: nil, extra: other).status == 403)
        #expect(post(fixture, "/leave", body: "", cookie: ann, extra: other).status == 403)
        #expect(fixture.room.devices.claimed == ["p1"])
    }

    @Test("the room's own pages may post: same origin, or a browser that sends no Origin", arguments: [
        [], [("origin", "http://192.168.1.20:8765")], [("sec-fetch-site", "same-origin"), ("origin", "http://192.168.1.20:8765")],
        [("sec-fetch-site", "none")],
    ])
    func sameOriginScoresAreTaken(headers: [(String, String)]) throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        #expect(post(fixture, "/score", body: "item=LN1&round=1&score=4", cookie: ann, extra: headers).status == 303)
        #expect(fixture.session.deviceScores?.first?.scores.count == 1)
    }
}

extension CrossOriginPostTests {
    /// With `no-referrer` a browser sends `Origin: null` even on the room's own form posts, which the
    /// Origin check must refuse; `same-origin` keeps the real Origin on them and sends nothing elsewhere.
    @Test func responsesKeepTheOriginOnTheRoomsOwnPosts() {
        let wire = String(decoding: HTTPResponse.text("x", status: 404).serialized(keepAlive: false), as: UTF8.self)
        #expect(wire.contains("Referrer-Policy: same-origin\r\n"))
    }
}

@Suite("Ambiguous requests")
struct AmbiguousRequestTests {
    @Test("a request with two Host fields is refused, whichever comes first", arguments: [
        "Host: 127.0.0.1\r\nHost: evil.example\r\n", "Host: evil.example\r\nHost: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nhost: 127.0.0.1\r\n",
    ])
    func twoHostFieldsAreRefused(hosts: String) {
        var parser = HTTPRequestParser()
        parser.feed(Array("GET /screen HTTP/1.1\r\n\(hosts)\r\n".utf8))
        #expect(parser.next() == .failure(.malformedHeader("more than one Host")))
    }
}

@Suite("Script policy")
struct ScriptPolicyTests {
    /// Only the refresh script may run: the policy names it by hash, never 'unsafe-inline', and every
    /// page's script is exactly that text (so a name or comment that slipped into a page as a script could not run).
    @Test func onlyTheRefreshScriptIsAllowed() throws {
        let fixture = RoomFixture()
        let ann = try #require(fixture.join("p1"))
        let policy = HTTPResponse.contentSecurityPolicy
        #expect(!policy.contains("script-src 'unsafe-inline'"))
        #expect(policy.contains("script-src 'sha256-"))
        for page in [fixture.page(ann), fixture.request("GET", "/screen").text] {
            let scripts = page.components(separatedBy: "<script>").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
            #expect(scripts == [PageLayout.refreshScript])
            #expect(page.contains("<body data-v=\""))
        }
    }
}
