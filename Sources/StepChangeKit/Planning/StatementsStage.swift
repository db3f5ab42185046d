import Foundation

/// Stage 2 of the workshop: the group drafts numbered improvement statements from what the
/// assessment found, edits, merges, reorders and deletes them (ids stay stable), dot-votes per
/// participant, breaks ties and chooses which statements to plan now.
public struct StatementsStage: WorkshopStage {
    public init() {}

    /// Commands understood at every prompt of this stage.
    public static let help = """
        While drafting, type a statement ("The partnership should …") to add it, or:
          edit S2 NEW TEXT        replace S2's wording        edit S2   revisit its items and rationale
          items S2 LN1 WW3        set the items S2 responds to
          why S2 TEXT             set S2's rationale
          merge S3 into S1        fold S3 into S1 (items, rationale and votes move; S3 is retired)
          move S3 to 1            put S3 first               delete S3   remove S3 (its id is never reused;
                                                             with votes it asks first); a number works as an id
          summary                 what the assessment found   list        the statements so far
        Anywhere: goto S2 (its items and rationale), goto drafting, goto voting, goto choosing, status (the
        statements and the vote tally), back (the step before), pause (stop; resume later), help (this list). Enter takes the default shown: it finishes drafting, keeps a value or moves on.
        Choosing what to plan: the statements in priority order, or `all`.
        """

    /// Returns the session with the stage reopened at drafting, for `run --stage statements`.
    /// Statements, votes, retired ids and the tie-break order are kept.
    public static func reopen(_ session: Session) -> Session {
        var session = session
        session.statementsCursor = nil
        return session
    }

    public func nextPrompt(in session: Session) -> WorkshopPrompt? {
        let cursor = session.statementsCursor ?? StatementsCursor()
        if let id = cursor.pendingDeletion, session.statement(id) != nil {
            return WorkshopPrompt(text: "\(id) has " + (Self.dependents(of: id, in: session) ?? "nothing recorded") + ".",
                                  question: "Delete \(id) and its votes? (yes/no)", defaultHint: "Enter means no")
        }
        switch cursor.phase {
        case .drafting:
            let next = Self.nextID(session)
            if session.statements.isEmpty {
                return WorkshopPrompt(
                    text: StatementsBoard.assessmentSummary(session)
                        + "\n\nTurn these into improvement statements: \"The partnership should …\". Type `help` for commands.",
                    question: "Statement \(next)")
            }
            return WorkshopPrompt(text: StatementsBoard.statementList(session),
                                  question: "Statement \(next), or a command (help)",
                                  defaultHint: "Enter moves on to voting")
        case .items:
            guard let statement = cursor.statementID.flatMap(session.statement) else { return draftingFallback(session) }
            let current = statement.itemIDs.isEmpty ? "none" : statement.itemIDs.joined(separator: " ")
            return WorkshopPrompt(text: "\(statement.id)  \(statement.text)",
                                  question: "Items \(statement.id) responds to (e.g. LN4 WW2; `none` to clear)",
                                  defaultHint: "Enter keeps \(current)")
        case .rationale:
            guard let statement = cursor.statementID.flatMap(session.statement) else { return draftingFallback(session) }
            return WorkshopPrompt(question: "Why \(statement.id)? Rationale (optional; `-` to clear)",
                                  defaultHint: statement.rationale.isEmpty ? "Enter skips" : "Enter keeps it")
        case .voting:
            guard let index = cursor.voter, session.participants.indices.contains(index) else { return draftingFallback(session) }
            let participant = session.participants[index]
            let allowance = session.settings.votesPerParticipant
            var text = ""
            if index == Self.nextVoter(from: 0, in: session) {
                text = StatementsBoard.statementList(session)
                    + "\n\nDot voting: each participant has \(allowance) vote\(allowance == 1 ? "" : "s"). Type e.g. `S1 S1 S3` or `S1=2 S3=1`; `none` for no votes."
            }
            let given = session.votes.filter { $0.participant == participant.id }
            let hint = given.isEmpty ? "Enter gives no votes" : "Enter keeps their \(given.reduce(0) { $0 + $1.count }) votes"
            return WorkshopPrompt(text: text, question: "Votes of \(participant.name) (\(allowance) to give)",
                                  hidden: session.settings.scoring == .blind, defaultHint: hint)
        case .tieBreak:
            let tally = VoteTally(session: session)
            guard !tally.ties.isEmpty else {
                var session = session
                session.statementsCursor?.phase = .choosing
                return nextPrompt(in: session)
            }
            let ties = tally.ties.map { group in
                "\(PlanCheck.list(group, joiner: "and")) (\(tally.votes(for: group[0])) votes)"
            }
            return WorkshopPrompt(text: "The tally:\n" + tally.lines(statements: session.statements).joined(separator: "\n")
                                    + "\n\nTied: " + ties.joined(separator: "; ") + ".",
                                  question: "Break the ties: type the tied statements in the order the group prefers (e.g. \(tally.ties[0].reversed().joined(separator: " ")))",
                                  defaultHint: "Enter keeps the order shown")
        case .choosing:
            let tally = VoteTally(session: session)
            let suggested = session.planned.isEmpty ? tally.suggestedPlan : session.planned
            let broken = !tally.ties.isEmpty && !(session.tieBreakOrder ?? []).isEmpty ? "\nStatements marked = have the same votes; they are in the order the group chose." : ""
            return WorkshopPrompt(text: "The ranking:\n" + tally.lines(statements: session.statements).joined(separator: "\n") + broken,
                                  question: "Which statements will the group plan now, in priority order? (e.g. \(suggested.joined(separator: " ")); `all`; `none` for none yet)",
                                  defaultHint: suggested.isEmpty ? "Enter plans none" : "Enter plans \(suggested.joined(separator: ", "))")
        case .done:
            return nil
        }
    }

