import Foundation
import Testing
@testable import StepChangeKit

@Suite("Assessment stage under random input")
struct AssessmentRobustnessTests {
    static let words = ["", "", "", "3", "3 4", "3 4 2", "3 4 2 4", "- 2 3 ?", "r", "n", "y", "no", "yes", "done", "skip", "back",
                        "goto LN3", "goto UP6", "status", "help", "delete 1", "delete 2", "edit 1 New words", "move 1 to areas",
                        "move 1 to strengths", "delete", "edit", "participants", "add participant Kit Ray (Housing, third sector)",
                        "add participant Lee Ward", "statutory", "cancel", "absent Ann Lee", "present Ann Lee", "absent Raj Patel",
                        "Evidence line", "A strength", "6", "0"]

    /// Random answers (corrections, late arrivals, absences, blind and open) never crash the stage and
    /// always leave a session that saves and loads; a run of empty lines then finishes the assessment.
    @Test(arguments: 0..<8)
    func randomAnswersNeverCrashAndEmptyLinesFinish(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 104_729 &+ 3)
        var driver = StageDriver(workshopSession(participants: 3, scoring: seed % 2 == 0 ? .open : .blind))
        for _ in 0..<200 {
            guard driver.prompt != nil else { break }
            driver.type(Self.words[Int(random.next() % UInt64(Self.words.count))])
        }
        var steps = 0
        while let prompt = driver.prompt, steps < 3000 {
            var line = ""
            if prompt.question.hasPrefix("Scores for") { line = Array(repeating: "3", count: driver.session.presentParticipants.count).joined(separator: " ") }
            if prompt.hidden { line = "3" }
            if prompt.question.hasPrefix("Which sector") { line = "cancel" }
            if driver.session.presentParticipants.isEmpty { line = "present Ann Lee" }
            driver.type(line)
            steps += 1
        }
        #expect(driver.prompt == nil, "seed \(seed) did not finish")
        _ = try SessionCodec.decode(SessionCodec.encode(driver.session), source: "fuzz.json")
    }
}
