import Foundation

/// The shell's view of the person at the keyboard: lines in, text out. The real one talks to the
/// process's stdin/stdout/stderr; tests substitute a scripted one, so no test needs a TTY.
public protocol Terminal: AnyObject {
    /// True when a person is typing (stdin is a TTY); prompts and hidden input only make sense then.
    var isInteractive: Bool { get }
    /// True when stdout is a TTY.
    var isOutputTerminal: Bool { get }
    /// Writes to standard output.
    func write(_ text: String)
    /// Writes to standard error.
    func writeError(_ text: String)
    /// Writes a document (an export, a report, a framework file) to standard output: byte for byte when
    /// standard output is a file or a pipe, made safe for display only when it is a terminal.
    func writeDocument(_ data: Data)
    /// Reads one line without its line ending; nil at end of input. `hidden` turns echo off on a TTY.
    func readLine(hidden: Bool) -> String?
    /// The window's width in columns when stdout is a terminal that reports it; nil otherwise.
    var columns: Int? { get }
    /// The first failed write to stdout or stderr (a full disk, a closed pipe), if any. Once there is
    /// one, `readLine` returns nil, so every conversation ends as at end of input.
    var outputFailure: OutputFailure? { get }
}

extension Terminal {
    public var columns: Int? { nil }
    /// A terminal with no byte-level output shows the document as text.
    public func writeDocument(_ data: Data) { write(String(decoding: data, as: UTF8.self)) }

    public var outputFailure: OutputFailure? { nil }
    public func writeLine(_ text: String = "") { write(text + "\n") }
    public func writeErrorLine(_ text: String) { writeError(text + "\n") }
    public func readLine() -> String? { readLine(hidden: false) }

    /// Reads the answer to a prompt just written. When stdin is not a terminal the answer is echoed
    /// (hidden ones as "(hidden)"), so piped input gives a readable transcript.
    public func readAnswer(hidden: Bool = false) -> String? {
        guard let line = readLine(hidden: hidden && isInteractive) else { return nil }
        if !isInteractive { writeLine(hidden ? "(hidden)" : line) }
        return line
    }
}
