import Foundation

/// Prioritising the statements: dot votes per participant, breaking ties, and choosing what to plan
/// now (in the order typed; `all` takes every statement in ranking order).
extension StatementsStage {
    func startVoting(_ session: Session, now: Date) -> WorkshopStep {
        var session = session
        session.statementsCursor!.statementID = nil
        if session.statements.isEmpty {
            session.statementsCursor!.phase = .done
            return .accepted(touch(session, now), message: "No improvement statements: nothing to prioritise or plan.")
        }
        if session.participants.isEmpty {
            session.statementsCursor!.phase = .choosing
            return .accepted(touch(session, now), message: "There are no participants to vote; choose the statements to plan.")
        }
        guard let first = Self.nextVoter(from: 0, in: session) else {
            session.statementsCursor!.phase = .choosing
            return .accepted(touch(session, now), message: "Everyone is marked absent, so there is no vote; choose the statements to plan.")
        }
        session.statementsCursor!.phase = .voting
        session.statementsCursor!.voter = first
        return .accepted(touch(session, now), message: nil)
    }

    func vote(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        let index = session.statementsCursor!.voter ?? 0
        guard session.participants.indices.contains(index) else { return startVoting(session, now: now) }
        let participant = session.participants[index]
        if !line.isEmpty {
            switch Self.parseVotes(line, session: session) {
            case .failure(let refusal): return .refused(refusal.message)
            case .success(let counts):
                let total = counts.reduce(0) { $0 + $1.count }
                let allowance = session.settings.votesPerParticipant
                if total > allowance {
                    return .refused("That is \(total) votes; \(participant.name) has \(allowance). Give at most \(allowance).")
                }
                session.votes.removeAll { $0.participant == participant.id }
                session.votes += counts.map { Vote(participant: participant.id, statement: $0.id, count: $0.count) }
            }
        }
        let given = session.votes.filter { $0.participant == participant.id }
        var message: String
        if session.settings.scoring == .blind {
            message = "Votes recorded for \(participant.name)."
        } else {
            message = given.isEmpty ? "\(participant.name): no votes."
                : "\(participant.name): " + given.map { "\($0.statement) ×\($0.count)" }.joined(separator: ", ") + "."
        }
        if let next = Self.nextVoter(from: index + 1, in: session) {
            session.statementsCursor!.voter = next
            return .accepted(touch(session, now), message: message)
        }
        session.statementsCursor!.voter = nil
        let tally = VoteTally(session: session)
        session.statementsCursor!.phase = tally.ties.isEmpty ? .choosing : .tieBreak
        return .accepted(touch(session, now), message: message)
    }

    func breakTies(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        if !line.isEmpty {
            switch Self.parseStatementIDs(line, session: session) {
            case .failure(let refusal): return .refused(refusal.message)
            case .success(let ids): session.tieBreakOrder = ids
            }
        }
        session.statementsCursor!.phase = .choosing
        return .accepted(touch(session, now), message: nil)
    }

    func choose(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        let tally = VoteTally(session: session)
        var chosen: [String]
        if line.isEmpty {
            chosen = session.planned.isEmpty ? tally.suggestedPlan : session.planned
        } else if line.lowercased() == "none" {
            chosen = []
        } else {
            switch Self.parseStatementIDs(line, session: session) {
            case .failure(let refusal): return .refused(refusal.message)
            case .success(let ids): chosen = ids
            }
        }
        session.planned = line.isEmpty ? tally.ranking.filter { chosen.contains($0) } : chosen
        session.statementsCursor!.phase = .done
        session.planningCursor = nil
        let message = session.planned.isEmpty ? "No statements are planned yet."
            : "Planning now: \(session.planned.joined(separator: ", "))."
        return .accepted(touch(session, now), message: message)
    }


    /// The position of the first participant in the room from `index` on: someone marked absent does not vote.
    static func nextVoter(from index: Int, in session: Session) -> Int? {
        session.participants.indices.first { $0 >= index && session.participants[$0].isPresent }
    }
}
