import Foundation
import Testing
import StepChangeKit

/// A corrupt, foreign or hand-edited session file gets a message naming the file and the field, exit 1,
/// and stays byte-for-byte as it was — whichever command opened it.
@Suite(.serialized) struct CorruptSessionTests {
    static let example = BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/export/complete-session.json")

    /// A damaged copy of the example session: its name, how it was damaged, and what the message must name.
    struct Damage: Sendable, CustomStringConvertible {
        let name: String
        let expected: [String]
        let damage: @Sendable (Data) throws -> Data
        var description: String { name }
    }

    static func editJSON(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    static let damages: [Damage] = [
        Damage(name: "truncated", expected: ["truncated"]) { $0.prefix($0.count / 2) },
        Damage(name: "empty", expected: ["empty"]) { _ in Data() },
        Damage(name: "not JSON", expected: ["JSON"]) { _ in Data([0xFF, 0xFE, 0x00, 0x41, 0x1B, 0x5B]) },
        Damage(name: "wrong type", expected: ["title", "expected text"]) { data in
            try editJSON(data) { $0["title"] = 42 }
        },
        Damage(name: "newer schema", expected: ["schemaVersion", "newer version"]) { data in
            try editJSON(data) { $0["schemaVersion"] = 99 }
        },
        Damage(name: "score off the scale", expected: ["assessments[0].rounds[0].scores[0].score", "9 is not on the scale"]) { data in
            try editJSON(data) { object in
                var assessments = object["assessments"] as! [[String: Any]]
                var rounds = assessments[0]["rounds"] as! [[String: Any]]
                var scores = rounds[0]["scores"] as! [[String: Any]]
                scores[0]["score"] = 9
                rounds[0]["scores"] = scores
                assessments[0]["rounds"] = rounds
                object["assessments"] = assessments
            }
        },
        Damage(name: "framework snapshot missing items", expected: ["assessments[0].itemID", "\"LN1\" is not an item"]) { data in
            try editJSON(data) { object in
                var framework = object["framework"] as! [String: Any]
                var headings = framework["headings"] as! [[String: Any]]
                var items = headings[0]["items"] as! [[String: Any]]
                items.removeFirst()
                headings[0]["items"] = items
                framework["headings"] = headings
                object["framework"] = framework
            }
        },
    ]

    /// Every command that opens a session, with SESSION standing for the damaged file's id, FILE for a
    /// small valid scores CSV and PLAN for a small valid action plan CSV.
    static let commands: [[String]] = [
        ["export", "SESSION", "--format", "markdown"],
        ["export", "SESSION", "--format", "json"],
        ["run", "SESSION"],
        ["check", "SESSION"],
        ["import-scores", "SESSION", "FILE"],
        ["show", "SESSION"],
        ["review", "SESSION", "--action", "A1.1", "--status", "on-track", "--reviewer", "Sam"],
        ["compare", "SESSION", "SESSION"],
        ["import-plan", "SESSION", "PLAN"],
    ]

    @Test(arguments: damages)
    func everyCommandRefusesADamagedFileAndLeavesItUntouched(_ damage: Damage) throws {
        let directory = try temporaryDirectory("corrupt-\(damage.name)")
        let file = directory.appendingPathComponent("2026-11-23-damaged.json")
        let bytes = try damage.damage(Data(contentsOf: Self.example))
        try bytes.write(to: file)
        let inputs = try temporaryDirectory("corrupt-inputs")
        let scores = inputs.appendingPathComponent("scores.csv"), plan = inputs.appendingPathComponent("plan.csv")
        try Data("participant,item,score,comment\np1,LN1,3,ok\n".utf8).write(to: scores)
        try Data("outcome,ref,action,lead,status,milestone\nFamilies are better off,A1.1,Run a benefits check,Sam,on track,March 2027\n".utf8).write(to: plan)
        for command in Self.commands {
            let arguments = command.map { ["SESSION": "2026-11-23-damaged", "FILE": scores.path, "PLAN": plan.path][$0] ?? $0 } + ["--sessions", directory.path]
            let result = try BinaryRunner.run(arguments, stdin: "\n\n\n")
            #expect(result.status == 1, "\(damage): \(command) exited \(result.status)")
            #expect(result.stderr.contains("2026-11-23-damaged.json"), "\(damage): \(command) does not name the file: \(result.stderr)")
            for expected in damage.expected {
                #expect(result.stderr.contains(expected), "\(damage): \(command) does not say \(expected): \(result.stderr)")
            }
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
            #expect(try Data(contentsOf: file) == bytes, "\(damage): \(command) changed the file")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != file.lastPathComponent }
            #expect(leftovers.isEmpty, "\(damage): \(command) left \(leftovers)")
        }
    }
}
