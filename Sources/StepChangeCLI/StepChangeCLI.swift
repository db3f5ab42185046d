import Foundation
import StepChangeKit

/// The command-line entry point: finds the command named in the arguments, parses its options,
/// runs it, and maps every failure to a message on stderr and an exit code (0 ok, 1 input, 2 usage).
public enum StepChangeCLI {
    public static let version = "0.1.0"

    /// Every command, in the order `stepchange --help` lists them.
    public static let commands: [Command] = [
        .frameworks, .frameworkShow, .frameworkExport, .frameworkCheck,
        .start, .new, .survey, .importScores, .surveyComments, .run,
        .sessions, .show, .compare, .review, .importPlan,
        .check, .export,
    ]

    /// Runs stepchange with these arguments (without the program name) and returns the exit code.
    public static func main(_ arguments: [String], context: CommandContext) -> Int32 {
        let terminal = context.terminal
        if context.environment["NO_COLOR"] != nil || arguments.contains("--no-color") { context.colour = false }
        var status: Int32
        do {
            status = try dispatch(arguments, context: context)
        } catch {
            terminal.writeErrorLine("error: " + asStarted(error.description, program: context.program))
            status = error.kind.rawValue
        }
        // A write that failed (stdout on a full disk, a closed pipe) ends the command with exit 1 and,
        // where stderr still works, a message; nothing the program writes can trap.
        if let failure = terminal.outputFailure {
            if !context.reportedOutputFailure {
                terminal.writeErrorLine("error: \(failure)." + (status == 0 ? " The command itself completed; only its output is incomplete." : ""))
            }
            if status == 0 { status = 1 }
        }
        return status
    }

    /// Help and error text name commands as `stepchange …`; this prints them as this shell can run
    /// them (`swift run stepchange …`, `.build/release/stepchange …`): backquoted commands and usage lines.
    static func asStarted(_ text: String, program: String) -> String {
        guard program != "stepchange" else { return text }
        return text.replacingOccurrences(of: "`stepchange ", with: "`\(program) ")
            .replacingOccurrences(of: "Usage: stepchange ", with: "Usage: \(program) ")
    }

    private static func dispatch(_ arguments: [String], context: CommandContext) throws(StepChangeError) -> Int32 {
        let terminal = context.terminal
        guard let first = arguments.first else {
            terminal.write(asStarted(overview, program: context.program))
            return 0
        }
        switch first {
        case "--help", "-h":
            terminal.write(asStarted(overview, program: context.program))
            return 0
        case "--version":
            terminal.writeLine("stepchange \(version)")
            return 0
        case "help":
            let rest = Array(arguments.dropFirst())
            if rest.isEmpty { terminal.write(asStarted(overview, program: context.program)); return 0 }
            if rest.count == 1, let help = groupHelp(rest[0]) { terminal.write(asStarted(help, program: context.program)); return 0 }
            let (command, extra) = try find(rest)
            guard extra.isEmpty else { throw unknownCommand(rest.joined(separator: " ")) }
            terminal.write(asStarted(command.help, program: context.program))
            return 0
        default:
            if arguments.count >= 2, ["--help", "-h"].contains(arguments[1]), let help = groupHelp(first) {
                terminal.write(asStarted(help, program: context.program))
                return 0
            }
            let (command, rest) = try find(arguments)
            if rest.contains("--help") || rest.contains("-h") {
                terminal.write(asStarted(command.help, program: context.program))
                return 0
            }
            let invocation = try Invocation.parse(rest, options: command.options, command: command.name)
            guard command.arguments.contains(invocation.positionals.count) else {
                let count = invocation.positionals.count
                let message = count < command.arguments.lowerBound
                    ? "`stepchange \(command.name)` is missing an argument."
                    : "`stepchange \(command.name)` got an unexpected argument: \(invocation.positionals[command.arguments.upperBound])."
                throw StepChangeError(.usage, message, hint: "Usage: \(command.usage)")
            }
            return try command.run(invocation, context)
        }
    }

    /// The command named by the first one or two arguments, and the arguments left over.
    static func find(_ arguments: [String]) throws(StepChangeError) -> (Command, [String]) {
        if arguments.count >= 2, let command = commands.first(where: { $0.name == arguments[0] + " " + arguments[1] }) {
            return (command, Array(arguments.dropFirst(2)))
        }
        if let command = commands.first(where: { $0.name == arguments[0] }) {
            return (command, Array(arguments.dropFirst()))
        }
        let group = commands.filter { $0.name.hasPrefix(arguments[0] + " ") }
        if !group.isEmpty {
            let names = group.map { "`stepchange \($0.name)`" }.joined(separator: ", ")
            if arguments.count >= 2, !arguments[1].hasPrefix("-") {
                let sub = group.map { String($0.name.dropFirst(arguments[0].count + 1)) }
                var hint = "Available: \(names)."
                if let guess = Suggestion.closest(to: arguments[1], among: sub) {
                    hint = "Did you mean `stepchange \(arguments[0]) \(guess)`? " + hint
                }
                throw StepChangeError(.usage, "Unknown command `\(arguments[0]) \(arguments[1])`.", hint: hint)
            }
            throw StepChangeError(.usage, "`stepchange \(arguments[0])` needs a subcommand.", hint: "Available: \(names).")
        }
        throw unknownCommand(arguments[0])
    }

    private static func unknownCommand(_ name: String) -> StepChangeError {
        var hint = "Run `stepchange --help` to see the commands."
        let names = Array(Set(commands.map { String($0.name.split(separator: " ")[0]) }))
        if let guess = Suggestion.closest(to: name, among: names.sorted()) {
            hint = "Did you mean `stepchange \(guess)`? " + hint
        }
        return StepChangeError(.usage, "Unknown command `\(name)`.", hint: hint)
    }

    /// The help of a group of subcommands such as `framework`: each subcommand with its summary.
    /// Nil when `name` is a command of its own or names no group.
    static func groupHelp(_ name: String) -> String? {
        guard !commands.contains(where: { $0.name == name }) else { return nil }
        let group = commands.filter { $0.name.hasPrefix(name + " ") }
        guard !group.isEmpty else { return nil }
        let subcommands = group.map { String($0.name.dropFirst(name.count + 1)) }
        let width = (subcommands.map(\.count).max() ?? 0) + 4
        let list = zip(subcommands, group).map { "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + $1.summary }
        return """
        Usage: stepchange \(name) SUBCOMMAND [OPTIONS]

        Subcommands:
        \(list.joined(separator: "\n"))

        Run `stepchange help \(name) SUBCOMMAND` or `stepchange \(name) SUBCOMMAND --help` for its options and examples.

        """
    }

    /// The top-level help: what the tool is for, the commands, and where to start.
    public static var overview: String {
        let width = (commands.map(\.name.count).max() ?? 0) + 4
        let list = commands.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary }
        return """
        stepchange — run step-change improvement workshops: self-assess against a framework, agree
        consensus scores, turn areas for improvement into statements and an outcome-based plan,
        export it, and review progress later.

        Usage: stepchange COMMAND [OPTIONS]

        Commands:
        \(list.joined(separator: "\n"))

        Run `stepchange help COMMAND` or `stepchange COMMAND --help` for a command's options and examples.
        Exit codes: 0 ok, 1 input error, 2 usage error.

        """
    }
}
