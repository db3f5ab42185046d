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
