import Foundation
import StepChangeKit

/// One option a command accepts: `--name VALUE` or a flag `--name`.
public struct OptionSpec: Sendable {
    public var name: String
    public var valueName: String?
    public var help: String
    public var short: Character?

    public init(_ name: String, value valueName: String? = nil, short: Character? = nil, help: String) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.short = short
    }

    public var takesValue: Bool { valueName != nil }

    public static let sessions = OptionSpec("sessions", value: "DIR", help: "Sessions directory (default ./Sessions, or $STEPCHANGE_SESSIONS).")
    public static let frameworks = OptionSpec("frameworks", value: "DIR", help: "Extra directory of framework files (or $STEPCHANGE_FRAMEWORKS).")
    public static let noColor = OptionSpec("no-color", help: "Do not use colour.")
    public static let help = OptionSpec("help", short: "h", help: "Show this help.")
}

/// The command line split into options, values and positionals, each keeping its position, before
/// they are matched against a command's options (in the spirit of swift-argument-parser's SplitArguments).
public struct Invocation: Sendable {
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// The last value given for an option, if any.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value given for a repeatable option, in order.
    public func values(_ name: String) -> [String] { values[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Parses arguments against the options a command accepts. Every argument passes through
    /// `InboundText` first, so no option value or positional carries a control character into a session. `--flag value`, `--flag=value`,
    /// `-h` and `--` (everything after is positional) are understood; anything unknown is a usage error
    /// with a "did you mean" suggestion.
    public static func parse(_ arguments: [String], options: [OptionSpec], command: String) throws(StepChangeError) -> Invocation {
        let arguments = arguments.map { InboundText.clean($0) }
        var invocation = Invocation()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                invocation.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                let letter = argument.dropFirst()
                guard letter.count == 1, let spec = options.first(where: { $0.short == letter.first }) else {
                    if Int(argument) != nil { invocation.positionals.append(argument); continue }
                    throw unknown(argument, options: options, command: command)
                }
                name = spec.name
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw unknown("--" + name, options: options, command: command)
            }
            if spec.takesValue {
                if let inlineValue {
                    invocation.values[name, default: []].append(inlineValue)
                } else if index < arguments.count, arguments[index] != "--" {
                    invocation.values[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw StepChangeError(.usage, "--\(name) needs a value: --\(name) \(spec.valueName!).",
                                          hint: "Run `stepchange \(command) --help` for usage.")
                }
            } else {
                if inlineValue != nil {
                    throw StepChangeError(.usage, "--\(name) does not take a value.",
                                          hint: "Run `stepchange \(command) --help` for usage.")
                }
                invocation.flags.insert(name)
            }
        }
        return invocation
    }

    private static func unknown(_ argument: String, options: [OptionSpec], command: String) -> StepChangeError {
        var hint = "Run `stepchange \(command) --help` to see its options."
        let name = argument.drop { $0 == "-" }.split(separator: "=").first.map(String.init) ?? ""
        if let guess = Suggestion.closest(to: name, among: options.map(\.name)) {
            hint = "Did you mean --\(guess)? " + hint
        }
        return StepChangeError(.usage, "Unknown option \(argument) for `stepchange \(command)`.", hint: hint)
    }
}
