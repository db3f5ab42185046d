import Foundation
import StepChangeKit

extension OptionSpec {
    static let breakLock = OptionSpec("break-lock", help: "Clear a lock left behind by a runner that is no longer running.")
}

extension Command {
    /// `stepchange run SESSION`: runs or resumes a workshop in the terminal, saving after every answer.
    static let run = Command(
        name: "run",
        summary: "Run or resume a workshop session in the terminal.",
        usage: "stepchange run SESSION [--blind] [--order framework|divergence] [--minutes-per-heading N] [--stage assessing|statements|planning] [--votes N] [--break-lock] [--sessions DIR]",
        discussion: """
        SESSION is a session id, a unique start of one, or a path to a session file. The session is saved
        after every answer; Ctrl-C, end of input or `pause` stop with the command to resume. An empty line
        takes the default shown in brackets (the suggested consensus, skip the notes).
        """,
        examples: ["stepchange run 2026-11-23-riverside", "stepchange run 2026-11 --blind --minutes-per-heading 30",
                   "stepchange run 2026-11-23-riverside --order divergence"],
        options: [
            OptionSpec("blind", help: "Each participant types their own score, unseen (saved with the session)."),
            OptionSpec("order", value: "ORDER", help: "Item order: framework (default) or divergence (widest disagreement first)."),
            OptionSpec("minutes-per-heading", value: "N", help: "Planned minutes per heading; shows time used and warns when over."),
            OptionSpec("stage", value: "STAGE", help: "Go to a stage: assessing, statements or planning."),
            OptionSpec("votes", value: "N", help: "Votes each participant has when prioritising statements (1–20)."),
            .breakLock, .sessions,
        ],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let order = try invocation.value("order").map { value throws(StepChangeError) in
            guard let order = ItemOrder(rawValue: value.lowercased()) else {
                throw StepChangeError(.usage, "--order must be framework or divergence, not \"\(value)\".")
            }
            return order
        }
        let minutes = try WorkshopLaunch.number(invocation, "minutes-per-heading", in: 1...600)
        let votes = try WorkshopLaunch.number(invocation, "votes", in: 1...20)
        let stage = try invocation.value("stage").map { value throws(StepChangeError) in
            guard let stage = Stage(rawValue: value.lowercased()), stage != .complete else {
                throw StepChangeError(.usage, "--stage must be assessing, statements or planning, not \"\(value)\".")
            }
            return stage
        }
        let url = try store.resolve(invocation.positionals[0])
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        var session = try store.load(url)
        let original = session
        if invocation.flag("blind") { session.settings.scoring = .blind }
        if let minutes { session.settings.minutesPerHeading = minutes }
        if let votes { session.settings.votesPerParticipant = votes }
        if let stage {
            session.stage = stage
            if stage == .assessing { session.assessmentCursor = nil }
        }
        if let order { session = AssessmentStage.reorder(session, by: order) }
        if session != original {
            session.updatedAt = context.time.now
            try store.save(session, to: url)
        }
        return WorkshopLaunch.runWorkshop(session, url: url, store: store, lock: lock, context: context)
    }
}

/// What `run`, `start` and `import-scores` share: taking the session lock (and clearing a stale
/// one), the exact resume command, and running the workshop with the stop signals in place.
enum WorkshopLaunch {
    /// The command that resumes a session stored at `url`, with `--sessions` when it is not ./Sessions.
    static func resumeCommand(for url: URL, id: String, store: SessionStore, context: CommandContext) -> String {
        let directory = url.deletingLastPathComponent().standardizedFileURL
        guard directory.path == store.directory.path else { return "stepchange run " + quoted(context.displayPath(url)) }
        var command = "stepchange run \(id)"
        if directory.path != context.url("Sessions").path {
            command += " --sessions " + quoted(context.displayPath(directory))
        }
        return command
    }

    /// Takes the session lock. A lock whose holder is gone is cleared with --break-lock, or after a
    /// yes at the terminal; a lock held by a running process on this machine is never broken.
    static func lock(_ url: URL, store: SessionStore, context: CommandContext, breakLock: Bool) throws(StepChangeError) -> SessionLock {
        let path = SessionStore.lockPath(for: url)
        do {
            return try store.lock(url, now: context.time.now)
        } catch {
            let holder = SessionLock.holder(at: path)
            if let holder, holder.host == LockHolder.thisHost, !holder.isStale {
                throw StepChangeError(.input, "The session is already open: locked by \(holder) (\(context.displayPath(URL(fileURLWithPath: path)))).",
                                      hint: "Close the other runner first; only one runner may write a session at a time.")
            }
            var clear = breakLock
            if !clear, context.terminal.isInteractive {
                context.terminal.write("\(error.message)\nClear the lock and continue? [y/N]: ")
                clear = ["y", "yes"].contains(context.terminal.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
            }
            guard clear else { throw error }
            SessionLock.breakLock(at: path)
            context.terminal.writeErrorLine("Cleared the lock held by \(holder?.description ?? "an unknown process").")
            return try store.lock(url, now: context.time.now)
        }
    }

    /// Runs the workshop for a locked session, with Ctrl-C and SIGTERM stopping cleanly.
    static func runWorkshop(_ session: Session, url: URL, store: SessionStore, lock: SessionLock, context: CommandContext) -> Int32 {
        let resume = resumeCommand(for: url, id: session.id, store: store, context: context)
        let file = context.displayPath(url)
        StopSignals.install(hint: "\nStopped. Every answer given is saved in \(file).\nResume with: \(resume)\n",
                            unsavedHint: "\nStopped. The last answers could NOT be saved to \(file) (see the messages above); the file holds everything before them.\nResume with: \(resume)\n",
                            lockPath: lock.path)
        defer { StopSignals.remove() }
        return WorkshopRunner(session: session, url: url, store: store, context: context, resumeCommand: resume).run()
    }

    /// A whole-number option within a range, or a usage error saying the range.
    static func number(_ invocation: Invocation, _ name: String, in range: ClosedRange<Int>) throws(StepChangeError) -> Int? {
        guard let text = invocation.value(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw StepChangeError(.usage, "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\".")
        }
        return value
    }

    static func quoted(_ text: String) -> String {
        text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
