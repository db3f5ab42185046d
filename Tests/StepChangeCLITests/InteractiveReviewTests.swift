import Foundation
import Testing
import StepChangeKit

@Suite("The interactive progress review, driven by a scripted terminal")
struct InteractiveReviewTests {
    /// 30 November 2026, after the later worked example and its last review.
    let reviewDay = Date(timeIntervalSince1970: 1_796_040_000)

    @Test func enterKeepsStatusBadAnswersAreAskedAgainAndEndOfInputSavesWhatWasEntered() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let input = ["", // reviewer: default from $STEPCHANGE_REVIEWER
                     "", "Mapping refreshed", "", // A1.1: keep status, note only → recorded with the current status
                     "sort of", "Action not on track, risk to implementation", "", "9"] // A1.2: bad answer, then plan wording
        let result = runCLI(["review", earlierID, "--date", "2026-11-26"],
                            input: input, in: workspace, environment: ["STEPCHANGE_REVIEWER": "Priya Sharma"], now: reviewDay)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Reviewer [Priya Sharma]: "))
        #expect(result.output.contains("\"sort of\" is not a status."))
        #expect(result.output.contains("Review stopped: 2 updates saved."))
        let session = try SessionCodec.decode(Data(contentsOf: sessionFile(workspace, earlierID)), source: "s")
        let mapped = try #require(session.actions.first { $0.ref == "A1.1" }?.latestUpdate)
        #expect(mapped.status == .complete && mapped.note == "Mapping refreshed" && mapped.reviewer == "Priya Sharma" && mapped.actual == nil)
        let panel = try #require(session.actions.first { $0.ref == "A1.2" }?.latestUpdate)
        #expect(panel.status == .notOnTrack && panel.actual == "9" && panel.date == "2026-11-26")
        #expect(panel.recordedAt == reviewDay)
        #expect(!FileManager.default.fileExists(atPath: sessionFile(workspace, earlierID).deletingPathExtension().path + ".lock"))
    }

    @Test func aSessionWithoutActionsHasNothingToReview() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        var session = try SessionCodec.decode(Data(contentsOf: sessionFile(workspace, laterID)), source: "s")
        session.plans = []
        try SessionStore(directory: workspace.appendingPathComponent("Sessions")).save(session)
        let result = runCLI(["review", laterID], input: [], in: workspace, now: reviewDay)
        #expect(result.status == 0 && result.output.contains("has no actions to review yet"))
    }
}
