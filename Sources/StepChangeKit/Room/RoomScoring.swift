import Foundation

/// The changes participants' devices make to a session, as pure functions: a score (with an optional
/// comment) for the round being scored, the reveal, and dot votes. Each returns the new session or
/// a refusal the device is shown; the shell saves the new session before it answers the device.
public enum RoomScoring {
    /// Comments longer than this are cut: the page asks for one line.
    public static let commentLimit = 280

    /// Records `score` for `participantID` on the round being scored. `itemID` and `round` are the ones
    /// the device's page showed: a page left open on an earlier item never scores the current one.
    /// When everyone has scored, the round is recorded and the reveal follows.
    public static func submit(_ score: Score, comment: String?, by participantID: String, itemID: String, round: Int,
                              to session: Session, now: Date) -> Result<Session, RoomRefusal> {
        guard case .scoring(let currentItem, let currentRound) = RoomActivity.current(in: session) else {
            return .failure(RoomRefusal("Scoring for this item has closed."))
        }
        guard currentItem == itemID, currentRound == round else {
            return .failure(RoomRefusal("The group has moved on to \(currentItem); your score was not recorded for \(itemID)."))
        }
        guard session.participant(participantID)?.id == participantID else { return .failure(RoomRefusal("You are not a participant of this session.")) }
        if case .value(let number) = score, session.framework.scale.level(number) == nil {
            return .failure(RoomRefusal("\(number) is not on the scale."))
        }
        if score == .dontKnow, session.framework.scale.dontKnow == nil {
            return .failure(RoomRefusal("This scale has no \"don't know\"."))
        }
        var session = session
        var pending = currentScores(in: session, itemID: itemID, round: round)
        let note = comment.map { String(InboundText.clean($0, .oneLine).prefix(commentLimit)).trimmingCharacters(in: .whitespaces) }
        pending.scores.removeAll { $0.participant == participantID }
        pending.scores.append(ParticipantScore(participant: participantID, score: score, comment: note?.isEmpty == false ? note : nil))
        if pending.typingFor == participantID { pending.typingFor = nil }
        store(pending, in: &session)
        session.updatedAt = now
        if Set(pending.scores.map(\.participant)).isSuperset(of: session.presentParticipants.map(\.id)) { return .success(record(session, now: now)) }
        return .success(session)
    }

    /// The scores in for an item's round (empty when none yet).
    public static func currentScores(in session: Session, itemID: String, round: Int) -> DeviceScores {
        session.deviceScores?.first { $0.itemID == itemID && $0.round == round } ?? DeviceScores(itemID: itemID, round: round)
    }

    /// Puts an item's round of device scores in the session, replacing the stored one for the same item and round.
    public static func store(_ scores: DeviceScores, in session: inout Session) {
        var all = (session.deviceScores ?? []).filter { $0.itemID != scores.itemID || $0.round != scores.round }
        if !scores.scores.isEmpty || scores.typingFor != nil { all.append(scores) }
        session.deviceScores = all.isEmpty ? nil : all
    }

    /// Participants who have not scored the round being scored yet, in session order.
    public static func waitingFor(in session: Session) -> [Participant] {
        guard case .scoring(let itemID, let round) = RoomActivity.current(in: session) else { return [] }
        let scored = Set(currentScores(in: session, itemID: itemID, round: round).scores.map(\.participant))
        return session.presentParticipants.filter { !scored.contains($0.id) }
    }

    /// Reveals the round now: the scores in become the round; those missing are recorded as not
    /// scoring (absent from the round), not as "don't know".
    public static func reveal(_ session: Session, now: Date) -> Result<Session, RoomRefusal> {
        guard case .scoring(let itemID, let round) = RoomActivity.current(in: session) else {
            return .failure(RoomRefusal("There is no round being scored to reveal."))
        }
        guard !currentScores(in: session, itemID: itemID, round: round).scores.isEmpty else {
            return .failure(RoomRefusal("No scores are in yet; wait for at least one, or type a score for someone."))
        }
        return .success(record(session, now: now))
    }

    /// Turns the stored device scores into the item's next round and moves to the reveal.
    static func record(_ session: Session, now: Date) -> Session {
        var session = session
        guard case .scoring(let itemID, let round) = RoomActivity.current(in: session) else { return session }
        let pending = currentScores(in: session, itemID: itemID, round: round)
        var cursor = AssessmentStage.cursor(in: session)
        var assessment = session.assessment(of: pending.itemID) ?? ItemAssessment(itemID: pending.itemID)
        let order = session.participants.map(\.id)
        let scores = pending.scores.filter { order.contains($0.participant) }.sorted { (order.firstIndex(of: $0.participant) ?? .max) < (order.firstIndex(of: $1.participant) ?? .max) }
        assessment.rounds.append(ScoringRound(number: assessment.rounds.count + 1, scores: scores))
        AssessmentStage.store(assessment, in: &session)
        cursor.blindScores = []
        cursor.step = .consensus
        cursor.lastAnswerAt = now
        session.assessmentCursor = cursor
        store(DeviceScores(itemID: itemID, round: round), in: &session)
        session.updatedAt = now
        return session
    }

    /// Replaces a participant's dot votes while voting is open, with the terminal's rules: only
    /// existing statements, whole positive counts, at most the session's allowance in total.
    public static func vote(_ counts: [String: Int], by participantID: String, in session: Session, now: Date) -> Result<Session, RoomRefusal> {
        guard RoomActivity.current(in: session) == .voting else { return .failure(RoomRefusal("Voting is not open.")) }
        guard session.participant(participantID)?.id == participantID else { return .failure(RoomRefusal("You are not a participant of this session.")) }
        let allowance = session.settings.votesPerParticipant
        var votes: [Vote] = []
        for statement in session.statements {
            guard let count = counts[statement.id], count != 0 else { continue }
            guard count > 0 else { return .failure(RoomRefusal("Votes must be whole numbers of at least 0.")) }
            votes.append(Vote(participant: participantID, statement: statement.id, count: count))
        }
        if let unknown = counts.keys.sorted().first(where: { session.statement($0)?.id != $0 }), counts[unknown] != 0 {
            return .failure(RoomRefusal("There is no statement \(unknown.prefix(20))."))
        }
        let total = votes.reduce(0) { $0 + $1.count }
        guard total <= allowance else {
            return .failure(RoomRefusal("That is \(total) votes; you have \(allowance). Give at most \(allowance)."))
        }
        var session = session
        session.votes.removeAll { $0.participant == participantID }
        session.votes += votes
        session.updatedAt = now
        return .success(session)
    }
}
