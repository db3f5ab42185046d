import Foundation
import Testing
import StepChangeKit

/// More cases of the kinds in the trust issue, tried as an attacker and a new user would after the
/// first fixes: messages that say what really happened, and files read the way others read them.
@Suite("Trust, more cases")
struct SecondRoundTrustTests {
    @Test func aSessionsListingSaysWhyAFileCannotBeReadInsteadOfGuessingPermissions() throws {
        let dir = try temporaryDirectory()
        let sessions = dir.appendingPathComponent("Sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sessions.appendingPathComponent("2026-01-04-moved.json").path, withDestinationPath: "/nonexistent/elsewhere.json")
        try FileManager.default.createSymbolicLink(atPath: sessions.appendingPathComponent("2026-01-05-loop.json").path, withDestinationPath: "2026-01-05-loop.json")
        let listed = try BinaryRunner.run(["sessions"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        let all = listed.stdout + listed.stderr
        #expect(!all.contains("permissions"), "\(all)")
        #expect(all.contains("2026-01-04-moved.json") && all.contains("No such file or directory"), "\(all)")
        #expect(all.contains("2026-01-05-loop.json") && all.contains("Too many levels of symbolic links"), "\(all)")
    }

    @Test func aSessionFileGivingAFieldTwiceIsRefusedByEveryCommandAndNotChanged() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let text = try String(contentsOf: file, encoding: .utf8)
        let doubled = text.replacingOccurrences(of: "\"title\"", with: "\"title\" : \"Someone else's workshop\",\n  \"title\"")
        try Data(doubled.utf8).write(to: file)
        for arguments in [["show", id], ["export", id, "--format", "markdown"], ["run", id], ["check", id]] {
            let result = try BinaryRunner.run(arguments, in: dir)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("title is given more than once"), "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("Someone else"))
        }
        let listed = try BinaryRunner.run(["sessions"], in: dir)
        #expect(listed.stdout.contains("title is given more than once") || listed.stderr.contains("title is given more than once"), "\(listed.stdout)\(listed.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == doubled)
    }
}
