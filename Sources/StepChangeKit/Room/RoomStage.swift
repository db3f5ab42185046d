import Foundation

/// A workshop stage as run with the room (`run --room`): participants score on their own devices,
/// so the scoring step asks the facilitator only to reveal (early if need be) or to type a hidden
/// score for someone without a device; at the reveal the comments sent with the scores are listed
/// unattributed, and one command turns a comment into evidence, a strength or an area for
/// improvement. Every other step is the wrapped stage's own.
public struct RoomStage: WorkshopStage {
    public let inner: any WorkshopStage
    public var width: Int

    public init(wrapping inner: any WorkshopStage, width: Int = 80) {
        self.inner = inner
        self.width = width
    }

    /// The commands the room adds, as `help` lists them.
    public static let commandHelp = [
        "reveal         show the scores now; anyone missing is recorded as not scoring",
        "score NAME     type a score for someone without a device (hidden)",
        "release NAME   free a name claimed by a device, so another device can claim it",
        "evidence c2    add comment c2 to the evidence (also: strength c2, area c2)",
        "room           show the join addresses, the join code and the QR code again",
    ]

    public func nextPrompt(in session: Session) -> WorkshopPrompt? {
        guard session.stage == .assessing, case .scoring(let itemID, let round) = RoomActivity.current(in: session),
              let item = session.framework.item(itemID), let heading = session.framework.heading(containing: itemID) else {
            return withComments(inner.nextPrompt(in: session), session: session)
        }
        let pending = RoomScoring.currentScores(in: session, itemID: itemID, round: round)
        if let typing = pending.typingFor, let participant = session.participant(typing) {
            return WorkshopPrompt(question: "\(participant.name), your score for \(itemID)", hidden: true, defaultHint: "Enter cancels")
        }
        let cursor = AssessmentStage.cursor(in: session)
        let text = AssessmentText(width: width)
        let position = (heading.items.firstIndex { $0.id == itemID }.map { $0 + 1 } ?? 1, heading.items.count)
        var lines = text.item(item, heading: heading, position: position, introduce: cursor.headingStarts[heading.id] == nil)
        lines += text.scale(session.framework.scale)
        if round > 1 { lines.append("Round \(round): score again after the discussion.") }
        lines.append("Participants score on their phones. Type reveal when ready; score NAME types a score for someone without a device.")
        lines.append(Self.progress(in: session))
        return WorkshopPrompt(text: lines.joined(separator: "\n"), question: "Scores for \(itemID)", defaultHint: "Enter shows who is in")
    }

    /// "in: 6 of 9 — waiting for Ann Lee, Mo Khan" for the round being scored.
    public static func progress(in session: Session) -> String {
        let waiting = RoomScoring.waitingFor(in: session)
        let count = session.participants.count - waiting.count
        let names = waiting.isEmpty ? "" : " — waiting for " + waiting.map(\.name).joined(separator: ", ")
        return "in: \(count) of \(session.participants.count)\(names)"
    }

