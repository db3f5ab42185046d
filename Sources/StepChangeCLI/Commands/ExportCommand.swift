import Foundation
import StepChangeKit

extension Command {
    static let exportUsage = "stepchange export SESSION --format markdown|html|docx|xlsx|csv|json [--part PART] [--output FILE] [--attributed] [--force] [--sessions DIR]"

    /// `stepchange export`: a session's results as Markdown, HTML, Word, CSV or JSON.
    static let export = Command(
        name: "export",
        summary: "Export a session's report, statements, plans, action plan or measures.",
        usage: exportUsage,
        discussion: """
        Parts: assessment, statements, plan, actions, measures or all (the default).
        Markdown, HTML, CSV and JSON go to standard output unless --output is given; Word (docx) and Excel (xlsx) need --output.
        CSV holds one table, so it exports --part assessment, statements, actions or measures. Excel holds every
        table of the part, one sheet each (numbers and dates typed, header row frozen, autofilter on).
        Statuses are reported "as at" the latest progress review; what is overdue then is listed.
        Exports are non-attributable: nothing links a score, vote or comment to a person — counts, distributions
        and participants by sector only (JSON is then a summary, not a session file). --attributed adds names
        and individual scores (JSON is then the session file itself), and such an export says first, in every
        format: "Contains names and individual scores — not for publication."
        Written to a file or a pipe, the output is byte for byte what --output writes.
        An existing output file is only replaced with --force.
        """,
        examples: [
            "stepchange export 2026-11-23-riverside --format markdown > report.md",
            "stepchange export 2026-11-23-riverside --format html --output report.html",
            "stepchange export 2026-11-23-riverside --format docx --part actions --output action-plan.docx",
            "stepchange export 2026-11-23-riverside --format csv --part actions --output actions.csv",
            "stepchange export 2026-11-23-riverside --format xlsx --part measures --output measures.xlsx",
        ],
        options: [
            OptionSpec("format", value: "FORMAT", short: "f", help: "markdown, html, docx, xlsx, csv or json (required)."),
            OptionSpec("part", value: "PART", help: "assessment, statements, plan, actions, measures or all (default all)."),
            OptionSpec("output", value: "FILE", short: "o", help: "Write to FILE instead of standard output (required for docx and xlsx)."),
            OptionSpec("attributed", help: "Include participant names and individual scores (marked not for publication)."),
            OptionSpec("force", help: "Replace FILE if it exists."),
            .sessions,
        ],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let usage = "Usage: \(exportUsage)"
        guard let formatName = invocation.value("format") else {
            throw StepChangeError(.usage, "`stepchange export` needs --format: \(ExportFormat.choices).", hint: usage)
        }
        guard let format = ExportFormat(rawValue: formatName.lowercased()) ?? (formatName.lowercased() == "md" ? .markdown : nil) else {
            var hint = "Formats: \(ExportFormat.choices)."
            if let guess = Suggestion.closest(to: formatName, among: ExportFormat.allCases.map(\.rawValue)) { hint = "Did you mean \(guess)? " + hint }
            throw StepChangeError(.usage, "Unknown format \"\(formatName)\".", hint: hint)
        }
        let partName = invocation.value("part") ?? "all"
        guard let part = ReportPart(rawValue: partName.lowercased()) else {
            var hint = "Parts: \(ReportPart.choices)."
            if let guess = Suggestion.closest(to: partName, among: ReportPart.allCases.map(\.rawValue)) { hint = "Did you mean \(guess)? " + hint }
            throw StepChangeError(.usage, "Unknown part \"\(partName)\".", hint: hint)
        }
        if format.isBinary && invocation.value("output") == nil {
            let kind = format == .xlsx ? "An Excel workbook" : "A Word document"
            throw StepChangeError(.usage, "\(kind) cannot be written to the terminal: give --output FILE.\(format.fileExtension).",
                                  hint: "For example: stepchange export \(ShellQuoting.quoted(invocation.positionals[0])) --format \(format.rawValue) --output report.\(format.fileExtension)")
        }
        let output = try OutputFile.checked(invocation, context: context, fileExtension: format.fileExtension)
        let (session, sessionFile) = try context.sessionStore(invocation).load(invocation.positionals[0])
        if let output, output.url.standardizedFileURL.resolvingSymlinksInPath() == sessionFile.standardizedFileURL.resolvingSymlinksInPath() {
            throw StepChangeError(.input, "\(output.typed) is the session file itself; exporting over it would replace the session.",
                                  hint: "Choose another --output.")
        }
        let data = try SessionExport.export(session, format: format, part: part, attributed: invocation.flag("attributed"))
        guard let output else {
            context.terminal.writeDocument(data)
            return 0
        }
        try output.write(data, context: context)
        context.terminal.writeLine("Wrote \(context.displayPath(output.url)) (\(format.rawValue), \(part.rawValue), \(data.count) bytes\(invocation.flag("attributed") ? ", attributed" : "")).")
        return 0
    }
}
