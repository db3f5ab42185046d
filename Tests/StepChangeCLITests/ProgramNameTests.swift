import Foundation
import Testing
@testable import StepChangeCLI

/// The commands stepchange prints for the user to run next work as printed, however it was started:
/// installed on PATH, by `swift run`, or by a path such as `.build/release/stepchange`.
@Suite("The program name in printed commands")
struct ProgramNameTests {
    @Test func derivedFromHowItWasStarted() throws {
        let package = try temporaryDirectory()
        try Data("// swift-tools-version:6.0\n".utf8).write(to: package.appendingPathComponent("Package.swift"))
        let elsewhere = try temporaryDirectory()
        let debug = package.path + "/.build/x86_64-unknown-linux-gnu/debug/stepchange"
        let release = package.path + "/.build/release/stepchange"
        #expect(ProgramName.command(argv0: "stepchange", currentDirectory: elsewhere) == "stepchange")
        #expect(ProgramName.command(argv0: debug, currentDirectory: package) == "swift run stepchange")
        #expect(ProgramName.command(argv0: release, currentDirectory: package) == "swift run -c release stepchange")
        #expect(ProgramName.command(argv0: debug, currentDirectory: elsewhere) == debug)
        #expect(ProgramName.command(argv0: ".build/release/stepchange", currentDirectory: package) == ".build/release/stepchange")
        #expect(ProgramName.command(argv0: "/opt/step change/stepchange", currentDirectory: elsewhere) == "'/opt/step change/stepchange'")
        #expect(ProgramName.command(argv0: "", currentDirectory: elsewhere) == "stepchange")
    }

    /// Runs the built binary through `/bin/sh` as `argv0`, from `directory`.
    func run(as argv0: String, _ arguments: [String], in directory: URL, stdin: String = "") throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\"", argv0] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LLVM_PROFILE_FILE": BinaryRunner.profileFile]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return BinaryRunner.Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// A package-like folder whose `.build/<config>/stepchange` is the built binary.
    func workspace(config: String, package: Bool) throws -> URL {
        let directory = try temporaryDirectory("hint-\(config)")
        if package { try Data("// swift-tools-version:6.0\n".utf8).write(to: directory.appendingPathComponent("Package.swift")) }
        let bin = directory.appendingPathComponent(".build/\(config)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("stepchange"), withDestinationURL: BinaryRunner.executable)
        return directory
    }

    @Test(arguments: [
        ("swift run", "debug", true, "swift run stepchange"),
        ("a path", "release", false, ".build/release/stepchange"),
    ])
    func theNextAndResumeHintsRunAsPrinted(way: String, config: String, package: Bool, program: String) throws {
        let directory = try workspace(config: config, package: package)
        let argv0 = way == "swift run" ? directory.path + "/.build/\(config)/stepchange" : ".build/\(config)/stepchange"
        let created = try run(as: argv0, ["new", "--title", "Hints", "--participants", "Ann (Council, statutory)"], in: directory)
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(created.stderr.contains("Next: \(program) run \(id)\n"), "\(created.stderr)")
        let paused = try run(as: argv0, ["run", id], in: directory, stdin: "pause\n")
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stderr.contains("Resume with: \(program) run \(id)\n") || paused.stdout.contains("Resume with: \(program) run \(id)\n"),
                "\(paused.stdout)\n\(paused.stderr)")
        let wrong = try run(as: argv0, ["show"], in: directory)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Usage: \(program) show SESSION") && wrong.stderr.contains("`\(program) show`"), "\(wrong.stderr)")
        let help = try run(as: argv0, ["show", "--help"], in: directory)
        #expect(help.stdout.contains("\nUsage: \(program) show SESSION "), "\(help.stdout)")
        let overview = try run(as: argv0, ["help"], in: directory)
        #expect(overview.stdout.contains("Run `\(program) help COMMAND` or `\(program) COMMAND --help`"), "\(overview.stdout)")
    }

    @Test func anInstalledProgramIsNamedAsOnPath() throws {
        let directory = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Installed"], in: directory)
        #expect(created.stderr.contains("Next: stepchange run "), "\(created.stderr)")
    }
}
