import Foundation
import Testing
@testable import StepChangeKit

@Suite("Improvement statements stage")
struct StatementsStageTests {
    func drafted() -> PlanningDriver {
        var driver = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession())
        driver.type("The partnership should develop mechanisms for ongoing dialogue with families.", "LN4", "Raised under LN4",
                    "Third sector organisations will be more involved at strategic level.", "ww1", "",
                    "Partners should examine how existing data could be used.", "LN1, LN5", "")
        return driver
    }

    @Test func firstPromptShowsWhatTheAssessmentFound() throws {
        let driver = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession())
        let prompt = try #require(driver.prompt)
        #expect(prompt.text.contains("Areas for improvement (3):"))
        #expect(prompt.text.contains("LN4   Families' views are gathered once and not used"))
        #expect(prompt.text.contains("Lowest consensus scores:"))
        #expect(prompt.text.contains("Widest disagreement before discussion:"))
        #expect(prompt.question == "Statement S1")
    }

    @Test func draftsNumberedStatementsWithItemsAndRationale() {
        let driver = drafted()
        #expect(driver.refusals.isEmpty)
        #expect(driver.session.statements.map(\.id) == ["S1", "S2", "S3"])
        #expect(driver.session.statements[0].itemIDs == ["LN4"])
        #expect(driver.session.statements[0].rationale == "Raised under LN4")
        #expect(driver.session.statements[1].itemIDs == ["WW1"])
        #expect(driver.session.statements[2].itemIDs == ["LN1", "LN5"])
        #expect(driver.session.statementsCursor?.phase == .drafting)
        #expect(driver.prompt?.question == "Statement S4, or a command (help)")
    }

    @Test func anUnknownItemIsRefusedWithASuggestionAndThePromptRepeats() {
        var driver = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession())
        driver.type("The partnership should listen to families.")
        let before = driver.prompt
        let session = driver.session
        driver.type("LN44")
        #expect(driver.refusals == ["\"LN44\" is not an item of Child Poverty Self-Assessment. Did you mean LN4? Items are LN1…UP6 (see `summary`)."])
        #expect(driver.session == session)
        #expect(driver.prompt == before)
    }

    @Test func anEmptyStatementIsRefused() {
        var driver = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession())
        let before = driver.prompt
        driver.type("The partnership should …", "add", "add   ")
        #expect(driver.refusals.count == 3)
        #expect(driver.refusals[0].hasPrefix("That statement is empty"))
        #expect(driver.session.statements.isEmpty)
        #expect(driver.prompt == before)
    }

    @Test func editsRewordItemsAndRationale() {
        var driver = drafted()
        driver.type("edit S2 Third sector organisations will sit on the partnership board.", "items S2 WW1 WW2", "why S2 They know families")
        #expect(driver.session.statement("S2")?.text == "Third sector organisations will sit on the partnership board.")
        #expect(driver.session.statement("S2")?.itemIDs == ["WW1", "WW2"])
        #expect(driver.session.statement("S2")?.rationale == "They know families")
        driver.type("edit S1")
        #expect(driver.prompt?.question == "Items S1 responds to (e.g. LN4 WW2; `none` to clear)")
        driver.type("", "")
        #expect(driver.session.statement("S1")?.itemIDs == ["LN4"])
        #expect(driver.session.statement("S1")?.rationale == "Raised under LN4")
        driver.type("items S2", "why S2")
        #expect(driver.refusals == ["Type the items after the id, e.g. `items S2 LN4 WW2`, or `items S2 none` to clear them.",
                                    "Type the rationale after the id, e.g. `why S2 families told us …`, or `why S2 -` to clear it."])
        #expect(driver.session.statement("S2")?.itemIDs == ["WW1", "WW2"])
        driver.type("edit S9 Something")
        #expect(driver.refusals.last?.hasPrefix("\"S9\" is not a statement.") == true)
    }

    @Test func mergeKeepsTheTargetAndRetiresTheSourceId() {
        var driver = drafted()
        driver.type("merge S3 into S1")
        #expect(driver.session.statements.map(\.id) == ["S1", "S2"])
        #expect(driver.session.statement("S1")?.itemIDs == ["LN4", "LN1", "LN5"])
        #expect(driver.session.statement("S1")?.mergedFrom == ["S3"])
        driver.type("The partnership should evaluate services.", "", "")
        #expect(driver.session.statements.map(\.id) == ["S1", "S2", "S4"])
        driver.type("merge S1 into S1")
        #expect(driver.refusals.last?.hasPrefix("A statement cannot be merged into itself.") == true)
    }

    @Test func deletedIdsAreNeverReusedEvenAfterAReload() throws {
        var driver = drafted()
        driver.type("delete S3")
        #expect(driver.session.statements.map(\.id) == ["S1", "S2"])
        try driver.reload()
        #expect(driver.session.retiredStatementIDs == ["S3"])
        driver.session = StatementsStage.reopen(driver.session)
        driver.type("The partnership should evaluate services.", "", "")
        #expect(driver.session.statements.map(\.id) == ["S1", "S2", "S4"])
        driver.type("edit S3 Back again")
        #expect(driver.refusals.last == "S3 was deleted or merged. Statements: S1, S2, S4.")
    }

    @Test func reorderMovesWithoutRenumbering() {
        var driver = drafted()
        driver.type("move S3 to 1")
        #expect(driver.session.statements.map(\.id) == ["S3", "S1", "S2"])
        driver.type("move S3 to 9")
        #expect(driver.refusals.last == "Type `move S3 to N` with N from 1 to 3.")
    }

    /// The statements list is corrected with the same words as every other list, read by the one `ListEditor`;
    /// a number there names a statement's id, so after a reorder or a deletion `delete 3` is still S3.
    @Test func theSameCommandWordsWorkInStatementsAndInStrengths() throws {
        var driver = drafted()
        let strengths = ListEditor(name: "strengths", entries: ["Shared figures", "Strong data team", "Good links"])
        let statements = StatementsStage.editor(driver.session)
        for typed in ["edit 2 Better words", "edit 2", "delete 3", "remove 1", "delete 9", "delete 2 now", "edit", "delete"] {
            #expect(statements.read(typed).isSameKind(as: strengths.read(typed)), "\(typed)")
        }
        #expect(statements.read("edit 2 Better words") == .edit(index: 1, text: "Better words"))
        #expect(statements.numbered().first == "  S1 The partnership should develop mechanisms for ongoing dialogue with families.")
        driver.type("move S3 to 1", "delete 1", "edit 2 The partnership should involve the third sector.", "delete 3", "remove S2")
        #expect(driver.refusals.isEmpty)
        #expect(driver.session.statements.isEmpty)
        #expect(driver.session.retiredStatementIDs == ["S1", "S3", "S2"])
        #expect(driver.messages.contains("S2 reworded."))
        driver.type("The partnership should evaluate services.", "", "")
        #expect(driver.session.statements.map(\.id) == ["S4"])
        driver.type("delete 2", "edit S3 Back again")
        #expect(driver.refusals == ["S2 was deleted or merged. Statements: S4.", "S3 was deleted or merged. Statements: S4."])
        driver.type("delete 4 now")
        #expect(driver.refusals.last == "Type just `delete 4`; to change the wording type `edit 4 NEW TEXT`.")
        #expect(driver.session.statements.map(\.id) == ["S4"])
        let list = StatementsBoard.statementList(driver.session)
        #expect(list.contains("  S4  The partnership should evaluate services."))
    }

    @Test func votingTallyTiesTieBreakAndChoice() {
        var driver = drafted()
        driver.type("")
        #expect(driver.session.statementsCursor?.phase == .voting)
        #expect(driver.prompt?.question == "Votes of Ann Lee (3 to give)")
        #expect(driver.prompt?.hidden == false)
        driver.type("S1 S1 S2", "S2=2 S1=1", "S3=3", "S3")
        // S1: 3, S2: 3, S3: 4 — S1 and S2 tie.
        let tally = VoteTally(session: driver.session)
        #expect(tally.ranking == ["S3", "S1", "S2"])
        #expect(tally.entries.map(\.rank) == [1, 2, 2])
        #expect(tally.ties == [["S1", "S2"]])
        #expect(driver.session.statementsCursor?.phase == .tieBreak)
        #expect(driver.prompt?.text.contains("Tied: S1 and S2 (3 votes).") == true)
        driver.type("S2 S1")
        #expect(VoteTally(session: driver.session).ranking == ["S3", "S2", "S1"])
        #expect(driver.session.statementsCursor?.phase == .choosing)
        #expect(driver.prompt?.defaultHint == "Enter plans S3, S2, S1")
        driver.type("S1 S3")
        // The order typed is the order the group plans in, even against the vote ranking.
        #expect(driver.session.planned == ["S1", "S3"])
        #expect(driver.session.statementsCursor?.phase == .done)
        #expect(driver.prompt == nil)
        #expect(driver.session.votes.count == 6)
        #expect(driver.session.votes.first == Vote(participant: "p1", statement: "S1", count: 2))
    }

    @Test func votesOverTheAllowanceAreRefusedAndThePromptRepeats() {
        var driver = drafted()
        driver.type("")
        let before = driver.prompt
        driver.type("S1 S1 S2 S3")
        #expect(driver.refusals == ["That is 4 votes; Ann Lee has 3. Give at most 3."])
        driver.type("S1=4", "S7", "S1=x")
        #expect(driver.refusals.count == 4)
        #expect(driver.refusals[2].hasPrefix("\"S7\" is not a statement."))
        #expect(driver.prompt == before)
        #expect(driver.session.votes.isEmpty)
    }

    @Test func theVotesAllowanceComesFromTheSettings() {
        var session = PlanningFixtures.assessedSession()
        session.settings.votesPerParticipant = 5
        var driver = PlanningDriver(StatementsStage(), session)
        driver.type("The partnership should listen.", "", "", "")
        driver.type("S1=5")
        #expect(driver.refusals.isEmpty)
        #expect(driver.session.votes == [Vote(participant: "p1", statement: "S1", count: 5)])
    }

    @Test func blindVotingHidesInputAndTheMessage() {
        var driver = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession(scoring: .blind))
        driver.type("The partnership should listen.", "", "", "")
        #expect(driver.prompt?.hidden == true)
        driver.type("S1 S1")
        #expect(driver.messages.last == "Votes recorded for Ann Lee.")
    }

    @Test func emptyLinesAlwaysFinishTheStage() {
        var driver = drafted()
        var steps = 0
        while driver.prompt != nil, steps < 50 {
            driver.type("")
            steps += 1
        }
        #expect(driver.prompt == nil)
        #expect(driver.session.planned == ["S1", "S2", "S3"])
    }

    /// An empty line never finishes the stage before there is a statement: a stage with no statements is not done.
    @Test func emptyLinesDoNotFinishAStageWithNoStatements() {
        var empty = PlanningDriver(StatementsStage(), PlanningFixtures.assessedSession())
        let before = empty.session
        empty.type("", "")
        #expect(empty.refusals == Array(repeating: "There are no improvement statements yet: type one (\"The partnership should …\"), or `pause` to stop here and come back to it.", count: 2))
        #expect(empty.session == before)
        #expect(empty.prompt?.question == "Statement S1")
        #expect(empty.prompt?.defaultHint == nil)
    }

    @Test func backAndPauseAndResumeLandOnTheSameStep() throws {
        var driver = drafted()
        driver.type("", "S1", "back")
        #expect(driver.prompt?.question == "Votes of Ann Lee (3 to give)")
        driver.type("S1")
        let step = driver.step("pause")
        guard case .pause = step else { Issue.record("expected a pause"); return }
        let prompt = driver.prompt
        try driver.reload()
        #expect(driver.prompt == prompt)
        #expect(prompt?.question == "Votes of Raj Patel (3 to give)")
    }

    @Test func gotoJumpsBetweenSteps() {
        var driver = drafted()
        driver.type("goto voting")
        #expect(driver.prompt?.question == "Votes of Ann Lee (3 to give)")
        driver.type("goto S2")
        #expect(driver.prompt?.question == "Items S2 responds to (e.g. LN4 WW2; `none` to clear)")
        driver.type("goto choosing")
        #expect(driver.session.statementsCursor?.phase == .choosing)
        driver.type("goto S7")
        #expect(driver.refusals.last == "\"S7\" is not a statement. Statements: S1, S2, S3. Or goto drafting, voting or choosing.")
        driver.type("goto drafting")
        #expect(driver.session.statementsCursor?.phase == .drafting)
    }

    @Test func mergingMovesVotes() {
        var driver = drafted()
        driver.type("", "S1 S3", "S3 S3", "", "")
        driver.type("back", "back", "back", "back", "back", "merge S3 into S1")
        #expect(driver.refusals.isEmpty)
        #expect(driver.session.votes == [Vote(participant: "p1", statement: "S1", count: 2), Vote(participant: "p2", statement: "S1", count: 2)])
    }

    @Test func olderSessionFilesWithoutTheNewFieldsStillDecode() throws {
        let session = PlanningFixtures.assessedSession()
        let text = String(decoding: SessionCodec.encode(session), as: UTF8.self)
        #expect(!text.contains("statementsCursor"))
        #expect(!text.contains("planningCursor"))
        #expect(try SessionCodec.decode(Data(text.utf8), source: "old.json") == session)
    }
}

