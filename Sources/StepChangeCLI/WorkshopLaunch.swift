import Foundation
import StepChangeKit

/// What `run`, `start` and `import-scores` share: taking the session lock (and clearing a stale
/// one), the exact resume command, and running the workshop with the stop signals in place.
enum WorkshopLaunch {
    /// The command that resumes a session stored at `url` (`run`, or another such as `review`), with
    /// `--sessions` when it is not where sessions are kept by default (./Sessions or $STEPCHANGE_SESSIONS).
    static func resumeCommand(for url: URL, id: String, store: SessionStore, context: CommandContext, command name: String = "run") -> String {
        let directory = url.deletingLastPathComponent().standardizedFileURL
        guard directory.path == store.directory.path else { return context.command("\(name) " + quoted(context.displayPath(url))) }
        var command = context.command("\(name) \(id)")
        if directory.path != context.defaultSessionsDirectory.path {
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
                clear = ["y", "yes"].contains(context.terminal.readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
            }
            guard clear else { throw error }
            if SessionLock.breakLock(at: path, heldBy: holder) {
                context.terminal.writeErrorLine("Cleared the lock held by \(holder?.description ?? "an unknown process").")
            }
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

    static func quoted(_ text: String) -> String { ProgramName.shellQuoted(text) }
}
