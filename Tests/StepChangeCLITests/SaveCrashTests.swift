import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// SIGKILL while the runner is saving as fast as it can: the session file is always whole, every
/// answer acknowledged before the kill is in it, and a dead process's temporary file is never
/// mistaken for a session or in anyone's way.
@Suite("Killed while saving", .serialized)
struct SaveCrashTests {
    /// A whole workshop's answers for every item, typed faster than any facilitator could.
    static let answers: String = Framework.childPoverty.itemIDs.map { item in
        "3 4 2\n\nEvidence \(item)\n\nStrength \(item)\n\nImprove \(item)\n\n"
    }.joined()

    @Test func killedAtRandomMomentsTheFileAlwaysDecodesWithEveryAcknowledgedAnswer() throws {
        var random = SeededRandom(seed: 20261125)
        let delays = (0..<10).map { _ in UInt32.random(in: 20_000...600_000, using: &random) }
        let items = Framework.childPoverty.itemIDs
        for delay in delays {
            let dir = try temporaryDirectory()
            let created = try BinaryRunner.run(["new", "--title", "Crash", "--participants", "Ann; Raj; Mo"], in: dir)
            let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let sessions = dir.appendingPathComponent("Sessions")
            let file = sessions.appendingPathComponent("\(id).json")

            let running = try BinaryRunner.start(["run", id], in: dir)
            running.send(Self.answers)
            usleep(delay)
            kill(running.process.processIdentifier, SIGKILL)
            let result = running.wait()

            let session = try SessionCodec.decode(Data(contentsOf: file), source: file.path)
            let shown = items.filter { result.stdout.contains("Scores for \($0)") }
            for item in shown.dropLast() {
                let assessment = session.assessment(of: item)
                #expect(assessment?.consensus?.score == 3, "after \(delay) µs: \(item) was acknowledged but is not complete")
                #expect(assessment?.evidence == ["Evidence \(item)"] && assessment?.areasForImprovement == ["Improve \(item)"])
            }
            #expect(session.assessments.count >= max(0, shown.count - 1))

            let store = SessionStore(directory: sessions)
            #expect(try store.sessionFiles() == [file.standardizedFileURL])
            let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
            #expect(names.allSatisfy { $0 == "\(id).json" || $0 == "\(id).lock" || ($0.hasPrefix(".\(id).json.") && $0.hasSuffix(".tmp")) }, "\(names)")

            let resumed = try BinaryRunner.run(["run", String(id.prefix(14)), "--break-lock"], stdin: "pause\n", in: dir)
            #expect(resumed.status == 0, "after \(delay) µs: \(resumed.stderr)")
            #expect(try SessionCodec.decode(Data(contentsOf: file), source: file.path).assessments.count >= session.assessments.count)
        }
    }

    @Test func aTemporaryFileLeftByADeadProcessBreaksNothingAndIsCleared() throws {
        let dir = try temporaryDirectory()
        let created = try BinaryRunner.run(["new", "--title", "Leftover", "--participants", "Ann; Raj"], in: dir)
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let sessions = dir.appendingPathComponent("Sessions")
        let leftover = sessions.appendingPathComponent(".\(id).json.4000000.tmp")
        let half = try Data(contentsOf: sessions.appendingPathComponent("\(id).json")).prefix(100)
        try half.write(to: leftover)

        #expect(try SessionStore(directory: sessions).sessionFiles().map(\.lastPathComponent) == ["\(id).json"])
        let run = try BinaryRunner.run(["run", String(id.prefix(13)), "--break-lock"], stdin: "3 4\n\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let exported = try BinaryRunner.run(["export", id, "--format", "json"], in: dir)
        #expect(exported.status == 0, "\(exported.stderr)")
        let second = try BinaryRunner.run(["new", "--title", "Leftover", "--participants", "Mo"], in: dir)
        #expect(second.stdout == "\(id)-2\n", "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "the dead process's temporary is cleared by the next runner")
        let session = try SessionCodec.decode(Data(contentsOf: sessions.appendingPathComponent("\(id).json")), source: id)
        #expect(session.assessment(of: "LN1")?.consensus != nil)
    }
}
