import Foundation
import Testing
import StepChangeKit

/// A stdin of empty lines takes every default, but never completes a stage whose work has not been
/// done: no statements, or a plan with nothing in it, leaves the session where it is to resume.
@Suite("Empty lines on a session with imported scores (end to end)")
struct EmptyInputTests {
    /// A session whose every item has scores imported, so the run starts at the reveal.
    func importedSession() throws -> (dir: URL, id: String, file: URL) {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Survey")
        var csv = "participant,item,score\n"
        for (index, item) in Framework.childPoverty.itemIDs.enumerated() {
            csv += "Ann Lee,\(item),\(1 + index % 5)\nRaj Patel,\(item),\(1 + (index * 2) % 5)\nMo Khan,\(item),dont know\n"
        }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let imported = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, id, file)
    }

    @Test func theStatementsStageIsNotCompletedWithNoStatements() throws {
        let (dir, id, file) = try importedSession()
        let result = try BinaryRunner.run(["run", id], stdin: String(repeating: "\n", count: 400), in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let session = try load(file)
        #expect(session.assessments.count == 24 && session.assessments.allSatisfy { $0.consensus != nil })
        #expect(session.stage == .statements)
        #expect(session.statements.isEmpty && session.planned.isEmpty)
        #expect(result.stdout.contains("There are no improvement statements yet: type one"))
        #expect(!result.stdout.contains("The workshop is complete"))
        #expect(result.stderr.contains("Resume with: stepchange run \(id)\n"), "\(result.stderr)")
        let shown = try BinaryRunner.run(["show", id], in: dir)
        #expect(shown.stdout.hasPrefix("Survey (\(session.date), statements)"), "\(shown.stdout)")
    }

    @Test func planningIsNotCompletedWithNothingPlanned() throws {
        let (dir, id, file) = try importedSession()
        let assessed = try BinaryRunner.run(["run", id], stdin: String(repeating: "\n", count: 200), in: dir)
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let input = "The partnership should listen to families.\n" + String(repeating: "\n", count: 200)
        let result = try BinaryRunner.run(["run", id], stdin: input, in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let session = try load(file)
        #expect(session.statements.map(\.id) == ["S1"] && session.planned == ["S1"])
        #expect(session.stage == .planning)
        #expect(result.stdout.contains("Nothing has been planned yet: type `goto S1` to plan S1"))
        #expect(!result.stdout.contains("The workshop is complete"))
    }
}
