import Foundation

/// The JSON export made without `--attributed`: the session's content with nothing that links a score,
/// vote or comment to a person. Participants become a count by sector; each round of scores becomes
/// how many gave each score; votes become totals per statement; survey comments, reviewer names and
/// the resume position (which holds blind scores) are left out. It is a report, not a session file.
struct NonAttributableJSON: Encodable {
    /// Names this kind of document, so it is never mistaken for a session file.
    let format = "stepchange-non-attributable-export"
    let notice = "Non-attributable: distributions and counts only. No names, individual scores, votes by person or comments."
    let id: String
    let title: String
    let description: String
    let partnership: String
    let facilitator: String
    let date: String
    let stage: Stage
    let framework: Framework
    let participants: Participants
    let assessments: [Assessment]
    let statements: [Statement]
    let votesPerParticipant: Int
    let planned: [String]
    var plans: JSONValue
    /// The pre-workshop survey as counts (its comments are in the report formats, never with a name).
    let survey: SurveyCounts?

    /// The survey's answers per item and how many comments it holds.
    struct SurveyCounts: Encodable {
        let source: String
        let respondents: Int
        let items: [SurveyItem]
        let comments: Int
    }

    /// How many took part, and how many from each sector (sectors with nobody left out).
    struct Participants: Encodable {
        let count: Int
        let bySector: [String: Int]
    }

    /// One prompt's record without individual scores.
    struct Assessment: Encodable {
        let itemID: String
        let rounds: [Round]
        let consensus: ConsensusRecord?
        let evidence: [String]
        let strengths: [String]
        let areasForImprovement: [String]
        let skipped: Bool
        let completedAt: Date?
    }

    /// One round as counts: how many gave each score (keys are the scale values), and how many said "don't know".
    struct Round: Encodable {
        let number: Int
        let source: RoundSource
        let scores: [String: Int]
        let dontKnow: Int
    }

    /// A statement with its total votes.
    struct Statement: Encodable {
        let id: String
        let text: String
        let itemIDs: [String]
        let rationale: String
        let mergedFrom: [String]
        let votes: Int
    }

    init(_ session: Session) throws {
        id = session.id
        title = session.title
        description = session.description
        partnership = session.partnership
        facilitator = session.facilitator
        date = session.date
        stage = session.stage
        framework = session.framework
        participants = Participants(count: session.participants.count,
                                    bySector: Dictionary(session.participants.map { ($0.sector.rawValue, 1) }, uniquingKeysWith: +))
        assessments = session.assessments.map { assessment in
            Assessment(itemID: assessment.itemID, rounds: assessment.rounds.map { round in
                Round(number: round.number, source: round.source,
                      scores: Dictionary(round.scores.compactMap { $0.score.number.map { (String($0), 1) } }, uniquingKeysWith: +),
                      dontKnow: round.scores.filter { $0.score == .dontKnow }.count)
            }, consensus: assessment.consensus, evidence: assessment.evidence, strengths: assessment.strengths,
               areasForImprovement: assessment.areasForImprovement, skipped: assessment.skipped, completedAt: assessment.completedAt)
        }
        let tally = VoteTally(session: session)
        statements = session.statements.map {
            Statement(id: $0.id, text: $0.text, itemIDs: $0.itemIDs, rationale: $0.rationale, mergedFrom: $0.mergedFrom,
                      votes: tally.votes(for: $0.id))
        }
        votesPerParticipant = session.settings.votesPerParticipant
        planned = session.planned
        plans = Self.withoutReviewers(try CanonicalJSON.jsonValue(session.plans)
                                      ?? JSONValue.parse(Data(CanonicalJSON.bytes(session.plans)), source: "plans"))
        survey = session.survey.map { SurveyCounts(source: $0.source, respondents: $0.respondents, items: $0.items, comments: $0.comments.count) }
    }

    /// The plans' JSON with every progress update's reviewer removed.
    static func withoutReviewers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var fields):
            fields["reviewer"] = nil
            return .object(fields.mapValues(withoutReviewers))
        case .array(let elements):
            return .array(elements.map(withoutReviewers))
        default:
            return value
        }
    }
}
