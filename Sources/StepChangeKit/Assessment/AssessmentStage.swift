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
        "skip           leave this item and come back to it after the others",
        "goto ITEM      go to an item by its id, e.g. goto LN3",
        "status         progress through the headings and items",
        "pause          save and stop, printing the command that resumes here",
    ]

    // MARK: - Prompts

    public func nextPrompt(in session: Session) -> WorkshopPrompt? {
        let cursor = Self.cursor(in: session)
        let text = AssessmentText(width: width)
        switch cursor.step {
        case .finished:
            return nil
        case .participants:
            var lines = ["", "Participants: add everyone taking part, one per line, as Name (Organisation, sector).",
                         "Sectors: " + Sector.allCases.map(\.label).joined(separator: ", ") + "."]
            lines += session.participants.map { "  \($0.id)  \($0.name)" + ($0.organisation.isEmpty ? "" : ", \($0.organisation)") + " (\($0.sector.label))" }
            return WorkshopPrompt(text: lines.joined(separator: "\n"), question: "Participant",
                                  defaultHint: session.participants.isEmpty ? nil : "Enter when everyone is added")
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
        var lines = text.item(item, heading: heading, position: position, introduce: cursor.headingStarts[heading.id] == nil)
        if let planned = session.settings.minutesPerHeading, let start = cursor.headingStarts[heading.id], let last = cursor.lastAnswerAt {
            lines.append(text.agenda(used: Self.minutes(from: start, to: last), planned: planned))
        }
        let scale = session.framework.scale
        switch cursor.step {
        case .scoring:
            let roundNote = cursor.round > 1 ? "Round \(cursor.round): score again after the discussion." : nil
            if session.settings.scoring == .blind {
                let index = cursor.blindScores.count
                let participant = session.participants[index]
                if index > 0 {
                    lines = ["", "Pass the keyboard to \(participant.name)."]
                } else {
                    lines += text.scale(scale)
                    lines.append("Blind scoring: each participant types their own score; it is not shown on screen.")
                    if let roundNote { lines.append(roundNote) }
                }
                return WorkshopPrompt(text: lines.joined(separator: "\n"),
                                      question: "\(participant.name) (\(index + 1) of \(session.participants.count)), your score for \(item.id)",
                                      hidden: true)
            }
            lines += text.scale(scale)
            lines.append(TextWrap.wrap("Participants in order: " + session.participants.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "),
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
            let suggestion = assessment.latestRound.flatMap { ConsensusStatistics(round: $0, scale: scale).suggestedConsensus }
            return WorkshopPrompt(text: lines.joined(separator: "\n"), question: "Consensus score for \(item.id)",
                                  defaultHint: suggestion.map { "Enter accepts \($0); r re-scores after discussion" }
                                      ?? "Enter leaves it without a score; r re-scores")
        case .confirmOutsideRange:
            let stats = assessment.latestRound.map { ConsensusStatistics(round: $0, scale: scale) }
            let range = stats.flatMap { s in s.minimum.map { $0 == s.maximum ? "\($0)" : "\($0)–\(s.maximum!)" } } ?? "none"
            return WorkshopPrompt(question: "\(cursor.pendingConsensus ?? 0) is outside the scores (\(range)). Record it? y/n",
                                  defaultHint: "Enter: no")
        case .outsideRangeReason:
            return WorkshopPrompt(question: "Reason for \(cursor.pendingConsensus ?? 0), kept with it",
                                  defaultHint: "Enter: do not record it")
        case .evidence, .strengths, .areas:
            let (title, entries) = Self.list(cursor.step, of: assessment)
            guard entries.isEmpty else {
                return WorkshopPrompt(question: "\(title) (\(entries.count) so far)", defaultHint: "Enter ends the list")
            }
            var notes = [""]
            if cursor.step == .evidence {
                notes.append("Consensus for \(item.id): " + (assessment.consensus.map { String($0.score) } ?? "not agreed") + ".")
            }
            notes.append("\(title) for \(item.id): one per line; an empty line ends the list.")
            return WorkshopPrompt(text: notes.joined(separator: "\n"), question: title, defaultHint: "Enter skips")
        default:
            return nil
        }
    }

    // MARK: - Answers

    public func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep {
        var session = session
        var cursor = Self.cursor(in: session)
        let typed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = typed.lowercased()
        let before = cursor.position
        var message: String?

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

        cursor.lastAnswerAt = now
        if let itemID = cursor.itemID, let heading = session.framework.heading(containing: itemID), cursor.headingStarts[heading.id] == nil {
            cursor.headingStarts[heading.id] = now
        }
        let scale = session.framework.scale

        switch cursor.step {
        case .finished:
            return .refused("The self-assessment is finished.")
        case .participants:
            if typed.isEmpty {
                guard !session.participants.isEmpty else {
                    return .refused("Add at least one participant, e.g. Ann Lee (Council, statutory).")
                }
                cursor = Self.advance(cursor, after: nil, in: session, now: now)
            } else {
                switch ParticipantList.parse(typed, after: session.participants) {
                case .success(let added):
                    session.participants += added
                    message = "Added " + added.map { "\($0.name) (\($0.id))" }.joined(separator: ", ") + "."
                case .failure(let error):
                    return .refused(error.message)
                }
            }
        case .summary:
            guard typed.isEmpty else {
                return .refused("Press Enter to finish the self-assessment, or type goto ITEM to revisit an item.")
            }
            cursor.itemID = nil
            cursor.step = .finished
        case .scoring:
            guard let itemID = cursor.itemID else { return .refused("No item is open.") }
            var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
            if session.settings.scoring == .blind {
                let participant = session.participants[cursor.blindScores.count]
                guard let score = Score.parse(typed, on: scale) else {
                    return .refused(typed.isEmpty
                        ? "\(participant.name), type your score: \(scale.validAnswersDescription)."
                        : "That is not on the scale. Valid scores: \(scale.validAnswersDescription).")
                }
                cursor.blindScores.append(ParticipantScore(participant: participant.id, score: score))
                guard cursor.blindScores.count == session.participants.count else {
                    session.assessmentCursor = cursor
                    session.updatedAt = now
                    return .accepted(session, message: "Thank you, \(participant.name).")
                }
                assessment.rounds.append(ScoringRound(number: assessment.rounds.count + 1, scores: cursor.blindScores))
                cursor.blindScores = []
            } else {
                guard !typed.isEmpty else {
                    return .refused("Type one score for each participant, in order (\(session.participants.map(\.name).joined(separator: ", "))), e.g. \(Self.example(for: session)). Valid scores: \(scale.validAnswersDescription).")
                }
                switch ScoreLine.parse(typed, participants: session.participants, scale: scale) {
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
            if typed.isEmpty {
                if let suggested = stats.suggestedConsensus {
                    assessment.consensus = ConsensusRecord(score: suggested, suggested: suggested, round: round.number, agreedAt: now)
                } else {
                    assessment.consensus = nil
                    message = "\(itemID) is left without a consensus: no one gave a score."
                }
                Self.store(assessment, in: &session)
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
            guard let itemID = cursor.itemID else { return .refused("No item is open.") }
            var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
            if !typed.isEmpty {
                switch cursor.step {
                case .evidence: assessment.evidence.append(typed)
                case .strengths: assessment.strengths.append(typed)
                default: assessment.areasForImprovement.append(typed)
                }
                Self.store(assessment, in: &session)
            } else if cursor.step == .evidence {
                cursor.step = .strengths
            } else if cursor.step == .strengths {
                cursor.step = .areas
            } else {
                assessment.completedAt = now
                assessment.skipped = false
                Self.store(assessment, in: &session)
                if let heading = session.framework.heading(containing: itemID),
                   heading.items.allSatisfy({ session.assessment(of: $0.id)?.isComplete == true }) {
                    let used = cursor.headingStarts[heading.id].map { Self.minutes(from: $0, to: now) }
                    message = AssessmentText(width: width).headingSummary(heading.id, session: session, minutesUsed: used).joined(separator: "\n")
                }
                cursor = Self.advance(cursor, after: itemID, in: session, now: now)
            }
        }
        if cursor.position != before { cursor.remember(before) }
        session.assessmentCursor = cursor
        session.updatedAt = now
        return .accepted(session, message: message)
    }

    // MARK: - Commands that move the cursor

    func back(session: Session, cursor: AssessmentCursor) -> WorkshopStep {
        var session = session
        var cursor = cursor
        if cursor.step == .scoring, !cursor.blindScores.isEmpty {
            cursor.blindScores.removeLast()
            session.assessmentCursor = cursor
            let name = session.participants[cursor.blindScores.count].name
            return .accepted(session, message: "Back to \(name)'s score.")
        }
        while let previous = cursor.trail.popLast() {
            if let itemID = previous.itemID, session.framework.item(itemID) == nil { continue }
            cursor.itemID = previous.itemID
            cursor.step = previous.step
            cursor.pendingConsensus = previous.pendingConsensus
            cursor.blindScores = []
            if let itemID = previous.itemID {
                cursor.round = (session.assessment(of: itemID)?.rounds.count ?? 0) + 1
            }
            session.assessmentCursor = Self.normalised(cursor, in: session)
            let place = previous.itemID.map { "\($0), " } ?? ""
            let note = previous.step == .scoring ? " Scores typed now make a new round; earlier rounds are kept." : ""
            return .accepted(session, message: "Back to \(place)\(AssessmentText.describe(previous.step)).\(note)")
        }
        return .refused("There is no earlier step to go back to.")
    }

    func skip(session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep {
        guard let itemID = cursor.itemID else { return .refused("There is no item to skip here.") }
        guard let next = Self.nextItem(after: itemID, in: session, order: cursor.order) else {
            return .refused("\(itemID) is the last item left, so there is nothing to come back to it after. Agree it, or type pause to stop for now.")
        }
        var session = session
        var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
        if !assessment.isComplete {
            assessment.skipped = true
            Self.store(assessment, in: &session)
        }
        var moved = Self.enter(next, cursor: cursor, in: session, now: now)
        moved.remember(cursor.position)
        session.assessmentCursor = moved
        session.updatedAt = now
        return .accepted(session, message: "Skipped \(itemID); it comes back after the other items.")
    }

    func goto(_ reference: String, session: Session, cursor: AssessmentCursor, now: Date) -> WorkshopStep {
        let ids = session.framework.itemIDs
        guard !reference.isEmpty else {
            return .refused("Type goto and an item id, e.g. goto \(ids.first ?? "LN1"). Items: \(ids.joined(separator: ", ")).")
        }
        guard let item = session.framework.item(reference) else {
            let guess = Suggestion.closest(to: reference, among: ids).map { " Did you mean \($0)?" } ?? ""
            return .refused("There is no item \"\(reference.prefix(40))\".\(guess) Items: \(ids.joined(separator: ", ")).")
        }
        guard !session.participants.isEmpty else { return .refused("Add the participants first.") }
        var session = session
        var moved = Self.enter(item.id, cursor: cursor, in: session, now: now)
        moved.remember(cursor.position)
        session.assessmentCursor = moved
        session.updatedAt = now
        return .accepted(session, message: "Going to \(item.id).")
    }

    // MARK: - The cursor

    /// The cursor stored in the session, made consistent with what the session holds (a missing or
    /// hand-edited cursor, or scores imported since it was saved, never strands the group).
    public static func cursor(in session: Session) -> AssessmentCursor {
        guard let stored = session.assessmentCursor else { return initialCursor(for: session, order: session.framework.itemIDs) }
        return normalised(stored, in: session)
    }

    /// Where a session starts (or restarts) its self-assessment: the participants step when there
    /// are none, else the first item not yet done in `order`, else the summary.
    public static func initialCursor(for session: Session, order: [String]) -> AssessmentCursor {
        var cursor = AssessmentCursor(order: order, itemID: nil, step: .participants)
        if session.participants.isEmpty { return cursor }
        if let first = nextItem(after: nil, in: session, order: order) {
            cursor = enter(first, cursor: cursor, in: session, now: nil)
        } else {
            cursor.step = .summary
        }
        return cursor
    }

    /// Returns the session with the self-assessment reopened at the first item not yet done (or the
    /// summary), for `run --stage assessing`. Every round, consensus and note is kept.
    public static func reopen(_ session: Session) -> Session {
        var session = session
        let order = session.assessmentCursor?.order ?? session.framework.itemIDs
        var cursor = initialCursor(for: session, order: order)
        cursor.headingStarts = session.assessmentCursor?.headingStarts ?? [:]
        session.assessmentCursor = cursor
        return session
    }

    /// The session with its remaining items put in a new order; the group carries on where it was.
    public static func reorder(_ session: Session, by order: ItemOrder) -> Session {
        var session = session
        var cursor = cursor(in: session)
        cursor.order = order.itemIDs(in: session)
        let untouched = session.assessments.allSatisfy { assessment in
            assessment.consensus == nil && !assessment.isComplete && assessment.rounds.allSatisfy { $0.source == .imported }
        }
        let atStart = (cursor.step == .scoring && cursor.blindScores.isEmpty) || cursor.step == .consensus
        if untouched, atStart, let first = nextItem(after: nil, in: session, order: cursor.order) {
            cursor = enter(first, cursor: cursor, in: session, now: nil)
        }
        session.assessmentCursor = cursor
        return session
    }

    static func normalised(_ stored: AssessmentCursor, in session: Session) -> AssessmentCursor {
        var cursor = stored
        let ids = session.framework.itemIDs
        if cursor.order.count != ids.count || Set(cursor.order) != Set(ids) { cursor.order = ids }
        if session.participants.isEmpty, cursor.step != .summary, cursor.step != .finished {
            cursor.itemID = nil
            cursor.step = .participants
            return cursor
        }
        let itemSteps: Set<AssessmentStep> = [.scoring, .consensus, .confirmOutsideRange, .outsideRangeReason, .evidence, .strengths, .areas]
        if itemSteps.contains(cursor.step) {
            guard let itemID = cursor.itemID, let item = session.framework.item(itemID) else {
                var fresh = initialCursor(for: session, order: cursor.order)
                fresh.headingStarts = cursor.headingStarts
                fresh.lastAnswerAt = cursor.lastAnswerAt
                return fresh
            }
            cursor.itemID = item.id
        }
        let rounds = cursor.itemID.flatMap { session.assessment(of: $0)?.rounds.count } ?? 0
        if cursor.step == .scoring {
            if rounds >= cursor.round {
                cursor.step = .consensus
                cursor.blindScores = []
            } else {
                cursor.round = rounds + 1
            }
            let known = Set(session.participants.map(\.id))
            if cursor.blindScores.count >= session.participants.count
                || zip(cursor.blindScores, session.participants).contains(where: { $0.participant != $1.id })
                || !cursor.blindScores.allSatisfy({ known.contains($0.participant) }) {
                cursor.blindScores = []
            }
        }
        if [.consensus, .confirmOutsideRange, .outsideRangeReason].contains(cursor.step), rounds == 0 {
            cursor.step = .scoring
            cursor.round = 1
        }
        if [.confirmOutsideRange, .outsideRangeReason].contains(cursor.step), cursor.pendingConsensus == nil {
            cursor.step = .consensus
        }
        if cursor.step == .participants, session.participants.isEmpty == false, cursor.itemID != nil {
            cursor.itemID = nil
        }
        return cursor
    }

    /// The cursor on an item's first step: scoring when it has no scores, else the reveal.
    static func enter(_ itemID: String, cursor: AssessmentCursor, in session: Session, now: Date?) -> AssessmentCursor {
        var cursor = cursor
        let rounds = session.assessment(of: itemID)?.rounds.count ?? 0
        cursor.itemID = itemID
        cursor.step = rounds == 0 ? .scoring : .consensus
        cursor.round = rounds + 1
        cursor.blindScores = []
        cursor.pendingConsensus = nil
        if let now, let heading = session.framework.heading(containing: itemID), cursor.headingStarts[heading.id] == nil {
            cursor.headingStarts[heading.id] = now
        }
        return cursor
    }

    /// After finishing an item: the next item not yet done, or the summary when all are done.
    static func advance(_ cursor: AssessmentCursor, after itemID: String?, in session: Session, now: Date) -> AssessmentCursor {
        if let next = nextItem(after: itemID, in: session, order: cursor.order) {
            return enter(next, cursor: cursor, in: session, now: now)
        }
        var cursor = cursor
        cursor.itemID = nil
        cursor.step = .summary
        cursor.blindScores = []
        cursor.pendingConsensus = nil
        return cursor
    }

    /// The next item not yet done after `current` in `order` (wrapping round), items the group
    /// skipped coming last; nil when every other item is done.
    static func nextItem(after current: String?, in session: Session, order: [String]) -> String? {
        let start = current.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let rotated = Array(order[start...] + order[..<start]).filter { $0 != current }
        let open = rotated.filter { session.assessment(of: $0)?.isComplete != true }
        return open.first { session.assessment(of: $0)?.skipped != true } ?? open.first
    }

    static func store(_ assessment: ItemAssessment, in session: inout Session) {
        if let index = session.assessments.firstIndex(where: { $0.itemID == assessment.itemID }) {
            session.assessments[index] = assessment
        } else {
            session.assessments.append(assessment)
        }
    }

    static func list(_ step: AssessmentStep, of assessment: ItemAssessment) -> (String, [String]) {
        switch step {
        case .evidence: ("Evidence or rationale", assessment.evidence)
        case .strengths: ("Strengths", assessment.strengths)
        default: ("Areas for improvement", assessment.areasForImprovement)
        }
    }

    static func example(for session: Session) -> String {
        let values = session.framework.scale.values
        return session.participants.indices.map { index in
            index == session.participants.count - 1 && index > 0 && session.framework.scale.dontKnow != nil ? "-" : String(values[(values.count / 2 + index) % values.count])
        }.joined(separator: " ")
    }

    static func minutes(from start: Date, to end: Date) -> Int {
        max(0, Int(end.timeIntervalSince(start) / 60))
    }
}
