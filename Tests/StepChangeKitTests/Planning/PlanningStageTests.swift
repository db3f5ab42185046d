import Foundation
import Testing
@testable import StepChangeKit

@Suite("Outcome-based planning stage")
struct PlanningStageTests {
    /// A session ready for planning: S1 and S2 planned, no plans yet.
    func ready() -> PlanningDriver {
        var session = PlanningFixtures.plannedSession()
        session.plans = []
        session.planned = ["S1", "S2"]
        return PlanningDriver(PlanningStage(), session)
    }

    /// Types a whole action after its description.
    func actionFields(outcomes: String = "ST1", milestone: String = "2027-03") -> [String] {
        [outcomes, "Know where we engage", "Lived Experience Sub-Group", "CVS, NHS", "Officer time", "Low take-up",
         milestone, "Services mapped", "0", "All services", "Quarterly", "A published map", "4", "new"]
    }

    @Test func buildsACompletePlanWorkingBackwards() throws {
        var driver = ready()
        #expect(driver.prompt?.question == "Long-term outcome for S1 (3 to 10 years): the change for families")
        driver.type("Fewer children in poverty", "Services shaped by families", "", "Engagement mapped", "Panel meets monthly", "",
                    "Parents' panel -> ST1", "", "No route from panel to decisions -> MT1", "",
                    "Map engagement across services")
        #expect(driver.prompt?.question == "Which outcomes does A1.1 serve? (e.g. ST1 ST2)")
        for line in actionFields() { driver.type(line) }
        driver.type("", "Families keep taking part", "")
        #expect(driver.refusals.isEmpty, "\(driver.refusals)")
        let plan = try #require(driver.session.plan(for: "S1"))
        #expect(plan.outcomes.map(\.id) == ["S1.LT1", "S1.MT1", "S1.ST1", "S1.ST2"])
        #expect(plan.existingProvision == [Provision(text: "Parents' panel", outcomeIDs: ["S1.ST1"])])
        #expect(plan.gaps == [Gap(text: "No route from panel to decisions", outcomeIDs: ["S1.MT1"])])
        #expect(plan.assumptions == ["Families keep taking part"])
        let action = try #require(plan.actions.first)
        #expect(action == Action(ref: "A1.1", outcomeIDs: ["S1.ST1"], objective: "Know where we engage", description: "Map engagement across services",
                                 lead: "Lived Experience Sub-Group", partners: ["CVS", "NHS"], resources: "Officer time", risk: "Low take-up",
                                 milestone: "2027-03", measure: Measure(indicator: "Services mapped", baseline: "0", target: "All services", frequency: "Quarterly"),
                                 theme: "enablers", additionality: .new, status: .notStarted, outputImpact: "A published map"))
        #expect(driver.session.planningCursor == PlanningCursor(statementID: "S2", step: .longTerm))
        #expect(driver.prompt?.text.hasPrefix("Planning S2 (2 of 2)") == true)
    }

    @Test func theEndOfPlanningShowsThePlanChecks() {
        var driver = ready()
        var steps = 0
        while driver.session.planningCursor?.step != .review, steps < 100 {
            driver.type("")
            steps += 1
        }
        let prompt = driver.prompt
        #expect(prompt?.text.hasPrefix("Plan checks: 2 errors") == true)
        #expect(prompt?.text.contains("S1 is planned but has no long-term, medium-term or short-term outcome") == true)
        driver.type("goto S1", "Fewer children in poverty", "goto review", "")
        #expect(driver.prompt == nil)
        #expect(driver.session.planningCursor?.step == .done)
    }

    @Test func aMilestoneLikeSoonIsRefusedAndThePromptRepeats() {
        var driver = ready()
        driver.type("goto S1 actions", "Map engagement", "", "", "Lived Experience Sub-Group", "", "", "")
        #expect(driver.session.planningCursor?.field == .milestone)
        let before = driver.prompt
        driver.type("soon")
        #expect(driver.refusals == ["\"soon\" is not a month or a date. Type a month such as 2027-03 or March 2027, or a date such as 2027-03-31."])
        #expect(driver.prompt == before)
        driver.type("March 2027")
        #expect(driver.session.plan(for: "S1")?.actions[0].milestone == "2027-03")
    }

    @Test func aPastMilestoneIsQuestioned() {
        var driver = ready()
        driver.type("goto A1.1 milestone")
        #expect(driver.refusals.first?.hasPrefix("Cannot go to \"A1.1\"") == true)
        driver.type("goto S1 actions", "Map engagement", "goto A1.1 milestone", "2025-01")
        #expect(driver.prompt?.question == "Keep January 2025 as A1.1's milestone? (yes/no)")
        driver.type("")
        #expect(driver.session.planningCursor?.field == .milestone)
        #expect(driver.session.plan(for: "S1")?.actions[0].milestone == "")
        driver.type("2025-01", "maybe")
        #expect(driver.refusals.last == "Type yes to keep January 2025, or no (or Enter) to give another milestone.")
        driver.type("yes")
        #expect(driver.session.plan(for: "S1")?.actions[0].milestone == "2025-01")
        #expect(driver.session.planningCursor?.field == .indicator)
    }

    @Test func unknownOutcomesThemesAndAdditionalityAreRefused() {
        var driver = ready()
        driver.type("Fewer children in poverty", "Services shaped by families", "", "Engagement mapped", "", "", "", "Map engagement")
        driver.type("ST7")
        #expect(driver.refusals.last == "\"ST7\" is not an outcome of S1's plan. Did you mean ST1? Outcomes: LT1, MT1, ST1.")
        driver.type("st1 MT1")
        #expect(driver.session.plan(for: "S1")?.actions[0].outcomeIDs == ["S1.ST1", "S1.MT1"])
        driver.type("goto A1.1 theme", "enabler")
        #expect(driver.refusals.last?.hasPrefix("\"enabler\" is not one of the framework's action themes. Did you mean enablers?") == true)
        driver.type("costs", "brand new")
        #expect(driver.refusals.last == "\"brand new\": type new, enhanced or existing.")
        driver.type("enh")
        #expect(driver.session.plan(for: "S1")?.actions[0].theme == "costs")
        #expect(driver.session.plan(for: "S1")?.actions[0].additionality == .enhanced)
        #expect(driver.session.planningCursor?.step == .actions)
    }

    @Test func listsCanBeEditedAndOutcomesKeepStableIds() {
        var driver = ready()
        driver.type("Fewer children in poverty", "First", "Second", "delete MT2", "Third", "edit MT3 Third, reworded", "")
        let plan = driver.session.plan(for: "S1")
        #expect(plan?.outcomes(at: .medium).map(\.id) == ["S1.MT1", "S1.MT3"])
        #expect(plan?.outcomes(at: .medium).last?.text == "Third, reworded")
        driver.type("", "Parents' panel", "Money advice -> LT1", "edit 1 Parents' panel (monthly) -> MT3", "delete 2", "delete 5")
        #expect(driver.refusals.last == "There is no entry 5 in existing provision: give a number from 1 to 1.")
        #expect(driver.session.plan(for: "S1")?.existingProvision == [Provision(text: "Parents' panel (monthly)", outcomeIDs: ["S1.MT3"])])
        driver.type("back", "back")
        #expect(driver.session.planningCursor?.step == .mediumTerm)
        driver.type("")
        #expect(driver.session.plan(for: "S1")?.outcomes(at: .medium).count == 2)
    }

    @Test func gotoBackStatusAndPause() throws {
        var driver = ready()
        driver.type("goto S2 gaps")
        #expect(driver.session.planningCursor == PlanningCursor(statementID: "S2", step: .gaps))
        driver.type("goto S3")
        #expect(driver.refusals.last == "S3 is not planned now; the planned statements are S1, S2. Try goto S1, goto S1 gaps, goto A1.2 lead or goto review.")
        driver.type("goto S1 wishes")
        #expect(driver.refusals.last?.hasPrefix("\"wishes\" is not a part of the plan.") == true)
        driver.type("goto S1 actions", "Map engagement", "goto A1.1 lead", "back")
        #expect(driver.session.planningCursor?.field == .objective)
        driver.type("goto A1.1 colour")
        #expect(driver.refusals.last?.hasPrefix("\"colour\" is not a part of an action.") == true)
        driver.type("status")
        #expect(driver.messages.last?.contains("S1: 0 outcomes, 1 actions  ← now: action A1.1") == true)
        driver.type("goto review", "back")
        #expect(driver.session.planningCursor == PlanningCursor(statementID: "S2", step: .assumptions))
        guard case .pause = driver.step("pause") else { Issue.record("expected pause"); return }
        let prompt = driver.prompt
        try driver.reload()
        #expect(driver.prompt == prompt)
    }

    @Test func actionsCanBeRevisitedAndDeletedWithRefsNeverReused() {
        var driver = ready()
        driver.type("goto S1 actions", "First action")
        for line in actionFields(outcomes: "") { driver.type(line) }
        driver.type("Second action", "goto S1 actions", "delete A1.2", "Third action", "goto S1 actions")
        #expect(driver.session.plan(for: "S1")?.actions.map(\.ref) == ["A1.1", "A1.3"])
        driver.type("edit A1.3", "Third action, reworded")
        #expect(driver.session.plan(for: "S1")?.actions.last?.description == "Third action, reworded")
        #expect(driver.session.planningCursor?.field == .outcomes)
    }

    /// An empty line takes each step's default, but never finishes planning when nothing has been planned.
    @Test func emptyLinesNeverFinishAnEmptyPlan() {
        var driver = ready()
        var steps = 0
        while driver.prompt != nil, steps < 200 {
            driver.type("")
            steps += 1
        }
        #expect(driver.session.planningCursor?.step == .review)
        #expect(driver.prompt?.question.hasPrefix("Finish planning") == true)
        #expect(driver.refusals.last == "Nothing has been planned yet: type `goto S1` to plan S1, or `pause` to stop and come back to it.")
        driver.type("goto S2", "Families have more money", "goto review", "")
        #expect(driver.prompt == nil)
        #expect(driver.session.planningCursor?.step == .done)

        var nothing = PlanningDriver(PlanningStage(), PlanningFixtures.assessedSession())
        #expect(nothing.prompt?.question == "Finish planning")
        nothing.type("")
        #expect(nothing.refusals == ["No statements are planned, so there is no plan to finish: `pause`, then run the session again with `--stage statements` to choose some."])
        #expect(nothing.prompt?.question == "Finish planning")
    }

    @Test func reopeningStartsAgainAtTheFirstPlannedStatement() {
        var session = PlanningFixtures.plannedSession()
        session.planningCursor = PlanningCursor(step: .done)
        #expect(PlanningStage().nextPrompt(in: session) == nil)
        let reopened = PlanningStage.reopen(session)
        #expect(reopened.planningCursor == PlanningCursor(statementID: "S2", step: .longTerm))
        #expect(PlanningStage().nextPrompt(in: reopened)?.defaultHint == "Enter keeps \"Fewer children live in poverty\"")
        var statements = session
        statements.statementsCursor = StatementsCursor(phase: .done)
        #expect(StatementsStage.reopen(statements).statementsCursor == nil)
        #expect(StatementsStage().nextPrompt(in: StatementsStage.reopen(statements))?.question == "Statement S4, or a command (help)")
    }

    @Test func theStagesAreRegistered() {
        #expect(WorkshopStages.stage(for: .statements) is StatementsStage)
        #expect(WorkshopStages.stage(for: .planning) is PlanningStage)
    }
}

