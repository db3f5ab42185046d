import Foundation
@testable import StepChangeKit

/// A complete workshop for export tests: five participants, items scored in one or two rounds,
/// statements with votes, two outcome plans, actions with measures and progress reviews.
func completeSession() -> Session {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    var session = Session(id: "2026-11-23-riverside-child-poverty", title: "Riverside child poverty self-assessment",
                          description: "Annual self-assessment of the Riverside Child Poverty Partnership.",
                          partnership: "Riverside Child Poverty Partnership", facilitator: "Sam Reid",
                          date: "2026-11-23", createdAt: start, framework: .childPoverty,
                          participants: [
                              Participant(id: "p1", name: "Ann Lee", organisation: "Riverside Council", sector: .statutory),
                              Participant(id: "p2", name: "Raj Patel", organisation: "Riverside CVS", sector: .thirdSector),
                              Participant(id: "p3", name: "Mia Jones", organisation: "NHS Riverside", sector: .health),
                              Participant(id: "p4", name: "Tom Brown", organisation: "Riverside High School", sector: .education),
                              Participant(id: "p5", name: "Kim Shaw", organisation: "Parents' Voice", sector: .livedExperience),
                          ])
    func round(_ number: Int, _ scores: [Score]) -> ScoringRound {
        ScoringRound(number: number, scores: scores.enumerated().map { ParticipantScore(participant: "p\($0.offset + 1)", score: $0.element) })
    }
    func agreed(_ score: Int, suggested: Int?, round: Int, reason: String? = nil) -> ConsensusRecord {
        ConsensusRecord(score: score, suggested: suggested, round: round, outsideRangeReason: reason, agreedAt: start)
    }
    session.assessments = [
        ItemAssessment(itemID: "LN1", rounds: [round(1, [.value(2), .value(4), .value(3), .value(3), .dontKnow])],
                       consensus: agreed(3, suggested: 3, round: 1),
                       evidence: ["Child poverty profile 2025 (ward level)", "Local Child Poverty Action Report"],
                       strengths: ["Ward-level data is refreshed every year"],
                       areasForImprovement: ["Data is not shared below ward level with the third sector"],
                       completedAt: start),
        ItemAssessment(itemID: "LN2", rounds: [round(1, [.value(1), .value(4), .value(2), .value(2), .value(5)]),
                                               round(2, [.value(2), .value(3), .value(2), .value(2), .value(3)])],
                       consensus: agreed(2, suggested: 2, round: 2),
                       evidence: ["Survey of 120 lone parents | 2024"],
                       strengths: [],
                       areasForImprovement: ["We know little about families with a disabled member", "Mothers under 25 are not identified"],
                       completedAt: start),
        ItemAssessment(itemID: "LN4", rounds: [round(1, [.value(1), .value(1), .value(2), .value(1), .value(1)])],
                       consensus: agreed(1, suggested: 1, round: 1),
                       evidence: [],
                       strengths: ["Parents' Voice meets monthly"],
                       areasForImprovement: ["Lived experience does not yet shape decisions"],
                       completedAt: start),
        ItemAssessment(itemID: "PL3", rounds: [round(1, [.value(4), .value(4), .value(3), .value(4), .value(4)])],
                       consensus: agreed(4, suggested: 4, round: 1),
                       evidence: ["Income maximisation referrals from health visitors: 850 in 2025"],
                       strengths: ["Routine enquiry by health visitors and midwives"],
                       areasForImprovement: ["Referrals from schools are rare"],
                       completedAt: start),
        ItemAssessment(itemID: "WW1", rounds: [round(1, [.value(3), .value(2), .value(3), .dontKnow, .value(3)])],
                       consensus: agreed(3, suggested: 3, round: 1), completedAt: start),
        ItemAssessment(itemID: "UP2", rounds: [round(1, [.value(2), .value(1), .value(2), .value(2), .value(1)])],
                       consensus: agreed(1, suggested: 2, round: 1),
                       areasForImprovement: ["No baselines or targets for most indicators"],
                       completedAt: start),
        ItemAssessment(itemID: "UP3", rounds: [round(1, [.value(2), .dontKnow, .value(4), .value(3), .value(2)])], skipped: true),
    ]
    session.statements = [
        ImprovementStatement(id: "S1", text: "The partnership should develop mechanisms to ensure lived experience shapes decisions about child poverty.",
                             itemIDs: ["LN4", "WW1"], rationale: "Parents' Voice exists but is not heard where decisions are made."),
        ImprovementStatement(id: "S2", text: "The partnership should agree a monitoring framework with baselines and targets.",
                             itemIDs: ["UP2"]),
        ImprovementStatement(id: "S3", text: "The partnership should build a shared picture of priority family groups.",
                             itemIDs: ["LN1", "LN2"], mergedFrom: ["S4"]),
    ]
    session.votes = [
        Vote(participant: "p1", statement: "S1", count: 2), Vote(participant: "p1", statement: "S2", count: 1),
        Vote(participant: "p2", statement: "S1", count: 3),
        Vote(participant: "p3", statement: "S2", count: 2), Vote(participant: "p3", statement: "S3", count: 1),
        Vote(participant: "p4", statement: "S3", count: 3),
        Vote(participant: "p5", statement: "S1", count: 3),
    ]
    session.planned = ["S1", "S2"]
    session.plans = [
        OutcomePlan(
            statementID: "S1",
            outcomes: [
                Outcome(id: "S1.LT1", horizon: .long, text: "Families say services and decisions reflect what they told us."),
                Outcome(id: "S1.MT1", horizon: .medium, text: "Parents with lived experience sit on the partnership board."),
                Outcome(id: "S1.ST1", horizon: .short, text: "A paid lived experience panel is recruited and trained."),
                Outcome(id: "S1.ST2", horizon: .short, text: "Board papers show how families' views were used."),
            ],
            existingProvision: [Provision(text: "Parents' Voice monthly meetings", outcomeIDs: ["S1.ST1"])],
            gaps: [Gap(text: "No route from Parents' Voice to the board", outcomeIDs: ["S1.MT1"])],
            actions: [
                Action(ref: "A1.1", outcomeIDs: ["S1.ST1"], objective: "Recruit a lived experience panel",
                       description: "Recruit and train 12 parents, paid for their time", lead: "Head of Communities",
                       partners: ["Riverside CVS", "Parents' Voice"], resources: "£6,000 from the anti-poverty fund",
                       risk: "Parents cannot attend daytime meetings", milestone: "2027-03",
                       measure: Measure(indicator: "Parents recruited and trained", baseline: "0", target: "6 by February 2027; 12 by May 2027", frequency: "Quarterly"),
                       theme: "enablers", additionality: .new, status: .notStarted, outputImpact: "Panel in place",
                       updates: [
                           ProgressUpdate(date: "2027-02-15", reviewer: "Ann Lee", status: .onTrack, note: "8 parents recruited", actual: "8", recordedAt: start),
                           ProgressUpdate(date: "2027-05-20", reviewer: "Ann Lee", status: .complete, note: "Panel met twice", actual: "12", recordedAt: start),
                       ]),
                Action(ref: "A1.2", outcomeIDs: ["S1.ST2", "S1.MT1"], objective: "Hear families at the board",
                       description: "Add a standing \"you said, we did\" item to every board agenda", lead: "Partnership manager",
                       milestone: "2027-06-30", measure: Measure(indicator: "Board papers citing families' views", baseline: "0%", target: "100%", frequency: "Each meeting"),
                       theme: "enablers", additionality: .enhanced, status: .notStarted, outputImpact: "Decisions informed by lived experience",
                       updates: [ProgressUpdate(date: "2027-05-20", reviewer: "Raj Patel", status: .someIssues, note: "Two meetings cancelled", actual: "50%", period: "2027-04", recordedAt: start)],
                       milestones: [
                           ActionMilestone(date: "2027-04", status: .complete, output: "Standing item on the agenda",
                                           revisions: [MilestoneRevision(previousDate: "2027-02", reason: "February board cancelled", revisedOn: "2027-02-15")]),
                           ActionMilestone(date: "2027-06-30", output: "Decisions informed by lived experience"),
                       ]),
            ],
            assumptions: ["Funding for paid participation continues after 2027"]),
        OutcomePlan(
            statementID: "S2",
            outcomes: [
                Outcome(id: "S2.LT1", horizon: .long, text: "Fewer children live in poverty in Riverside."),
                Outcome(id: "S2.ST1", horizon: .short, text: "Every action has an indicator with a baseline and a target."),
            ],
            actions: [
                Action(ref: "A2.1", outcomeIDs: ["S2.ST1"], objective: "Agree indicators",
                       description: "Agree a monitoring framework with the data group", lead: "Public health analyst",
                       milestone: "2027-01", theme: "enablers", additionality: .existing, status: .notOnTrack,
                       outputImpact: "Monitoring framework"),
                Action(ref: "A2.2", description: "Report child poverty figures to the board twice a year", lead: "Policy officer",
                       milestone: "2027-09", measure: Measure(indicator: "Reports to the board", baseline: "0", target: "2 a year", frequency: "Six-monthly"),
                       theme: "social-security", additionality: .new),
            ]),
    ]
    session.stage = .complete
    return session
}

/// A session at the very start: participants added, nothing scored.
func emptySession() -> Session {
    Session(id: "2026-11-23-empty", title: "Empty workshop", partnership: "Riverside", facilitator: "Sam Reid",
            date: "2026-11-23", createdAt: Date(timeIntervalSince1970: 1_795_000_000), framework: .childPoverty,
            participants: [Participant(id: "p1", name: "Ann Lee", sector: .statutory)])
}
