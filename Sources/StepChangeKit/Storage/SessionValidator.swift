import Foundation

/// Checks that a decoded session is consistent with its own framework snapshot — the checks a
/// hand-edited file most often fails: a score off the scale, an unknown item or participant.
/// Every file read goes through it, so the checks that pass build nothing: a field's location
/// ("assessments[3].rounds[1].scores[7].score") is spelled out only when a problem is reported.
public enum SessionValidator {
    public static func problems(in session: Session, source: String) -> [Problem] {
        var problems = FrameworkValidator.problems(in: session.framework, source: source).map {
            Problem(source: $0.source, location: "framework." + ($0.location ?? ""), message: $0.message)
        }
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: location, message: message))
        }
        let scale = session.framework.scale
        let scaleValues = scale.values
        var itemIDs = Set<String>()
        for heading in session.framework.headings {
            for item in heading.items { itemIDs.insert(item.id) }
        }
        var participantIDs = Set<String>(minimumCapacity: session.participants.count)
        for (index, participant) in session.participants.enumerated() where !participantIDs.insert(participant.id).inserted {
            report("participants[\(index)].id", "duplicate participant id \"\(participant.id)\"")
        }
        // Every score names a participant: among a workshop's few people, comparing ids (String ==, as the
        // set uses) costs less than hashing one, starting with the one at the score's own position (scores
        // are usually in participant order); a long list is looked up in the set.
        let fewIDs = participantIDs.count <= 16 ? session.participants.map(\.id) : nil
        func isParticipant(_ id: String, position: Int) -> Bool {
            guard let fewIDs else { return participantIDs.contains(id) }
            return (position < fewIDs.count && fewIDs[position] == id) || fewIDs.contains(id)
        }
        var seenItems = Set<String>(minimumCapacity: session.assessments.count)
        for (a, assessment) in session.assessments.enumerated() {
            if !itemIDs.contains(assessment.itemID) {
                report("assessments[\(a)].itemID", "\"\(assessment.itemID)\" is not an item of the framework \(session.framework.id)")
            } else if !seenItems.insert(assessment.itemID).inserted {
                report("assessments[\(a)].itemID", "item \"\(assessment.itemID)\" is assessed twice")
            }
            for (r, round) in assessment.rounds.enumerated() {
                for (s, entry) in round.scores.enumerated() {
                    if !isParticipant(entry.participant, position: s) {
                        report("assessments[\(a)].rounds[\(r)].scores[\(s)].participant", "\"\(entry.participant)\" is not a participant of this session")
                    }
                    switch entry.score {
                    case .value(let value) where !scaleValues.contains(value):
                        report("assessments[\(a)].rounds[\(r)].scores[\(s)].score", "\(value) is not on the scale; expected \(scale.validAnswersDescription)")
                    case .dontKnow where scale.dontKnow == nil:
                        report("assessments[\(a)].rounds[\(r)].scores[\(s)].score", "\"dont-know\" is not allowed by this framework's scale")
                    default: break
                    }
                }
            }
            if let consensus = assessment.consensus, !scaleValues.contains(consensus.score) {
                report("assessments[\(a)].consensus.score", "\(consensus.score) is not on the scale; expected one of \(scaleValues.map(String.init).joined(separator: ", "))")
            }
        }
        var statementIDs = Set<String>(minimumCapacity: session.statements.count)
        for (index, statement) in session.statements.enumerated() {
            if !statementIDs.insert(statement.id).inserted {
                report("statements[\(index)].id", "duplicate statement id \"\(statement.id)\"")
            }
            for itemID in statement.itemIDs where !itemIDs.contains(itemID) {
                report("statements[\(index)].itemIDs", "\"\(itemID)\" is not an item of the framework \(session.framework.id)")
            }
        }
        for (index, vote) in session.votes.enumerated() {
            if !participantIDs.contains(vote.participant) { report("votes[\(index)].participant", "\"\(vote.participant)\" is not a participant") }
            if !statementIDs.contains(vote.statement) { report("votes[\(index)].statement", "\"\(vote.statement)\" is not a statement") }
            if vote.count < 0 { report("votes[\(index)].count", "\(vote.count) is negative") }
        }
        for (index, id) in session.planned.enumerated() where !statementIDs.contains(id) {
            report("planned[\(index)]", "\"\(id)\" is not a statement")
        }
        var refs = Set<String>()
        for (p, plan) in session.plans.enumerated() {
            if !statementIDs.contains(plan.statementID) {
                report("plans[\(p)].statementID", "\"\(plan.statementID)\" is not a statement")
            }
            for a in plan.actions.indices where !refs.insert(plan.actions[a].ref).inserted {
                report("plans[\(p)].actions[\(a)].ref", "duplicate action ref \"\(plan.actions[a].ref)\"")
            }
        }
        if let survey = session.survey {
            problems += SurveyValidator.problems(in: survey, framework: session.framework, source: source)
        }
        if !DayDate.isValid(session.date) {
            report("date", "\"\(session.date)\" is not a date; expected YYYY-MM-DD")
        }
        numberProblems(in: session, report: report)
        return problems
    }
}
