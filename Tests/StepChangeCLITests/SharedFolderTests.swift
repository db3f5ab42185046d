import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// A sessions folder shared with other people (who can write it) and files named by users: nothing
/// planted there is written through or replaced, sizes are checked before reading, a session has one
/// file and one lock whichever path reaches it, and every printed command is safe to paste.
@Suite("Shared folders, planted files and printed commands", .serialized)
struct SharedFolderTests {
    /// Renames a new session's id (and file) to `id`, as a hand-edited or shared file might hold.
    func session(withID id: String, in dir: URL, sessions: String = "Sessions") throws -> URL {
        let (created, file) = try newSession(dir)
        let folder = dir.appendingPathComponent(sessions)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"\(created)\"", with: "\"\(id.replacingOccurrences(of: "\"", with: "\\\""))\"")
        let renamed = folder.appendingPathComponent(id + ".json")
        try Data(text.utf8).write(to: renamed)
        try FileManager.default.removeItem(at: file)
        return renamed
    }

    /// The words a printed command gives a POSIX shell: `stepchange` is defined as a function that prints them.
    func wordsAsTheShellSeesThem(_ command: String, in dir: URL) throws -> [String] {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "stepchange() { for word in \"$@\"; do printf '%s\\n' \"$word\"; done; }; " + command]
        shell.currentDirectoryURL = dir
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test(arguments: ["2026-11-23-real; touch x #", "2026-11-23-o'neill $(touch x)", "2026-11-23-plain"])
    func theResumeHintIsQuotedForTheShell(id: String) throws {
        let dir = try temporaryDirectory()
        _ = try session(withID: id, in: dir)
        let result = try BinaryRunner.run(["run", id], stdin: "pause\n", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let hint = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("Resume with: ") }).dropFirst("Resume with: ".count)
        #expect(try wordsAsTheShellSeesThem(String(hint), in: dir) == ["run", id], "\(hint)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path), "pasting the hint ran nothing else")
        if id == "2026-11-23-plain" { #expect(hint == "stepchange run 2026-11-23-plain") }
    }

    @Test func aSessionsFolderWithSpacesAndQuotesIsQuotedToo() throws {
        let dir = try temporaryDirectory()
        let folder = "Bob's sessions; rm -rf x"
        let file = try session(withID: "2026-11-23-riverside", in: dir, sessions: folder)
        let result = try BinaryRunner.run(["run", "2026-11-23-riverside", "--sessions", folder], stdin: "pause\n", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let hint = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("Resume with: ") }).dropFirst("Resume with: ".count)
        #expect(try wordsAsTheShellSeesThem(String(hint), in: dir) == ["run", "2026-11-23-riverside", "--sessions", folder], "\(hint)")
        let byPath = try BinaryRunner.run(["run", file.path], stdin: "pause\n", in: dir)
        let pathHint = try #require(byPath.stderr.split(separator: "\n").first { $0.hasPrefix("Resume with: ") }).dropFirst("Resume with: ".count)
        #expect(try wordsAsTheShellSeesThem(String(pathHint), in: dir) == ["run", folder + "/2026-11-23-riverside.json"], "\(pathHint)")
    }

    /// A copy renamed by hand (`…-rehearsal.json`) told people to resume the original and was listed
    /// under the original's id; now it is refused with the fix and listed once, as a problem.
    @Test func aCopyWithAnotherFilesIdIsRefusedWithTheFix() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let copy = file.deletingLastPathComponent().appendingPathComponent(id + "-rehearsal.json")
        try FileManager.default.copyItem(at: file, to: copy)
        let before = try Data(contentsOf: copy)
        let run = try BinaryRunner.run(["run", id + "-rehearsal"], stdin: "3 4 2\n", in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("holds the session \"\(id)\", but its file name says \"\(id)-rehearsal\"."), "\(run.stderr)")
        #expect(run.stderr.contains("set its \"id\" to \"\(id)-rehearsal\""))
        #expect(!run.stderr.contains("Resume with"))
        #expect(try Data(contentsOf: copy) == before)
        let listing = try BinaryRunner.run(["sessions"], in: dir)
        #expect(listing.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(id + " ") }.count == 1, "\(listing.stdout)")
        #expect(listing.stdout.contains("\(id)-rehearsal.json holds the session \"\(id)\""), "\(listing.stdout)")
    }

    /// A session file that is a link: the run reads, locks and saves the real file, so the link stays a
    /// link and a second runner reaching the same file by another path is refused.
    @Test func aLinkedSessionIsRunAtItsRealPlaceWithOneLock() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let shared = dir.appendingPathComponent("Shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let real = shared.appendingPathComponent(id + ".json")
        try FileManager.default.moveItem(at: file, to: real)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: real)
        let runner = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: runner))
        #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent(id + ".lock").path))
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
        let second = try BinaryRunner.run(["run", "Shared/\(id).json"], in: dir)
        #expect(second.status == 1 && second.stderr.contains("The session is already open: locked by process \(runner.process.processIdentifier)"), "\(second.stderr)")
        runner.send("3 4 2\n\npause\n")
        #expect(finish(runner).status == 0)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) == real.path, "the link is still a link")
        #expect(try load(real).assessment(of: "LN1")?.rounds.first?.scores.count == 3)
    }

    /// A linked sessions folder (Sessions → a synced folder) is just the folder: names and hints stay short.
    @Test func aLinkedSessionsFolderKeepsShortNamesAndHints() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let synced = dir.appendingPathComponent("Synced")
        try FileManager.default.moveItem(at: dir.appendingPathComponent("Sessions"), to: synced)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Sessions"), withDestinationURL: synced)
        let result = try BinaryRunner.run(["run", id], stdin: "3 4 2\n\npause\n", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("Paused. Everything answered is saved in Sessions/\(id).json.\nResume with: stepchange run \(id)\n"), "\(result.stderr)")
        #expect(try load(synced.appendingPathComponent(id + ".json")).assessment(of: "LN1") != nil)
    }

    @Test(arguments: [0o600, 0o640])
    func aRunKeepsThePrivateModeOfItsSessionFile(mode: Int) throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        chmod(file.path, mode_t(mode))
        let result = try BinaryRunner.run(["run", id], stdin: "3 4 2\n\npause\n", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        stat(file.path, &info)
        #expect(Int(info.st_mode & 0o777) == mode)
        #expect(try load(file).assessment(of: "LN1") != nil)
    }

    /// `--force` replaces regular files only: a link (whose target must not change), a named pipe, a
    /// directory and a device are each refused with a message, even with --force.
    @Test func forceReplacesOnlyARegularFile() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let unrelated = workspace.appendingPathComponent("unrelated.txt")
        try Data("keep me".utf8).write(to: unrelated)
        try FileManager.default.createSymbolicLink(at: workspace.appendingPathComponent("link.md"), withDestinationURL: unrelated)
        mkfifo(workspace.appendingPathComponent("pipe.md").path, 0o644)
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        var planted = [("link.md", "a symbolic link"), ("pipe.md", "a named pipe")]
        if getuid() == 0, mknod(workspace.appendingPathComponent("full.md").path, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 {
            planted.append(("full.md", "a device"))
        }
        for (name, kind) in planted {
            for force in [false, true] {
                let result = try BinaryRunner.run(["export", laterID, "--format", "markdown", "--output", name] + (force ? ["--force"] : []), in: workspace)
                #expect(result.status == 1)
                #expect(result.stderr.contains("error: \(name) is \(kind), not a regular file; it has not been changed."), "\(result.stderr)")
            }
        }
        let folder = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "markdown", "--output", "folder.md", "--force"], in: workspace)
        #expect(folder.status == 1 && folder.stderr.contains("folder.md is a directory, not a file."), "\(folder.stderr)")
        #expect(try String(contentsOf: unrelated, encoding: .utf8) == "keep me")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: workspace.appendingPathComponent("link.md").path)) == unrelated.path)
        let regular = workspace.appendingPathComponent("report.md")
        try Data("old".utf8).write(to: regular)
        chmod(regular.path, 0o600)
        let replaced = try BinaryRunner.run(["export", laterID, "--format", "markdown", "--output", "report.md", "--force"], in: workspace)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        var info = stat()
        stat(regular.path, &info)
        #expect(info.st_mode & 0o777 == 0o600 && info.st_size > 1000)
    }

    /// A 4 GB CSV is refused from its size, before a byte is read; a named pipe is refused without
    /// waiting for a writer; the same for plans and framework files.
    @Test func importsAndFrameworksAreCheckedBeforeReading() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let before = try Data(contentsOf: file)
        let huge = dir.appendingPathComponent("huge.csv")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("huge.json"), withDestinationURL: huge)
        mkfifo(dir.appendingPathComponent("pipe.csv").path, 0o644)
        let cases: [([String], String)] = [
            (["import-scores", id, "huge.csv"], "error: huge.csv is 4096 MB; a CSV file to import may be at most 10 MB."),
            (["import-plan", id, "huge.csv"], "error: huge.csv is 4096 MB; a CSV file to import may be at most 10 MB."),
            (["import-scores", id, "pipe.csv"], "error: pipe.csv is a named pipe, not a file."),
            (["framework", "check", "pipe.csv"], "error: pipe.csv is a named pipe, not a file."),
            (["framework", "check", "huge.csv"], "error: huge.csv is 4096 MB; a framework file may be at most 4 MB."),
            (["new", "--title", "X", "--framework", "huge.json"], "error: huge.json is 4096 MB; a framework file may be at most 4 MB."),
        ]
        for (arguments, message) in cases {
            let running = try BinaryRunner.start(arguments, in: dir)
            try running.input.fileHandleForWriting.close()
            let result = finish(running, seconds: 10)
            #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: file) == before)
    }

    /// A stop signal that arrives while an answer is being saved waits for the save, so "Every answer
    /// given is saved" is always true: every answer the run echoed back is in the file.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aStopDuringASaveNeverClaimsAnUnsavedAnswer(signal: Int32) throws {
        var random = SeededRandom(seed: UInt64(signal))
        for attempt in 1...8 {
            let dir = try temporaryDirectory()
            let (id, file) = try newSession(dir)
            let runner = try BinaryRunner.start(["run", id], in: dir)
            try #require(waitFor("Scores for LN1", in: runner))
            runner.send("3 4 2\n")
            let deadline = Date().addingTimeInterval(20)
            while !runner.stdoutSoFar.contains("3 4 2\n") && Date() < deadline { usleep(100) }
            usleep(UInt32.random(in: 0...3_000, using: &random))
            kill(runner.process.processIdentifier, signal)
            let result = finish(runner)
            #expect(result.status == 128 + signal, "attempt \(attempt): \(result.stderr)")
            #expect(result.stderr.contains("Stopped. Every answer given is saved in Sessions/\(id).json.\nResume with: stepchange run \(id)\n"), "attempt \(attempt): \(result.stderr)")
            #expect(try load(file).assessment(of: "LN1")?.rounds.first?.scores.count == 3,
                    "attempt \(attempt): the answer was echoed and the message says it is saved, but it is not in the file")
            #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
        }
    }

    /// A stop signal while answers are kept in memory (their saves failed: a file-size limit here)
    /// lists exactly those answers as not saved, instead of claiming everything is saved.
    @Test func aStopAfterFailedSavesListsExactlyTheUnsavedAnswers() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let before = try Data(contentsOf: file)
        let scratch = try temporaryDirectory("streams")
        let errorFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 8; exec \"$0\" run \(id)", "stepchange"]
        process.environment = BinaryRunner.environment
        process.currentDirectoryURL = dir
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        input.fileHandleForWriting.write(Data("3 4 2\n\n".utf8))
        let deadline = Date().addingTimeInterval(20)
        func errors() -> String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
        while errors().components(separatedBy: "Your answer is kept in memory").count < 3 && Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let stderr = errors()
        #expect(process.terminationStatus == 128 + SIGTERM, "\(stderr)")
        let stop = try #require(stderr.range(of: "\nStopped. These answers could NOT be saved to Sessions/\(id).json (the file holds everything before them):\n"), "\(stderr)")
        let listed = stderr[stop.upperBound...].split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(listed == ["  - Scores for LN1, one per participant (- or ? for don't know): \"3 4 2\"",
                           "  - Consensus score for LN1: \"\""], "\(listed)")
        #expect(stderr.hasSuffix("Free some space or make the directory writable, then run stepchange run \(id) and give them again.\n"))
        #expect(!stderr.contains("Every answer given is saved"))
        #expect(try Data(contentsOf: file) == before)
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
    }
}
