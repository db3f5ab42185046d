import Foundation

/// One thing wrong with an input, located precisely enough for a person to find and fix it:
/// the file, the field path or line, and what was expected.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var location: String?
    public var message: String

    public init(source: String, location: String? = nil, message: String) {
        self.source = source
        self.location = location
        self.message = message
    }

    public var description: String {
        [source, location].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ") + ": " + message
    }
}

/// A failure the user can act on, carrying every problem found and the exit status it deserves.
public struct StepChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How the command line should exit for this failure: 1 for bad input, 2 for bad usage.
    public enum Kind: Int32, Sendable { case input = 1, usage = 2, `internal` = 3 }

    public var kind: Kind
    public var message: String
    public var problems: [Problem]
    public var hint: String?

    public init(_ kind: Kind = .input, _ message: String, problems: [Problem] = [], hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.problems = problems
        self.hint = hint
    }

    public var description: String {
        var lines = [message]
        lines += problems.map { "  - \($0)" }
        if let hint { lines.append(hint) }
        return lines.joined(separator: "\n")
    }
}
