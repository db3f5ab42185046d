import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// A sessions directory that cannot be written (a path under a regular file) or that vanishes during a
/// run: a clear message naming the path, exit 1, never a crash, and nothing answered silently lost.
@Suite("An unwritable or vanished sessions directory", .serialized)
struct SessionsDirectoryTests {
    @Test(arguments: ["notes.txt", "notes.txt/Sessions"])
    func newRefusesASessionsPathThatIsOrIsUnderAFile(sessions: String) throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("notes.txt")
        try Data("not a directory\n".utf8).write(to: blocker)
        let result = try BinaryRunner.run(["new", "--title", "Riverside", "--participants", "Ann", "--sessions", sessions], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: Cannot create the sessions directory \(sessions)."), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try Data(contentsOf: blocker) == Data("not a directory\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
    }

    /// Runs stepchange with a file-size limit of 4 KB (`ulimit -f 8`): every session save fails as on a full disk.
    func runWithFullDisk(_ arguments: [String], in dir: URL) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 8; exec \"$0\" \"$@\"", "stepchange"] + arguments
        process.environment = BinaryRunner.environment
        process.currentDirectoryURL = dir
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return BinaryRunner.Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    @Test func aFullDiskLeavesNoHalfSessionAndNoHalfImport() throws {
        let dir = try temporaryDirectory()
        let sessions = dir.appendingPathComponent("Sessions")
        let refused = try runWithFullDisk(["new", "--title", "Full", "--participants", "Ann; Raj"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("error: Could not save \(sessions.path)/2026-"), "\(refused.stderr)")
        #expect(refused.stderr.contains("(File too large)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sessions.path).isEmpty)

        let created = try BinaryRunner.run(["new", "--title", "Full", "--participants", "Ann; Raj"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = sessions.appendingPathComponent("\(id).json")
        let before = try Data(contentsOf: file)
        try Data("participant,item,score\nAnn,LN1,3\nRaj,LN1,4\n".utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let failed = try runWithFullDisk(["import-scores", id, "survey.csv"], in: dir)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Could not save \(file.path): could not write the file (File too large)."), "\(failed.stderr)")
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sessions.path) == ["\(id).json"])
    }

    @Test func aDirectoryRemovedMidRunKeepsTheAnswerAndSavesItWhenTheDirectoryIsBack() throws {
        let dir = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Vanishing", "--participants", "Ann; Raj; Mo"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let sessions = dir.appendingPathComponent("Sessions")
        let file = sessions.appendingPathComponent("\(id).json")
        let running = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: running))
        let saved = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: sessions)

        running.send("3 4 2\n")
        #expect(waitFor("Consensus score for LN1", in: running))
        let deadline = Date().addingTimeInterval(10)
        while !running.stderrSoFar.contains("kept in memory") && Date() < deadline { usleep(20_000) }
        #expect(running.stderrSoFar.contains("error: Could not save \(file.path): could not create a temporary file in \(sessions.path) (No such file or directory)."), "\(running.stderrSoFar)")
        #expect(running.stderrSoFar.contains("Your answer is kept in memory; saving will be tried again after the next answer."))

        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try saved.write(to: file)
        running.send("\n")
        #expect(waitFor("Evidence or rationale (optional) [", in: running))
        running.send("pause\n")
        let result = finish(running)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Saved: the 1 earlier answer that could not be saved is now in Sessions/\(id).json."))
        let session = try SessionCodec.decode(Data(contentsOf: file), source: file.path)
        #expect(session.assessment(of: "LN1")?.rounds.first?.scores.map(\.score) == [.value(3), .value(4), .value(2)])
        #expect(session.assessment(of: "LN1")?.consensus?.score == 3)
    }

    @Test func aDirectoryThatStaysGoneEndsTheRunListingWhatWasNotSaved() throws {
        let dir = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Gone", "--participants", "Ann; Raj"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let running = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: running))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Sessions"))
        running.send("2 3\n\npause\n")
        let result = finish(running)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Paused. These answers could NOT be saved to Sessions/\(id).json (the file holds everything before them):"), "\(result.stderr)")
        #expect(result.stderr.contains("  - Scores for LN1, one per participant (- or ? for don't know): \"2 3\""))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sessions").path))
    }

    /// Sessions are kept in --sessions DIR, else $STEPCHANGE_SESSIONS, else ./Sessions; the resume hint
    /// names --sessions only when the folder is not where this shell keeps them by default.
    @Test func theSessionsFolderComesFromTheOptionThenTheEnvironment() throws {
        let dir = try temporaryDirectory()
        let workshops = try temporaryDirectory("workshops")
        let environment = ["STEPCHANGE_SESSIONS": workshops.path]
        let created = try BinaryRunner.run(["new", "--title", "Kept elsewhere", "--date", "2026-11-23"], in: dir, environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: workshops.appendingPathComponent("2026-11-23-kept-elsewhere.json").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sessions").path))
        #expect(created.stderr.hasSuffix("Next: stepchange run 2026-11-23-kept-elsewhere\n"), "\(created.stderr)")
        let paused = try BinaryRunner.run(["run", "kept-elsewhere"], stdin: "Ann (Council, statutory)\n\npause\n", in: dir, environment: environment)
        #expect(paused.stderr.contains("Resume with: stepchange run 2026-11-23-kept-elsewhere\n"), "\(paused.stderr)")
        let option = try BinaryRunner.run(["new", "--title", "By option", "--date", "2026-11-23", "--sessions", "mine"], in: dir, environment: environment)
        #expect(option.status == 0, "\(option.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("mine/2026-11-23-by-option.json").path))
        #expect(option.stderr.hasSuffix("Next: stepchange run 2026-11-23-by-option --sessions mine\n"), "\(option.stderr)")
        let empty = try BinaryRunner.run(["new", "--title", "Default", "--date", "2026-11-23"], in: dir, environment: ["STEPCHANGE_SESSIONS": ""])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sessions/2026-11-23-default.json").path))
        let listed = try BinaryRunner.run(["sessions"], in: dir, environment: environment)
        #expect(listed.stdout.contains("2026-11-23-kept-elsewhere") && !listed.stdout.contains("by-option"))
    }
}
