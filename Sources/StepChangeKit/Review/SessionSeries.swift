import Foundation

/// Two or more self-assessments of the same framework over the years (2023, 2024, 2025…): per heading
/// the mean consensus in each, per item the consensus in each, and the change from the first to the last.
/// Sessions are put in date order; items are matched by id, so framework versions may differ.
public struct SessionSeries: Equatable, Sendable {
    /// One heading's or item's values, one per session (nil where not scored or not in that framework).
    public struct Line: Equatable, Sendable {
        public let id: String
        public let title: String
        public let values: [Double?]

        /// The change from the first value to the last that exist, of the values as shown (two decimals).
        public var change: Double? {
            guard let first = values.compactMap({ $0 }).first, let last = values.compactMap({ $0 }).last,
                  values.compactMap({ $0 }).count > 1 else { return nil }
            return ((last * 100).rounded() - (first * 100).rounded()) / 100
        }
    }

    /// A heading's line and its items' lines.
    public struct HeadingLines: Equatable, Sendable {
        public let heading: Line
        public let items: [Line]
    }

    public let sessions: [Session]
    public let headings: [HeadingLines]
    public let overall: Line

    /// The series of `sessions` (at least two, all on one framework), oldest first.
    public init(_ sessions: [Session]) throws(StepChangeError) {
        guard sessions.count >= 2 else {
            throw StepChangeError(.usage, "A comparison needs at least two sessions.", hint: "Name two or more sessions of the same framework.")
        }
        if let other = sessions.first(where: { $0.framework.id != sessions[0].framework.id }) {
            throw StepChangeError(.input, "These sessions use different frameworks, so their scores cannot be compared: \(sessions[0].id) uses \"\(sessions[0].framework.id)\" and \(other.id) uses \"\(other.framework.id)\".",
                                  hint: "Compare sessions of the same framework (any version). `stepchange sessions` lists each session's framework.")
        }
        let ordered = sessions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        self.sessions = ordered
        let summaries = ordered.map { AssessmentSummary(session: $0) }
        let latest = summaries[summaries.count - 1]
        var headingOrder = latest.headings.map(\.heading)
        for summary in summaries.reversed() {
            for result in summary.headings where !headingOrder.contains(where: { $0.id == result.heading.id }) {
                headingOrder.append(result.heading)
            }
        }
        var placed = Set<String>()
        headings = headingOrder.map { heading in
            let means = summaries.map { summary in summary.headings.first { $0.heading.id == heading.id }?.mean }
            var itemIDs: [(id: String, prompt: String)] = []
            for summary in summaries.reversed() {
                for result in summary.headings.first(where: { $0.heading.id == heading.id })?.items ?? []
                where !placed.contains(result.item.id) {
                    placed.insert(result.item.id)
                    itemIDs.append((result.item.id, result.item.prompt))
                }
            }
            let order = latest.items.map(\.item.id)
            itemIDs.sort { (order.firstIndex(of: $0.id) ?? .max, $0.id) < (order.firstIndex(of: $1.id) ?? .max, $1.id) }
            let items = itemIDs.map { item in
                Line(id: item.id, title: item.prompt, values: summaries.map { summary in
                    summary.items.first { $0.item.id == item.id }?.consensus.map(Double.init)
                })
            }
            return HeadingLines(heading: Line(id: heading.id, title: heading.title, values: means), items: items)
        }
        overall = Line(id: "All", title: "Overall", values: summaries.map(\.overallMean))
    }

    /// The sessions' dates as people write them, in order: "20 November 2025".
    public var dateLabels: [String] { sessions.map { DayDate.longForm($0.date) } }

    /// A change of whole scores with its arrow: "▲ +2", "▼ -1", "= 0"; "-" when there is none.
    public static func describeWhole(_ change: Double?) -> String {
        guard let change else { return "-" }
        return "\(SessionComparison.Direction(change).symbol) \(SessionComparison.signed(Int(change.rounded())))"
    }

    /// A row of block characters from ▁ to █, one per value on the scale from `lowest` to `highest`
    /// (a space where there is no value), for terminals.
    public static func sparkline(_ values: [Double?], lowest: Double, highest: Double) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { value -> Character in
            guard let value, highest > lowest else { return " " }
            let fraction = max(0, min(1, (value - lowest) / (highest - lowest)))
            return blocks[Int((fraction * Double(blocks.count - 1)).rounded())]
        })
    }
}
