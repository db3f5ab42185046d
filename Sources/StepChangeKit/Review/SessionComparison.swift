import Foundation

/// Two self-assessments on the same framework side by side: consensus per heading and per item then
/// and now, agreement then and now, the items that moved most, statements carried forward, new or
/// dropped, and where the earlier session's actions got to. Items are matched by id, so a session on
/// a newer version of the framework still compares; items in only one session are listed.
public struct SessionComparison: Sendable {
    /// Which way a score moved, with the symbol and the plain-text form for readers without symbols.
    public enum Direction: String, Sendable {
        case up, down, same

        init(_ change: Double) {
            self = change > 0.005 ? .up : change < -0.005 ? .down : .same
        }

        public var symbol: String {
            switch self {
            case .up: "▲"
            case .down: "▼"
            case .same: "="
            }
        }
    }

    /// One prompt then and now. `old`/`new` are nil when the item was not in that session's framework
    /// or had no agreed score.
    public struct ItemChange: Equatable, Sendable {
        public let itemID: String
        public let prompt: String
        public let inOld: Bool
        public let inNew: Bool
        public let old: Int?
        public let new: Int?
        public let oldAgreement: AgreementClass?
        public let newAgreement: AgreementClass?

        /// The change in consensus, when both sessions agreed a score.
        public var change: Int? { old.flatMap { o in new.map { $0 - o } } }
        public var direction: Direction? { change.map { Direction(Double($0)) } }
    }

    /// One heading then and now: mean consensus in each session and its items.
    public struct HeadingChange: Equatable, Sendable {
        public let headingID: String
        public let title: String
        public let oldMean: Double?
        public let newMean: Double?
        public let items: [ItemChange]

        /// The change between the means as shown (to two decimals), so "2.17 → 2.58 (+0.41)" adds up for a reader.
        public var change: Double? { SessionComparison.shownChange(oldMean, newMean) }
        public var direction: Direction? { change.map(Direction.init) }
    }

    /// What became of the earlier session's statements.
    public struct StatementChanges: Sendable {
        public let carriedForward: [StatementMatcher.Match]
        public let new: [ImprovementStatement]
        /// Earlier statements not carried forward whose every action is complete: finished, not dropped.
        public let completed: [ImprovementStatement]
        public let dropped: [ImprovementStatement]
    }

    /// One of the earlier session's actions and its latest status.
    public struct ActionProgress: Equatable, Sendable {
        public let action: Action
        public var status: ActionStatus { action.currentStatus }
        public var rag: RAGStatus { status.rag }
        public var latestUpdate: ProgressUpdate? { action.latestUpdate }
    }

    public let old: Session
    public let new: Session
    /// Headings in the newer framework's order, then any heading found only in the older one.
    public let headings: [HeadingChange]
    public let oldMean: Double?
    public let newMean: Double?
    public let statements: StatementChanges
    public let oldActions: [ActionProgress]

