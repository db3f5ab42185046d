import Foundation

/// The rules that keep every number in a session file within what the program can use (see
/// `FileLimits`): settings, votes, round numbers, numbered ids, dates and the resume position; and
/// participants' names that others can tell apart (see `ParticipantName`).
extension SessionValidator {
    static func numberProblems(in session: Session, report: (String, String) -> Void) {
        let scale = session.framework.scale
        let settings = session.settings
        if let message = FileLimits.outside(settings.votesPerParticipant, FileLimits.votesPerParticipant, "votes per participant") {
            report("settings.votesPerParticipant", message)
        }
        if let minutes = settings.minutesPerHeading,
           let message = FileLimits.outside(minutes, FileLimits.minutesPerHeading, "minutes per heading") {
            report("settings.minutesPerHeading", message)
        }
        var votesCast: [String: Int] = [:]
        for (index, vote) in session.votes.enumerated() where vote.count > 0 {
            if vote.count > settings.votesPerParticipant {
                report("votes[\(index)].count", "\(vote.count) is more than the \(settings.votesPerParticipant) votes each participant has (settings.votesPerParticipant)")
            } else {
                votesCast[vote.participant, default: 0] += vote.count
            }
        }
        for participant in session.participants {
            if let cast = votesCast[participant.id], cast > settings.votesPerParticipant {
                report("votes", "\(participant.id) gave \(cast) votes in all, more than the \(settings.votesPerParticipant) each participant has (settings.votesPerParticipant)")
            }
        }
        for (a, assessment) in session.assessments.enumerated() {
            for (r, round) in assessment.rounds.enumerated() {
                if let message = FileLimits.outside(round.number, FileLimits.roundNumbers, "round numbers") {
                    report("assessments[\(a)].rounds[\(r)].number", message)
                }
            }
            if let consensus = assessment.consensus {
                if let message = FileLimits.outside(consensus.round, FileLimits.roundNumbers, "round numbers") {
                    report("assessments[\(a)].consensus.round", message)
                }
                if let suggested = consensus.suggested, scale.level(suggested) == nil {
                    report("assessments[\(a)].consensus.suggested", "\(suggested) is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))")
                }
            }
        }
        if let cursor = session.assessmentCursor {
            if let message = FileLimits.outside(cursor.round, FileLimits.roundNumbers, "round numbers") {
                report("assessmentCursor.round", message)
            }
            let pending = [("assessmentCursor.pendingConsensus", cursor.pendingConsensus)]
                + cursor.trail.enumerated().map { ("assessmentCursor.trail[\($0.offset)].pendingConsensus", $0.element.pendingConsensus) }
            for case let (path, value?) in pending where scale.level(value) == nil {
                report(path, "\(value) is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))")
            }
            for (index, score) in cursor.blindScores.enumerated() {
                if case .value(let value) = score.score, scale.level(value) == nil {
                    report("assessmentCursor.blindScores[\(index)].score", "\(value) is not on the scale; expected \(scale.validAnswersDescription)")
                }
            }
        }
        if let voter = session.statementsCursor?.voter, !(0...max(0, session.participants.count)).contains(voter) {
            report("statementsCursor.voter", "\(voter) is not the position of a participant; expected 0 to \(max(0, session.participants.count - 1))")
        }
        var names: [String: Int] = [:]
        for (index, participant) in session.participants.enumerated() {
            if let first = names[ParticipantName.key(participant.name)] {
                report("participants[\(index)].name", "\"\(participant.name)\" looks the same as participants[\(first)].name \"\(session.participants[first].name)\"; give each person a name others can tell apart")
            } else {
                names[ParticipantName.key(participant.name)] = index
            }
        }
        var ids: [(String, String)] = session.participants.enumerated().map { ("participants[\($0.offset)].id", $0.element.id) }
        for (index, statement) in session.statements.enumerated() {
            ids.append(("statements[\(index)].id", statement.id))
            ids += statement.mergedFrom.enumerated().map { ("statements[\(index)].mergedFrom[\($0.offset)]", $0.element) }
        }
        ids += (session.retiredStatementIDs ?? []).enumerated().map { ("retiredStatementIDs[\($0.offset)]", $0.element) }
        for (p, plan) in session.plans.enumerated() {
            ids += plan.outcomes.enumerated().map { ("plans[\(p)].outcomes[\($0.offset)].id", $0.element.id) }
            ids += (plan.retiredIDs ?? []).enumerated().map { ("plans[\(p)].retiredIDs[\($0.offset)]", $0.element) }
            ids += plan.actions.enumerated().map { ("plans[\(p)].actions[\($0.offset)].ref", $0.element.ref) }
        }
        for (path, id) in ids {
            if let message = FileLimits.idNumberProblem(id) { report(path, message) }
        }
        for (p, plan) in session.plans.enumerated() {
            for (a, action) in plan.actions.enumerated() {
                for (u, update) in action.updates.enumerated() {
                    let path = "plans[\(p)].actions[\(a)].updates[\(u)]"
                    if !DayDate.isValid(update.date) {
                        report("\(path).date", "\"\(update.date.prefix(40))\" is not a date; expected YYYY-MM-DD")
                    }
                    if let target = update.supersedes, !(1...max(1, u)).contains(target) || u == 0 {
                        report("\(path).supersedes", "\(target) is not an earlier update of \(action.ref); expected 1 to \(u) (updates are numbered from 1 in the order recorded)")
                    } else if let target = update.supersedes, action.updates[target - 1].withdrawal == true {
                        report("\(path).supersedes", "update \(target) of \(action.ref) is a withdrawal, which cannot be corrected or withdrawn")
                    }
                    if update.withdrawal == true && update.supersedes == nil {
                        report("\(path).withdrawal", "a withdrawal must name the update it withdraws in supersedes")
                    }
                }
            }
        }
    }
}
