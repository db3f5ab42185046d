import Foundation

/// The comments the group hears at an item's reveal: what survey respondents wrote about the item,
/// the comments on its heading (in full at the heading's first item, counted at the others), and the
/// comments that came with imported scores. Never attributed, except the imported scores' comments
/// in an open (not blind) session, where the room already sees who scored what.
public struct SurveyRevealComments: Equatable, Sendable {
    /// One comment as shown: its text and, when attributed, who wrote it.
    public struct Entry: Equatable, Sendable {
        public var text: String
        public var author: String?
    }

    public let item: [Entry]
    public let heading: [Entry]
    /// Set at the heading's other items: how many heading comments there are and where they were shown.
    public let headingCountShownAt: ShownElsewhere?
    public let headingTitle: String

    /// How many heading comments there are, and the item whose reveal shows them.
    public struct ShownElsewhere: Equatable, Sendable {
        public var count: Int
        public var itemID: String
    }

    public init(session: Session, itemID: String) {
        let framework = session.framework
        let heading = framework.heading(containing: itemID)
        headingTitle = heading?.title ?? ""
        var item = (session.survey?.comments(item: itemID) ?? []).map { Entry(text: $0.text, author: nil) }
        let attributed = session.settings.scoring == .open
        for round in session.assessment(of: itemID)?.rounds ?? [] where round.source == .imported {
            for score in round.scores {
                guard let text = score.comment?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
                item.append(Entry(text: text, author: attributed ? session.participant(score.participant)?.name : nil))
            }
        }
        self.item = item
        let headingComments = heading.map { session.survey?.comments(heading: $0.id) ?? [] } ?? []
        if let first = heading?.items.first?.id, first.caseInsensitiveCompare(itemID) != .orderedSame {
            self.heading = []
            headingCountShownAt = headingComments.isEmpty ? nil : ShownElsewhere(count: headingComments.count, itemID: first)
        } else {
            self.heading = headingComments.map { Entry(text: $0.text, author: nil) }
            headingCountShownAt = nil
        }
    }

    public var isEmpty: Bool { item.isEmpty && heading.isEmpty && headingCountShownAt == nil }

    /// The comments as text lines wrapped to `width`.
    public func lines(width: Int) -> [String] {
        var lines: [String] = []
        func add(_ entries: [Entry]) {
            for entry in entries {
                let text = entry.text.replacingOccurrences(of: "\n", with: " ")
                lines.append(TextWrap.wrap((entry.author.map { "\($0): " } ?? "") + "“" + text + "”", width: width, indent: "    ", firstIndent: "  - "))
            }
        }
        if !item.isEmpty {
            lines.append("Comments on this statement (\(item.count)):")
            add(item)
        }
        if !heading.isEmpty {
            lines.append("Survey comments on \(headingTitle) (\(heading.count)):")
            add(heading)
        }
        if let shown = headingCountShownAt {
            lines.append("Survey comments on \(headingTitle): \(shown.count), shown with \(shown.itemID).")
        }
        return lines
    }
}
