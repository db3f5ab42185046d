import Foundation
import Testing
@testable import StepChangeKit

@Suite("Action plan round trip and council layouts")
struct PlanRoundTripTests {
    func rows(_ data: Data, _ source: String = "plan.csv") throws -> [CSVReader.Row] {
        try CSVReader.read(data, source: source)
    }

    func newSession() -> Session {
        Session(id: "2027-06-01-imported", title: "Imported", date: "2027-06-01", createdAt: Date(timeIntervalSince1970: 1_800_000_000), framework: .childPoverty)
    }

    /// The exported plan without the review columns (latest review, latest actual and its date, overdue),
    /// which describe the progress history rather than the plan.
    func planColumns(_ data: Data) -> [[String]] {
        parseCSV(data).map { Array($0.prefix(18)) }
    }

    @Test func theActionsExportImportsBackAsTheSamePlan() throws {
        let exported = try SessionExport.export(completeSession(), format: .csv, part: .actions)
        let imported = try PlanImport.apply(try rows(exported), source: "actions.csv", to: newSession()).session
        let again = try SessionExport.export(imported, format: .csv, part: .actions)
        #expect(planColumns(again) == planColumns(exported), "\(text(again))")

        let original = completeSession()
        #expect(imported.actions.map(\.ref) == original.actions.map(\.ref))
        #expect(imported.actions.map(\.currentStatus) == original.actions.map(\.currentStatus))
        #expect(imported.actions.map(\.additionality) == original.actions.map(\.additionality))
        #expect(imported.actions.map(\.partners) == original.actions.map(\.partners))
        #expect(imported.actions.map(\.resources) == original.actions.map(\.resources))
        #expect(imported.actions.map(\.risk) == original.actions.map(\.risk))
        #expect(imported.actions.map(\.outcomeIDs) == original.actions.map(\.outcomeIDs))
        #expect(imported.statements.map(\.text) == original.statements.filter { original.plan(for: $0.id) != nil }.map(\.text))
        #expect(imported.actions.map { $0.schedule.map(\.date) } == original.actions.map { $0.schedule.map(\.date) })
        #expect(imported.plan(for: "S1")?.outcome("S1.MT1")?.horizon == .medium)
    }

    @Test func aCouncilPlanWithMergedCellsImportsWithBlanksCarriedDown() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/import/council-plan-priority-1.csv")
        let result = try PlanImport.apply(try rows(Data(contentsOf: url)), source: url.lastPathComponent, to: newSession())
        let actions = result.session.actions
        #expect(result.statementIDs == ["S1", "S2", "S3"])
        #expect(actions.map(\.ref).prefix(8) == ["1.1.1", "1.1.1b", "1.1.1c", "1.1.1d", "1.1.1e", "1.1.1f", "1.1.1g", "1.1.1h"])
        let recruit = try #require(actions.first { $0.description == "Recruit to vacancies in Help & Protection." })
        #expect(recruit.schedule.map(\.date) == ["2024-01", "2023-10", "2024-02"])
        #expect(recruit.schedule.map { $0.status(in: recruit) } == [.onTrack, .someIssues, .someIssues])
        #expect(recruit.objective.hasPrefix("There is adequate capacity"), "the merged objective is carried down")
        #expect(result.session.statement("S1")?.text.hasPrefix("1.1 A skilled, professional") == true)
        #expect(actions.allSatisfy { !$0.description.hasPrefix("The Actions We Are Taking") }, "repeated page headers are not actions")
    }
}
