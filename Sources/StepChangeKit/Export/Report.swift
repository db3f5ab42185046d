import Foundation

/// A document decided once and rendered by every format: a title, facts about the document, and
/// sections (one per part, printed on a new page) made of headings, paragraphs, lists, tables and charts.
/// It holds no formatting: `MarkdownRenderer`, `HTMLRenderer`, `DocxWriter` and `CSVWriter` only format it.
public struct Report: Equatable, Sendable {
    public var title: String
    /// A warning every format shows first, before the title: set on attributed reports, which name people.
    public var notice: String?
    /// Facts shown under the title (partnership, date, facilitator, framework…).
    public var metadata: [ReportField]
    public var sections: [ReportSection]
    /// The day the report's statuses are as at (`YYYY-MM-DD`), for page footers and document properties.
    public var statusDate: String?

    public init(title: String, notice: String? = nil, metadata: [ReportField] = [], sections: [ReportSection] = [], statusDate: String? = nil) {
        self.title = title
        self.notice = notice
        self.metadata = metadata
        self.sections = sections
        self.statusDate = statusDate
    }
}

/// One part of a report under its own top-level heading; each section after the first starts a new printed page.
public struct ReportSection: Equatable, Sendable {
    /// A stable identifier (`assessment`, `actions`…), used for anchors.
    public var id: String
    public var heading: String
    public var blocks: [ReportBlock]

    public init(id: String, heading: String, blocks: [ReportBlock] = []) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}

/// One piece of a section's content, in reading order.
public enum ReportBlock: Equatable, Sendable {
    /// A sub-heading: level 2 is directly under the section heading, level 3 below that.
    case heading(level: Int, text: String)
    case paragraph(String)
    /// Labelled facts ("Consensus: 3 — Developing").
    case fields([ReportField])
    /// A bulleted list with an optional label shown before it.
    case list(title: String?, items: [String])
    case table(ReportTable)
    case barChart(ReportBarChart)
    case lineChart(ReportLineChart)
    /// A one-line statement that there is nothing here yet, so a part is never silently empty.
    case nothingYet(String)
}

/// A label and its value.
public struct ReportField: Equatable, Sendable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A table with one header row; the first column names each row.
public struct ReportTable: Equatable, Sendable {
    public var caption: String?
    public var header: [String]
    public var rows: [[ReportCell]]

    public init(caption: String? = nil, header: [String], rows: [[ReportCell]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

/// A table cell: text (which may hold line breaks), a RAG status shown by colour and its label, a number
/// (with the text documents show for it), or a date (`2027-03-31`) or month (`2027-03`) that spreadsheets keep as a date.
public enum ReportCell: Equatable, Sendable {
    case text(String)
    case status(RAGStatus, label: String)
    case number(Double, text: String)
    case date(String)

    /// The cell as plain text, for formats without colour: "Green: Action not yet completed, but on track",
    /// "31 March 2027", "March 2027".
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .status(let rag, let label): "\(rag.label): \(label)"
        case .number(_, let text): text
        case .date(let date): Milestone.label(date)
        }
    }

    /// A number cell when the text is a plain number ("12", "85%", "£6,000"), otherwise a text cell.
    public static func value(_ text: String) -> ReportCell {
        MeasureSeries.number(text).map { .number($0, text: text) } ?? .text(text)
    }

    /// A date cell when there is a date, an empty text cell otherwise.
    public static func day(_ date: String?) -> ReportCell {
        guard let date, !date.isEmpty else { return .text("") }
        return .date(date)
    }
}

/// A horizontal bar chart on a fixed axis (for example each heading's mean consensus on the scale).
public struct ReportBarChart: Equatable, Sendable {
    public var title: String
    /// The axis runs from 0 to this value.
    public var maximum: Double
    public var bars: [Bar]
    /// The values the axis is marked at: never more than `maximumTicks`, whatever the size of the numbers.
    public var ticks: [Double]

    /// The most marks an axis gets; a scale with more levels is marked at every few levels.
    public static let maximumTicks = 11

    /// One bar: its label, its value (nil when there is none yet) and the value as text. An `earlier`
    /// bar (last year's, beside this year's) is drawn lighter; its label still says which it is.
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Double?
        public var valueText: String
        public var earlier: Bool

        public init(label: String, value: Double?, valueText: String, earlier: Bool = false) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.earlier = earlier
        }
    }

    /// A chart marked at `ticks` (such as the scale's levels), or at evenly spaced round numbers when nil.
    public init(title: String, maximum: Double, bars: [Bar], ticks: [Double]? = nil) {
        self.title = title
        self.maximum = maximum
        self.bars = bars
        let usable = (ticks ?? Self.evenTicks(upTo: maximum)).filter { $0.isFinite && $0 >= 0 && $0 <= max(0, maximum) }
        let step = max(1, (usable.count + Self.maximumTicks - 3) / (Self.maximumTicks - 1))
        self.ticks = usable.isEmpty ? [0] : usable.enumerated().filter { $0.offset % step == 0 || $0.offset == usable.count - 1 }.map(\.element)
    }

    /// 0 to `maximum` in round steps (1, 2, 5, 10, 20, 50 …), at most `maximumTicks` marks.
    public static func evenTicks(upTo maximum: Double) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0] }
        var magnitude = 1.0
        while true {
            for factor in [1.0, 2.0, 5.0] where maximum / (factor * magnitude) <= Double(maximumTicks - 1) {
                return stride(from: 0.0, through: maximum, by: factor * magnitude).map { $0 }
            }
            magnitude *= 10
        }
    }

    /// The bar as a row of block characters out of `width`, for text formats.
    public func textBar(_ bar: Bar, width: Int = 20) -> String {
        guard let value = bar.value, maximum > 0, value.isFinite, maximum.isFinite else { return "" }
        let filled = Int((min(1, max(0, value / maximum)) * Double(max(0, width))).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}

/// Lines over time on a fixed axis (for example each heading's mean consensus in 2023, 2024, 2025…).
public struct ReportLineChart: Equatable, Sendable {
    /// One line: its label and a value per point (nil where there is none).
    public struct Series: Equatable, Sendable {
        public var label: String
        public var values: [Double?]

        public init(label: String, values: [Double?]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    /// The label of each point along the horizontal axis ("20 November 2025").
    public var points: [String]
    public var minimum: Double
    public var maximum: Double
    public var series: [Series]

    public init(title: String, points: [String], minimum: Double, maximum: Double, series: [Series]) {
        self.title = title
        self.points = points
        self.minimum = minimum
        self.maximum = maximum
        self.series = series
    }

    /// The chart as a table: one row per line, one column per point, values to two decimals.
    public var table: ReportTable {
        ReportTable(caption: title, header: [""] + points, rows: series.map { line in
            [.text(line.label)] + line.values.map { value in value.map { .number($0, text: String(format: "%.2f", $0)) } ?? .text("-") }
        })
    }
}
