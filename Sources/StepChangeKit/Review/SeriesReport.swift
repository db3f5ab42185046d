import Foundation

/// Three or more self-assessments over the years as a format-free `Report` and spreadsheet tables: the
/// trend of each heading's mean as a line chart, then per heading each item's consensus year by year
/// with its change from the first year to the last. Content is decided here, once.
public enum SeriesReport {
    public static func report(_ series: SessionSeries) -> Report {
        let first = series.sessions[0], last = series.sessions[series.sessions.count - 1]
        let scale = last.framework.scale
        let dates = series.dateLabels
        var metadata = [ReportField("Partnership", last.partnership.isEmpty ? first.partnership : last.partnership)]
        metadata.append(ReportField("Sessions", zip(dates, series.sessions).map { "\($0) — \($1.id) (\($1.framework.id) v\($1.framework.version), \($1.participants.count) participants)" }.joined(separator: "\n")))
        metadata.append(ReportField("Overall mean consensus", line(series.overall)))
        var blocks: [ReportBlock] = [
            .paragraph("Mean consensus by heading on the \(scale.lowest) to \(scale.highest) scale in each session, oldest first. Items are matched by id; the change is from the first session with a score to the last."),
            .lineChart(ReportLineChart(title: "Mean consensus by heading, \(dates[0]) to \(dates[dates.count - 1])", points: dates,
                                       minimum: Double(scale.lowest), maximum: Double(scale.highest),
                                       series: series.headings.map { ReportLineChart.Series(label: "\($0.heading.id) \($0.heading.title)", values: $0.heading.values) }
                                           + [ReportLineChart.Series(label: "Overall", values: series.overall.values)])),
        ]
        for heading in series.headings {
            blocks.append(.heading(level: 2, text: "\(heading.heading.id) \(heading.heading.title)"))
            blocks.append(.fields([ReportField("Mean consensus", line(heading.heading))]))
            blocks.append(.table(ReportTable(header: ["Item", "Prompt"] + dates + ["Change"], rows: heading.items.map { item in
                [.text(item.id), .text(item.title)] + item.values.map { value in value.map { .text(String(Int($0))) } ?? .text("-") }
                    + [.text(SessionSeries.describeWhole(item.change))]
            })))
        }
        return Report(title: "Trend: \(last.title), \(dates[0]) to \(dates[dates.count - 1])", metadata: metadata,
                      sections: [ReportSection(id: "trend", heading: "Consensus over time", blocks: blocks)],
                      statusDate: Overdue.statusDate(of: last))
    }

    /// "2.17 → 2.33 → 2.58 (▲ +0.41)": the values in order and the change, rounded alike.
    static func line(_ line: SessionSeries.Line) -> String {
        line.values.map(SessionComparison.mean).joined(separator: " → ") + (line.change.map { " (\(SessionComparison.describe($0)))" } ?? "")
    }

    /// The spreadsheet tables: heading means per session and every item per session, numbers throughout,
    /// with the change from the first session to the last as a number.
    public static func tables(_ series: SessionSeries) -> [ReportTable] {
        let dates = series.sessions.map(\.date)
        func cell(_ value: Double?, decimals: Bool) -> ReportCell {
            guard let value else { return .text("") }
            let shown = decimals ? (value * 100).rounded() / 100 : value
            return .number(shown, text: decimals ? SessionComparison.mean(value) : String(Int(value)))
        }
        func change(_ value: Double?) -> ReportCell { value.map { .number($0, text: SessionComparison.signed($0)) } ?? .text("") }
        let headings = ReportTable(caption: "Headings over time", header: ["Heading", "Title"] + dates.map { "Mean \($0)" } + ["Change"],
                                   rows: (series.headings.map(\.heading) + [series.overall]).map { line in
                                       [.text(line.id), .text(line.title)] + line.values.map { cell($0, decimals: true) } + [change(line.change)]
                                   })
        let items = ReportTable(caption: "Items over time", header: ["Heading", "Item", "Prompt"] + dates + ["Change"],
                                rows: series.headings.flatMap { heading in
                                    heading.items.map { item in
                                        [.text(heading.heading.id), .text(item.id), .text(item.title)] + item.values.map { cell($0, decimals: false) } + [change(item.change)]
                                    }
                                })
        return [headings, items]
    }
}
