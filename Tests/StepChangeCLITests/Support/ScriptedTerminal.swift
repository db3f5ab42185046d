import Foundation
import StepChangeTestSupport
import StepChangeCLI
import StepChangeKit

/// A terminal that answers from a script of lines and records everything written, so the shell
/// can be driven in-process without a TTY.
final class ScriptedTerminal: Terminal {
    var isInteractive: Bool
    var isOutputTerminal = false
    private var lines: [String]
    private(set) var output = ""
    private(set) var errors = ""
    /// Lines read with echo off, to check blind scoring asked for hidden input.
    private(set) var hiddenReads = 0

    init(_ lines: [String] = [], interactive: Bool = false) {
        self.lines = lines
        self.isInteractive = interactive
    }

    func write(_ text: String) { output += text }
    func writeError(_ text: String) { errors += text }

    func readLine(hidden: Bool) -> String? {
        if hidden { hiddenReads += 1 }
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    var remainingLines: Int { lines.count }
}

/// Runs the CLI in-process with a scripted terminal in a given directory.
func runCLI(_ arguments: [String], input: [String] = [], in directory: URL = Scratch.root,
            environment: [String: String] = [:], now: Date = Date(timeIntervalSince1970: 1_795_000_000)) -> (status: Int32, output: String, errors: String) {
    let terminal = ScriptedTerminal(input)
    let context = CommandContext(terminal: terminal, environment: environment, currentDirectory: directory, time: FixedTime(now))
    let status = StepChangeCLI.main(arguments, context: context)
    return (status, terminal.output, terminal.errors)
}

/// Output with every run of spaces and line breaks made one space, to find a message whatever the
/// terminal width wrapped it to.
func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}
