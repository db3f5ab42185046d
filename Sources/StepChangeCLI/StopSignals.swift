import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal window or SSH connection closed) do during
/// a run: restore the terminal, write a message prepared in advance that says truthfully what is saved,
/// remove the session lock and exit — all async-signal-safe calls on C strings made before the signal came.
///
/// A signal that arrives while an answer is being saved (`whileSaving`) does not stop the save: it is
/// noted and acted on as soon as the save is over, so the message is written knowing whether it worked.
/// The signals are unblocked too, since a parent process may have started stepchange with them blocked.
enum StopSignals {
    nonisolated(unsafe) private static var savedHint: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var lockPath: UnsafeMutablePointer<CChar>?
    /// The message listing what is not saved (a C string's address), or 0 when everything is saved.
    private static let unsavedHint = Atomic<Int>(0)
    /// 0 while waiting for input; `saving` during a save; a signal's number when one arrived during a
    /// save; `exiting` once the handler has begun to stop the process.
    private static let phase = Atomic<Int>(0)
    private static let saving = -1
    private static let exiting = -2
    /// True when stepchange was started with SIGHUP ignored (`nohup`): closing the terminal then must not stop the run.
    nonisolated(unsafe) private static var hangUpIgnored = false

    /// Installs the handlers. `hint` is shown when everything is saved; `setUnsaved` replaces it while something is not.
    static func install(hint: String, lockPath: String) {
        savedHint = strdup(hint)
        self.lockPath = strdup(lockPath)
        unsavedHint.store(0, ordering: .sequentiallyConsistent)
        phase.store(0, ordering: .sequentiallyConsistent)
        signal(SIGINT, stopOnSignal)
        signal(SIGTERM, stopOnSignal)
        let previousHangUp = signal(SIGHUP, stopOnSignal)
        hangUpIgnored = unsafeBitCast(previousHangUp, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        if hangUpIgnored { signal(SIGHUP, SIG_IGN) }
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        sigaddset(&stopping, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    }

    /// Puts the default handlers back once the run is over.
    static func remove() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, hangUpIgnored ? SIG_IGN : SIG_DFL)
    }

    /// The message to show on a stop while some answers are not saved (it must list them), or nil once
    /// everything is saved again. The previous message is kept, never freed, as a handler may be reading it.
    static func setUnsaved(_ message: String?) {
        let address = message.flatMap { strdup($0) }.map { Int(bitPattern: $0) } ?? 0
        unsavedHint.store(address, ordering: .sequentiallyConsistent)
    }

    /// Runs a save with stopping deferred: a signal arriving meanwhile takes effect when the save is
    /// over, with the message that is true then.
    static func whileSaving<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let deferred = deferStops()
        defer { resumeStops(deferred) }
        return try body()
    }

    /// From now until `resumeStops`, a stop signal is held back (an answer is being applied and saved).
    /// Returns whether this call began the deferral (false inside another one).
    static func deferStops() -> Bool {
        let began = phase.compareExchange(expected: 0, desired: saving, ordering: .sequentiallyConsistent).exchanged
        if !began && phase.load(ordering: .sequentiallyConsistent) == exiting {
            // A handler on another thread is already stopping the process: wait for it.
            while true { pause() }
        }
        return began
    }

    /// Ends a deferral begun by `deferStops`; a signal that arrived meanwhile stops the process now.
    static func resumeStops(_ began: Bool) {
        guard began else { return }
        let (done, pending) = phase.compareExchange(expected: saving, desired: 0, ordering: .sequentiallyConsistent)
        if !done, pending > 0 { stop(pending) }
    }

    fileprivate static func handle(_ number: Int32) {
        while true {
            let current = phase.load(ordering: .sequentiallyConsistent)
            if current == saving {
                if phase.compareExchange(expected: saving, desired: Int(number), ordering: .sequentiallyConsistent).exchanged { return }
            } else if current == 0 {
                if phase.compareExchange(expected: 0, desired: exiting, ordering: .sequentiallyConsistent).exchanged { stop(Int(number)) }
            } else {
                return
            }
        }
    }

    /// Writes the message that is true now, removes the lock and exits with 128 + the signal's number.
    private static func stop(_ number: Int) -> Never {
        TerminalRestorer.restoreFromSignal()
        let unsaved = unsavedHint.load(ordering: .sequentiallyConsistent)
        if let hint = unsaved != 0 ? UnsafeMutablePointer<CChar>(bitPattern: unsaved) : savedHint {
            _ = write(STDERR_FILENO, hint, strlen(hint))
        }
        if let lockPath { unlink(lockPath) }
        _exit(Int32(128 + number))
    }
}

private func stopOnSignal(_ number: Int32) {
    StopSignals.handle(number)
}
