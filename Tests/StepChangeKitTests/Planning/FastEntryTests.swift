import Foundation
import Testing
@testable import StepChangeKit

/// Actions in one line, required fields that refuse a stray Enter, deletions that ask first, and
/// the statement commands that used to be stored as text.
@Suite("Fast entry and safe corrections in planning")
struct FastEntryTests {
    func atActions() -> PlanningDriver {
        var session = PlanningFixtures.plannedSession()
        session.plans = [OutcomePlan(statementID: "S1", outcomes: [
            Outcome(id: "S1.LT1", horizon: .long, text: "Fewer children in poverty"),
            Outcome(id: "S1.MT1", horizon: .medium, text: "Services shaped by families"),
            Outcome(id: "S1.ST1", horizon: .short, text: "Engagement mapped")])]
        session.planned = ["S1"]
        session.planningCursor = PlanningCursor(statementID: "S1", step: .actions)
        return PlanningDriver(PlanningStage(), session)
    }

    @Test func anActionInOneLine() throws {
        var driver = atActions()
        driver.type("Map engagement across services; Lived Experience Sub-Group; March 2027; Services mapped; enhanced; ST1 MT1")
        #expect(driver.refusals.isEmpty, "\(driver.refusals)")
        let action = try #require(driver.session.plan(for: "S1")?.actions.first)
        #expect(action == Action(ref: "A1.1", outcomeIDs: ["S1.ST1", "S1.MT1"], description: "Map engagement across services",
                                 lead: "Lived Experience Sub-Group", milestone: "2027-03", measure: Measure(indicator: "Services mapped"),
                                 additionality: .enhanced))
        #expect(driver.session.planningCursor == PlanningCursor(statementID: "S1", step: .actions))
        #expect(driver.messages.last?.hasPrefix("Added A1.1: lead Lived Experience Sub-Group, by March 2027") == true)
        driver.type("more A1.1", "Know where we engage")
        #expect(driver.session.plan(for: "S1")?.actions.first?.objective == "Know where we engage")
        #expect(driver.session.planningCursor?.field == .partners)
        driver.type("done")
        #expect(driver.session.planningCursor?.step == .actions)
    }

    @Test func aOneLineActionWithoutALeadAsksForItAndAStrayEnterIsRefused() throws {
        var driver = atActions()
        driver.type("Benefit checks at nursery; ; 2027-06")
        #expect(driver.prompt?.question == "A1.1 lead (a person or role)")
        #expect(driver.prompt?.defaultHint == "required")
        #expect(driver.messages.last == "Added A1.1. Still needed: lead and measure.")
        driver.type("")
        #expect(driver.refusals.last == "A1.1 needs a lead (a person or role): an action nobody leads is not reviewed. Type a name or role.")
        driver.type("Money Advice Team", "done")
        #expect(driver.refusals.last == "A1.1 still needs measure before it is done.")
        driver.type("Checks done")
        #expect(driver.session.planningCursor?.step == .actions)
        let action = try #require(driver.session.plan(for: "S1")?.actions.first)
        #expect(ActionEntry.missing(action).isEmpty)
    }

    @Test(arguments: [
        ("a; b; soon", "Milestone (part 3): \"soon\" is not a month or a date."),
        ("a; b; 2027-03; c; maybe", "Additionality (part 5): \"maybe\": type new, enhanced or existing."),
        ("a; b; 2027-03; c; new; ST9", "Outcomes served (part 6): \"ST9\" is not an outcome of S1's plan."),
        ("a;b;c;d;e;f;g", "That is 7 parts; a one-line action has at most 6"),
        ("; lead", "The first part is what will be done"),
    ])
    func aBadOneLineActionIsRefusedNamingThePart(line: String, message: String) {
        var driver = atActions()
        driver.type(line)
        #expect(driver.refusals.last?.hasPrefix(message) == true, "\(driver.refusals)")
        #expect(driver.session.plan(for: "S1")?.actions.isEmpty == true)
    }

    @Test func deletingAnOutcomeThatActionsServeAsksFirst() throws {
        var driver = atActions()
        driver.type("Map engagement; Lead; 2027-03; Mapped; new; ST1", "goto S1 short", "delete ST1")
        #expect(driver.prompt?.question == "Delete S1.ST1 and unlink it from them? (yes/no)")
        #expect(driver.prompt?.text == "S1.ST1 is served by A1.1.")
        driver.type("maybe")
        #expect(driver.refusals.last == "Type yes to delete S1.ST1, or no (or Enter) to keep it.")
        driver.type("no")
        #expect(driver.session.plan(for: "S1")?.outcome("S1.ST1") != nil)
        driver.type("move ST1 to medium")
        #expect(driver.session.plan(for: "S1")?.actions.first?.outcomeIDs == ["S1.MT2"])
        driver.type("delete MT2", "yes")
        #expect(driver.session.plan(for: "S1")?.actions.first?.outcomeIDs == [])
        #expect(driver.messages.last == "Deleted S1.MT2; it is no longer served by A1.1.")
    }

    @Test func provisionMovesToGapsAndActionsAreCorrectedByNumber() throws {
        var driver = atActions()
        driver.type("goto S1 provision", "Parents' panel -> ST1", "No route to decisions", "move 2 to gaps", "",
                    "goto S1 actions", "First; Lead; 2027-03; Measure", "Second; Lead; 2027-04; Measure", "edit 2 Second, reworded", "delete 1", "delete 1")
        let plan = try #require(driver.session.plan(for: "S1"))
        #expect(plan.existingProvision == [Provision(text: "Parents' panel", outcomeIDs: ["S1.ST1"])])
        #expect(plan.gaps == [Gap(text: "No route to decisions")])
        #expect(plan.actions.isEmpty)
        #expect(plan.retiredIDs == ["A1.1", "A1.2"])
        #expect(!plan.actions.contains { $0.description.hasPrefix("delete") || $0.description.hasPrefix("edit") })
    }

    @Test func deleteTwoMeansS2AndAStatementWithVotesAsksFirst() throws {
        var session = PlanningFixtures.assessedSession()
        session.statements = [ImprovementStatement(id: "S1", text: "The partnership should listen."),
                              ImprovementStatement(id: "S2", text: "The partnership should act.")]
        session.votes = [Vote(participant: "p1", statement: "S2", count: 2)]
        session.statementsCursor = StatementsCursor()
        var driver = PlanningDriver(StatementsStage(), session)
        driver.type("delete")
        #expect(driver.refusals.last?.hasPrefix("Type `delete` and a statement") == true)
        driver.type("delete 2")
        #expect(driver.prompt?.question == "Delete S2 and its votes? (yes/no)")
        #expect(driver.prompt?.text == "S2 has 2 votes (from Ann Lee).")
        driver.type("yes")
        #expect(driver.session.statements.map(\.id) == ["S1"])
        #expect(driver.session.votes.isEmpty)
        #expect(!driver.session.statements.contains { $0.text.lowercased().hasPrefix("delete") })
    }

    @Test func allPlansEveryStatementAndTypedOrderIsKept() {
        var session = PlanningFixtures.plannedSession()
        session.stage = .statements
        session.planned = []
        session.statementsCursor = StatementsCursor(phase: .choosing)
        var driver = PlanningDriver(StatementsStage(), session)
        driver.type("all")
        #expect(driver.session.planned == VoteTally(session: session).ranking)
        driver.session.statementsCursor = StatementsCursor(phase: .choosing)
        driver.type("3 1")
        #expect(driver.session.planned == ["S3", "S1"])
    }

    @Test func carryForwardKeepsWhatNextYearNeeds() throws {
        var previous = PlanningFixtures.plannedSession()
        previous.stage = .complete
        previous.plans[0].actions[0].updates = [ProgressUpdate(date: "2027-02-01", reviewer: "Sam", status: .complete, recordedAt: PlanningFixtures.later)]
        previous.participants[1].absentFrom = "LN3"
        var framework = previous.framework
        framework.version = "2"
        framework.headings[0].items.removeFirst()
        let (next, summary) = CarryForward.session(from: previous, title: "Riverside 2027", framework: framework, participants: nil,
                                                   date: "2027-11-20", now: PlanningFixtures.later)
        #expect(next.previousSessionID == previous.id)
        #expect(next.previousConsensus?["LN1"] == nil && next.previousConsensus?["LN2"] == previous.assessment(of: "LN2")?.consensus?.score)
        #expect(summary.itemsDropped == ["LN1"])
        #expect(next.carriedForwardActions?.map(\.ref) == ["A2.1"])
        #expect(next.participants.map(\.name) == previous.participants.map(\.name))
        #expect(next.participants.allSatisfy { $0.isPresent })
        #expect(next.assessments.isEmpty && next.plans.isEmpty)
        let prompt = try #require(AssessmentStage().nextPrompt(in: next))
        #expect(prompt.question == "Participant")
        #expect(prompt.text.contains("Record their progress in last time's session:"))
        #expect(prompt.text.contains("Last time's participants: confirm or change them"))
    }
}
