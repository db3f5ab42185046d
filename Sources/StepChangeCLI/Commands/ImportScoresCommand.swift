import Foundation
import StepChangeKit

extension Command {
    /// `stepchange import-scores SESSION FILE`: a survey export becomes the session's survey, or a
    /// long CSV (participant,item,score) becomes round 1.
    static let importScores = Command(
        name: "import-scores",
        summary: "Import the pre-workshop survey (a survey tool's export) or scores gathered before the workshop.",
        usage: "stepchange import-scores SESSION FILE.csv|FILE.xlsx [--sheet N|NAME] [--mapping FILE] [--yes] [--break-lock] [--sessions DIR]",
        discussion: """
        A survey export has one row per respondent and one column per statement, with one or two header rows
        (section, then statement). It may be CSV (UTF-8, UTF-16 "Unicode text"; comma, semicolon or tab) or
        .xlsx. Columns are matched to items by id or statement text; answers by label ("Strongly agree",
        "4 - Agree", "Don't know") or value; comment columns are kept per heading, without names; other columns
        (respondent id, start and end time…) are ignored. The responses become the session's survey, shown
        beside the room's scores at the reveal and in the exports; respondents named in a Name column who are
        participants of the session also get their answers as round 1.
        First a dry run prints the mapping found and every cell that could not be read; nothing is written
        until you answer y at a terminal, or pass --yes. A mapping file fixes what was not recognised:
          column "Q7 Data is shared" = LN5      column G = comment WW      column "Region" = ignore
          answer "Mostly agree" = 4             answer "N/K" = dont know
        A long CSV with the columns participant,item,score (comment optional) is imported as before:
        every row is checked, and the scores become round 1 only when all rows are good.
        """,
        examples: ["stepchange import-scores 2026-11-23-riverside survey-export.xlsx",
                   "stepchange import-scores 2026-11-23-riverside survey-export.csv --mapping survey-map.txt --yes",
                   "stepchange run 2026-11-23-riverside --order divergence"],
        options: [
            OptionSpec("sheet", value: "N|NAME", help: "The sheet of an .xlsx file to read (default the first)."),
            OptionSpec("mapping", value: "FILE", help: "Column and answer rules for headers stepchange does not recognise."),
            OptionSpec("yes", short: "y", help: "Write the survey without asking (after the dry run is printed)."),
            .breakLock, .sessions,
        ],
        arguments: 2...2
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let url = try store.resolve(invocation.positionals[0])
        let path = invocation.positionals[1]
        let isWorkbook = path.lowercased().hasSuffix(".xlsx")
        let data = try context.readFile(path, limit: CSVReader.maximumSize, what: isWorkbook ? "a spreadsheet to import" : "a CSV file to import")
        let sheet: Sheet
        if isWorkbook || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            sheet = try XLSXReader.read(data, source: path, sheet: invocation.value("sheet"))
        } else {
            if invocation.value("sheet") != nil {
                throw StepChangeError(.usage, "--sheet is for .xlsx files; \(path) is read as CSV.", hint: "Drop --sheet.")
            }
            sheet = Sheet(csv: try CSVReader.read(data, source: path), name: path)
        }
        if isLongFormat(sheet) {
            return try importLong(sheet, path: path, url: url, store: store, invocation: invocation, context: context)
        }
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        let session = try store.load(url)
        var mapping = SurveyMapping()
        if let mappingPath = invocation.value("mapping") {
            let mappingData = try context.readFile(mappingPath, limit: 1024 * 1024, what: "a mapping file")
            mapping = try SurveyMapping.parse(String(decoding: mappingData, as: UTF8.self), source: mappingPath, framework: session.framework)
        }
        let plan = try SurveyImport(sheet: sheet, session: session, source: path, mapping: mapping, now: context.time.now)
        for line in plan.summary(framework: session.framework) { context.terminal.writeLine(line) }
        var confirmed = invocation.flag("yes")
        if !confirmed && context.terminal.isInteractive {
            context.terminal.write("Import this into \(session.id)? [y/N]: ")
            confirmed = ["y", "yes"].contains(context.terminal.readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
        }
        guard confirmed else {
            context.terminal.writeLine("Dry run: nothing was written. To import, run it again with --yes (or answer y at a terminal).")
            return 0
        }
        var updated = plan.apply(to: session)
        updated.updatedAt = context.time.now
        try store.save(updated, to: url)
        context.terminal.writeLine("Imported the survey (\(plan.survey.respondents) responses) from \(path) into \(session.id).")
        let resume = WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context)
        context.terminal.writeLine("Run the workshop with: \(resume)   (the reveal shows the survey beside the room's scores)")
        return 0
    }

    /// True when the first row names at least two of the columns participant, item and score (the long
    /// format, whose own messages then name a missing one), or the file is empty.
    static func isLongFormat(_ sheet: Sheet) -> Bool {
        guard let header = sheet.rows.first else { return true }
        let names = Set(header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return names.intersection(["participant", "item", "score"]).count >= 2
    }

    /// The long format: every row checked, round 1 written only when all are good.
    static func importLong(_ sheet: Sheet, path: String, url: URL, store: SessionStore, invocation: Invocation,
                           context: CommandContext) throws(StepChangeError) -> Int32 {
        let rows = sheet.rows.map { CSVReader.Row(line: $0.line ?? $0.row, fields: $0.cells, row: $0.row) }
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        let session = try store.load(url)
        var (updated, scores, items) = try ScoreImport.apply(rows, to: session, source: path)
        updated.updatedAt = context.time.now
        try store.save(updated, to: url)
        context.terminal.writeLine("Imported \(scores) score\(scores == 1 ? "" : "s") for \(items) item\(items == 1 ? "" : "s") from \(path) into \(session.id).")
        let resume = WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context)
        context.terminal.writeLine("Run it with: \(resume)   (add --order divergence to take the widest disagreements first)")
        return 0
    }
}