    public func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep {
        var session = session
        session.statementsCursor = session.statementsCursor ?? StatementsCursor()
        let line = answer.trimmingCharacters(in: .whitespaces)
        let words = line.split(separator: " ").map(String.init)
        if session.statementsCursor?.pendingDeletion != nil, !["pause", "help"].contains(line.lowercased()) {
            return confirmDeletion(line, session: session, now: now)
        }
        switch words.first?.lowercased() ?? "" {
        case "pause" where words.count == 1:
            return .pause(session)
        case "help" where words.count == 1, "?" where words.count == 1:
            return .accepted(session, message: Self.help)
        case "status" where words.count == 1:
            return .accepted(session, message: status(session))
        case "summary" where words.count == 1:
            return .accepted(session, message: StatementsBoard.assessmentSummary(session))
        case "list" where words.count == 1:
            return .accepted(session, message: StatementsBoard.statementList(session))
        case "back" where words.count == 1:
            return back(session, now: now)
        case "goto" where words.count == 2:
            return goto(words[1], session: session, now: now)
        default:
            break
        }
        switch session.statementsCursor!.phase {
        case .drafting: return draft(line, words: words, session: session, now: now)
        case .items: return items(line, session: session, now: now)
        case .rationale: return rationale(line, session: session, now: now)
        case .voting: return vote(line, session: session, now: now)
        case .tieBreak: return breakTies(line, session: session, now: now)
        case .choosing: return choose(line, session: session, now: now)
        case .done: return .refused("The statements stage is finished.")
        }
    }

    // MARK: Drafting

    private func draft(_ line: String, words: [String], session: Session, now: Date) -> WorkshopStep {
        var session = session
        if line.isEmpty {
            // Enter moves on only once there is something to move on with: a stage without statements is not done.
            guard !session.statements.isEmpty else {
                return .refused("There are no improvement statements yet: type one (\"The partnership should …\"), or `pause` to stop here and come back to it.")
            }
            return startVoting(session, now: now)
        }
        let command = words[0].lowercased()
        var words = words
        if words.count > 1, let number = Int(words[1]) { words[1] = "S\(number)" }
        let target = words.count > 1 ? session.statement(words[1]) : nil
        switch command {
        case "add":
            return add(words.dropFirst().joined(separator: " "), session: session, now: now)
        case "edit", "items", "why", "rationale", "merge", "move", "delete", "remove":
            if words.count == 1 {
                return .refused("Type `\(command)` and a statement, e.g. `\(command) \(session.statements.first?.id ?? "S1")`; type `help` for the commands.")
            }
            guard Self.looksLikeID(words[1]) else { return add(line, session: session, now: now) }
            guard let statement = target else { return .refused(Self.unknownStatementMessage(words[1], in: session)) }
            let rest = words.dropFirst(2).joined(separator: " ")
            switch command {
            case "edit", "delete", "remove":
                return corrected(reading: Self.editor(session).read(line), session: session, now: now)
            case "items" where rest.isEmpty:
                return .refused("Type the items after the id, e.g. `items \(statement.id) LN4 WW2`, or `items \(statement.id) none` to clear them.")
            case "why" where rest.isEmpty, "rationale" where rest.isEmpty:
                return .refused("Type the rationale after the id, e.g. `why \(statement.id) families told us …`, or `why \(statement.id) -` to clear it.")
            case "items":
                switch Self.parseItems(rest, framework: session.framework) {
                case .failure(let refusal): return .refused(refusal.message)
                case .success(let ids):
                    session.statements[index(of: statement, in: session)].itemIDs = ids
                    return .accepted(touch(session, now), message: "\(statement.id) responds to \(ids.isEmpty ? "no items" : ids.joined(separator: ", ")).")
                }
            case "why", "rationale":
                session.statements[index(of: statement, in: session)].rationale = rest == "-" ? "" : rest
                return .accepted(touch(session, now), message: "\(statement.id)'s rationale recorded.")
            case "merge":
                return merge(statement, rest: words.dropFirst(2).map { $0 }, session: session, now: now)
            default:
                return move(statement, rest: words.dropFirst(2).map { $0 }, session: session, now: now)
            }
        default:
            return add(line, session: session, now: now)
        }
    }

