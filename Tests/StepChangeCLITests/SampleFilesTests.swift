import Foundation
import Testing
import StepChangeKit

/// The sample files shipped in `Sessions/samples/` import as the README shows, and the sessions
/// listing never takes them for sessions.
@Suite("Shipped sample files")
struct SampleFilesTests {
    static let samples = BinaryRunner.packageRoot.appendingPathComponent("Sessions/samples")

    @Test func thePreWorkshopScoresImportIntoTheReadmesNewSession() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Riverside self-assessment")
        let result = try BinaryRunner.run(["import-scores", id, Self.samples.appendingPathComponent("pre-workshop-scores.csv").path], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 72 scores for 24 items"))
        let session = try load(file)
        #expect(session.assessments.count == 24)
        #expect(session.assessments.allSatisfy { $0.rounds.first?.source == .imported })
        #expect(session.assessments.contains { $0.rounds.first?.scores.contains { $0.score == .dontKnow } == true })
        #expect(session.assessments.contains { $0.rounds.first?.scores.contains { !($0.comment ?? "").isEmpty } == true })
    }

    @Test func theActionPlanImportsIntoTheWorkedExample() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let result = try BinaryRunner.run(["import-plan", laterID, Self.samples.appendingPathComponent("action-plan.csv").path], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 4 actions under 2 outcomes (S7–S8)"), "\(result.stdout)")
        let session = try load(sessionFile(workspace, laterID))
        #expect(Set(["R1.1", "R1.2", "R2.1", "R2.2"]).isSubset(of: session.actions.map(\.ref)))
        #expect(PlanCheck.findings(in: session).allSatisfy { !$0.subject.hasPrefix("R") || $0.level != .error })
    }

    @Test func theListingOfTheShippedSessionsIgnoresTheSamples() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Sessions"), to: dir.appendingPathComponent("Sessions"))
        let listed = try BinaryRunner.run(["sessions", "--json"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        #expect((json["sessions"] as? [Any])?.count == 2)
        #expect((json["unreadable"] as? [Any])?.isEmpty == true)
        #expect(listed.stderr.isEmpty)
    }
}
