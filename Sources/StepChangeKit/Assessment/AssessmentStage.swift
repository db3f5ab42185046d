import Foundation

/// The self-assessment as a pure state machine: for each item, individual scores (open or blind),
/// the reveal, as many discussion rounds as the group wants, the consensus, then evidence, strengths
/// and areas for improvement; heading summaries along the way and the self-assessment summary last.
/// Where the group is lives in `session.assessmentCursor`, so a resumed run lands on the exact step.
public struct AssessmentStage: WorkshopStage {
    /// Columns the prompt text is wrapped to.
    public var width: Int

    public init(width: Int = 80) { self.width = width }

    /// The commands understood at every prompt, as `help` lists them.
    public static let commandHelp = [
        "help           this list",
        "back           return to the previous step",
        "skip           leave this item; it comes back at the end of its heading",
        "goto ITEM      go to an item by its id, e.g. goto LN3",
        "status         progress through the headings and items",
        "pause          save and stop, printing the command that resumes here",
        "In a list (evidence, strengths, areas, participants): edit N TEXT, delete N,",
        "               move N to evidence/strengths/areas; done ends the item's notes",
        "add participant NAME (Organisation, sector)   someone who arrives late",
        "absent NAME    they left: not asked to score from this item on (scores kept)",
        "present NAME   they are back       participants   the list, to edit",
    ]

    // MARK: - Prompts

    public func nextPrompt(in session: Session) -> WorkshopPrompt? {
        let cursor = Self.cursor(in: session)
        let text = AssessmentText(width: width)
        if let prompt = participantPrompt(cursor, session: session) { return prompt }
        switch cursor.step {
        case .finished:
            return nil
        case .summary:
            return WorkshopPrompt(text: text.selfAssessmentSummary(session).joined(separator: "\n"),
                                  question: "Self-assessment complete", defaultHint: "Enter moves on to improvement statements")
        default:
            break
        }
        guard let itemID = cursor.itemID, let item = session.framework.item(itemID),
              let heading = session.framework.heading(containing: itemID) else { return nil }
        let assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
        let position = (heading.items.firstIndex { $0.id == itemID }.map { $0 + 1 } ?? 1, heading.items.count)
        var lines = text.item(item, heading: heading, position: position, introduce: Self.opensHeading(cursor, heading: heading, in: session) && cursor.introducedHeading != heading.id)
        if let planned = session.settings.minutesPerHeading, let start = cursor.headingStarts[heading.id], let last = cursor.lastAnswerAt {
            lines.append(text.agenda(used: Self.minutes(from: start, to: last), planned: planned))
        }
        let lastYear = session.previousConsensus?[itemID].map { "Last year: \($0)." }
        let scale = session.framework.scale
        let present = session.presentParticipants
        switch cursor.step {
        case .scoring:
            let roundNote = cursor.round > 1 ? "Round \(cursor.round): score again after the discussion." : nil
            if let lastYear { lines.append(lastYear) }
            if session.settings.scoring == .blind, let participant = Self.nextBlindScorer(cursor, present: present) {
                let index = Self.blindScoresTyped(cursor, present: present)
                if index > 0 {
                    lines = ["", "Pass the keyboard to \(participant.name)."]
                } else {
                    lines += text.scale(scale)
                    lines.append("Blind scoring: each participant types their own score; it is not shown on screen.")
                    if let roundNote { lines.append(roundNote) }
                }
                return WorkshopPrompt(text: lines.joined(separator: "\n"),
                                      question: "\(participant.name) (\(index + 1) of \(present.count)), your score for \(item.id)",
                                      hidden: true)
            }
            lines += text.scale(scale)
            lines.append(TextWrap.wrap("Participants in order: " + present.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "),
                                       width: width, indent: "  "))
            if let roundNote { lines.append(roundNote) }
            return WorkshopPrompt(text: lines.joined(separator: "\n"),
                                  question: "Scores for \(item.id), one per participant (- or ? for don't know)")
        case .consensus:
            if assessment.latestRound?.source == .workshop {
                lines = ["", TextWrap.wrap(item.prompt, width: width, indent: "      ",
                                           firstIndent: item.id.padding(toLength: max(6, item.id.count + 2), withPad: " ", startingAt: 0))]
            }
            lines += text.reveal(assessment, session: session)
            if let lastYear { lines.append(lastYear) }
            let stats = assessment.latestRound.map { ConsensusStatistics(round: $0, scale: scale) }
            let suggestion = stats?.suggestedConsensus
            var hint = suggestion.map { "Enter accepts \($0); r re-scores after discussion" } ?? "Enter leaves it without a score; r re-scores"
            if let suggestion, Self.agreesAtOnce(assessment, scale: scale) {
                hint = "Enter agrees \(suggestion) and moves on; n adds notes first; r re-scores"
            }
            return WorkshopPrompt(text: lines.joined(separator: "\n"), question: "Consensus score for \(item.id)", defaultHint: hint)
        case .confirmOutsideRange:
            let stats = assessment.latestRound.map { ConsensusStatistics(round: $0, scale: scale) }
            let range = stats.flatMap { s in s.minimum.flatMap { low in s.maximum.map { low == $0 ? "\(low)" : "\(low)–\($0)" } } } ?? "none"
            return WorkshopPrompt(question: "\(cursor.pendingConsensus ?? 0) is outside the scores (\(range)). Record it? y/n",
                                  defaultHint: "Enter: no")
        case .outsideRangeReason:
            return WorkshopPrompt(question: "Reason for \(cursor.pendingConsensus ?? 0), kept with it",
                                  defaultHint: "Enter: do not record it")
        case .evidence, .strengths, .areas:
            return notesPrompt(cursor.step, item: item, assessment: assessment)
        default:
            return nil
        }
    }

