import Foundation

/// Reworking the drafted statements: `edit` and `delete` through the one `ListEditor` every list
/// shares (numbered by id, so `delete 2` is S2), and the statements' own extras — merging and moving
/// to a position. Deleting asks first when the statement has votes or is chosen to plan; ids are never reused.
extension StatementsStage {
    /// The statements as one of the facilitator's lists: shown and typed by id (`S2`, or just `2`).
    static func editor(_ session: Session) -> ListEditor {
        ListEditor(name: "statements", entries: session.statements.map(\.text), ids: session.statements.map(\.id), numberedByID: true)
    }

    /// What an `edit` or `delete` line, read by the shared editor, does to the statement it names.
    func corrected(reading: ListEditor.Reading, session: Session, now: Date) -> WorkshopStep {
        var session = session
        switch reading {
        case .edit(let position, let text) where text.isEmpty:
            let statement = session.statements[position]
            session.statementsCursor!.phase = .items
            session.statementsCursor!.statementID = statement.id
            return .accepted(touch(session, now), message: nil)
        case .edit(let position, let text):
            let statement = session.statements[position]
            if let refusal = Self.emptyStatementRefusal(text) { return .refused(refusal) }
            session.statements[position].text = text
            return .accepted(touch(session, now), message: "\(statement.id) reworded.")
        case .delete(let position):
            return delete(session.statements[position], session: session, now: now)
        case .refused(let message):
            return .refused(message)
        case .add, .move:
            return .refused("Type `edit S1 NEW TEXT` or `delete S1`; type `help` for the commands.")
        }
    }

    func merge(_ source: ImprovementStatement, rest: [String], session: Session, now: Date) -> WorkshopStep {
        var session = session
        let usage = "Type `merge \(source.id) into S1`: the second statement keeps its wording and id."
        guard rest.count == 2, rest[0].lowercased() == "into" else { return .refused(usage) }
        guard let target = session.statement(rest[1]) else { return .refused(Self.unknownStatementMessage(rest[1], in: session)) }
        guard target.id != source.id else { return .refused("A statement cannot be merged into itself. " + usage) }
        if session.plan(for: source.id) != nil {
            return .refused("\(source.id) already has an outcome plan; merge the other way (`merge \(target.id) into \(source.id)`) or keep both.")
        }
        let t = index(of: target, in: session)
        for item in source.itemIDs where !session.statements[t].itemIDs.contains(item) { session.statements[t].itemIDs.append(item) }
        if !source.rationale.isEmpty {
            session.statements[t].rationale = [session.statements[t].rationale, source.rationale].filter { !$0.isEmpty }.joined(separator: " ")
        }
        session.statements[t].mergedFrom += [source.id] + source.mergedFrom
        session.votes = Self.combined(session.votes.map { vote in
            vote.statement == source.id ? Vote(participant: vote.participant, statement: target.id, count: vote.count) : vote
        })
        session.planned = session.planned.map { $0 == source.id ? target.id : $0 }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        session.statements.remove(at: index(of: source, in: session))
        session.retiredStatementIDs = (session.retiredStatementIDs ?? []) + [source.id]
        return .accepted(touch(session, now), message: "\(source.id) merged into \(target.id); \(source.id) will not be used again.")
    }

    func move(_ statement: ImprovementStatement, rest: [String], session: Session, now: Date) -> WorkshopStep {
        var session = session
        let count = session.statements.count
        guard rest.count == 2, rest[0].lowercased() == "to", let position = Int(rest[1]), (1...count).contains(position) else {
            return .refused("Type `move \(statement.id) to N` with N from 1 to \(count).")
        }
        let moved = session.statements.remove(at: index(of: statement, in: session))
        session.statements.insert(moved, at: position - 1)
        return .accepted(touch(session, now), message: "\(statement.id) is now number \(position) in the list; its id stays \(statement.id).")
    }

    func delete(_ statement: ImprovementStatement, session: Session, now: Date, confirmed: Bool = false) -> WorkshopStep {
        var session = session
        if session.plan(for: statement.id) != nil {
            return .refused("\(statement.id) already has an outcome plan, so it is kept. Remove it from the planned statements instead.")
        }
        if !confirmed, Self.dependents(of: statement.id, in: session) != nil {
            session.statementsCursor!.pendingDeletion = statement.id
            return .accepted(session, message: nil)
        }
        session.statements.remove(at: index(of: statement, in: session))
        session.votes.removeAll { $0.statement == statement.id }
        session.planned.removeAll { $0 == statement.id }
        session.retiredStatementIDs = (session.retiredStatementIDs ?? []) + [statement.id]
        session.tieBreakOrder?.removeAll { $0 == statement.id }
        session.statementsCursor!.pendingDeletion = nil
        return .accepted(touch(session, now), message: "Deleted \(statement.id); its id will not be used again.")
    }

    /// What would be lost with a statement (its votes, its place in the plan), in words; nil when nothing.
    static func dependents(of id: String, in session: Session) -> String? {
        let votes = session.votes.filter { $0.statement == id }
        let count = votes.reduce(0) { $0 + $1.count }
        let voters = votes.compactMap { vote in session.participants.first { $0.id == vote.participant }?.name }
        var parts: [String] = []
        if count > 0 { parts.append("\(count) vote\(count == 1 ? "" : "s") (from \(PlanCheck.list(voters, joiner: "and")))") }
        if session.planned.contains(id) { parts.append("a place among the statements chosen to plan") }
        return parts.isEmpty ? nil : PlanCheck.list(parts, joiner: "and")
    }

    /// Yes or no to deleting a statement that has votes or is planned.
    func confirmDeletion(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        guard let id = session.statementsCursor?.pendingDeletion else { return .refused("Nothing is waiting for an answer.") }
        switch line.lowercased() {
        case "y", "yes":
            guard let statement = session.statement(id) else {
                session.statementsCursor!.pendingDeletion = nil
                return .accepted(session, message: nil)
            }
            return delete(statement, session: session, now: now, confirmed: true)
        case "", "n", "no":
            session.statementsCursor!.pendingDeletion = nil
            return .accepted(session, message: "Kept \(id) and its votes.")
        default:
            return .refused("Type yes to delete \(id) and its votes, or no (or Enter) to keep it.")
        }
    }
}
