import Foundation
import Testing
import StepChangeKit

/// Next year's workshop from this year's (`new --from`, `compare NEW`), the review that carries on
/// where it stopped, and lines that fit the terminal.
@Suite("Next year starts from this year")
struct NextYearTests {
    @Test func newFromCarriesForwardAndCompareKnowsTheSessionBefore() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let created = runCLI(["new", "--from", earlierID, "--title", "Riverside 2026 follow-up", "--date", "2026-11-26"], in: workspace)
        #expect(created.status == 0, "\(created.errors)")
        let id = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "2026-11-26-riverside-2026-follow-up")
        #expect(flattened(created.errors).contains("from \(earlierID): child-poverty v1.0, 10 participants to confirm, last year's consensus on 24 items"))
        let session = try load(sessionFile(workspace, id))
        #expect(session.previousSessionID == earlierID)
        #expect(session.carriedForwardActions?.isEmpty == false)
        #expect(session.carriedForwardActions?.allSatisfy { $0.currentStatus != .complete } == true)

        let run = runCLI(["run", id], input: ["", "pause"], in: workspace)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Open actions carried forward from last time, with their latest status:"))
        #expect(flattened(run.output).contains("Record their progress in last time's session: stepchange review \(earlierID)"))
        #expect(run.output.contains("Last time's participants: confirm or change them"))
        let consensus = try #require(try load(sessionFile(workspace, earlierID)).assessment(of: "LN1")?.consensus?.score)
        #expect(run.output.contains("Last year: \(consensus)."))

        let compared = runCLI(["compare", id], in: workspace)
        #expect(compared.status == 0, "\(compared.errors)")
        #expect(compared.output.contains(earlierID))
        let alone = runCLI(["compare", earlierID], in: workspace)
        #expect(alone.status == 2)
        #expect(alone.errors.contains("does not say which session came before it"))
    }

    @Test func newFromRefusesAnotherFramework() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        var other = Framework.childPoverty
        other.id = "other-framework"
        try FrameworkCodec.encode(other).write(to: workspace.appendingPathComponent("other.json"))
        let result = runCLI(["new", "--from", earlierID, "--framework", "other.json"], in: workspace)
        #expect(result.status == 2)
        #expect(result.errors.contains("used the framework child-poverty; --framework gave other-framework"))
    }

    @Test func reviewGoesInReferenceOrderTakesTheReviewerAndCarriesOnWhereItStopped() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let reviewDay = Date(timeIntervalSince1970: 1_803_902_400) // 2027-03-01, the review date
        let first = runCLI(["review", laterID, "--reviewer", "Fiona MacLeod", "--date", "2027-03-01"],
                           input: ["2", "Started", "", "q"], in: workspace, now: reviewDay)
        #expect(first.status == 0, "\(first.errors)")
        #expect(!first.output.contains("Reviewer ["))
        #expect(first.output.contains("Reviewer: Fiona MacLeod"))
        #expect(first.output.contains("A1.1  (1 of 12)"))
        let second = runCLI(["review", laterID, "--reviewer", "Fiona MacLeod", "--date", "2027-03-01"], input: ["", "", "", "q"], in: workspace, now: reviewDay)
        #expect(flattened(second.output).contains("Continuing the review of 2027-03-01: 1 of 12 actions already reviewed that day; carrying on from A1.2."))
        #expect(second.output.contains("A1.2  (2 of 12)"))
        #expect(second.output.contains("No change recorded."))
        // A1.2 was answered with no change: the next run carries on at A1.3, not at A1.2 again.
        let third = runCLI(["review", laterID, "--reviewer", "Fiona MacLeod", "--date", "2027-03-01"], input: ["q"], in: workspace, now: reviewDay)
        #expect(flattened(third.output).contains("2 of 12 actions already reviewed that day; carrying on from A1.3."))
        #expect(try load(sessionFile(workspace, laterID)).reviewProgress == ReviewProgress(date: "2027-03-01", lastRef: "A1.2"))
        let refs = ProgressReview.inReferenceOrder(try load(sessionFile(workspace, laterID)).actions).map(\.ref)
        #expect(refs == ["A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "A3.1", "A3.2", "A3.3", "A4.1", "A4.2", "A4.3"])
    }

    @Test func everyLineOfARunFitsANarrowTerminalWithoutBreakingWords() throws {
        let dir = try temporaryDirectory()
        _ = runCLI(["new", "--title", "Narrow", "--participants", "Ann Lee (Council, statutory); Raj Patel (CVS, third sector)"], in: dir)
        let run = runCLI(["run", "2026-11-18-narrow"], input: ["3 4", "", "The neighbourhood profile was refreshed in 2025 with health visitors", "pause"],
                         in: dir, environment: ["COLUMNS": "50"])
        #expect(run.status == 0)
        for line in run.output.split(separator: "\n") where !line.hasSuffix("with health visitors") {
            #expect(line.count <= 50, "too wide: \(line)")
        }
        #expect(run.output.contains("neighbourhood"))
        #expect(!run.output.contains("neighbour\n"))
    }
}
