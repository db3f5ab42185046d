import Foundation
import Testing
@testable import StepChangeCLI

/// Every command and group of subcommands has working help, and each usage line names exactly the
/// options its option list has.
@Suite("Help for every command")
struct HelpTests {
    static let commandNames = StepChangeCLI.commands.map(\.name)

    @Test(arguments: commandNames)
    func everyCommandShowsItsHelpThreeWays(_ name: String) throws {
        let command = try #require(StepChangeCLI.commands.first { $0.name == name })
        let words = name.split(separator: " ").map(String.init)
        for arguments in [words + ["--help"], words + ["-h"], ["help"] + words] {
            let result = runCLI(arguments)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            #expect(result.output == command.help, "\(arguments)")
            #expect(result.errors.isEmpty)
        }
    }

    /// The options a usage line names (`--sessions`, `--format`, …), and the options the command accepts.
    @Test(arguments: commandNames)
    func theUsageLineNamesEveryOptionAndNoOther(_ name: String) throws {
        let command = try #require(StepChangeCLI.commands.first { $0.name == name })
        #expect(command.usage.hasPrefix("stepchange \(name)"))
        let named = Set(command.usage.matches(of: /--([a-z][a-z-]*)/).map { String($0.output.1) })
        let accepted = Set(command.options.map(\.name)).subtracting(["help", "no-color"])
        #expect(named == accepted, "usage names \(named.subtracting(accepted).sorted()) not accepted; leaves out \(accepted.subtracting(named).sorted())")
        #expect(command.help.contains("Usage: \(command.usage)\n"))
    }

    @Test(arguments: [["framework", "--help"], ["framework", "-h"], ["help", "framework"]])
    func aGroupShowsItsSubcommands(_ arguments: [String]) {
        let result = runCLI(arguments)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("Usage: stepchange framework SUBCOMMAND [OPTIONS]\n"))
        for sub in ["show", "export", "check"] {
            let summary = StepChangeCLI.commands.first { $0.name == "framework \(sub)" }!.summary
            #expect(result.output.contains("\n  \(sub)  ") && result.output.contains(summary), "\(sub)")
        }
        #expect(result.output.contains("Run `stepchange help framework SUBCOMMAND`"))
    }

    @Test func aGroupWithoutASubcommandSaysWhichThereAre() {
        let result = runCLI(["framework"])
        #expect(result.status == 2)
        #expect(result.errors.contains("`stepchange framework` needs a subcommand."))
        #expect(result.errors.contains("`stepchange framework check`"))
    }

    @Test func theOverviewListsEveryCommand() {
        let result = runCLI(["--help"])
        #expect(result.status == 0)
        for name in Self.commandNames { #expect(result.output.contains("\n  \(name) "), "\(name)") }
    }

    @Test func theBenchmarkHasHelp() throws {
        let bench = BinaryRunner.built("stepchange-bench")
        for flag in ["--help", "-h"] {
            let process = Process()
            process.executableURL = bench
            process.arguments = [flag]
            process.environment = ["LLVM_PROFILE_FILE": BinaryRunner.profileFile]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(err)")
            #expect(text.hasPrefix("usage: stepchange-bench [--sizes 10,100,1000,10000] [--runs 5] [--dir PATH]\n"))
            #expect(err.isEmpty)
        }
    }
}