    // MARK: - Answers

    public func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep {
        let shown = Self.cursor(in: session).itemID.flatMap { session.framework.heading(containing: $0)?.id }
        let step = take(answer, in: session, now: now)
        guard case .accepted(var next, let message) = step, let shown, next.assessmentCursor != nil else { return step }
        next.assessmentCursor?.introducedHeading = shown
        return .accepted(next, message: message)
    }

    /// Applies one answer; `apply` then notes which heading's introduction the group has seen.
    func take(_ answer: String, in session: Session, now: Date) -> WorkshopStep {
        var session = session
        var cursor = Self.cursor(in: session)
        let typed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = typed.lowercased()
        let before = cursor.position
        var message: String?

        if cursor.pendingRemoval != nil || cursor.pendingParticipant != nil, !["help", "pause", "status"].contains(word) {
            return answerPending(typed, session: session, cursor: cursor, now: now)
        }
        switch word {
        case "help":
            return .refused((["Commands you can type at any prompt:"] + Self.commandHelp.map { "  " + $0 }
                             + ["An empty line takes the default shown in brackets."]).joined(separator: "\n"))
        case "status":
            return .refused(AssessmentText(width: width).status(session, cursor: cursor).joined(separator: "\n"))
        case "pause":
            session.assessmentCursor = cursor
            return .pause(session)
        case "back":
            return back(session: session, cursor: cursor)
        case "skip":
            return skip(session: session, cursor: cursor, now: now)
        default:
            break
        }
        if word == "goto" || word.hasPrefix("goto ") {
            return goto(String(typed.dropFirst(4)).trimmingCharacters(in: .whitespaces), session: session, cursor: cursor, now: now)
        }
        if let step = participantCommand(typed, session: session, cursor: cursor, now: now) { return step }

        cursor.lastAnswerAt = now
        if let itemID = cursor.itemID, let heading = session.framework.heading(containing: itemID), cursor.headingStarts[heading.id] == nil {
            cursor.headingStarts[heading.id] = now
        }
        let scale = session.framework.scale

        switch cursor.step {
        case .finished:
            return .refused("The self-assessment is finished.")
        case .participants:
            return participantsAnswer(typed, session: session, cursor: cursor, now: now)
        case .summary:
            guard typed.isEmpty else {
                return .refused("Press Enter to finish the self-assessment, or type goto ITEM to revisit an item.")
            }
            cursor.itemID = nil
            cursor.step = .finished
        case .scoring:
            guard let itemID = cursor.itemID else { return .refused("No item is open.") }
            var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
            let present = session.presentParticipants
            guard !present.isEmpty else {
                return .refused("Everyone is marked absent. Type present NAME for someone in the room, or add participant NAME (Organisation, sector).")
            }
            if session.settings.scoring == .blind {
                guard let participant = Self.nextBlindScorer(cursor, present: present) else {
                    return .refused("Everyone in the room has scored \(itemID) in this round.")
                }
                guard let score = Score.parse(typed, on: scale) else {
                    return .refused(typed.isEmpty
                        ? "\(participant.name), type your score: \(scale.validAnswersDescription)."
                        : "That is not on the scale. Valid scores: \(scale.validAnswersDescription).")
                }
                cursor.blindScores.append(ParticipantScore(participant: participant.id, score: score))
                guard Self.nextBlindScorer(cursor, present: present) == nil else {
                    session.assessmentCursor = cursor
                    session.updatedAt = now
                    return .accepted(session, message: "Thank you, \(participant.name).")
                }
                assessment.rounds.append(Self.blindRound(cursor, present: present, number: assessment.rounds.count + 1))
                cursor.blindScores = []
            } else {
                guard !typed.isEmpty else {
                    return .refused("Type one score for each participant, in order (\(present.map(\.name).joined(separator: ", "))), e.g. \(Self.example(for: session)). Valid scores: \(scale.validAnswersDescription).")
                }
                switch ScoreLine.parse(typed, participants: present, scale: scale) {
                case .success(let scores):
                    assessment.rounds.append(ScoringRound(number: assessment.rounds.count + 1, scores: scores))
                case .failure(let error):
                    return .refused(error.message)
                }
            }
            Self.store(assessment, in: &session)
            cursor.step = .consensus
        case .consensus:
            guard let itemID = cursor.itemID, var assessment = session.assessment(of: itemID), let round = assessment.latestRound else {
                return .refused("There are no scores to agree from yet.")
            }
            let stats = ConsensusStatistics(round: round, scale: scale)
            if typed.isEmpty || ["n", "notes"].contains(word) {
                let atOnce = typed.isEmpty && Self.agreesAtOnce(assessment, scale: scale)
                if let suggested = stats.suggestedConsensus {
                    assessment.consensus = ConsensusRecord(score: suggested, suggested: suggested, round: round.number, agreedAt: now)
                } else {
                    assessment.consensus = nil
                    message = "\(itemID) is left without a consensus: no one gave a score."
                }
                Self.store(assessment, in: &session)
                if atOnce {
                    return finishItem(itemID, session: session, cursor: cursor, before: before, now: now,
                                      note: "Agreed \(stats.suggestedConsensus ?? 0) for \(itemID); to add notes later, goto \(itemID) and type n.")
                }
                cursor.step = .evidence
            } else if ["r", "rescore", "re-score"].contains(word) {
                cursor.step = .scoring
                cursor.round = assessment.rounds.count + 1
                cursor.blindScores = []
            } else if let value = Int(typed), scale.level(value) != nil {
                if let low = stats.minimum, let high = stats.maximum, value < low || value > high {
                    cursor.pendingConsensus = value
                    cursor.step = .confirmOutsideRange
                } else {
                    assessment.consensus = ConsensusRecord(score: value, suggested: stats.suggestedConsensus, round: round.number, agreedAt: now)
                    Self.store(assessment, in: &session)
                    cursor.step = .evidence
                }
            } else {
                let accept = stats.suggestedConsensus.map { "press Enter to accept \($0)" } ?? "press Enter to leave it without a score"
                return .refused("\"\(typed.prefix(40))\" is not a consensus score. Type one of \(scale.values.map(String.init).joined(separator: ", ")); \(accept); or type r to discuss and score again.")
            }
        case .confirmOutsideRange:
            switch word {
            case "y", "yes":
                cursor.step = .outsideRangeReason
            case "", "n", "no":
                cursor.pendingConsensus = nil
                cursor.step = .consensus
                message = "Not recorded; agree the consensus again."
            default:
                return .refused("Type y to record \(cursor.pendingConsensus ?? 0) anyway, or n (or Enter) to choose again.")
            }
        case .outsideRangeReason:
            guard let itemID = cursor.itemID, var assessment = session.assessment(of: itemID), let round = assessment.latestRound,
                  let value = cursor.pendingConsensus else {
                cursor.step = .consensus
                break
            }
            if typed.isEmpty {
                message = "Not recorded: a consensus outside the individual scores needs a reason."
            } else {
                let suggested = ConsensusStatistics(round: round, scale: scale).suggestedConsensus
                assessment.consensus = ConsensusRecord(score: value, suggested: suggested, round: round.number, outsideRangeReason: typed, agreedAt: now)
                Self.store(assessment, in: &session)
            }
            cursor.pendingConsensus = nil
            cursor.step = typed.isEmpty ? .consensus : .evidence
        case .evidence, .strengths, .areas:
            return notesAnswer(typed, session: session, cursor: cursor, before: before, now: now)
        }
        if cursor.position != before { cursor.remember(before) }
        session.assessmentCursor = cursor
        session.updatedAt = now
        return .accepted(session, message: message)
    }

