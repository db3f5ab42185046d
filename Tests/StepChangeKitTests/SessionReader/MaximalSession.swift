import Foundation
@testable import StepChangeKit

/// A session in which every optional field of every model type is set and every list holds something
/// somewhere, so a reader that missed a field would be caught: `completeSession()` plus the cursors,
/// survey, carried-forward actions, device scores and every rarely set detail.
func maximalSession() -> Session {
    let day = Date(timeIntervalSince1970: 1_795_000_000)
    var session = completeSession()
    session.framework.headings[0].items[0].evidence = ["Local data profile"]
    session.settings.minutesPerHeading = 25
    session.participants[4].absentFrom = "LN4"
    session.participants[3].sectorToConfirm = true
    session.assessments[0].rounds[0].scores[0].comment = "From the survey: \"ward data\" is old"
    session.assessments[0].rounds[0].source = .imported
    session.assessments[1].skipped = true
    session.assessments[1].consensus?.outsideRangeReason = "New evidence after the round"
    session.assessmentCursor = {
        var cursor = AssessmentCursor(order: ["LN1", "LN2", "LN4"], itemID: "LN2", step: .scoring, round: 2)
        cursor.blindScores = [ParticipantScore(participant: "p1", score: .value(2)), ParticipantScore(participant: "p2", score: .dontKnow)]
        cursor.pendingConsensus = 4
        cursor.headingStarts = ["LN": day, "PL": day.addingTimeInterval(3_600)]
        cursor.lastAnswerAt = day.addingTimeInterval(4_000)
        cursor.trail = [AssessmentPosition(itemID: "LN1", step: .consensus, pendingConsensus: 5), AssessmentPosition(itemID: nil, step: .participants)]
        cursor.pendingParticipant = "Lee Wong"
        cursor.pendingRemoval = "p5"
        cursor.introducedHeading = "LN"
        return cursor
    }()
    session.statementsCursor = {
        var cursor = StatementsCursor(phase: .tieBreak, statementID: "S2", voter: 3)
        cursor.pendingDeletion = "S1"
        return cursor
    }()
    session.planningCursor = {
        var cursor = PlanningCursor(statementID: "S1", step: .action, actionRef: "A1.2", field: .outputImpact,
                                    pendingMilestone: "2020-01", queue: [.lead, .indicator, .additionality])
        cursor.pendingDeletion = "S1.MT1"
        return cursor
    }()
    session.retiredStatementIDs = ["S9"]
    session.tieBreakOrder = ["S2", "S1"]
    session.statements[0].mergedFrom = ["S9"]
    session.plans[0].retiredIDs = ["A1.9", "S1.ST9"]
    session.plans[0].existingProvision = [Provision(text: "Family support hubs", outcomeIDs: ["S1.ST1"])]
    session.plans[0].gaps = [Gap(text: "No panel of parents", outcomeIDs: ["S1.ST1", "S1.MT1"])]
    session.plans[0].assumptions = ["Funding continues"]
    session.plans[0].actions[0].partners = ["Riverside CVS"]
    session.plans[0].actions[0].milestones = [
        ActionMilestone(date: "2027-03", status: .complete, output: "Panel recruited",
                        revisions: [MilestoneRevision(previousDate: "2027-01", reason: "Recruitment was slow", revisedOn: "2027-01-20")]),
        ActionMilestone(date: "2027-09-30", output: "Panel reports to the board"),
    ]
    session.plans[0].actions[0].updates.append(
        ProgressUpdate(date: "2027-06-01", reviewer: "Ann Lee", status: .onTrack, note: "Withdrawn: wrong action", actual: "", period: "2027-05",
                       recordedAt: day.addingTimeInterval(86_400 * 200), supersedes: 2, withdrawal: true))
    session.survey = Survey(source: "survey export.csv", importedAt: day, respondents: 14,
                            items: [SurveyItem(itemID: "LN1", counts: [SurveyCount(value: 1, count: 2), SurveyCount(value: 2, count: 5)], dontKnow: 1)],
                            comments: [SurveyComment(id: "C1", headingID: "LN", itemID: "LN1", text: "Data is old", editedAt: day),
                                       SurveyComment(id: "C2", text: "Anything else: thank you")])
    session.previousSessionID = "2025-11-20-riverside"
    session.previousConsensus = ["LN1": 2, "LN2": 3]
    session.carriedForwardActions = [session.plans[0].actions[0]]
    session.reviewProgress = ReviewProgress(date: "2027-05-20", lastRef: "A1.2")
    session.deviceScores = [DeviceScores(itemID: "LN2", round: 2, scores: [ParticipantScore(participant: "p3", score: .value(4))], typingFor: "p4")]
    return session
}
