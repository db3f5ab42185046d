import Foundation
import Testing
@testable import StepChangeKit

/// Review dates mean what people mean, and any progress update can be put right: a later entry corrects
/// or withdraws it, the history keeps both, and only updates that stand give the latest status.
@Suite("Correcting and withdrawing progress updates")
struct ReviewCorrectionTests {
    let now = Date(timeIntervalSince1970: 1_796_040_000)

    func update(_ date: String, _ status: ActionStatus, note: String = "", actual: String? = nil,
                supersedes: Int? = nil, withdrawal: Bool? = nil) -> ProgressUpdate {
        ProgressUpdate(date: date, reviewer: "Ann Lee", status: status, note: note, actual: actual, recordedAt: now,
                       supersedes: supersedes, withdrawal: withdrawal)
    }

    @Test func reviewDatesRunFromTheWorkshopToToday() {
        let session = completeSession()
        #expect(ProgressReview.dateProblem("2099-03-01", session: session, today: "2027-06-01") == "The review date 2099-03-01 is in the future (today is 2027-06-01).")
        #expect(ProgressReview.dateProblem("2026-11-22", session: session, today: "2027-06-01") == "The review date 2026-11-22 is before the workshop itself (2026-11-23).")
        #expect(ProgressReview.dateProblem("2026-11-23", session: session, today: "2027-06-01") == nil)
        #expect(ProgressReview.dateProblem("2027-06-01", session: session, today: "2027-06-01") == nil)
        #expect(ProgressReview.dateProblem("2027-02-30", session: session, today: "2027-06-01") != nil)
    }

    @Test func aWrongYearNoLongerHidesEveryLaterReviewOnceCorrected() throws {
        // A review typed with the wrong year, as older versions accepted it: it is the "latest" for ever.
        var session = completeSession()
        session = try ProgressReview.record(update("2099-03-01", .notOnTrack, note: "typo year"), on: "A1.1", in: session)
        #expect(session.actions[0].currentStatus == .notOnTrack)
        session = try ProgressReview.record(update("2027-06-01", .complete, note: "Panel met four times"), on: "A1.1", in: session)
        #expect(session.actions[0].currentStatus == .notOnTrack, "still hidden behind the 2099 entry")
        session = try ProgressReview.record(update("2027-03-01", .notOnTrack, note: "typo year", supersedes: 3), on: "a1.1", in: session)
        let action = session.actions[0]
        #expect(action.currentStatus == .complete)
        #expect(action.latestUpdate?.note == "Panel met four times")
        #expect(action.updates.count == 5, "nothing is removed from the history")
        #expect(ProgressReview.standing(of: 3, in: action) == "corrected by update 5")
        #expect(ProgressReview.standing(of: 5, in: action) == "correction of update 3")
        #expect(ProgressReview.standing(of: 1, in: action) == nil)
    }

    @Test func aWithdrawnUpdateNoLongerCountsButStaysInTheHistory() throws {
        var session = completeSession()
        session = try ProgressReview.record(update("2027-06-01", .notOnTrack, actual: "3", supersedes: nil), on: "A1.1", in: session)
        #expect(session.actions[0].currentStatus == .notOnTrack && session.actions[0].latestActual?.value == "3")
        session = try ProgressReview.record(update("2027-06-02", .notOnTrack, note: "Entered on the wrong action", supersedes: 3, withdrawal: true),
                                            on: "A1.1", in: session)
        let action = session.actions[0]
        #expect(action.currentStatus == .complete, "back to the update of 20 May 2027")
        #expect(action.latestActual?.value == "12")
        #expect(action.history.count == 4 && action.effectiveHistory.count == 2)
        #expect(ProgressReview.standing(of: 3, in: action) == "withdrawn by update 4")
        let markdown = text(try SessionExport.export(session, format: .markdown, part: .actions))
        #expect(markdown.contains("| A1.1 | 1 June 2027 | **Red**: Action not on track, risk to implementation | 3 | \\[Update 3: withdrawn by update 4\\] |"))
        #expect(markdown.contains("| A1.1 | 2 June 2027 | Withdrawn |  | \\[Update 4: withdraws update 3\\] Entered on the wrong action |"))
        #expect(ReviewHistory.text(of: action).contains("3. 2027-06-01  not on track, actual 3  (Ann Lee)  [withdrawn by update 4]"))
        #expect(ReviewHistory.text(of: action).contains("Latest status that stands: Action complete (Blue), from 2027-05-20."))
    }

