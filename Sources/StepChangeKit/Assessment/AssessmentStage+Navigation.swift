import Foundation

/// Moving through the self-assessment: back, skip (the item returns at the end of its heading), goto,
/// and the cursor kept consistent with what the session holds.
extension AssessmentStage {
    func back(session: Session, cursor: AssessmentCursor) -> WorkshopStep {
        var session = session
        var cursor = cursor
        if cursor.step == .scoring, !cursor.blindScores.isEmpty {
            let removed = cursor.blindScores.removeLast()
            session.assessmentCursor = cursor
            let name = session.participants.first { $0.id == removed.participant }?.name ?? "the last participant"

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
        let sameHeading = session.framework.heading(containing: itemID)?.id == session.framework.heading(containing: next)?.id
        return .accepted(session, message: "Skipped \(itemID); it comes back " + (sameHeading ? "at the end of its heading." : "after the other items."))
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
        // The stored order is almost always the framework's own (or the same ids reordered): compare the
        // arrays first and build the two sets only when they differ.
        if cursor.order != ids, cursor.order.count != ids.count || Set(cursor.order) != Set(ids) { cursor.order = ids }
        if session.participants.isEmpty, cursor.step != .summary, cursor.step != .finished {
            cursor.itemID = nil
            cursor.step = .participants
            return cursor
        }
        if cursor.step.isAboutAnItem {
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
            let present = session.presentParticipants
            let known = Set(present.map(\.id))
            cursor.blindScores.removeAll { !known.contains($0.participant) }
            if nextBlindScorer(cursor, present: present) == nil { cursor.blindScores = [] }
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

    /// The next item not yet done after `current` in `order` (wrapping round): first the rest of
    /// `current`'s heading, items the group skipped there last (so a skipped item comes back at the end
    /// of its heading, before the heading's summary); then the other headings the same way.
    static func nextItem(after current: String?, in session: Session, order: [String]) -> String? {
        if current == nil, let answer = firstOpenItemInPlace(in: session, order: order) { return answer }
        return searchedNextItem(after: current, in: session, order: order)
    }

    /// `nextItem(after: nil, …)` without building a table of every item, when the session holds one
    /// assessment per item in `order`'s own order (as every session made by stepchange does): the first
    /// item not done and not skipped, else the first not done, else none (`.some(nil)`). The search counts
    /// an item's first record; here an item's record is the one at its place, which is its first record
    /// when its id stands nowhere earlier in `order` — checked for the answer, and nil (step aside to the
    /// search) when it does not hold.
    static func firstOpenItemInPlace(in session: Session, order: [String]) -> String?? {
        let assessments = session.assessments
        guard assessments.count == order.count else { return nil }
        for index in order.indices where assessments[index].itemID != order[index] { return nil }
        func firstPlace(_ index: Int) -> Bool { !order[..<index].contains(order[index]) }
        let open = order.indices.filter { !assessments[$0].isComplete }
        guard let answer = open.first(where: { !assessments[$0].skipped }) ?? open.first else { return .some(nil) }
        return firstPlace(answer) ? .some(order[answer]) : nil
    }

    /// The general `nextItem`, for any session.
    static func searchedNextItem(after current: String?, in session: Session, order: [String]) -> String? {
        let start = current.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let rotated = Array(order[start...] + order[..<start]).filter { $0 != current }
        // One pass over the assessments (the first record of an item counts, as in `assessment(of:)`)
        // and one over the framework, not a search of them for every item.
        var states: [String: (complete: Bool, skipped: Bool)] = [:]
        states.reserveCapacity(session.assessments.count)
        for assessment in session.assessments where states[assessment.itemID] == nil {
            states[assessment.itemID] = (assessment.isComplete, assessment.skipped)
        }
        let open = rotated.filter { states[$0]?.complete != true }
        // Staying under the current item's heading needs the heading of every open item; with no current
        // item (the start of the assessment) there is no heading to stay under, so none is looked up.
        var here: [String] = []
        if let current {
            let headings = HeadingLookup(session.framework)
            if let heading = headings.heading(containing: current) {
                here = open.filter { headings.heading(containing: $0) == heading }
            }
        }
        func firstNotSkipped(_ ids: [String]) -> String? {
            ids.first { states[$0]?.skipped != true } ?? ids.first
        }
        return firstNotSkipped(here) ?? firstNotSkipped(open)
    }

    static func store(_ assessment: ItemAssessment, in session: inout Session) {
        if let index = session.assessments.firstIndex(where: { $0.itemID == assessment.itemID }) {
            session.assessments[index] = assessment
        } else {
            session.assessments.append(assessment)
        }
    }

}

/// The id of the heading holding an item, as `Framework.heading(containing:)` answers it, from one pass
/// over the framework: when every id is ASCII, by the lower-cased form (the first heading wins, as in
/// the search, and ASCII ids match ignoring case exactly when their lower-cased forms are equal);
/// otherwise by the search itself.
struct HeadingLookup {
    let framework: Framework
    private var byID: [String: String] = [:]

    /// False when some item id is not ASCII: then every question goes to the search itself.
    private var allASCII = true

    init(_ framework: Framework) {
        self.framework = framework
        for heading in framework.headings {
            for item in heading.items {
                guard let key = Self.key(item.id) else {
                    allASCII = false
                    continue
                }
                if byID[key] == nil { byID[key] = heading.id }
            }
        }
    }

    func heading(containing itemID: String) -> String? {
        guard allASCII, let key = Self.key(itemID) else { return framework.heading(containing: itemID)?.id }
        return byID[key]
    }

    /// The ASCII id with upper-case letters lowered, or nil when it is not ASCII.
    static func key(_ id: String) -> String? {
        guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: id.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
