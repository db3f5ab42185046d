import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// Where a test sends one of stepchange's output streams.
enum OutputTarget {
    /// A file in a scratch folder, read back afterwards.
    case captured
    /// `/dev/full`: every write fails with "No space left on device".
    case full
    /// A pipe whose reader has gone (as with `| head`): every write fails with EPIPE.
    case closedPipe
}

/// The outcome of a run with chosen streams: how it ended (a trap or signal is not an exit) and what was captured.
struct StreamRun {
    var exited: Bool
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary with stdout and stderr sent where the test says.
func runWithStreams(_ arguments: [String], stdin: String = "", in directory: URL, stdout: OutputTarget, stderr: OutputTarget = .captured) throws -> StreamRun {
    let process = Process()
    process.executableURL = BinaryRunner.byName
    process.arguments = ["stepchange"] + arguments
    process.environment = BinaryRunner.environment
    process.currentDirectoryURL = directory
    let scratch = try temporaryDirectory("streams")
    var closedPipes: [Pipe] = []
    func handle(_ stream: OutputTarget, _ name: String) throws -> Any {
        switch stream {
        case .captured:
            let url = scratch.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            return try FileHandle(forWritingTo: url)
        case .full:
            return try #require(FileHandle(forWritingAtPath: "/dev/full"))
        case .closedPipe:
            let pipe = Pipe()
            closedPipes.append(pipe)
            return pipe
        }
    }
    process.standardOutput = try handle(stdout, "stdout")
    process.standardError = try handle(stderr, "stderr")
    let input = Pipe()
    process.standardInput = input
    // The reading end is closed before the process starts, so even its first write finds no reader.
    for pipe in closedPipes { try pipe.fileHandleForReading.close() }
    try process.run()
    for pipe in closedPipes { try pipe.fileHandleForWriting.close() }
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    func read(_ name: String) -> String { (try? String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)) ?? "" }
    return StreamRun(exited: process.terminationReason == .exit, status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"))
}

/// Nothing stepchange writes may trap: a full disk or a closed pipe on stdout or stderr ends the
/// command with a message where one can still be written, exit 1, the lock released and the session intact.
@Suite("Output that cannot be written", .serialized)
struct OutputFailureTests {
    static let readingCommands: [[String]] = [
        ["export", laterID, "--format", "markdown"],
        ["export", laterID, "--format", "json"],
        ["show", laterID],
        ["check", laterID],
        ["sessions"],
        ["compare", earlierID, laterID],
        ["frameworks"],
        ["--help"],
    ]

    @Test(arguments: readingCommands)
    func aFullDiskOnStandardOutputIsAMessageAndExitOne(arguments: [String]) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let before = try Data(contentsOf: sessionFile(workspace, laterID))
        let result = try runWithStreams(arguments, in: workspace, stdout: .full)
        #expect(result.exited, "killed by a signal (a trap) instead of exiting")
        #expect(result.status == 1)
        #expect(result.stderr == "error: could not write to standard output (No space left on device). The command itself completed; only its output is incomplete.\n", "\(result.stderr)")
        #expect(try Data(contentsOf: sessionFile(workspace, laterID)) == before)
    }

