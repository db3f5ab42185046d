import Foundation

/// Who is in the room: the participants step (a numbered list corrected with the `ListEditor`), a
/// sector asked for rather than assumed, late arrivals, people who leave (their earlier scores kept),
/// and deleting someone with scores or votes only after the group has been told and said yes.
extension AssessmentStage {
    /// The prompt while a participant answer is pending, or at the participants step; nil otherwise.
    func participantPrompt(_ cursor: AssessmentCursor, session: Session) -> WorkshopPrompt? {
        if let id = cursor.pendingRemoval, let participant = session.participants.first(where: { $0.id == id }) {
            let lines = ["", "\(participant.name) has " + Self.dependents(of: participant, in: session, cursor: cursor) + ".",
                         "Deleting them deletes all of these. To keep their scores, type no and then absent \(participant.name)."]
            return WorkshopPrompt(text: lines.map { TextWrap.wrap($0, width: width) }.joined(separator: "\n"),
                                  question: "Delete \(participant.name) and all of these? (yes/no)", defaultHint: "Enter means no")
        }
        if let typed = cursor.pendingParticipant {
            return WorkshopPrompt(text: TextWrap.wrap("Sectors: " + Sector.allCases.map(\.label).joined(separator: ", ") + ".", width: width),
                                  question: "Which sector is \(typed) from? (Organisation, sector — the organisation is optional)",
                                  defaultHint: "type `cancel` to leave them out")
        }
        guard cursor.step == .participants else { return nil }
        var lines = [""]
        if session.assessments.isEmpty, session.previousSessionID != nil {
            lines += CarryForward.lines(session, width: width) + [""]
        }
        lines += ["Participants: add everyone taking part, one per line, as Name (Organisation, sector).",
                  "Sectors: " + Sector.allCases.map(\.label).joined(separator: ", ") + "."]
        let editor = Self.participantEditor(session)
        if !editor.entries.isEmpty {
            lines.append((session.previousSessionID != nil && session.assessments.isEmpty ? "Last time's participants: confirm or change them" : "Participants so far")
                         + " (\(editor.reminder)):")
            lines += editor.numbered()
        }
        return WorkshopPrompt(text: TextWrap.fit(lines.joined(separator: "\n"), width: width), question: "Participant",
                              defaultHint: session.participants.isEmpty ? nil : "Enter when everyone is added")
    }

    static func participantEditor(_ session: Session) -> ListEditor {
        ListEditor(name: "participants", entries: session.participants.map { participant in
            participant.name + (participant.organisation.isEmpty ? "" : ", \(participant.organisation)") + " (\(participant.sector.label))"
                + (participant.absentFrom.map { " — absent from \($0)" } ?? "")
        })
    }

