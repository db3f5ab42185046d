import Foundation
import Testing
@testable import StepChangeKit

@Suite("Planning stages under random input")
struct StageRobustnessTests {
    static let words = ["", "", "S1", "S2", "S9", "S1=2", "S1=9", "LN4", "LN44", "ST1", "MT1", "A1.1", "A2.1", "back", "back", "status",
                        "help", "list", "summary", "show", "check", "none", "-", "yes", "no", "2027-03", "2020-01", "soon", "4", "enablers",
                        "new", "existing", "goto S1", "goto S2 gaps", "goto A1.1 milestone", "goto review", "edit S1", "edit S2 New words",
                        "merge S2 into S1", "move S1 to 2", "delete S3", "delete 1", "edit MT1 Reworded", "edit A1.1",
                        "The partnership should act.", "The partnership should", "Something -> ST1", "x -> QQ"]

    /// Random answers never crash a stage; a run of empty lines then ends it, once a required field of
    /// an action (which refuses an empty line) is left with `goto review`, unless the stage's work is not
    /// done (no statements, nothing planned): then Enter is refused, nothing changes, and the stage ends
    /// as soon as the work is done.
    @Test(arguments: 0..<12)
    func randomAnswersThenEmptyLinesFinish(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7919 &+ 1)
        var session = PlanningFixtures.assessedSession()
        for stage in [Stage.statements, .planning] {
            session.stage = stage
            var driver = PlanningDriver(WorkshopStages.stage(for: stage)!, session)
            for _ in 0..<150 {
                guard driver.prompt != nil else { break }
                driver.step(Self.words[Int(random.next() % UInt64(Self.words.count))])
                driver.paused = false
            }
            var steps = 0
            while driver.prompt != nil, steps < 500 {
                if case .refused = driver.step(""), stage == .planning { driver.step("goto review") }
                steps += 1
            }
            if driver.prompt != nil {
                let stuck = driver.session
                driver.step("")
                guard case .refused = driver.step("") else {
                    Issue.record("seed \(seed): \(stage) neither finished nor refused an empty line")
                    return
                }
                #expect(driver.session == stuck)
                let plannedSomething = driver.session.planned.contains { id in
                    driver.session.plan(for: id).map { !$0.outcomes.isEmpty || !$0.actions.isEmpty } ?? false
                }
                switch stage {
                case .statements:
                    #expect(driver.session.statements.isEmpty, "seed \(seed): statements refused Enter with statements")
                    driver.type("The partnership should act.")
                case .planning where driver.session.planned.isEmpty:
                    #expect(driver.refusals.last?.hasPrefix("No statements are planned") == true)
                    continue
                default:
                    #expect(!plannedSomething, "seed \(seed): planning refused Enter with a plan")
                    driver.type("goto \(driver.session.planned[0])", "Fewer children in poverty", "goto review")
                }
                steps = 0
                while driver.prompt != nil, steps < 500 {
                    if case .refused = driver.step(""), stage == .planning { driver.step("goto review") }
                    steps += 1
                }
            }
            #expect(driver.prompt == nil, "seed \(seed): \(stage) did not finish on empty lines once its work was done")
            #expect(throws: Never.self) { _ = try SessionCodec.decode(SessionCodec.encode(driver.session), source: "fuzz.json") }
            session = driver.session
        }
    }
}
