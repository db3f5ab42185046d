import Foundation
import StepChangeKit

extension Command {
    /// `stepchange import-plan`: an action plan kept in a spreadsheet, brought into a session.
    static let importPlan = Command(
        name: "import-plan",
        summary: "Import an action plan from a spreadsheet (CSV or .xlsx) into a session, to review and export it.",
        usage: "stepchange import-plan SESSION FILE.csv|FILE.xlsx [--sheet N|NAME] [--break-lock] [--sessions DIR]",
        discussion: """
        The CSV, or the sheet of an Excel workbook (the first unless --sheet says), needs a header row. Columns understood (any order, the plan's own headings accepted): outcome
        ("The Outcomes We Are Aiming For"), ref ("Action Ref"), objective, action ("The Actions We Are Taking"),
        how we will know it has worked, lead ("Responsible Lead Officer"), theme ("Strengthening"), status
        ("RAG Rating": "Action complete", "Action not yet completed, but on track", …), milestone ("March 2027",
        2027-03 or 2027-03-31) and output/impact; also baseline, target, frequency, partners, resources, risk,
        additionality and statement, so the tool's own `export --format csv --part actions` (or
        `--format xlsx --part actions`) imports back as the same plan; cells Excel formats as dates are read as dates. Blank cells under a filled one (merged cells) carry the outcome, statement and
        objective down; an action under a merged ref gets the ref with b, c, … after it. A row with no
        action and no ref is a further milestone of the action above (its date, status and output).
        A header row repeated on later pages is skipped. Every row is checked first and nothing is written
        unless all rows are good. Each outcome (or statement, when there is a statement column) becomes an
        improvement statement with its actions.
        """,
        examples: ["stepchange import-plan 2026-11-19-riverside-child-poverty-self-assessment improvement-plan.csv"],
        options: [OptionSpec("sheet", value: "N|NAME", help: "The sheet of an .xlsx file to read (default the first)."), .sessions, .breakLock],
        arguments: 2...2
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let url = try store.resolve(invocation.positionals[0])
        let path = invocation.positionals[1]
        let isWorkbook = path.lowercased().hasSuffix(".xlsx")
        let data = try context.readFile(path, limit: CSVReader.maximumSize, what: isWorkbook ? "a spreadsheet to import" : "a CSV file to import")
        let sheet: Sheet
        let source: String
        if isWorkbook || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            sheet = try XLSXReader.read(data, source: path, sheet: invocation.value("sheet"), datesAsText: true)
            source = "\(path) (sheet \"\(sheet.name)\")"
        } else {
            if invocation.value("sheet") != nil {
                throw StepChangeError(.usage, "--sheet is for .xlsx files; \(path) is read as CSV.", hint: "Drop --sheet.")
            }
            sheet = Sheet(csv: try CSVReader.read(data, source: path), name: path)
            source = path
        }
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        var session = try store.load(url)
        let imported = try PlanImport.apply(sheet, source: source, to: session)
        session = imported.session
        session.updatedAt = max(session.updatedAt, context.time.now)
        try store.save(session, to: url)
        let statements = imported.statementIDs
        let range = statements.count == 1 ? statements[0] : "\(statements.first!)–\(statements.last!)"
        context.terminal.writeLine("Imported \(imported.actionRefs.count) action\(imported.actionRefs.count == 1 ? "" : "s") under \(statements.count) outcome\(statements.count == 1 ? "" : "s") (\(range)) from \(path) into \(session.id).")
        let review = WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context, command: "review")
        context.terminal.writeLine("Review them with `\(review)`.")
        return 0
    }
}