    /// Marks the item done, shows its heading's summary when the heading is complete, and moves on.
    func finishItem(_ itemID: String, session: Session, cursor: AssessmentCursor, before: AssessmentPosition, now: Date, note: String? = nil) -> WorkshopStep {
        var session = session
        var cursor = cursor
        var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
        assessment.completedAt = now
        assessment.skipped = false
        Self.store(assessment, in: &session)
        var lines = note.map { [$0] } ?? []
        if let heading = session.framework.heading(containing: itemID),
           heading.items.allSatisfy({ session.assessment(of: $0.id)?.isComplete == true }) {
            let used = cursor.headingStarts[heading.id].map { Self.minutes(from: $0, to: now) }
            lines += AssessmentText(width: width).headingSummary(heading.id, session: session, minutesUsed: used)
        }
        cursor = Self.advance(cursor, after: itemID, in: session, now: now)
        if cursor.position != before { cursor.remember(before) }
        session.assessmentCursor = cursor
        session.updatedAt = now
        return .accepted(session, message: lines.isEmpty ? nil : lines.joined(separator: "\n"))
    }

    /// The present participant whose hidden score is asked next: the first in the list without one in
    /// this round (so someone who leaves or comes back mid-round never disturbs the scores already typed).
    static func nextBlindScorer(_ cursor: AssessmentCursor, present: [Participant]) -> Participant? {
        let typed = Set(cursor.blindScores.map(\.participant))
        return present.first { !typed.contains($0.id) }
    }

