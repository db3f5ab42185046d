import Foundation
import Testing
@testable import StepChangeKit

@Suite("Measures over time, milestones and overdue")
struct MeasuresOverTimeTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    func action(target: String, baseline: String = "0", frequency: String = "Quarterly", actuals: [(String, String, String?)] = [],
                milestone: String = "2027-03", status: ActionStatus = .notStarted) -> Action {
        Action(ref: "A1.1", description: "Recruit", milestone: milestone,
               measure: Measure(indicator: "Parents recruited", baseline: baseline, target: target, frequency: frequency), status: status,
               updates: actuals.map { ProgressUpdate(date: $0.0, reviewer: "Ann", status: .onTrack, actual: $0.1, period: $0.2, recordedAt: start) })
    }

    @Test func interimTargetsAreReadFromTheTargetText() {
        let targets = MeasureSeries.targets(in: "6 by February 2027; 12 by 2027-05\n20")
        #expect(targets.map(\.value) == ["6", "12", "20"])
        #expect(targets.map(\.month) == ["2027-02", "2027-05", nil])
        #expect(MeasureSeries.unreadableTargetDates(in: "6 by Febtember 2027; 12 by May 2027") == ["6 by Febtember 2027"])
        #expect(MeasureSeries.unreadableTargetDates(in: "2 a year").isEmpty)
    }

    @Test func periodsPairTargetsWithActualsAndMarkThem() {
        let series = MeasureSeries(action(target: "6 by February 2027; 12 by May 2027",
                                          actuals: [("2027-02-15", "8", nil), ("2027-06-02", "9", "2027-05")]))
        #expect(series.periods.map(\.month) == ["2027-02", "2027-05"])
        #expect(series.periods.map(\.target) == ["6", "12"])
        #expect(series.periods.map(\.actual) == ["8", "9"])
        #expect(series.periods.map(\.onTrack) == [true, false])
        #expect(series.latest?.label == "May 2027")
    }

    @Test func aFallingMeasureIsOnTrackWhenBelowItsTarget() {
        let series = MeasureSeries(action(target: "30 by June 2027", baseline: "45", actuals: [("2027-06-20", "28", nil)]))
        #expect(series.lowerIsBetter)
        #expect(series.periods.last?.onTrack == true)
    }

    @Test func withoutAnInterimTargetAnActualIsOnlyMarkedWhenItMeetsTheFinalOne() {
        #expect(MeasureSeries(action(target: "100%", actuals: [("2027-04-01", "50%", nil)])).periods.last?.onTrack == nil)
        #expect(MeasureSeries(action(target: "100%", actuals: [("2027-04-01", "100%", nil)])).periods.last?.onTrack == true)
        #expect(MeasureSeries(action(target: "more reports", actuals: [("2027-04-01", "some", nil)])).periods.last?.onTrack == nil)
    }

    @Test(arguments: [("85%", 85.0), ("£6,000", 6000.0), (" 12 ", 12.0), ("-3.5", -3.5)])
    func decoratedNumbersAreRead(_ text: String, _ value: Double) {
        #expect(MeasureSeries.number(text) == value)
    }

    @Test(arguments: ["", "2 a year", "TBC", "12 parents"])
    func wordsAreNotNumbers(_ text: String) {
        #expect(MeasureSeries.number(text) == nil)
    }

    @Test(arguments: [("Quarterly", 3), ("Termly", 4), ("Bi annual", 6), ("Six-monthly", 6), ("Annual", 12), ("Monthly", 1)])
    func frequenciesAreMonths(_ text: String, _ months: Int) {
        #expect(ReviewFrequency.months(text) == months)
    }

    @Test func unknownFrequenciesHaveNoReviewDue() {
        #expect(ReviewFrequency.months("NA") == nil && ReviewFrequency.months("Each meeting") == nil)
        #expect(ReviewFrequency.adding(months: 3, to: "2026-11-30") == "2027-02-28")
    }

    func session(_ actions: [Action], date: String = "2026-11-23") -> Session {
        var session = Session(id: "\(date)-t", title: "T", date: date, createdAt: start, framework: .childPoverty)
        session.statements = [ImprovementStatement(id: "S1", text: "S")]
        session.plans = [OutcomePlan(statementID: "S1", actions: actions)]
        return session
    }

    @Test func aPassedMilestoneIsOverdueUntilComplete() {
        let open = session([action(target: "", frequency: "")])
        #expect(Overdue(open, asAt: "2027-03-31").entries.isEmpty, "a month milestone is due by the end of its month")
        let late = Overdue(open, asAt: "2027-04-01")
        #expect(late.milestoneCount == 1)
        #expect(late.entries.first?.message == "A1.1 milestone, March 2027, has passed and is not complete.")
        #expect(Overdue(session([action(target: "", frequency: "", status: .complete)]), asAt: "2028-01-01").entries.isEmpty)
        #expect(Overdue.startDays(of: open) == ["2027-04-01"])
    }

    @Test func anActionNotReviewedWithinItsFrequencyIsOverdue() {
        let planned = session([action(target: "12", milestone: "2028-01")])
        #expect(Overdue(planned, asAt: "2027-02-23").entries.isEmpty)
        let missed = Overdue(planned, asAt: "2027-02-24")
        #expect(missed.reviewCount == 1)
        #expect(missed.entries.first?.message == "A1.1 is measured quarterly but was planned on 23 November 2026 and never reviewed; a review was due by 23 February 2027.")
        let reviewed = session([action(target: "12", actuals: [("2027-02-20", "4", nil)], milestone: "2028-01")])
        #expect(Overdue(reviewed, asAt: "2027-05-20").entries.isEmpty)
        #expect(Overdue(reviewed, asAt: "2027-05-21").reviewCount == 1)
        #expect(SessionSummary(session: reviewed).overdueCount(on: "2027-05-21") == 1)
    }

    @Test func milestonesAreRevisedWithTheirHistoryKept() throws {
        var changed = try ProgressReview.change(.revise(number: 1, to: "June 2027", reason: "Board moved", on: "2027-02-01"), on: "a1.1", in: session([action(target: "")]))
        changed = try ProgressReview.change(.add(ActionMilestone(date: "2027-09-30", output: "In use")), on: "A1.1", in: changed)
        changed = try ProgressReview.change(.status(number: 2, .someIssues), on: "A1.1", in: changed)
        let milestones = try #require(changed.actions.first?.milestones)
        #expect(milestones.map(\.date) == ["2027-06", "2027-09-30"])
        #expect(milestones[0].revisions == [MilestoneRevision(previousDate: "2027-03", reason: "Board moved", revisedOn: "2027-02-01")])
        #expect(milestones[1].status == .someIssues)
        #expect(changed.actions.first?.milestone == "2027-03", "the planned milestone is kept as it was agreed")
        #expect(throws: StepChangeError.self) { try ProgressReview.change(.status(number: 3, .complete), on: "A1.1", in: changed) }
        #expect(throws: StepChangeError.self) { try ProgressReview.change(.revise(number: 1, to: "soon", reason: "x", on: "2027-02-01"), on: "A1.1", in: changed) }
        #expect(throws: StepChangeError.self) { try ProgressReview.change(.revise(number: 1, to: "2027-07", reason: " ", on: "2027-02-01"), on: "A1.1", in: changed) }
        #expect(throws: StepChangeError.self) { try ProgressReview.change(.add(ActionMilestone(date: "2027-07")), on: "A9.9", in: changed) }
    }

    @Test func aSessionWithoutTheNewFieldsSavesAsBefore() throws {
        let plain = session([action(target: "12")])
        let text = String(decoding: SessionCodec.encode(plain), as: UTF8.self)
        #expect(!text.contains("\"milestones\"") && !text.contains("\"period\""))
        #expect(try SessionCodec.decode(SessionCodec.encode(completeSession()), source: "s.json") == completeSession())
    }

    @Test func reportsSayWhenTheirStatusIsAsAt() throws {
        let markdown = text(try SessionExport.export(completeSession(), format: .markdown, part: .actions))
        #expect(markdown.contains("- **Status as at:** 20 May 2027 (the latest progress review)"))
        #expect(markdown.contains("### Overdue as at 20 May 2027\n\n- A2.1 milestone, January 2027 (Monitoring framework), has passed and is not complete."))
        #expect(markdown.contains("| A1.1 | Riverside CVS, Parents' Voice | £6,000 from the anti-poverty fund | Parents cannot attend daytime meetings |"))
        let empty = text(try SessionExport.export(emptySession(), format: .markdown))
        #expect(empty.contains("- **Status as at:** 23 November 2026 (the workshop; no progress review yet)"))
    }
}

