import Foundation
import StepChangeKit

extension Command {
    /// `stepchange compare`: last year's self-assessment against this year's.
    static let compare = Command(
        name: "compare",
        summary: "Compare two sessions of the same framework: what changed since last time.",
        usage: "stepchange compare OLD NEW [--format markdown|html|csv] [--output FILE] [--force] [--sessions DIR]",
        discussion: """
        Items are matched by id, so a session on a newer version of the framework still compares; items in only
        one session are listed. Changes are shown as ▲ ▼ = and as +1 / -2 for readers without those symbols.
        --format writes the comparison as a report (Markdown or HTML), or the item table as CSV, to standard
        output or --output FILE (an existing file is only replaced with --force).
        """,
        examples: ["stepchange compare 2025-11-20-riverside-child-poverty-self-assessment 2026-11-19-riverside-child-poverty-self-assessment",
                   "stepchange compare 2025-11 2026-11",
                   "stepchange compare 2025-11 2026-11 --format html --output what-changed.html"],
        options: [.sessions,
                  OptionSpec("format", value: "FORMAT", short: "f", help: "markdown, html or csv: write the comparison as a report."),
                  OptionSpec("output", value: "FILE", short: "o", help: "Write the report to FILE instead of standard output."),
                  OptionSpec("force", help: "Replace FILE if it exists.")],
        arguments: 2...2
    ) { invocation, context throws(StepChangeError) in
        let formats: [String: ExportFormat] = ["markdown": .markdown, "md": .markdown, "html": .html, "csv": .csv]
        var format: ExportFormat?
        if let name = invocation.value("format") {
            guard let chosen = formats[name.lowercased()] else {
                var hint = "Formats for compare: markdown, html or csv."
                if let guess = Suggestion.closest(to: name, among: ["markdown", "html", "csv"]) { hint = "Did you mean \(guess)? " + hint }
                throw StepChangeError(.usage, "Unknown format \"\(name)\" for `stepchange compare`.", hint: hint)
            }
            format = chosen
        } else if invocation.value("output") != nil {
            throw StepChangeError(.usage, "--output needs --format markdown, html or csv.")
        }
        let output = try OutputFile.checked(invocation, context: context, fileExtension: format?.fileExtension ?? "md")
        let store = context.sessionStore(invocation)
        let (old, _) = try store.load(invocation.positionals[0])
        let (new, _) = try store.load(invocation.positionals[1])
        let comparison = try SessionComparison(old: old, new: new)
        guard let format else {
            context.terminal.write(ComparisonText.render(comparison, width: context.width, style: context.style))
            return 0
        }
        let data: Data = switch format {
        case .csv: CSVWriter.render(ComparisonReport.table(comparison))
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
        for statement in statements.dropped {
            out.append(TextWrap.wrap("Dropped: \(statement.id)  \(statement.text)", width: width, indent: "      ", firstIndent: "  "))
        }
        if statements.carriedForward.isEmpty && statements.new.isEmpty && statements.dropped.isEmpty {
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