    private func add(_ text: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        let text = text.trimmingCharacters(in: .whitespaces)
        if let refusal = Self.emptyStatementRefusal(text) { return .refused(refusal) }
        let id = Self.nextID(session)
        session.statements.append(ImprovementStatement(id: id, text: text))
        session.statementsCursor!.phase = .items
        session.statementsCursor!.statementID = id
        return .accepted(touch(session, now), message: "Added \(id).")
    }

    private func items(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        guard let id = session.statementsCursor!.statementID, let statement = session.statement(id) else {
            session.statementsCursor!.phase = .drafting
            return .accepted(session, message: nil)
        }
        if !line.isEmpty {
            switch Self.parseItems(line, framework: session.framework) {
            case .failure(let refusal): return .refused(refusal.message)
            case .success(let ids): session.statements[index(of: statement, in: session)].itemIDs = ids
            }
        }
        session.statementsCursor!.phase = .rationale
        return .accepted(touch(session, now), message: nil)
    }

    private func rationale(_ line: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        if let id = session.statementsCursor!.statementID, let statement = session.statement(id), !line.isEmpty {
            session.statements[index(of: statement, in: session)].rationale = line == "-" ? "" : line
        }
        session.statementsCursor!.phase = .drafting
        session.statementsCursor!.statementID = nil
        return .accepted(touch(session, now), message: nil)
    }

    private func back(_ session: Session, now: Date) -> WorkshopStep {
        var session = session
        var cursor = session.statementsCursor!
        switch cursor.phase {
        case .drafting: return .refused("This is the first step of the statements stage.")
        case .items: cursor.phase = .drafting; cursor.statementID = nil
        case .rationale: cursor.phase = .items
        case .voting:
            if let voter = cursor.voter, voter > 0 { cursor.voter = voter - 1 } else { cursor.phase = .drafting; cursor.voter = nil }
        case .tieBreak, .choosing:
            if session.participants.isEmpty { cursor.phase = .drafting } else {
                cursor.phase = .voting
                cursor.voter = session.participants.count - 1
            }
        case .done: cursor.phase = .choosing
        }
        session.statementsCursor = cursor
        return .accepted(touch(session, now), message: nil)
    }

    private func goto(_ target: String, session: Session, now: Date) -> WorkshopStep {
        var session = session
        var cursor = StatementsCursor()
        switch target.lowercased() {
        case "drafting", "statements", "draft": break
        case "voting", "votes", "vote":
            guard !session.statements.isEmpty, !session.participants.isEmpty else {
                return .refused("Voting needs at least one statement and one participant.")
            }
            cursor = StatementsCursor(phase: .voting, voter: 0)
        case "choosing", "choose", "plan":
            guard !session.statements.isEmpty else { return .refused("There are no statements to choose from yet.") }
            cursor = StatementsCursor(phase: .choosing)
        default:
            guard let statement = session.statement(target) else {
                return .refused(Self.unknownStatementMessage(target, in: session) + " Or goto drafting, voting or choosing.")
            }
            cursor = StatementsCursor(phase: .items, statementID: statement.id)
        }
        session.statementsCursor = cursor
        return .accepted(touch(session, now), message: nil)
    }

    private func status(_ session: Session) -> String {
        var lines = [StatementsBoard.statementList(session)]
        if !session.votes.isEmpty {
            lines += ["", "Votes so far:"] + VoteTally(session: session).lines(statements: session.statements)
        }
        if !session.planned.isEmpty { lines += ["", "Planned: " + session.planned.joined(separator: ", ")] }
        return lines.joined(separator: "\n")
    }

    func index(of statement: ImprovementStatement, in session: Session) -> Int {
        session.statements.firstIndex { $0.id == statement.id }!
    }

    func touch(_ session: Session, _ now: Date) -> Session {
        var session = session
        session.updatedAt = now
        return session
    }

    private func draftingFallback(_ session: Session) -> WorkshopPrompt? {
        var session = session
        session.statementsCursor?.phase = .drafting
        return nextPrompt(in: session)
    }
}

/// A typed answer that could not be used, with the message that says why and what to type instead.
struct Refusal: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
