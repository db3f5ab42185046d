import Foundation
import StepChangeKit

extension Command {
    /// `stepchange import-scores SESSION FILE.csv`: scores gathered before the workshop become round 1.
    static let importScores = Command(
        name: "import-scores",
        summary: "Import scores gathered before the workshop from a CSV file.",
        usage: "stepchange import-scores SESSION FILE.csv [--break-lock] [--sessions DIR]",
        discussion: """
        The CSV needs a header with the columns participant,item,score and optionally comment. Participant is
        a name or id; score a value on the scale or `dont know`. Every row is checked first, and nothing is
        written unless all rows are good. The scores become round 1, so the run starts at the reveal.
        """,
        examples: ["stepchange import-scores 2026-11-23-riverside survey.csv",
                   "stepchange run 2026-11-23-riverside --order divergence"],
        options: [.breakLock, .sessions], arguments: 2...2
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let url = try store.resolve(invocation.positionals[0])
        let path = invocation.positionals[1]
        let data = try context.readFile(path, limit: CSVReader.maximumSize, what: "a CSV file to import")
        let rows = try CSVReader.read(data, source: path)
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