    /// How many of the present participants have typed their hidden score in this round.
    static func blindScoresTyped(_ cursor: AssessmentCursor, present: [Participant]) -> Int {
        let typed = Set(cursor.blindScores.map(\.participant))
        return present.filter { typed.contains($0.id) }.count
    }

    /// The blind round as recorded: the present participants' hidden scores, in participant order.
    static func blindRound(_ cursor: AssessmentCursor, present: [Participant], number: Int) -> ScoringRound {
        let scores = present.compactMap { participant in cursor.blindScores.first { $0.participant == participant.id } }
        return ScoringRound(number: number, scores: scores)
    }

    /// True when Enter at the reveal agrees the item and moves straight on: the scores were imported
    /// and lie within one level of each other, so there is nothing to discuss.
    static func agreesAtOnce(_ assessment: ItemAssessment, scale: Scale) -> Bool {
        guard let round = assessment.latestRound, round.source == .imported else { return false }
        let stats = ConsensusStatistics(round: round, scale: scale)
        return stats.agreement == .consensus && stats.suggestedConsensus != nil
    }

    /// True when this item's prompt opens its heading: the step before was in another heading (or none).
    static func opensHeading(_ cursor: AssessmentCursor, heading: Heading, in session: Session) -> Bool {
        guard let previous = cursor.trail.last?.itemID else { return true }
        return session.framework.heading(containing: previous)?.id != heading.id
    }

    static func example(for session: Session) -> String {
        let values = session.framework.scale.values
        let count = session.presentParticipants.count
        return (0..<count).map { index in
            index == count - 1 && index > 0 && session.framework.scale.dontKnow != nil ? "-" : String(values[(values.count / 2 + index) % values.count])
        }.joined(separator: " ")
    }

    static func minutes(from start: Date, to end: Date) -> Int {
        max(0, Int(end.timeIntervalSince(start) / 60))
    }
}