    @Test func onlyRealUpdatesCanBeCorrectedOrWithdrawn() throws {
        var session = completeSession()
        #expect(throws: StepChangeError.self) { try ProgressReview.record(update("2027-06-01", .complete, supersedes: 9), on: "A1.1", in: session) }
        #expect(throws: StepChangeError.self) { try ProgressReview.record(update("2027-06-01", .complete, supersedes: 1), on: "A2.2", in: session) }
        session = try ProgressReview.record(update("2027-06-01", .complete, supersedes: 2, withdrawal: true), on: "A1.1", in: session)
        do {
            _ = try ProgressReview.record(update("2027-06-01", .complete, supersedes: 2, withdrawal: true), on: "A1.1", in: session)
            Issue.record("withdrew an update twice")
        } catch {
            #expect(error.message == "Update 2 of A1.1 was already withdrawn by update 3.")
        }
        do {
            _ = try ProgressReview.record(update("2027-06-01", .complete, supersedes: 3), on: "A1.1", in: session)
            Issue.record("corrected a withdrawal")
        } catch {
            #expect(error.message == "Update 3 of A1.1 is itself a withdrawal and cannot be changed.")
        }
    }

    @Test func aHandEditedCorrectionMustPointBackwards() {
        var session = completeSession()
        session.plans[0].actions[0].updates[0].supersedes = 2
        session.plans[0].actions[0].updates[1].withdrawal = true
        let problems = SessionValidator.problems(in: session, source: "s.json").map { "\($0.location ?? ""): \($0.message)" }
        #expect(problems.contains("plans[0].actions[0].updates[0].supersedes: 2 is not an earlier update of A1.1; expected 1 to 0 (updates are numbered from 1 in the order recorded)"))
        #expect(problems.contains("plans[0].actions[0].updates[1].withdrawal: a withdrawal must name the update it withdraws in supersedes"))
    }

    @Test func aSessionWithoutCorrectionsSavesByteForByteAsBefore() throws {
        let data = SessionCodec.encode(completeSession())
        #expect(!text(data).contains("supersedes") && !text(data).contains("withdrawal"))
    }
}

/// "Today" is the local calendar day, and names that look the same are one name.
@Suite("Dates and names mean what people mean")
struct DatesAndNamesTests {
    @Test func todayIsTheLocalCalendarDay() throws {
        // 00:30 on 1 July 2026 in London is 23:30 on 30 June in UTC.
        let halfPastMidnight = Date(timeIntervalSince1970: 1_782_862_200)
        let london = try #require(TimeZone(identifier: "Europe/London"))
        #expect(DayDate.string(from: halfPastMidnight, in: london) == "2026-07-01")
        #expect(DayDate.string(from: halfPastMidnight, in: try #require(TimeZone(identifier: "UTC"))) == "2026-06-30")
        #expect(DayDate.string(from: halfPastMidnight, in: try #require(TimeZone(identifier: "America/New_York"))) == "2026-06-30")
    }

    @Test(arguments: ["Sam\u{A0}Lee", "Sam  Lee", " sam lee ", "SAM LEE", "Sam\u{2007}Lee", "Sam\u{200B} Lee", "Sam\tLee"])
    func lookAlikeNamesAreRefused(_ other: String) {
        switch ParticipantList.parse("Sam Lee; \(other)") {
        case .success(let people): Issue.record("\"\(other)\" was accepted as a second person: \(people.map(\.name))")
        case .failure(let error): #expect(error.message.contains("Sam Lee"), "\(error.message)")
        }
        let existing = [Participant(id: "p1", name: "Sam Lee")]
        #expect(throws: ParticipantListError.self) { try ParticipantList.parseOne(other, after: existing).get() }
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse(other, after: existing).get() }
    }

    @Test func unicodeFormsAreOneName() throws {
        let composed = "Jos\u{E9} Mart\u{ED}n", decomposed = "Jose\u{301} Marti\u{301}n"
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse("\(composed); \(decomposed)").get() }
        let stored = try ParticipantList.parse("Ann   Lee\u{A0}Smith (Council, statutory)").get()
        #expect(stored.map(\.name) == ["Ann Lee Smith"])
        var session = completeSession()
        session.participants[0].name = "Ann\u{A0}Lee"
        #expect(session.participant("ann lee")?.id == "p1")
        session.participants[1].name = "ann  lee"
        #expect(SessionValidator.problems(in: session, source: "s").contains { $0.location == "participants[1].name" })
    }
}
