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
        #expect(waitFor("Evidence or rationale [", in: running))
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
}
