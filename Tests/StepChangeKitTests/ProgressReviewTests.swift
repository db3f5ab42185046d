import Foundation
import Testing
@testable import StepChangeKit

@Suite("Progress reviews")
struct ProgressReviewTests {
    @Test(arguments: [
        ("Action complete", ActionStatus.complete),
        ("Action not yet completed, but on track", .onTrack),
        ("Action not yet completed, but on track and will be completed by milestone", .onTrack),
        ("Activity progressing, some issues but realistic plans in place to recover", .someIssues),
        ("Activity progressing with some issues but realistic plans in place to recover", .someIssues),
        ("Some issues, recovery plan in place", .someIssues),
        ("Action not on track, risk to implementation", .notOnTrack),
        ("on-track", .onTrack), ("some-issues", .someIssues), ("not-on-track", .notOnTrack), ("complete", .complete),
        ("not-started", .notStarted), ("Not started", .notStarted), ("ON TRACK", .onTrack), ("Amber", .someIssues),
        ("red", .notOnTrack), ("Blue", .complete), ("green", .onTrack),
    ])
    func statusesAreReadInThePlansOwnWording(text: String, status: ActionStatus) {
        #expect(ActionStatus(typed: text) == status)
    }

    @Test func everyLabelReadsBackAsItsStatus() {
        for status in ActionStatus.allCases {
            #expect(ActionStatus(typed: status.label) == status)
            #expect(ActionStatus(typed: status.shortLabel) == status)
            #expect(ActionStatus(typed: status.rawValue) == status)
        }
        #expect(ActionStatus(typed: "maybe") == nil)
        #expect(ActionStatus(typed: "") == nil)
    }

    func update(_ date: String, _ status: ActionStatus, note: String = "", at seconds: Double = 0) -> ProgressUpdate {
        ProgressUpdate(date: date, reviewer: "Fiona", status: status, note: note, recordedAt: Date(timeIntervalSince1970: 1_800_000_000 + seconds))
    }

    @Test func anUpdateIsAppendedAndNothingBeforeItChanges() throws {
        let session = WorkedExample2025.session
        let before = try #require(session.actions.first { $0.ref == "A4.3" })
        let after = try ProgressReview.record(update("2027-02-25", .onTrack, note: "Agreed"), on: "a4.3", in: session)
        let action = try #require(after.actions.first { $0.ref == "A4.3" })
        #expect(action.updates.count == before.updates.count + 1)
        #expect(Array(action.updates.prefix(before.updates.count)) == before.updates)
        #expect(action.currentStatus == .onTrack && action.latestUpdate?.note == "Agreed")
        #expect(after.updatedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(after.actions.filter { $0.ref != "A4.3" } == session.actions.filter { $0.ref != "A4.3" })
    }

    @Test func historyIsInReviewDateOrderEvenWhenBackFilled() throws {
        var session = WorkedExample2026.session
        session = try ProgressReview.record(update("2027-05-27", .someIssues, note: "second", at: 10), on: "A3.1", in: session)
        session = try ProgressReview.record(update("2027-02-25", .onTrack, note: "first", at: 20), on: "A3.1", in: session)
        session = try ProgressReview.record(update("2027-05-27", .notOnTrack, note: "second, corrected", at: 30), on: "A3.1", in: session)
        let action = try #require(session.actions.first { $0.ref == "A3.1" })
        #expect(action.updates.map(\.note) == ["second", "first", "second, corrected"], "stored in the order recorded")
        #expect(action.history.map(\.note) == ["first", "second", "second, corrected"])
        #expect(action.currentStatus == .notOnTrack)
    }

    @Test func latestActualSkipsUpdatesWithoutOne() throws {
        let action = try #require(WorkedExample2025.session.actions.first { $0.ref == "A4.3" })
        #expect(action.latestActual?.value == "23")
        let noActuals = try #require(WorkedExample2026.session.actions.first)
        #expect(noActuals.latestActual == nil)
    }

    @Test func anUnknownActionOrBadDateIsRefused() {
        let session = WorkedExample2025.session
        #expect(throws: StepChangeError.self) { try ProgressReview.record(update("2027-02-25", .onTrack), on: "A9.9", in: session) }
        #expect(throws: StepChangeError.self) { try ProgressReview.record(update("2027-02-30", .onTrack), on: "A1.1", in: session) }
        var anonymous = update("2027-02-25", .onTrack)
        anonymous.reviewer = " "
        #expect(throws: StepChangeError.self) { try ProgressReview.record(anonymous, on: "A1.1", in: session) }
    }
}
