import Foundation
import StepChangeKit

/// A subcommand: its name (one or two words, e.g. `framework check`), help text, options, and the
/// function that runs it. Each command lives in its own file under `Commands/`.
public struct Command: Sendable {
    public var name: String
    public var summary: String
    public var usage: String
    public var discussion: String
    public var examples: [String]
    public var options: [OptionSpec]
    /// How many positional arguments the command takes.
    public var arguments: ClosedRange<Int>
    public var run: @Sendable (Invocation, CommandContext) throws(StepChangeError) -> Int32

    public init(name: String, summary: String, usage: String, discussion: String = "", examples: [String] = [],
                options: [OptionSpec] = [], arguments: ClosedRange<Int> = 0...0,
                run: @escaping @Sendable (Invocation, CommandContext) throws(StepChangeError) -> Int32) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.discussion = discussion
        self.examples = examples
        self.options = options + [.noColor, .help]
        self.arguments = arguments
        self.run = run
    }

    /// The command's help text: usage, examples first, then options.
    public var help: String {
        var lines = ["\(summary)", "", "Usage: \(usage)"]
        if !examples.isEmpty {
            lines += ["", "Examples:"] + examples.map { "  \($0)" }
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        lines += ["", "Options:"]
        let rendered = options.map { option -> (String, String) in
            var flag = "--\(option.name)"
            if let value = option.valueName { flag += " \(value)" }
            if let short = option.short { flag = "-\(short), " + flag }
            return (flag, option.help)
        }
        let width = min(28, (rendered.map(\.0.count).max() ?? 0) + 2)
        for (flag, help) in rendered {
            let padded = flag.count >= width ? flag + "  " : flag.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  " + padded + help)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
