import Foundation
@testable import StepChangeKit

/// Builds the sessions of the worked-example archive from compact tables, so the example files are
/// written by SessionCodec (canonical bytes) and stay consistent with the model.
enum WorkedExampleBuilder {
    /// One item as the group worked through it: a string of scores per round (one character per
    /// participant, `?` for don't know), the agreed score and the notes the scribe took.
    struct ItemNotes {
        var id: String
        var rounds: [String]
        var consensus: Int
        var evidence: [String]
        var strengths: [String]
        var areas: [String]
        var outsideRangeReason: String? = nil
    }

    /// One action row of an outcome plan, with its progress history.
    struct ActionRow {
        var ref: String
        var outcomes: [String]
        var objective: String
        var action: String
        var lead: String
        var partners: [String]
        var resources: String
        var risk: String
        var milestone: String
        var measure: Measure
        var theme: String
        var additionality: Additionality
        var outputImpact: String
        var updates: [(date: String, reviewer: String, status: ActionStatus, actual: String?, note: String)] = []
    }

    static func moment(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { preconditionFailure("bad example timestamp \(text)") }
        return date
    }

    /// The assessments, one per item in the order given, completed seven minutes apart from `start`.
    static func assessments(_ notes: [ItemNotes], participants: [Participant], start: Date, scale: Scale) -> [ItemAssessment] {
        notes.enumerated().map { index, item in
            let rounds = item.rounds.enumerated().map { number, line in
                ScoringRound(number: number + 1, scores: zip(participants, line).map { participant, character in
                    ParticipantScore(participant: participant.id,
                                     score: character == "?" ? .dontKnow : .value(Int(String(character))!))
                })
            }
            precondition(item.rounds.allSatisfy { $0.count == participants.count }, "\(item.id): one score per participant")
            let agreedAt = start.addingTimeInterval(Double(index + 1) * 7 * 60)
            let statistics = ConsensusStatistics(round: rounds.last!, scale: scale)
            return ItemAssessment(
                itemID: item.id, rounds: rounds,
                consensus: ConsensusRecord(score: item.consensus, suggested: statistics.suggestedConsensus,
                                           round: rounds.count, outsideRangeReason: item.outsideRangeReason, agreedAt: agreedAt),
                evidence: item.evidence, strengths: item.strengths, areasForImprovement: item.areas,
                completedAt: agreedAt)
        }
    }

    static func actions(_ rows: [ActionRow], recordedAt: (String) -> Date) -> [Action] {
        rows.map { row in
            Action(ref: row.ref, outcomeIDs: row.outcomes, objective: row.objective, description: row.action,
                   lead: row.lead, partners: row.partners, resources: row.resources, risk: row.risk,
                   milestone: row.milestone, measure: row.measure, theme: row.theme, additionality: row.additionality,
                   status: .notStarted, outputImpact: row.outputImpact,
                   updates: row.updates.map { update in
                       ProgressUpdate(date: update.date, reviewer: update.reviewer, status: update.status,
                                      note: update.note, actual: update.actual, recordedAt: recordedAt(update.date))
                   })
        }
    }

    /// Dot votes from a table of statement id → votes per participant (one digit each, in participant order).
    static func votes(_ table: [(String, String)], participants: [Participant]) -> [Vote] {
        participants.enumerated().flatMap { index, participant in
            table.compactMap { statement, counts -> Vote? in
                let digit = Int(String(Array(counts)[index]))!
                return digit == 0 ? nil : Vote(participant: participant.id, statement: statement, count: digit)
            }
        }
    }

    /// The worked-example sessions, oldest first.
    static var all: [Session] { [WorkedExample2025.session, WorkedExample2026.session] }
}
