import Foundation

/// The rules that keep every number in a session file within what the program can use (see
/// `FileLimits`): settings, votes, round numbers, numbered ids, dates and the resume position; and
/// participants' names that others can tell apart (see `ParticipantName`). Locations are spelled out
/// only when a problem is reported, so a file that passes costs no strings.
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
        let scaleValues = scale.values
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
                if let suggested = consensus.suggested, !scaleValues.contains(suggested) {
                    report("assessments[\(a)].consensus.suggested", "\(suggested) is not on the scale; expected one of \(scaleValues.map(String.init).joined(separator: ", "))")
                }
            }
        }
        if let cursor = session.assessmentCursor {
            if let message = FileLimits.outside(cursor.round, FileLimits.roundNumbers, "round numbers") {
                report("assessmentCursor.round", message)
            }
            if let value = cursor.pendingConsensus, !scaleValues.contains(value) {
                report("assessmentCursor.pendingConsensus", "\(value) is not on the scale; expected one of \(scaleValues.map(String.init).joined(separator: ", "))")
            }
            for (index, step) in cursor.trail.enumerated() {
                if let value = step.pendingConsensus, !scaleValues.contains(value) {
                    report("assessmentCursor.trail[\(index)].pendingConsensus", "\(value) is not on the scale; expected one of \(scaleValues.map(String.init).joined(separator: ", "))")
                }
            }
            for (index, score) in cursor.blindScores.enumerated() {
                if case .value(let value) = score.score, !scaleValues.contains(value) {
                    report("assessmentCursor.blindScores[\(index)].score", "\(value) is not on the scale; expected \(scale.validAnswersDescription)")
                }
            }
        }
        if let voter = session.statementsCursor?.voter, !(0...max(0, session.participants.count)).contains(voter) {
            report("statementsCursor.voter", "\(voter) is not the position of a participant; expected 0 to \(max(0, session.participants.count - 1))")
        }
        var names: [String: Int] = [:]
        names.reserveCapacity(session.participants.count)
        for (index, participant) in session.participants.enumerated() {
            let key = ParticipantName.key(participant.name)
            if key.isEmpty {
                report("participants[\(index)].name", "the name shows nothing (only spaces or invisible characters); give each person a name")
            } else if let first = names[key] {
                report("participants[\(index)].name", "\"\(participant.name)\" looks the same as participants[\(first)].name \"\(session.participants[first].name)\"; give each person a name others can tell apart")
            } else {
                names[key] = index
            }
        }
        // Ids with over-long numbers, in the order the file holds them; each location spelled out only for a problem.
        func checkID(_ id: String, _ location: @autoclosure () -> String) {
            if let message = FileLimits.idNumberProblem(id) { report(location(), message) }
        }
        for (index, participant) in session.participants.enumerated() {
            checkID(participant.id, "participants[\(index)].id")
        }
        for (index, statement) in session.statements.enumerated() {
            checkID(statement.id, "statements[\(index)].id")
            for (m, merged) in statement.mergedFrom.enumerated() {
                checkID(merged, "statements[\(index)].mergedFrom[\(m)]")
            }
        }
        for (index, id) in (session.retiredStatementIDs ?? []).enumerated() {
            checkID(id, "retiredStatementIDs[\(index)]")
        }
        for (p, plan) in session.plans.enumerated() {
            for (o, outcome) in plan.outcomes.enumerated() {
                checkID(outcome.id, "plans[\(p)].outcomes[\(o)].id")
            }
            for (r, id) in (plan.retiredIDs ?? []).enumerated() {
                checkID(id, "plans[\(p)].retiredIDs[\(r)]")
            }
            for (a, action) in plan.actions.enumerated() {
                checkID(action.ref, "plans[\(p)].actions[\(a)].ref")
            }
        }
        for (p, plan) in session.plans.enumerated() {
            for (a, action) in plan.actions.enumerated() {
                for (u, update) in action.updates.enumerated() {
                    if !DayDate.isValid(update.date) {
                        report("plans[\(p)].actions[\(a)].updates[\(u)].date", "\"\(update.date.prefix(40))\" is not a date; expected YYYY-MM-DD")
                    }
                    if let target = update.supersedes, !(1...max(1, u)).contains(target) || u == 0 {
                        report("plans[\(p)].actions[\(a)].updates[\(u)].supersedes", "\(target) is not an earlier update of \(action.ref); expected 1 to \(u) (updates are numbered from 1 in the order recorded)")
                    } else if let target = update.supersedes, action.updates[target - 1].withdrawal == true {
                        report("plans[\(p)].actions[\(a)].updates[\(u)].supersedes", "update \(target) of \(action.ref) is a withdrawal, which cannot be corrected or withdrawn")
                    }
                    if update.withdrawal == true && update.supersedes == nil {
                        report("plans[\(p)].actions[\(a)].updates[\(u)].withdrawal", "a withdrawal must name the update it withdraws in supersedes")
                    }
                }
            }
        }
    }
}