    public func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep {
        let typed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = typed.lowercased()
        if word == "help", case .refused(let text) = inner.apply(answer, to: session, now: now) {
            return .refused(text + "\nWith the room:\n" + Self.commandHelp.map { "  " + $0 }.joined(separator: "\n"))
        }
        if let taken = takeComment(word, session: session, now: now) { return taken }
        guard session.stage == .assessing, case .scoring(let itemID, let round) = RoomActivity.current(in: session) else {
            return inner.apply(answer, to: session, now: now)
        }
        var pending = RoomScoring.currentScores(in: session, itemID: itemID, round: round)
        if let typing = pending.typingFor {
            var session = session
            guard !typed.isEmpty, word != "cancel" else {
                pending.typingFor = nil
                RoomScoring.store(pending, in: &session)
                return .accepted(session, message: "No score typed.")
            }
            let name = session.participant(typing)?.name ?? typing
            guard let score = Score.parse(typed, on: session.framework.scale) else {
                return .refused("That is not on the scale. Valid scores: \(session.framework.scale.validAnswersDescription).")
            }
            switch RoomScoring.submit(score, comment: nil, by: typing, itemID: itemID, round: round, to: session, now: now) {
            case .success(let next): return .accepted(next, message: "Thank you, \(name).")
            case .failure(let refusal): return .refused(refusal.message)
            }
        }
        switch word {
        case "":
            return .refused(Self.progress(in: session))
        case "reveal":
            switch RoomScoring.reveal(session, now: now) {
            case .success(let next): return .accepted(next, message: nil)
            case .failure(let refusal): return .refused(refusal.message)
            }
        case "help", "status", "pause", "back", "skip":
            return inner.apply(answer, to: session, now: now)
        default:
            break
        }
        if word.hasPrefix("goto") { return inner.apply(answer, to: session, now: now) }
        if word.hasPrefix("score ") {
            let reference = String(typed.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            guard let participant = session.participant(reference) else {
                return .refused("There is no participant \"\(reference.prefix(40))\". Participants: \(session.participants.map(\.name).joined(separator: ", ")).")
            }
            var session = session
            pending.typingFor = participant.id
            RoomScoring.store(pending, in: &session)
            return .accepted(session, message: nil)
        }
        if session.settings.scoring == .open {
            if case .accepted(var next, let message) = inner.apply(answer, to: session, now: now) {
                RoomScoring.store(DeviceScores(itemID: itemID, round: round), in: &next)
                return .accepted(next, message: message)
            }
            return inner.apply(answer, to: session, now: now)
        }
        return .refused("Type reveal to show the scores, score NAME to type one for someone, or help for the commands.")
    }

    // MARK: - Comments at the reveal

    /// Comments sent with the latest round of the item on show, sorted so their order does not say who wrote them.
    public static func comments(in session: Session) -> [String] {
        guard case .revealed(let itemID) = RoomActivity.current(in: session),
              let round = session.assessment(of: itemID)?.latestRound else { return [] }
        return round.scores.compactMap(\.comment).filter { !$0.isEmpty }.sorted()
    }

    private func withComments(_ prompt: WorkshopPrompt?, session: Session) -> WorkshopPrompt? {
        guard var prompt, AssessmentStage.cursor(in: session).step == .consensus else { return prompt }
        let comments = Self.comments(in: session)
        guard !comments.isEmpty else { return prompt }
        var lines = ["", "Comments sent with the scores (not attributed):"]
        for (index, comment) in comments.enumerated() {
            lines.append(TextWrap.wrap(comment, width: width, indent: "      ", firstIndent: "  c\(index + 1)  "))
        }
        lines.append("Type evidence c1, strength c1 or area c1 to keep a comment with this item.")
        prompt.text += "\n" + lines.joined(separator: "\n")
        return prompt
    }

    private func takeComment(_ word: String, session: Session, now: Date) -> WorkshopStep? {
        let parts = word.split(separator: " ")
        guard parts.count == 2, ["evidence", "strength", "area"].contains(parts[0]), parts[1].hasPrefix("c") else { return nil }
        let comments = Self.comments(in: session)
        guard case .revealed(let itemID) = RoomActivity.current(in: session) else {
            return .refused("Comments can be kept only while an item's scores are on show.")
        }
        guard let number = Int(parts[1].dropFirst()), comments.indices.contains(number - 1) else {
            return .refused(comments.isEmpty ? "No comments came with these scores." : "Choose a comment from c1 to c\(comments.count).")
        }
        var session = session
        var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
        let comment = comments[number - 1]
        switch parts[0] {
        case "evidence": assessment.evidence.append(comment)
        case "strength": assessment.strengths.append(comment)
        default: assessment.areasForImprovement.append(comment)
        }
        AssessmentStage.store(assessment, in: &session)
        session.updatedAt = now
        let list = parts[0] == "evidence" ? "the evidence" : parts[0] == "strength" ? "the strengths" : "the areas for improvement"
        return .accepted(session, message: "Comment c\(number) added to \(list) for \(itemID).")
    }
}
