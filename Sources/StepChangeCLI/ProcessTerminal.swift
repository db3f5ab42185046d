import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal: the process's standard streams. Hidden input clears ECHO with tcsetattr
/// while a line is typed and restores it afterwards; `TerminalRestorer` restores it on signals too.
public final class ProcessTerminal: Terminal {
    public let isInteractive: Bool
    public let isOutputTerminal: Bool

    public init() {
        isInteractive = isatty(STDIN_FILENO) == 1
        isOutputTerminal = isatty(STDOUT_FILENO) == 1
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func readLine(hidden: Bool) -> String? {
        guard hidden, isInteractive else { return Swift.readLine(strippingNewline: true) }
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return Swift.readLine(strippingNewline: true) }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        TerminalRestorer.remember(original)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            TerminalRestorer.forget()
            write("\n")
        }
        return Swift.readLine(strippingNewline: true)
    }
}

/// Keeps the terminal settings to restore if a signal arrives while echo is off.
/// Only plain stores and loads here, so the signal handler stays async-signal-safe.
public enum TerminalRestorer {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false

    static func remember(_ settings: termios) {
        saved = settings
        hasSaved = true
    }

    static func forget() { hasSaved = false }

    /// Called from a signal handler: restores echo if it was turned off.
    public static func restoreFromSignal() {
        if hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }
}
