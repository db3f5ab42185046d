import Foundation
import StepChangeKit

/// What `run`, `start` and `import-scores` share: taking the session lock (and taking over one left by a
/// killed runner), the exact resume command, and running the workshop with the stop signals in place.
enum WorkshopLaunch {
    /// The command that resumes a session stored at `url` (`run`, or another such as `review`), with
    /// `--sessions` when it is not where sessions are kept by default (./Sessions or $STEPCHANGE_SESSIONS);
    /// it starts the way this stepchange was started (`context.program`) and every word is quoted for
    /// the shell (`ShellQuoting`).
    static func resumeCommand(for url: URL, id: String, store: SessionStore, context: CommandContext, command name: String = "run") -> String {
        let directory = url.deletingLastPathComponent().standardizedFileURL
        guard directory.path == store.directory.path else { return context.command(ShellQuoting.command([name, context.displayPath(url)])) }
        var words = [name, id]
        if directory.path != context.defaultSessionsDirectory.path {
            words += ["--sessions", context.displayPath(directory)]
        }
        return context.command(ShellQuoting.command(words))
    }

    /// The command that resumes a run, with the room's options when it serves a room: resuming without
    /// --room would leave the phones with nothing to talk to.
    static func resumeCommand(for url: URL, id: String, store: SessionStore, context: CommandContext, room: RoomLoop?) -> String {
        let resume = resumeCommand(for: url, id: id, store: store, context: context)
        guard let room else { return resume }
        return resume + " " + ShellQuoting.command(room.resumeOptions)
    }

    /// Takes the session lock (`SessionLock`: a kernel lock, released when its holder stops in any
    /// way). A lock left by a runner that was killed is simply taken over, saying whose it was; a lock
    /// held by a running process is never broken, `--break-lock` or not.
    static func lock(_ url: URL, store: SessionStore, context: CommandContext, breakLock: Bool) throws(StepChangeError) -> SessionLock {
        let lock: SessionLock
        do {
            lock = try store.lock(url, now: context.time.now)
        } catch where breakLock {
            throw StepChangeError(error.kind, error.message + " A lock held by a running process cannot be broken.", problems: error.problems, hint: error.hint)
        }
        if let previous = lock.previousHolder {
            context.terminal.writeErrorLine("Cleared the lock left by \(previous), which stopped without closing the session.")
        }
        return lock
    }

    /// Runs the workshop for a locked session, with Ctrl-C and SIGTERM stopping cleanly.
    static func runWorkshop(_ session: Session, url: URL, store: SessionStore, lock: SessionLock, context: CommandContext,
                            room: RoomLoop? = nil) -> Int32 {
        let resume = resumeCommand(for: url, id: session.id, store: store, context: context, room: room)
        let file = context.displayPath(url)
        StopSignals.install(hint: "\nStopped. Every answer given is saved in \(file).\nResume with: \(resume)\n", lockPath: lock.path)
        defer { StopSignals.remove() }
        let runner = WorkshopRunner(session: session, url: url, store: store, context: context, resumeCommand: resume)
        runner.room = room
        room?.runner = runner
        return runner.run()
    }

    /// A whole-number option within a range, or a usage error saying the range.
    static func number(_ invocation: Invocation, _ name: String, in range: ClosedRange<Int>) throws(StepChangeError) -> Int? {
        guard let text = invocation.value(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw StepChangeError(.usage, "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\".")
        }
        return value
    }
}