@Suite("Vote tally")
struct VoteTallyTests {
    @Test func ranksWithSharedRanksAndTieBreak() {
        var session = PlanningFixtures.assessedSession()
        session.statements = ["S1", "S2", "S3", "S4"].map { ImprovementStatement(id: $0, text: "The partnership should \($0).") }
        session.votes = [Vote(participant: "p1", statement: "S2", count: 2), Vote(participant: "p2", statement: "S4", count: 2),
                         Vote(participant: "p3", statement: "S1", count: 1)]
        let tally = VoteTally(session: session)
        #expect(tally.ranking == ["S2", "S4", "S1", "S3"])
        #expect(tally.entries.map(\.rank) == [1, 1, 3, 4])
        #expect(tally.ties == [["S2", "S4"]])
        #expect(tally.suggestedPlan == ["S2", "S4", "S1"])
        #expect(VoteTally(session: session, tieBreak: ["S4"]).ranking == ["S4", "S2", "S1", "S3"])
        #expect(tally.lines(statements: session.statements)[0] == "   =1  S2    2 votes  The partnership should S2.")
    }
}

extension ListEditor.Reading {
    /// Whether two readings ask for the same command on the same entry (refusals match whatever their wording).
    func isSameKind(as other: ListEditor.Reading) -> Bool {
        switch (self, other) {
        case (.refused, .refused): true
        default: self == other
        }
    }
}
