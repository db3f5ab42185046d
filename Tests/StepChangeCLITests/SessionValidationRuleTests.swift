import Foundation
import Testing
import StepChangeKit

/// Every rule a hand-edited session file is checked against: the message names the field, what was
/// found and what is allowed; the command exits 1 without a trap; the file is left byte for byte as it
/// was; and the `sessions` listing still lists the other sessions beside it.
@Suite(.serialized) struct SessionValidationRuleTests {
    static let example = CorruptSessionTests.example

    /// One hand edit: a field path (keys and list positions) and the value put there (`nil` removes the key).
    struct Edit: Sendable, CustomStringConvertible {
        let name: String
        let changes: [(path: [PathStep], value: JSONValue?)]
        let expected: [String]
        var description: String { name }

        init(_ name: String, _ path: String, _ value: JSONValue?, expect expected: String...) {
            self.init(name, [(path, value)], expect: expected)
        }

        init(_ name: String, _ changes: [(String, JSONValue?)], expect expected: [String]) {
            self.name = name
            self.changes = changes.map { (Self.steps($0.0), $0.1) }
            self.expected = expected
        }

        static func steps(_ path: String) -> [PathStep] {
            path.split(separator: ".").map { part in Int(part).map(PathStep.index) ?? .key(String(part)) }
        }
    }

    enum PathStep: Sendable { case key(String), index(Int) }

    static func apply(_ value: JSONValue?, at path: [PathStep], in node: JSONValue) -> JSONValue {
        guard let step = path.first else { return value ?? .null }
        switch (step, node) {
        case (.key(let key), .object(var fields)):
            if path.count == 1, value == nil { fields[key] = nil } else { fields[key] = apply(value, at: Array(path.dropFirst()), in: fields[key] ?? .null) }
            return .object(fields)
        case (.index(let index), .array(var elements)):
            elements[index] = apply(value, at: Array(path.dropFirst()), in: elements[index])
            return .array(elements)
        default:
            Issue.record("the path does not fit the example session")
            return node
        }
    }

