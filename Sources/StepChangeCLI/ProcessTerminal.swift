import Foundation
import StepChangeKit
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
    let isErrorTerminal: Bool
    private let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    private let errors = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    public init() {
        isInteractive = isatty(STDIN_FILENO) == 1
        isOutputTerminal = isatty(STDOUT_FILENO) == 1
        isErrorTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Everything written passes through `TerminalSafeText`, so text from people and files can never
    /// carry a raw escape sequence to the screen; only stepchange's own emphasis survives, and only
    /// on a terminal (the only place colour is ever on). A failed write is remembered (`outputFailure`).
    public func write(_ text: String) {
        output.write(TerminalSafeText.forDisplay(text, keepingStyle: isOutputTerminal))
    }

    /// Redirected output (`export … > file`) is the document itself (UTF-8 text, so the same bytes as
    /// `--output`); only a terminal gets the display-safe version. A failed write is remembered like any other.
    public func writeDocument(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard !isOutputTerminal else { return write(text) }
        output.write(text)
    }

    public func writeError(_ text: String) {
        errors.write(TerminalSafeText.forDisplay(text, keepingStyle: isErrorTerminal))
    }

    /// The window's width from `ioctl(TIOCGWINSZ)` on stdout; nil when stdout is not a terminal.
    public var columns: Int? {
        guard isOutputTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    public var outputFailure: OutputFailure? { output.failure ?? errors.failure }

    /// Reads a line and cleans it (`TerminalSafeText.cleanInput`): stray escape sequences from arrow
    /// keys and other control characters never reach a session file. Nil once output has failed:
    /// no one can see the questions any more.
    public func readLine(hidden: Bool) -> String? {
        guard outputFailure == nil else { return nil }
        return readRawLine(hidden: hidden).map(TerminalSafeText.cleanInput)
    }

    private func readRawLine(hidden: Bool) -> String? {
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