    @Test(arguments: readingCommands)
    func aClosedPipeOnStandardOutputIsAMessageAndExitOne(arguments: [String]) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let result = try runWithStreams(arguments, in: workspace, stdout: .closedPipe)
        #expect(result.exited, "killed by SIGPIPE or a trap instead of exiting")
        #expect(result.status == 1)
        #expect(result.stderr == "error: standard output was closed before everything was written. The command itself completed; only its output is incomplete.\n", "\(result.stderr)")
    }

    /// With stderr full too, nothing can be said, but the command still exits 1 rather than trapping.
    @Test(arguments: [OutputTarget.full, OutputTarget.closedPipe])
    func anErrorMessageThatCannotBeWrittenStillExitsWithItsCode(stream: OutputTarget) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let missing = try runWithStreams(["show", "no-such-session"], in: workspace, stdout: .captured, stderr: stream)
        #expect(missing.exited && missing.status == 1)
        let usage = try runWithStreams(["export", laterID, "--format", "nope"], in: workspace, stdout: .captured, stderr: stream)
        #expect(usage.exited && usage.status == 2)
        let both = try runWithStreams(["export", laterID, "--format", "markdown"], in: workspace, stdout: stream, stderr: stream)
        #expect(both.exited && both.status == 1)
    }

    /// `echo 3 | stepchange run ID > /dev/full` used to trap and leave the lock behind.
    @Test(arguments: [OutputTarget.full, OutputTarget.closedPipe])
    func aRunWhoseOutputFailsEndsLikeEndOfInputWithTheResumeHint(stream: OutputTarget) throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let before = try Data(contentsOf: file)
        let result = try runWithStreams(["run", id], stdin: "3 4 2\n", in: dir, stdout: stream)
        #expect(result.exited, "killed by a signal instead of exiting")
        #expect(result.status == 1)
        let failure = stream == .full ? "could not write to standard output (No space left on device)" : "standard output was closed before everything was written"
        #expect(result.stderr == "Stopped: \(failure). Everything answered is saved in Sessions/\(id).json.\nResume with: stepchange run \(id)\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)), "the lock is released")
        #expect(try Data(contentsOf: file) == before, "no answer was read, so nothing changed")
    }

    /// A run that has saved answers and then loses its output keeps them and says how to carry on.
    @Test func aRunThatLosesItsReaderMidwayKeepsEveryAnswer() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let process = Process()
        process.executableURL = BinaryRunner.byName
        process.arguments = ["stepchange", "run", id]
        process.environment = BinaryRunner.environment
        process.currentDirectoryURL = dir
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try output.fileHandleForWriting.close()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Scores for LN1") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        input.fileHandleForWriting.write(Data("3 4 2\n".utf8))
        while !String(decoding: seen, as: UTF8.self).contains("Consensus score for LN1") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        try output.fileHandleForReading.close()
        input.fileHandleForWriting.write(Data("3\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("Stopped: standard output was closed before everything was written. Everything answered is saved in Sessions/\(id).json.\nResume with: stepchange run \(id)\n"), "\(stderr)")
        #expect(try load(file).assessment(of: "LN1")?.rounds.first?.scores.count == 3)
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
    }

    @Test(arguments: [OutputTarget.full, OutputTarget.closedPipe])
    func anInteractiveReviewWhoseOutputFailsStopsAndReleasesTheLock(stream: OutputTarget) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let file = sessionFile(workspace, earlierID)
        let before = try Data(contentsOf: file)
        let result = try runWithStreams(["review", earlierID, "--reviewer", "Sam"], stdin: "\n2\n", in: workspace, stdout: stream)
        #expect(result.exited && result.status == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Stopped: "), "\(result.stderr)")
        #expect(result.stderr.contains("Review stopped: 0 updates saved. Run `stepchange review \(earlierID)` to continue."), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
        #expect(try Data(contentsOf: file) == before)
    }

    /// A closed standard stream (`>&-`) never lends its number to a file stepchange opens: the run's
    /// prompts cannot land in the lock or the session, and the failure is reported like any other.
    @Test func aClosedStandardOutputIsReportedAndNothingElseIsWrittenThrough() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let before = try Data(contentsOf: file)
        for arguments in [["run", id], ["export", id, "--format", "json"], ["sessions"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", "stepchange"] + arguments
            process.environment = BinaryRunner.environment
            process.currentDirectoryURL = dir
            let input = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data("3 4 2\n".utf8))
            try input.fileHandleForWriting.close()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(arguments): \(stderr)")
            #expect(stderr.contains("could not write to standard output (Bad file descriptor)"), "\(arguments): \(stderr)")
            #expect(try Data(contentsOf: file) == before)
            #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { !$0.hasPrefix(".stepchange-index") } == [id + ".json"])
        }
    }
}
