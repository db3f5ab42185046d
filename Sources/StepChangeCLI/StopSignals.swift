import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal window or SSH connection closed) do during
/// a run. Every answer is saved before the next prompt, so the handler only restores the terminal, writes a resume hint prepared in advance, removes the
/// session lock and exits: all async-signal-safe calls on C strings made before the signal came.
/// The signals are unblocked too, since a parent process may have started stepchange with them blocked.
enum StopSignals {
    nonisolated(unsafe) private static var savedHint: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var unsavedHint: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var lockPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var everythingSaved: Bool = true
    /// True when stepchange was started with SIGHUP ignored (`nohup`): closing the terminal then must not stop the run.
    nonisolated(unsafe) private static var hangUpIgnored = false

    /// Installs the handlers. `hint` is shown when everything is saved, `unsavedHint` when a save failed.
    static func install(hint: String, unsavedHint: String, lockPath: String) {
        savedHint = strdup(hint)
        self.unsavedHint = strdup(unsavedHint)
        self.lockPath = strdup(lockPath)
        everythingSaved = true
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

    fileprivate static func handle(_ number: Int32) {
        TerminalRestorer.restoreFromSignal()
        if let hint = everythingSaved ? savedHint : unsavedHint {
            _ = write(STDERR_FILENO, hint, strlen(hint))
        }
        if let lockPath { unlink(lockPath) }
        _exit(128 + number)
    }
}

private func stopOnSignal(_ number: Int32) {
    StopSignals.handle(number)
}
