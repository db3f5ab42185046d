import Foundation
import Testing
@testable import StepChangeCLI
import StepChangeKit

@Suite("Argument parsing")
struct ArgumentTests {
    let options: [OptionSpec] = [.sessions, OptionSpec("blind", help: "b"), OptionSpec("title", value: "T", help: "t"), .help]

    @Test(arguments: [
        (["--title", "A B", "x"], "A B", ["x"], false),
        (["--title=A B", "--blind"], "A B", [], true),
        (["x", "--", "--blind"], nil, ["x", "--blind"], false),
        (["--blind", "-", "y"], nil, ["-", "y"], true),
        (["--title=", "z"], "", ["z"], false),
    ] as [([String], String?, [String], Bool)])
    func acceptedForms(arguments: [String], title: String?, positionals: [String], blind: Bool) throws {
        let invocation = try Invocation.parse(arguments, options: options, command: "new")
        #expect(invocation.value("title") == title)
        #expect(invocation.positionals == positionals)
        #expect(invocation.flag("blind") == blind)
    }

    @Test(arguments: [
        (["--blnd"], "Unknown option --blnd for `stepchange new`.", "Did you mean --blind?"),
        (["--title"], "--title needs a value: --title T.", nil),
        (["--blind=yes"], "--blind does not take a value.", nil),
        (["-q"], "Unknown option -q for `stepchange new`.", nil),
    ] as [([String], String, String?)])
    func rejectedForms(arguments: [String], message: String, hint: String?) {
        do {
            _ = try Invocation.parse(arguments, options: options, command: "new")
            Issue.record("expected a usage error")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message == message)
            if let hint { #expect(error.hint?.hasPrefix(hint) == true) }
        }
    }
}

@Suite("Top-level commands in-process")
struct DispatchTests {
    @Test(arguments: [
        (["--version"], 0, "stepchange "),
        (["--help"], 0, "Usage: stepchange COMMAND"),
        ([], 0, "Commands:"),
        (["help", "framework", "check"], 0, "Usage: stepchange framework check FILE"),
        (["framework", "show", "--help"], 0, "Examples:"),
    ] as [([String], Int32, String)])
    func helpAndVersion(arguments: [String], status: Int32, contains: String) {
        let result = runCLI(arguments)
        #expect(result.status == status)
        #expect(result.output.contains(contains), "\(result.output)")
    }

    @Test(arguments: [
        (["framwork", "show"], "Did you mean `stepchange framework`?"),
        (["framework", "shwo", "x"], "Did you mean `stepchange framework show`?"),
        (["framework"], "`stepchange framework` needs a subcommand."),
        (["framework", "check"], "is missing an argument"),
        (["framework", "check", "a", "b"], "got an unexpected argument: b"),
        (["help", "nonsense"], "Unknown command `nonsense`."),
    ] as [([String], String)])
    func usageErrorsExitTwoWithAHint(arguments: [String], message: String) {
        let result = runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.output.isEmpty)
    }
}