    static let edits: [Edit] = [
        Edit("framework rule", "framework.scale.levels.1.value", .number(1),
             expect: "framework.scale.levels[1].value", "does not increase"),
        Edit("duplicate participant id", "participants.1.id", .string("p1"),
             expect: "participants[1].id", "duplicate participant id \"p1\""),
        Edit("unknown item", "assessments.0.itemID", .string("ZZ9"),
             expect: "assessments[0].itemID", "\"ZZ9\" is not an item of the framework"),
        Edit("item assessed twice", "assessments.1.itemID", .string("LN1"),
             expect: "assessments[1].itemID", "item \"LN1\" is assessed twice"),
        Edit("score by an unknown participant", "assessments.0.rounds.0.scores.0.participant", .string("p99"),
             expect: "assessments[0].rounds[0].scores[0].participant", "\"p99\" is not a participant of this session"),
        Edit("score off the scale", "assessments.0.rounds.0.scores.0.score", .number(9),
             expect: "assessments[0].rounds[0].scores[0].score", "9 is not on the scale; expected 1, 2, 3, 4, 5 or ? (don't know)"),
        Edit("don't know on a scale without it", [("framework.scale.dontKnow", nil), ("assessments.0.rounds.0.scores.0.score", .string("dont-know"))],
             expect: ["assessments[0].rounds[0].scores[0].score", "\"dont-know\" is not allowed by this framework's scale"]),
        Edit("consensus off the scale", "assessments.0.consensus.score", .number(7),
             expect: "assessments[0].consensus.score", "7 is not on the scale"),
        Edit("duplicate statement id", "statements.1.id", .string("S1"),
             expect: "statements[1].id", "duplicate statement id \"S1\""),
        Edit("statement for an unknown item", "statements.0.itemIDs", .array([.string("ZZ9")]),
             expect: "statements[0].itemIDs", "\"ZZ9\" is not an item"),
        Edit("vote by an unknown participant", "votes.0.participant", .string("p99"),
             expect: "votes[0].participant", "\"p99\" is not a participant"),
        Edit("vote for an unknown statement", "votes.0.statement", .string("S9"),
             expect: "votes[0].statement", "\"S9\" is not a statement"),
        Edit("negative vote count", "votes.0.count", .number(-1),
             expect: "votes[0].count", "-1 is negative"),
        Edit("plan chosen for an unknown statement", "planned.0", .string("S9"),
             expect: "planned[0]", "\"S9\" is not a statement"),
        Edit("plan for an unknown statement", "plans.0.statementID", .string("S9"),
             expect: "plans[0].statementID", "\"S9\" is not a statement"),
        Edit("duplicate action ref", "plans.1.actions.0.ref", .string("A1.1"),
             expect: "plans[1].actions[0].ref", "duplicate action ref \"A1.1\""),
        Edit("bad workshop date", "date", .string("2026-13-01"),
             expect: "date", "\"2026-13-01\" is not a date; expected YYYY-MM-DD"),
        // Numbers bounded to what the program can use.
        Edit("negative votes per participant", "settings.votesPerParticipant", .number(-4),
             expect: "settings.votesPerParticipant", "-4 is outside the range allowed for votes per participant: 1 to 100"),
        Edit("negative minutes per heading", "settings.minutesPerHeading", .number(-5),
             expect: "settings.minutesPerHeading", "-5 is outside the range allowed for minutes per heading: 1 to 1440"),
        Edit("vote count near Int.max", "votes.0.count", .number(9.2e18),
             expect: "votes[0].count", "is more than the 3 votes each participant has"),
        Edit("votes that add up past the allowance", "votes.1.count", .number(2),
             expect: "votes", "p1 gave 4 votes in all, more than the 3 each participant has"),
        Edit("scale value near Int.max", "framework.scale.levels.4.value", .number(9.2e18),
             expect: "framework.scale.levels[4].value", "is outside the range allowed for scale values: -1000 to 1000"),
        Edit("horizon of Int.max years", "framework.horizons.2.toYears", .number(9.2e18),
             expect: "framework.horizons[2].toYears", "is outside the range allowed for years after the workshop: 0 to 100"),
        Edit("round number zero", "assessments.0.rounds.0.number", .number(0),
             expect: "assessments[0].rounds[0].number", "0 is outside the range allowed for round numbers"),
        Edit("consensus round negative", "assessments.0.consensus.round", .number(-1),
             expect: "assessments[0].consensus.round", "-1 is outside the range allowed for round numbers"),
        Edit("suggested consensus off the scale", "assessments.0.consensus.suggested", .number(42),
             expect: "assessments[0].consensus.suggested", "42 is not on the scale"),
        Edit("statement id with a huge number", "statements.2.id", .string("S99999999999999999999"),
             expect: "statements[2].id", "holds a number with more than 6 digits"),
        Edit("progress review on no real day", "plans.0.actions.0.updates.0.date", .string("2027-02-30"),
             expect: "plans[0].actions[0].updates[0].date", "\"2027-02-30\" is not a date"),
        // Fields that cannot be read at all are named with the value found and what is allowed.
        Edit("createdAt not a date", "createdAt", .string("yesterday"),
             expect: "createdAt", "\"yesterday\" is not a date and time; expected ISO 8601 such as 2026-11-23T10:00:00Z"),
        Edit("sector not a sector", "participants.0.sector", .string("third"),
             expect: "participants[0].sector", "\"third\" is not allowed; expected one of statutory, health, education, third-sector"),
        Edit("status not a status", "plans.0.actions.0.status", .string("green"),
             expect: "plans[0].actions[0].status", "\"green\" is not allowed; expected one of not-started, on-track"),
        Edit("votes as words", "settings.votesPerParticipant", .string("three"),
             expect: "settings.votesPerParticipant", "expected a whole number, found \"three\""),
        Edit("score as words", "assessments.0.rounds.0.scores.0.score", .string("high"),
             expect: "assessments[0].rounds[0].scores[0].score", "expected a score (a whole number on the scale) or \"dont-know\", found \"high\""),
    ]

    @Test(arguments: edits)
    func handEditedFileIsRefusedByNameAndLeftUnchanged(_ edit: Edit) throws {
        let directory = try temporaryDirectory("rule-\(edit.name)")
        let file = directory.appendingPathComponent("2026-11-23-edited.json")
        var root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.example))
        root = Self.apply(.string("2026-11-23-edited"), at: Edit.steps("id"), in: root)
        for change in edit.changes { root = Self.apply(change.value, at: change.path, in: root) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = try encoder.encode(root)
        try bytes.write(to: file)
        try Data(contentsOf: Self.example).write(to: directory.appendingPathComponent("2026-11-23-riverside-child-poverty.json"))
        for command in [["check", "2026-11-23-edited"], ["show", "2026-11-23-edited"],
                        ["export", "2026-11-23-edited", "--format", "html"], ["run", "2026-11-23-edited"]] {
            let result = try BinaryRunner.run(command + ["--sessions", directory.path], stdin: "\n")
            #expect(result.status == 1, "\(edit): \(command[0]) exited \(result.status): \(result.stderr)")
            for expected in edit.expected {
                #expect(result.stderr.contains(expected), "\(edit): \(command[0]) does not say \(expected): \(result.stderr)")
            }
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Cannot initialize"), "\(result.stderr)")
            #expect(try Data(contentsOf: file) == bytes, "\(edit): \(command[0]) changed the file")
        }
        let listing = try BinaryRunner.run(["sessions", "--sessions", directory.path])
        #expect(listing.status == 0, "\(edit): \(listing.stderr)")
        #expect(listing.stdout.contains("2026-11-23-riverside-child-poverty"), "\(edit): \(listing.stdout)")
        #expect((listing.stdout + listing.stderr).contains("2026-11-23-edited.json"), "\(edit): the listing does not name the bad file")
        #expect(try Data(contentsOf: file) == bytes)
    }
}
