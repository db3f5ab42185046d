import Foundation
import Testing
@testable import StepChangeKit

@Suite("Comparing sessions")
struct SessionComparisonTests {
    let old = WorkedExample2025.session
    let new = WorkedExample2026.session

    @Test func itemsAreMatchedByIdWithChangeAndAgreementThenAndNow() throws {
        let comparison = try SessionComparison(old: old, new: new)
        let up2 = try #require(comparison.items.first { $0.itemID == "UP2" })
        #expect(up2.old == 1 && up2.new == 3 && up2.change == 2 && up2.direction == .up)
        #expect(up2.oldAgreement == .consensus && up2.newAgreement == .someDisagreement)
        let wwTwo = try #require(comparison.items.first { $0.itemID == "WW2" })
        #expect(wwTwo.change == -1 && wwTwo.direction == .down && wwTwo.direction?.symbol == "▼")
        #expect(comparison.items.first { $0.itemID == "LN1" }?.direction == .same)
        #expect(comparison.headings.map(\.headingID) == ["LN", "PL", "WW", "UP"])
        #expect(comparison.onlyInOld.isEmpty && comparison.onlyInNew.isEmpty)
        #expect(SessionComparison.signed(2) == "+2" && SessionComparison.signed(-1) == "-1" && SessionComparison.signed(0) == "0")
    }

    @Test func headingAndOverallMeansComeFromTheAssessmentSummary() throws {
        let comparison = try SessionComparison(old: old, new: new)
        #expect(comparison.oldMean == AssessmentSummary(session: old).overallMean)
        let up = try #require(comparison.headings.last)
        #expect(up.oldMean == AssessmentSummary(session: old).headings[3].mean)
        // 1.83 → 2.67 as shown: the change is the difference of the shown means, +0.84, not the unrounded +0.83.
        #expect(SessionComparison.mean(up.oldMean) == "1.83" && SessionComparison.mean(up.newMean) == "2.67")
        #expect(SessionComparison.signed(try #require(up.change)) == "+0.84")
    }

    @Test func improvedAndFellMostAreOrderedByChangeThenFrameworkOrder() throws {
        let comparison = try SessionComparison(old: old, new: new)
        #expect(comparison.improvedMost.first?.itemID == "UP2")
        #expect(Array(comparison.improvedMost.map(\.itemID).dropFirst().prefix(3)) == ["LN2", "LN4", "LN5"])
        #expect(comparison.fellMost.map(\.itemID) == ["PL6", "WW2"])
    }

    @Test func itemsAddedAndRemovedBetweenFrameworkVersionsAreListed() throws {
        var revised = new
        revised.framework.version = "2.0"
        let ln = try #require(revised.framework.headings.firstIndex { $0.id == "LN" })
        revised.framework.headings[ln].items.removeAll { $0.id == "LN6" }
        revised.framework.headings[ln].items.append(Item(id: "LN7", prompt: "We understand how poverty affects children's health.", guidance: "Health data is part of the profile."))
        revised.assessments.removeAll { $0.itemID == "LN6" }
        revised.assessments.append(ItemAssessment(itemID: "LN7", consensus: ConsensusRecord(score: 2, suggested: 2, round: 1, agreedAt: revised.createdAt)))
        let comparison = try SessionComparison(old: old, new: revised)
        #expect(comparison.onlyInOld.map(\.itemID) == ["LN6"])
        #expect(comparison.onlyInNew.map(\.itemID) == ["LN7"])
        #expect(comparison.headings[0].items.map(\.itemID) == ["LN1", "LN2", "LN3", "LN4", "LN5", "LN7", "LN6"])
        let added = try #require(comparison.onlyInNew.first)
        #expect(added.old == nil && added.new == 2 && added.change == nil)
        #expect(comparison.items.first { $0.itemID == "LN4" }?.change == 1, "items kept between versions still compare")
    }

    @Test func aHeadingOnlyInTheOlderVersionIsStillShown() throws {
        var revised = new
        revised.framework.headings.removeAll { $0.id == "UP" }
        revised.assessments.removeAll { $0.itemID.hasPrefix("UP") }
        let comparison = try SessionComparison(old: old, new: revised)
        #expect(comparison.headings.map(\.headingID) == ["LN", "PL", "WW", "UP"])
        #expect(comparison.headings[3].newMean == nil)
        #expect(comparison.onlyInOld.count == 6)
    }

    @Test func differentFrameworksAreRefused() {
        var other = new
        other.framework.id = "strategy-review"
        #expect(throws: StepChangeError.self) { try SessionComparison(old: old, new: other) }
        do {
            _ = try SessionComparison(old: old, new: other)
        } catch {
            #expect(error.message.contains("different frameworks"))
            #expect(error.message.contains("\"strategy-review\""))
        }
    }

    @Test func statementsAreCarriedForwardNewOrDropped() throws {
        let statements = try SessionComparison(old: old, new: new).statements
        #expect(statements.carriedForward.map { "\($0.old.id)→\($0.new.id)" } == ["S1→S1", "S5→S2", "S6→S5"])
        #expect(statements.new.map(\.id) == ["S3", "S4", "S6"])
        #expect(statements.dropped.map(\.id) == ["S2", "S3", "S4"])
    }

    @Test func theMatcherUsesTextAndItemsOneToOne() {
        let a = ImprovementStatement(id: "S1", text: "Partners should share data about poverty in neighbourhoods.", itemIDs: ["LN5"])
        let reworded = ImprovementStatement(id: "S4", text: "Partners should share poverty data for every neighbourhood.", itemIDs: ["LN5"])
        let sameItemsOtherWords = ImprovementStatement(id: "S2", text: "Train staff to ask about money.", itemIDs: ["LN5"])
        let unrelated = ImprovementStatement(id: "S3", text: "Reduce the cost of the school day.", itemIDs: ["PL2"])
        #expect(StatementMatcher.similarity(a, a) == 1)
        #expect(StatementMatcher.similarity(a, unrelated) == 0)
        let matches = StatementMatcher.match(old: [a], new: [sameItemsOtherWords, unrelated, reworded])
        #expect(matches.map(\.new.id) == ["S4"], "the most similar wins and each statement is used once")
        #expect(StatementMatcher.match(old: [a, a], new: [reworded]).count == 1)
    }

    @Test func theOldSessionsActionsKeepTheirLatestStatus() throws {
        let comparison = try SessionComparison(old: old, new: new)
        #expect(comparison.oldActions.count == 11)
        #expect(comparison.oldActionCounts.map(\.status) == [.complete, .onTrack, .someIssues])
        let travel = try #require(comparison.oldActions.first { $0.action.ref == "A4.3" })
        #expect(travel.status == .someIssues && travel.rag == .amber && travel.latestUpdate?.date == "2026-11-19")
    }
}
