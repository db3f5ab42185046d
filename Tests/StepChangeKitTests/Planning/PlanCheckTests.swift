import Foundation
import Testing
@testable import StepChangeKit

@Suite("Plan checks")
struct PlanCheckTests {
    func findings(_ change: (inout Session) -> Void) -> [PlanFinding] {
        var session = PlanningFixtures.plannedSession()
        change(&session)
        return PlanCheck.findings(in: session)
    }

    func rules(_ findings: [PlanFinding]) -> [String] { findings.map(\.rule) }

    @Test func aCompletePlanOnlyNotesVotedButUnplannedStatements() {
        let found = findings { _ in }
        #expect(found == [])
        let withVotes = findings { $0.votes.append(Vote(participant: "p3", statement: "S3", count: 2)) }
        #expect(withVotes == [PlanFinding(.note, rule: "voted-not-planned", subject: "S3", message: "S3 received 2 votes but is not planned yet.")])
    }

    @Test func anActionWithoutLeadMilestoneOrMeasureIsAnError() {
        let found = findings { session in
            session.plans[0].actions[0].lead = " "
            session.plans[0].actions[0].milestone = ""
            session.plans[0].actions[0].measure = Measure(baseline: "0")
        }
        #expect(found.map(\.level) == [.error, .error, .error])
        #expect(found.map(\.subject) == ["A1.1", "A1.1", "A1.1"])
        #expect(found.map(\.message) == ["A1.1 has no lead: name the person or role responsible.",
                                         "A1.1 has no milestone: give the month or date it should be done by.",
                                         "A1.1 has no measure: say how the group will know it has worked."])
    }

    @Test func anUnreadableMilestoneIsAnError() {
        let found = findings { $0.plans[0].actions[0].milestone = "soon" }
        #expect(rules(found) == ["milestone-unreadable"])
        #expect(found[0].level == .error)
    }

    @Test func aPlannedStatementMissingAHorizonIsAnError() {
        let found = findings { session in
            session.plans[1].outcomes.removeAll { $0.horizon == .medium }
        }
        #expect(found == [PlanFinding(.error, rule: "outcomes-missing", subject: "S2",
                                      message: "S2 is planned but has no medium-term outcome; work back from the long-term change for families to the first steps.")])
        let noPlan = findings { $0.planned.append("S3") }
        #expect(noPlan.first?.message.hasPrefix("S3 is planned but has no long-term, medium-term or short-term outcome") == true)
    }

    @Test func aShortTermOutcomeNoActionServesIsAWarning() {
        let found = findings { session in
            session.plans[0].outcomes.append(Outcome(id: "S1.ST2", horizon: .short, text: "Staff trained"))
        }
        #expect(found == [PlanFinding(.warning, rule: "short-term-outcome-without-action", subject: "S1.ST2",
                                      message: "No action serves the short-term outcome S1.ST2 \"Staff trained\".")])
    }

    @Test func anActionServingNoOutcomeIsAWarning() {
        let found = findings { $0.plans[0].actions[0].outcomeIDs = [] }
        #expect(rules(found) == ["short-term-outcome-without-action", "action-without-outcome"])
        #expect(found.map(\.level) == [.warning, .warning])
    }

    @Test func aMilestoneBeforeTheSessionDateIsAWarning() {
        let found = findings { $0.plans[0].actions[0].milestone = "2026-10" }
        #expect(found == [PlanFinding(.warning, rule: "milestone-in-the-past", subject: "A1.1",
                                      message: "A1.1's milestone October 2026 is before the session date 2026-11-23.")])
        #expect(findings { $0.plans[0].actions[0].milestone = "2026-11" } == [])
    }

    @Test func mostlyExistingActivityIsAWarning() {
        let half = findings { $0.plans[0].actions[0].additionality = .existing }
        #expect(half == [])
        let most = findings { session in
            session.plans[0].actions[0].additionality = .existing
            session.plans[1].actions[0].additionality = .existing
        }
        #expect(most == [PlanFinding(.warning, rule: "mostly-existing-activity", subject: "plan",
                                     message: "2 of 2 actions are existing activity: the plan may be a compendium of existing activity rather than a step change.")])
    }

    @Test func aStatementRespondingToNoAssessedItemIsAWarning() {
        let none = findings { $0.statements[2].itemIDs = [] }
        #expect(none == [PlanFinding(.warning, rule: "statement-without-item", subject: "S3",
                                     message: "S3 responds to no assessed item: link it to the prompts that raised it.")])
        let unassessed = findings { session in session.assessments.removeAll { $0.itemID == "LN1" } }
        #expect(unassessed.map(\.message) == ["S3 responds to LN1, which the group has not assessed."])
    }

    @Test func missingThirdSectorAndLivedExperienceAreNotes() {
        let found = findings { session in
            session.participants = session.participants.filter { $0.sector == .statutory || $0.sector == .health }
            session.votes.removeAll { $0.participant == "p2" }
        }
        #expect(found.map(\.level) == [.note, .note])
        #expect(rules(found) == ["no-third-sector", "no-lived-experience"])
        #expect(found.map(\.subject) == ["participants", "participants"])
    }

    @Test func findingsAreOrderedErrorsWarningsNotes() {
        let found = findings { session in
            session.votes.append(Vote(participant: "p3", statement: "S3", count: 1))
            session.plans[1].actions[0].milestone = "2020-01"
            session.plans[0].actions[0].lead = ""
        }
        #expect(found.map(\.level) == [.error, .warning, .note])
        #expect(PlanCheck.countsDescription(found) == "1 error, 1 warning, 1 note")
        #expect(PlanCheck.hasErrors(found))
        #expect(PlanCheck.lines(found)[0] == "  error   A1.1  A1.1 has no lead: name the person or role responsible.")
        #expect(PlanCheck.countsDescription([]) == "no errors, no warnings, no notes")
    }
}
