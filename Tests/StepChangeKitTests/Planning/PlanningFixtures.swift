import Foundation
@testable import StepChangeKit

/// Sessions for the planning tests, built in code: a finished self-assessment with scores and a
/// consensus for every item, and a complete plan on top of it.
enum PlanningFixtures {
    static let workshopDay = Date(timeIntervalSince1970: 1_795_392_000) // 2026-11-23
    static let later = Date(timeIntervalSince1970: 1_795_400_000)

    /// Four participants (council, third sector, health, lived experience); every item scored and agreed;
    /// areas for improvement on LN4, PL2 and WW1.
    static func assessedSession(participants: [Participant]? = nil, scoring: ScoringMode = .open) -> Session {
        let people = participants ?? [
            Participant(id: "p1", name: "Ann Lee", organisation: "Council", sector: .statutory),
            Participant(id: "p2", name: "Raj Patel", organisation: "CVS", sector: .thirdSector),
            Participant(id: "p3", name: "Mo Khan", organisation: "Health board", sector: .health),
            Participant(id: "p4", name: "Jo Bell", organisation: "Parents' panel", sector: .livedExperience),
        ]
        var session = Session(id: "2026-11-23-riverside", title: "Riverside", partnership: "Riverside CPP", facilitator: "Sam",
                              date: "2026-11-23", createdAt: workshopDay, framework: .childPoverty, participants: people,
                              settings: SessionSettings(scoring: scoring, votesPerParticipant: 3))
        for (index, itemID) in session.framework.itemIDs.enumerated() {
            let values = [1 + index % 4, 2 + index % 3, 3, 2 + index % 2]
            let scores = zip(people, values).map { ParticipantScore(participant: $0.id, score: .value($1)) }
            let round = ScoringRound(number: 1, scores: scores)
            let stats = ConsensusStatistics(round: round, scale: session.framework.scale)
            let consensus = stats.suggestedConsensus ?? 3
            var assessment = ItemAssessment(itemID: itemID, rounds: [round],
                                            consensus: ConsensusRecord(score: consensus, suggested: consensus, round: 1, agreedAt: workshopDay),
                                            completedAt: workshopDay)
            switch itemID {
            case "LN4": assessment.areasForImprovement = ["Families' views are gathered once and not used"]
            case "PL2": assessment.areasForImprovement = ["Benefit take-up work is patchy"]
            case "WW1": assessment.areasForImprovement = ["Third sector not at the strategic table"]
            default: break
            }
            session.assessments.append(assessment)
        }
        session.stage = .statements
        return session
    }

    /// A session with statements S1–S3, votes, S1 and S2 planned, and complete plans that pass every check.
    static func plannedSession() -> Session {
        var session = assessedSession()
        session.stage = .planning
        session.statements = [
            ImprovementStatement(id: "S1", text: "The partnership should develop mechanisms for ongoing dialogue with families.", itemIDs: ["LN4"]),
            ImprovementStatement(id: "S2", text: "Third sector organisations will be involved at strategic level.", itemIDs: ["WW1"]),
            ImprovementStatement(id: "S3", text: "Partners should examine how existing data could be used.", itemIDs: ["LN1"]),
        ]
        session.votes = [Vote(participant: "p1", statement: "S1", count: 2), Vote(participant: "p1", statement: "S2", count: 1),
                         Vote(participant: "p2", statement: "S2", count: 3)]
        session.planned = ["S2", "S1"]
        session.statementsCursor = StatementsCursor(phase: .done)
        session.plans = ["S1", "S2"].map { id in
            let number = id.dropFirst()
            return OutcomePlan(
                statementID: id,
                outcomes: [Outcome(id: "\(id).LT1", horizon: .long, text: "Fewer children live in poverty"),
                           Outcome(id: "\(id).MT1", horizon: .medium, text: "Services shaped by families"),
                           Outcome(id: "\(id).ST1", horizon: .short, text: "A map of engagement exists")],
                existingProvision: [Provision(text: "Parents' panel", outcomeIDs: ["\(id).ST1"])],
                gaps: [Gap(text: "No route from panel to decisions", outcomeIDs: ["\(id).MT1"])],
                actions: [Action(ref: "A\(number).1", outcomeIDs: ["\(id).ST1"], objective: "Know where we engage", description: "Map engagement",
                                 lead: "Lived Experience Sub-Group", milestone: "2027-06",
                                 measure: Measure(indicator: "Services mapped", baseline: "0", target: "all", frequency: "quarterly"),
                                 theme: "enablers", additionality: .new)],
                assumptions: ["Families keep taking part"])
        }
        return session
    }
}

/// Drives a stage with typed lines, as the runner would: every accepted step replaces the session.
struct PlanningDriver {
    let stage: any WorkshopStage
    var session: Session
    var refusals: [String] = []
    var messages: [String] = []
    var paused = false

    init(_ stage: any WorkshopStage, _ session: Session) {
        self.stage = stage
        self.session = session
    }

    /// Applies each line in turn; a refusal leaves the session unchanged and is recorded.
    mutating func type(_ lines: String...) {
        for line in lines { step(line) }
    }

    @discardableResult
    mutating func step(_ line: String) -> WorkshopStep {
        let result = stage.apply(line, to: session, now: PlanningFixtures.later)
        switch result {
        case .accepted(let next, let message):
            session = next
            if let message { messages.append(message) }
        case .refused(let message):
            refusals.append(message)
        case .pause(let next):
            session = next
            paused = true
        }
        return result
    }

    var prompt: WorkshopPrompt? { stage.nextPrompt(in: session) }

    /// The session after a save and a reload, as a resumed run sees it.
    mutating func reload() throws {
        session = try SessionCodec.decode(SessionCodec.encode(session), source: "test.json")
    }
}
