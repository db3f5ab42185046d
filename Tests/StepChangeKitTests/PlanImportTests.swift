import Foundation
import Testing
@testable import StepChangeKit

@Suite("Importing an action plan")
struct PlanImportTests {
    func rows(_ text: String) throws -> [CSVReader.Row] { try CSVReader.read(Data(text.utf8), source: "plan.csv") }
    var session: Session { WorkedExample2026.session }

    func problems(_ csv: String) -> [String] {
        do throws(StepChangeError) {
            let parsed = try CSVReader.read(Data(csv.utf8), source: "plan.csv")
            _ = try PlanImport.apply(parsed, source: "plan.csv", to: session)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func theCouncilPlansColumnsAreUnderstood() throws {
        let csv = "The Outcomes We Are Aiming For,Action Ref,Objective,The Actions We Are Taking,How we will know it has worked,Responsible Lead Officer,Strengthening,Rag Rating,Milestones,Output/ Impact\n"
            + "Families are better off,1.1.1,Raise income,Benefit checks,Take-up,Money Advice,Costs of living,\"Activity progressing, some issues but realistic plans in place to recover\",March 2027,More claims\n"
            + ",1.1.2,,Uniform banks,,,,,,\n"
            + "Parents in work,,,Keyworkers,,,employment,Action not on track,31/03/2027,\n"
        let imported = try PlanImport.apply(try rows(csv), source: "plan.csv", to: session)
        #expect(imported.statementIDs == ["S7", "S8"])
        #expect(imported.actionRefs == ["1.1.1", "1.1.2", "A8.1"], "a missing ref is numbered like the tool's own")
        let result = imported.session
        #expect(result.plan(for: "S7")?.actions.count == 2, "a blank outcome continues the outcome above")
        #expect(result.plan(for: "S7")?.outcomes.first?.horizon == .long)
        let first = try #require(result.actions.first { $0.ref == "1.1.1" })
        #expect(first.status == .someIssues && first.theme == "costs" && first.milestone == "2027-03" && first.measure.indicator == "Take-up")
        #expect(first.lead == "Money Advice" && first.objective == "Raise income" && first.outputImpact == "More claims")
        #expect(result.actions.first { $0.ref == "1.1.2" }?.status == .notStarted)
        #expect(result.actions.first { $0.ref == "A8.1" }?.milestone == "2027-03-31")
        #expect(SessionValidator.problems(in: result, source: "s").isEmpty)
        #expect(result.planned.suffix(2) == ["S7", "S8"])
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        let csv = "Outcome,Ref,Action,Status,Milestone\n"
            + "Families,A3.1,Clashes with the session,on track,2027-03\n"
            + "Families,X1,Fine,on track,2027-03\n"
            + "Families,X1,Same ref again,complete,\n"
            + "Families,X2,Bad status,perhaps,\n"
            + "Families,X3,Bad milestone,,Q3\n"
            + "Families,X4,,,\n"
        #expect(problems(csv) == [
            "plan.csv: line 2: action ref \"A3.1\" is already in 2026-11-19-riverside-child-poverty-self-assessment (refs must be unique in a session; was this plan imported before?)",
            "plan.csv: line 4: action ref \"X1\" is used on an earlier row too (refs must be unique)",
            "plan.csv: line 5: " + PlanImport.statusMessage("perhaps"),
            "plan.csv: line 6: milestone \"Q3\" is not a date; expected " + Milestone.expected,
            "plan.csv: line 7: action X4 has no text in the \"The Actions We Are Taking\" column",
        ])
    }

    @Test func aFileWithoutAnActionColumnOrRowsIsRefused() throws {
        #expect(throws: StepChangeError.self) { try PlanImport.apply(try rows("Outcome,Lead\nX,Y\n"), source: "plan.csv", to: session) }
        #expect(throws: StepChangeError.self) { try PlanImport.apply(try rows("Outcome,Action\n"), source: "plan.csv", to: session) }
        #expect(throws: StepChangeError.self) { try PlanImport.apply([], source: "plan.csv", to: session) }
        #expect(problems("Outcome,Action,Milestone\nX,,June 2027\n").first?.contains("line 2: no action") == true)
    }

    @Test(arguments: [("2027-03", "2027-03"), ("2027-03-31", "2027-03-31"), ("March 2027", "2027-03"), ("Sept 2027", "2027-09"),
                      ("03/2027", "2027-03"), ("31/03/2027", "2027-03-31"), ("2027/3", "2027-03")])
    func milestonesAreReadAsPlansWriteThem(text: String, stored: String) {
        #expect(PlanImport.parseMilestone(text) == stored)
    }

    @Test(arguments: ["soon", "2027-13", "31/02/2027", "Q3 2027", "Smarch 2027"])
    func nonsenseMilestonesAreRefused(text: String) {
        #expect(PlanImport.parseMilestone(text) == nil)
    }

    @Test func csvWithBOMCRLFAndQuotedNewlinesKeepsLineNumbers() throws {
        let parsed = try CSVReader.read(Data("\u{FEFF}a,b\r\n\"x\r\ny\",z\r\n\r\nlast,\"q\"\"uote\"\r\n".utf8), source: "t.csv")
        #expect(parsed.map(\.line) == [1, 2, 5])
        #expect(parsed[0].fields == ["a", "b"])
        #expect(parsed[1].fields[0].contains("x") && parsed[1].fields[0].contains("y"))
        #expect(parsed[2].fields == ["last", "q\"uote"])
    }
}