@Suite("Planning several milestones and interim targets")
struct PlanningMilestonesTests {
    func set(_ field: ActionField, _ line: String) -> (Result<String?, Refusal>, Action) {
        let session = completeSession()
        var action = session.plans[0].actions[0]
        let result = ActionEntry.set(field, to: line, action: &action, plan: session.plans[0], session: session)
        return (result, action)
    }

    func accepted(_ result: Result<String?, Refusal>) -> Bool {
        if case .success = result { return true }
        return false
    }

    @Test func severalMilestonesSeparatedBySemicolons() throws {
        let (result, action) = set(.milestone, "March 2027; 2027-09-30")
        #expect(accepted(result))
        #expect(action.milestone == "2027-03")
        #expect(action.schedule.map(\.date) == ["2027-03", "2027-09-30"])
        let (single, again) = set(.milestone, "June 2027")
        #expect(accepted(single) && again.milestones == nil && again.milestone == "2027-06")
    }

    @Test func aBadOrPastMilestoneInTheListIsRefused() {
        if case .success = set(.milestone, "March 2027; someday").0 { Issue.record("an unreadable milestone was accepted") }
        if case .success = set(.milestone, "March 2027; January 2026").0 { Issue.record("a milestone before the workshop was accepted") }
    }

    @Test func anInterimTargetWithAnUnreadableDateIsRefused() {
        if case .success = set(.target, "6 by Febtember 2027; 12 by May 2027").0 { Issue.record("an unreadable target date was accepted") }
        let (result, action) = set(.target, "6 by February 2027; 12 by May 2027")
        #expect(accepted(result) && action.measure.target == "6 by February 2027; 12 by May 2027")
    }
}