@Suite("Milestones")
struct MilestoneTests {
    @Test(arguments: [("2027-03", "2027-03"), ("2027-3", "2027-03"), ("March 2027", "2027-03"), ("mar 2027", "2027-03"),
                      ("2027-03-31", "2027-03-31"), ("31 March 2027", "2027-03-31"), ("1st June 2027", "2027-06-01")])
    func readsMonthsAndDates(typed: String, stored: String) {
        #expect(Milestone.parse(typed) == stored)
    }

    @Test(arguments: ["soon", "", "2027-13", "2027-02-30", "Smarch 2027", "March", "next year", "31 Feb 2027"])
    func refusesWhatIsNotAMonthOrDate(typed: String) {
        #expect(Milestone.parse(typed) == nil)
    }

    @Test func comparesWithTheSessionDate() {
        #expect(Milestone.isBefore("2026-10", sessionDate: "2026-11-23"))
        #expect(!Milestone.isBefore("2026-11", sessionDate: "2026-11-23"))
        #expect(Milestone.isBefore("2026-11-22", sessionDate: "2026-11-23"))
        #expect(!Milestone.isBefore("2026-11-23", sessionDate: "2026-11-23"))
        #expect(Milestone.label("2027-03") == "March 2027")
        #expect(Milestone.label("2027-03-31") == "31 March 2027")
    }
}
