import Foundation
import StepChangeKit

extension Command {
    /// `stepchange compare`: last year's self-assessment against this year's.
    static let compare = Command(
        name: "compare",
        summary: "Compare two sessions of the same framework: what changed since last time.",
        usage: "stepchange compare [OLD] NEW [MORE…] [--format markdown|html|docx|xlsx|csv] [--output FILE] [--force] [--sessions DIR]",
        discussion: """
        With three or more sessions (say 2023, 2024, 2025 and 2026) it shows the trend instead: per heading and
        item the score in each session (oldest first), the change from the first to the last, a sparkline in
        the terminal and a line chart in HTML (bars in Word).
        Items are matched by id, so a session on a newer version of the framework still compares; items in only
        one session are listed. With NEW alone, OLD is the session NEW was started from (`new --from`). Changes are shown as ▲ ▼ = and as +1 / -2 for readers without those symbols.
        --format writes the comparison as a report (Markdown, HTML or Word), the item table as CSV, or the
        heading and item tables as an Excel workbook, to standard output or --output FILE (Word and Excel need
        --output; an existing file is only replaced with --force). Changes are numbers in CSV and Excel;
        means and their changes are rounded the same way, so they add up.
        """,
        examples: ["stepchange compare 2025-11-20-riverside-child-poverty-self-assessment 2026-11-19-riverside-child-poverty-self-assessment",
                   "stepchange compare 2025-11 2026-11",
                   "stepchange compare 2026-11-19-riverside-child-poverty-self-assessment",
                   "stepchange compare 2025-11 2026-11 --format html --output what-changed.html",
                   "stepchange compare 2025-11 2026-11 --format xlsx --output what-changed.xlsx",
                   "stepchange compare 2023-11 2024-11 2025-11 2026-11 --format html --output trend.html"],
        options: [.sessions,
                  OptionSpec("format", value: "FORMAT", short: "f", help: "markdown, html, docx, xlsx or csv: write the comparison as a report."),
                  OptionSpec("output", value: "FILE", short: "o", help: "Write the report to FILE instead of standard output."),
                  OptionSpec("force", help: "Replace FILE if it exists.")],
        arguments: 1...20
    ) { invocation, context throws(StepChangeError) in
        let formats: [String: ExportFormat] = ["markdown": .markdown, "md": .markdown, "html": .html, "docx": .docx, "xlsx": .xlsx, "csv": .csv]
        var format: ExportFormat?
        if let name = invocation.value("format") {
            guard let chosen = formats[name.lowercased()] else {
                var hint = "Formats for compare: markdown, html, docx, xlsx or csv."
                if let guess = Suggestion.closest(to: name, among: ["markdown", "html", "docx", "xlsx", "csv"]) { hint = "Did you mean \(guess)? " + hint }
                throw StepChangeError(.usage, "Unknown format \"\(name)\" for `stepchange compare`.", hint: hint)
            }
            format = chosen
        } else if invocation.value("output") != nil {
            throw StepChangeError(.usage, "--output needs --format markdown, html, docx, xlsx or csv.")
        }
        if let format, format.isBinary, invocation.value("output") == nil {
            throw StepChangeError(.usage, "A \(format == .xlsx ? "workbook" : "Word document") cannot be written to the terminal: give --output FILE.\(format.fileExtension).")
        }
        let output = try OutputFile.checked(invocation, context: context, fileExtension: format?.fileExtension ?? "md")
        let store = context.sessionStore(invocation)
        var sessions: [Session] = []
        for reference in invocation.positionals { sessions.append(try store.load(reference).0) }
        if sessions.count == 1 {
            let new = sessions[0]
            guard let previous = new.previousSessionID else {
                throw StepChangeError(.usage, "\(new.id) does not say which session came before it (it was not made with `new --from`).",
                                      hint: "Name both: stepchange compare OLD \(new.id)")
            }
            sessions.insert(try store.load(previous).0, at: 0)
        }
        if sessions.count > 2 {
            let series = try SessionSeries(sessions)
            guard let format else {
                context.terminal.write(SeriesText.render(series, width: context.width, style: context.style))
                return 0
            }
            let report = SeriesReport.report(series)
            let data: Data = switch format {
            case .csv: CSVWriter.render(SeriesReport.tables(series)[1])
            case .xlsx: XlsxWriter.workbook(SeriesReport.tables(series), title: report.title)
            case .docx: DocxWriter.document(report)
            case .html: Data(HTMLRenderer.render(report).utf8)
            default: Data(MarkdownRenderer.render(report).utf8)
            }
            guard let output else {
                context.terminal.write(String(decoding: data, as: UTF8.self))
                return 0
            }
            try output.write(data, context: context)
            context.terminal.writeLine("Wrote the trend across \(sessions.count) sessions as \(format.rawValue) to \(context.displayPath(output.url)).")
            return 0
        }
        let old = sessions[0], new = sessions[1]
        let comparison = try SessionComparison(old: old, new: new)
        guard let format else {
            context.terminal.write(ComparisonText.render(comparison, width: context.width, style: context.style))
            return 0
        }
        let data: Data = switch format {
        case .csv: CSVWriter.render(ComparisonReport.table(comparison))
        case .xlsx: XlsxWriter.workbook(ComparisonReport.tables(comparison), title: ComparisonReport.report(comparison).title)
        case .docx: DocxWriter.document(ComparisonReport.report(comparison))
        case .html: Data(HTMLRenderer.render(ComparisonReport.report(comparison)).utf8)
        default: Data(MarkdownRenderer.render(ComparisonReport.report(comparison)).utf8)
        }
        guard let output else {
            context.terminal.writeDocument(data)
            return 0
        }
        try output.write(data, context: context)
        context.terminal.writeLine("Wrote the comparison as \(format.rawValue) to \(context.displayPath(output.url)).")
        return 0
    }
}