    /// Compares two sessions; fails when they use different frameworks.
    public init(old: Session, new: Session) throws(StepChangeError) {
        guard old.framework.id == new.framework.id else {
            throw StepChangeError(.input, "These sessions use different frameworks, so their scores cannot be compared: \(old.id) uses \"\(old.framework.id)\" and \(new.id) uses \"\(new.framework.id)\".",
                                  hint: "Compare two sessions of the same framework (any version). `stepchange sessions` lists each session's framework.")
        }
        self.old = old
        self.new = new
        let before = AssessmentSummary(session: old)
        let after = AssessmentSummary(session: new)
        let beforeItems = Dictionary(before.items.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterItems = Dictionary(after.items.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        let beforeHeadings = Dictionary(before.headings.map { ($0.heading.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterHeadingIDs = Set(after.headings.map(\.heading.id))

        func change(_ id: String) -> ItemChange {
            let a = beforeItems[id], b = afterItems[id]
            return ItemChange(itemID: id, prompt: (b ?? a)?.item.prompt ?? "", inOld: a != nil, inNew: b != nil,
                              old: a?.consensus, new: b?.consensus, oldAgreement: a?.agreement, newAgreement: b?.agreement)
        }
        var headings: [HeadingChange] = []
        var placed = Set<String>()
        for heading in after.headings {
            var ids = heading.items.map(\.item.id)
            // Items that moved here from another heading, or were removed from this one, keep their place.
            for item in beforeHeadings[heading.heading.id]?.items ?? [] where afterItems[item.item.id] == nil {
                ids.append(item.item.id)
            }
            placed.formUnion(ids)
            headings.append(HeadingChange(headingID: heading.heading.id, title: heading.heading.title,
                                          oldMean: beforeHeadings[heading.heading.id]?.mean, newMean: heading.mean,
                                          items: ids.map(change)))
        }
        for heading in before.headings where !afterHeadingIDs.contains(heading.heading.id) {
            let ids = heading.items.map(\.item.id).filter { !placed.contains($0) }
            placed.formUnion(ids)
            headings.append(HeadingChange(headingID: heading.heading.id, title: heading.heading.title,
                                          oldMean: heading.mean, newMean: nil, items: ids.map(change)))
        }
        self.headings = headings
        oldMean = before.overallMean
        newMean = after.overallMean

        let matches = StatementMatcher.match(old: old.statements, new: new.statements)
        let matchedOld = Set(matches.map(\.old.id)), matchedNew = Set(matches.map(\.new.id))
        statements = StatementChanges(carriedForward: matches,
                                      new: new.statements.filter { !matchedNew.contains($0.id) },
                                      completed: old.statements.filter { !matchedOld.contains($0.id) && Self.isCompleted($0.id, in: old) },
                                      dropped: old.statements.filter { !matchedOld.contains($0.id) && !Self.isCompleted($0.id, in: old) })
        oldActions = old.actions.map(ActionProgress.init)
    }

    /// True when the statement has actions and every one of them is complete.
    static func isCompleted(_ statementID: String, in session: Session) -> Bool {
        let actions = session.plan(for: statementID)?.actions ?? []
        return !actions.isEmpty && actions.allSatisfy { $0.currentStatus == .complete }
    }

    /// The difference of two means after rounding each to two decimals, as they are shown.
    static func shownChange(_ old: Double?, _ new: Double?) -> Double? {
        guard let old, let new else { return nil }
        return ((new * 100).rounded() - (old * 100).rounded()) / 100
    }

    /// Every item, heading by heading.
    public var items: [ItemChange] { headings.flatMap(\.items) }

    /// Items in the earlier session's framework only (removed in the later version).
    public var onlyInOld: [ItemChange] { items.filter { $0.inOld && !$0.inNew } }
    /// Items in the later session's framework only (added in the later version).
    public var onlyInNew: [ItemChange] { items.filter { $0.inNew && !$0.inOld } }

    /// Items whose consensus rose, most first (framework order among equals).
    public var improvedMost: [ItemChange] {
        items.enumerated().filter { ($0.element.change ?? 0) > 0 }
            .sorted { ($1.element.change!, $0.offset) < ($0.element.change!, $1.offset) }.map(\.element)
    }

    /// Items whose consensus fell, most first (framework order among equals).
    public var fellMost: [ItemChange] {
        items.enumerated().filter { ($0.element.change ?? 0) < 0 }
            .sorted { ($0.element.change!, $0.offset) < ($1.element.change!, $1.offset) }.map(\.element)
    }

    public var overallChange: Double? { Self.shownChange(oldMean, newMean) }

    /// The earlier session's actions counted by latest status, in RAG order (complete first).
    public var oldActionCounts: [(status: ActionStatus, count: Int)] { ActionStatus.counts(of: old.actions) }

    /// A mean to two decimal places ("2.58"), or "-" when there is none.
    public static func mean(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }

    /// A change of a mean with its arrow: "▲ +0.42", "▼ -0.17", "= 0.00"; empty when there is none.
    public static func describe(_ change: Double?) -> String {
        guard let change else { return "" }
        return "\(Direction(change).symbol) \(signed(change))"
    }

    /// A change written for readers without the arrow symbols: `+1`, `-2`, `0`, `+0.42`.
    public static func signed(_ change: Int) -> String { change > 0 ? "+\(change)" : String(change) }
    public static func signed(_ change: Double) -> String {
        let text = String(format: "%.2f", abs(change))
        return Direction(change) == .same ? "0.00" : (change > 0 ? "+" : "-") + text
    }
}