    /// `add participant …`, `absent NAME`, `present NAME` and `participants`, typed at any step; nil for other lines.
    func participantCommand(_ typed: String, session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep? {
        var session = session
        var cursor = cursor
        let lower = typed.lowercased()
        if lower == "participants", cursor.step != .participants {
            cursor.remember(cursor.position)
            cursor.itemID = nil
            cursor.step = .participants
            session.assessmentCursor = cursor
            return .accepted(session, message: "The participants: correct the list, then press Enter to carry on.")
        }
        if lower.hasPrefix("add participant") {
            let entry = typed.dropFirst("add participant".count).trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { return .refused("Type add participant Name (Organisation, sector).") }
            return addParticipant(entry, session: session, cursor: cursor, now: now)
        }
        for word in ["absent", "present"] where lower.hasPrefix(word + " ") {
            let name = typed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            guard let participant = session.participant(name), let index = session.participants.firstIndex(of: participant) else {
                return cursor.step == .participants ? nil
                    : .refused("\"\(name)\" is not a participant. Participants: \(session.participants.map(\.name).joined(separator: ", ")).")
            }
            if word == "present" {
                session.participants[index].absentFrom = nil
                session.updatedAt = now
                return .accepted(session, message: "\(participant.name) is back and scores again from the next round.")
            }
            let from = cursor.itemID ?? "the start"
            session.participants[index].absentFrom = from
            cursor.blindScores.removeAll { $0.participant == participant.id }
            session.assessmentCursor = cursor
            session.updatedAt = now
            return .accepted(session, message: "\(participant.name) is marked absent from \(from) on; their earlier scores are kept. Type present \(participant.name) when they return.")
        }
        return nil
    }

    /// An answer at the participants step: a new participant, a correction, or Enter to start.
    func participantsAnswer(_ typed: String, session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep {
        var session = session
        var cursor = cursor
        if typed.isEmpty {
            guard !session.participants.isEmpty else {
                return .refused("Add at least one participant, e.g. Ann Lee (Council, statutory).")
            }
            let before = cursor.position
            if let earlier = cursor.trail.last, earlier.itemID != nil, session.framework.item(earlier.itemID ?? "") != nil {
                cursor = Self.enter(earlier.itemID ?? "", cursor: cursor, in: session, now: now)
                cursor.step = earlier.step == .scoring ? cursor.step : earlier.step
            } else {
                cursor = Self.advance(cursor, after: nil, in: session, now: now)
            }
            cursor.remember(before)
            session.assessmentCursor = Self.normalised(cursor, in: session)
            session.updatedAt = now
            return .accepted(session, message: nil)
        }
        let editor = Self.participantEditor(session)
        switch editor.read(typed) {
        case .refused(let message):
            return .refused(message)
        case .add(let text):
            return addParticipant(text, session: session, cursor: cursor, now: now)
        case .edit(let index, let text):
            guard !text.isEmpty else { return .refused("Type the corrected entry: edit \(index + 1) Name (Organisation, sector).") }
            let others = session.participants.enumerated().filter { $0.offset != index }.map(\.element)
            switch ParticipantList.parseOne(text, after: others) {
            case .failure(let error): return .refused(error.message)
            case .success(var corrected):
                let old = session.participants[index]
                corrected.id = old.id
                corrected.absentFrom = old.absentFrom
                if !ParticipantList.namesSector(text) {
                    if text.contains("(") { return .refused("Give the sector too: edit \(index + 1) Name (Organisation, sector).") }
                    corrected.organisation = old.organisation
                    corrected.sector = old.sector
                }
                session.participants[index] = corrected
                session.updatedAt = now
                return .accepted(session, message: "Changed participant \(index + 1): \(corrected.name).")
            }
        case .delete(let index):
            let participant = session.participants[index]
            if Self.dependents(of: participant, in: session, cursor: cursor) != "nothing recorded" {
                cursor.pendingRemoval = participant.id
                session.assessmentCursor = cursor
                return .accepted(session, message: nil)
            }
            session.participants.remove(at: index)
            session.updatedAt = now
            return .accepted(session, message: "Deleted participant \(index + 1), \(participant.name).")
        case .move:
            return .refused("Participants are one list; edit or delete an entry instead.")
        }
    }

    /// Adds one participant (or several separated by `;`); one typed without a sector is asked for it.
    func addParticipant(_ text: String, session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep {
        var session = session
        var cursor = cursor
        let entries = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if entries.count == 1, !ParticipantList.namesSector(entries[0]) {
            if case .failure(let error) = ParticipantList.parseOne(entries[0], after: session.participants) { return .refused(error.message) }
            cursor.pendingParticipant = entries[0]
            session.assessmentCursor = cursor
            return .accepted(session, message: nil)
        }
        if let missing = entries.first(where: { !ParticipantList.namesSector($0) }) {
            return .refused("\"\(missing)\" has no sector. Write each as Name (Organisation, sector); sectors are \(Sector.allCases.map(\.label).joined(separator: ", ")).")
        }
        switch ParticipantList.parse(text, after: session.participants) {
        case .failure(let error):
            return .refused(error.message)
        case .success(let added):
            session.participants += added
            session.assessmentCursor = cursor
            session.updatedAt = now
            return .accepted(session, message: "Added " + added.map { "\($0.name) (\($0.id))" }.joined(separator: ", ") + ".")
        }
    }

    /// The answer to a pending question: the sector of a participant, or yes/no to deleting one.
    func answerPending(_ typed: String, session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep {
        var session = session
        var cursor = cursor
        let word = typed.lowercased()
        if let id = cursor.pendingRemoval {
            switch word {
            case "y", "yes":
                cursor.pendingRemoval = nil
                let name = session.participant(id)?.name ?? id
                session.participants.removeAll { $0.id == id }
                for index in session.assessments.indices {
                    for round in session.assessments[index].rounds.indices {
                        session.assessments[index].rounds[round].scores.removeAll { $0.participant == id }
                    }
                }
                session.votes.removeAll { $0.participant == id }
                cursor.blindScores.removeAll { $0.participant == id }
                session.assessmentCursor = cursor
                session.updatedAt = now
                return .accepted(session, message: "Deleted \(name) with their scores and votes.")
            case "", "n", "no":
                cursor.pendingRemoval = nil
                session.assessmentCursor = cursor
                return .accepted(session, message: "Kept \(session.participant(id)?.name ?? id) and everything they gave.")
            default:
                return .refused("Type yes to delete, or no (or Enter) to keep them.")
            }
        }
        guard let pending = cursor.pendingParticipant else { return .refused("Nothing is waiting for an answer.") }
        if word == "cancel" {
            cursor.pendingParticipant = nil
            session.assessmentCursor = cursor
            return .accepted(session, message: "\(pending) was not added.")
        }
        guard !typed.isEmpty else {
            return .refused("A sector is needed to show who took part: type one of \(Sector.allCases.map(\.label).joined(separator: ", ")) (other if none fits), or cancel.")
        }
        let entry = pending.contains("(") ? String(pending.dropLast()) + ", \(typed))" : "\(pending) (\(typed))"
        guard ParticipantList.namesSector(entry) else {
            return .refused("\"\(typed)\" does not end with a sector. Type e.g. Council, statutory — or just statutory; sectors are \(Sector.allCases.map(\.label).joined(separator: ", ")).")
        }
        cursor.pendingParticipant = nil
        session.assessmentCursor = cursor
        return addParticipant(entry, session: session, cursor: cursor, now: now)
    }

    /// What a participant has given that deleting them would lose, in words; "nothing recorded" when nothing.
    static func dependents(of participant: Participant, in session: Session, cursor: AssessmentCursor) -> String {
        let items = session.assessments.filter { $0.rounds.contains { $0.score(of: participant.id) != nil } }.map(\.itemID)
        let votes = session.votes.filter { $0.participant == participant.id }.reduce(0) { $0 + $1.count }
        var parts: [String] = []
        if !items.isEmpty { parts.append("scores on \(items.count) item\(items.count == 1 ? "" : "s") (\(items.prefix(6).joined(separator: ", "))\(items.count > 6 ? ", …" : ""))") }
        if votes > 0 { parts.append("\(votes) vote\(votes == 1 ? "" : "s")") }
        if cursor.blindScores.contains(where: { $0.participant == participant.id }) { parts.append("a hidden score in this round") }
        return parts.isEmpty ? "nothing recorded" : PlanCheck.list(parts, joiner: "and")
    }
}