/// The terminal rendering of a comparison.
enum ComparisonText {
    static func render(_ comparison: SessionComparison, width: Int, style: Style) -> String {
        let old = comparison.old, new = comparison.new
        var out: [String] = []
        out.append(style.bold("Comparing \(old.title) (\(old.date)) with \(new.title) (\(new.date))"))
        out.append("  then: \(old.id) — \(old.framework.id) v\(old.framework.version), \(old.participants.count) participants")
        out.append("  now:  \(new.id) — \(new.framework.id) v\(new.framework.version), \(new.participants.count) participants")
        if old.date > new.date {
            out.append(style.yellow("  Note: the first session is the later one; changes are shown from the first to the second."))
        }
        out += ["", "Overall mean consensus: \(SessionComparison.mean(comparison.oldMean)) → \(SessionComparison.mean(comparison.newMean))  \(SessionComparison.describe(comparison.overallChange))"]

        for heading in comparison.headings {
            out += ["", style.bold("\(heading.headingID)  \(heading.title)") + "  \(SessionComparison.mean(heading.oldMean)) → \(SessionComparison.mean(heading.newMean))  \(SessionComparison.describe(heading.change))"]
            let rows = heading.items.map { item -> [String] in
                [item.itemID, score(item.old, present: item.inOld), score(item.new, present: item.inNew), itemChange(item),
                 item.oldAgreement?.label ?? "-", item.newAgreement?.label ?? "-"]
            }
            out.append(indent(TextTable.render(header: ["ITEM", "THEN", "NOW", "CHANGE", "AGREEMENT THEN", "AGREEMENT NOW"], rows: rows)))
        }

        if !comparison.onlyInOld.isEmpty || !comparison.onlyInNew.isEmpty {
            out += ["", style.bold("Items in only one session")]
            for item in comparison.onlyInOld {
                out.append(TextWrap.wrap("\(item.itemID) (only in \(old.framework.id) v\(old.framework.version)): \(item.prompt)", width: width, indent: "      ", firstIndent: "  "))
            }
            for item in comparison.onlyInNew {
                out.append(TextWrap.wrap("\(item.itemID) (only in \(new.framework.id) v\(new.framework.version)): \(item.prompt)", width: width, indent: "      ", firstIndent: "  "))
            }
        }

        out += ["", style.bold("Improved most")]
        out += movers(comparison.improvedMost, width: width)
        out += ["", style.bold("Fell most")]
        out += movers(comparison.fellMost, width: width)

        let statements = comparison.statements
        out += ["", style.bold("Improvement statements")]
        for match in statements.carriedForward {
            out.append(TextWrap.wrap("Carried forward: \(match.old.id) → \(match.new.id)  \(match.new.text)", width: width, indent: "      ", firstIndent: "  "))
        }
        for statement in statements.new {
            out.append(TextWrap.wrap("New: \(statement.id)  \(statement.text)", width: width, indent: "      ", firstIndent: "  "))
        }
        for statement in statements.completed {
            out.append(TextWrap.wrap("Completed: \(statement.id)  \(statement.text) (every action complete)", width: width, indent: "      ", firstIndent: "  "))
        }
        for statement in statements.dropped {
            out.append(TextWrap.wrap("Dropped: \(statement.id)  \(statement.text)", width: width, indent: "      ", firstIndent: "  "))
        }
        if statements.carriedForward.isEmpty && statements.new.isEmpty && statements.completed.isEmpty && statements.dropped.isEmpty {
            out.append("  Neither session has improvement statements.")
        }

        out += ["", style.bold("Actions from \(old.date)") + " (\(comparison.oldActions.count))"]
        if comparison.oldActions.isEmpty {
            out.append("  The earlier session has no actions.")
        } else {
            out.append("  " + comparison.oldActionCounts.map { "\($0.count) \($0.status.shortLabel) (\($0.status.rag.label))" }.joined(separator: ", "))
            let rows = comparison.oldActions.map { progress -> [String] in
                [progress.action.ref, progress.rag.label, progress.status.shortLabel, progress.latestUpdate?.date ?? "-",
                 TextWrap.clip(progress.action.description, to: max(20, width - 40))]
            }
            out.append(indent(TextTable.render(header: ["REF", "RAG", "STATUS", "REVIEWED", "ACTION"], rows: rows)))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func movers(_ items: [SessionComparison.ItemChange], width: Int) -> [String] {
        guard !items.isEmpty else { return ["  None."] }
        return items.prefix(5).map { item in
            let head = "  \(item.itemID)  \(item.old.map(String.init) ?? "-") → \(item.new.map(String.init) ?? "-")  \(itemChange(item))  "
            return head + TextWrap.clip(item.prompt, to: max(20, width - head.count))
        }
    }

    static func itemChange(_ item: SessionComparison.ItemChange) -> String { ComparisonReport.itemChange(item) }

    static func score(_ value: Int?, present: Bool) -> String {
        present ? value.map(String.init) ?? "-" : "n/a"
    }

    static func indent(_ table: String) -> String {
        table.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The terminal rendering of a trend across three or more sessions: per heading and item the values
/// in date order, a sparkline and the change from the first to the last.
enum SeriesText {
    static func render(_ series: SessionSeries, width: Int, style: Style) -> String {
        let scale = series.sessions[series.sessions.count - 1].framework.scale
        let low = Double(scale.lowest), high = Double(scale.highest)
        var out = [style.bold("Trend across \(series.sessions.count) sessions of \(series.sessions[0].framework.id)")]
        for session in series.sessions { out.append("  \(session.date)  \(session.id)") }
        var years = series.sessions.map { String($0.date.prefix(4)) }
        if Set(years).count < years.count { years = series.sessions.map(\.date) }
        func shown(_ value: Double?, decimals: Bool) -> String {
            guard let value else { return "-" }
            return decimals ? SessionComparison.mean(value) : String(Int(value))
        }
        func change(_ value: Double?, decimals: Bool) -> String {
            guard let value else { return "-" }
            if decimals { return SessionComparison.describe(value) }
            return SessionSeries.describeWhole(value)
        }
        func row(_ line: SessionSeries.Line, decimals: Bool) -> [String] {
            let values: [String] = line.values.map { shown($0, decimals: decimals) }
            let trend = SessionSeries.sparkline(line.values, lowest: low, highest: high)
            return [line.id] + values + [trend, change(line.change, decimals: decimals)]
        }
        out += ["", style.bold("Mean consensus by heading")]
        out.append(ComparisonText.indent(TextTable.render(header: ["HEADING"] + years + ["TREND", "CHANGE"],
                                                          rows: series.headings.map { row($0.heading, decimals: true) } + [row(series.overall, decimals: true)])))
        for heading in series.headings {
            out += ["", style.bold("\(heading.heading.id)  \(heading.heading.title)")]
            out.append(ComparisonText.indent(TextTable.render(header: ["ITEM"] + years + ["TREND", "CHANGE"],
                                                              rows: heading.items.map { row($0, decimals: false) })))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
