import Foundation
import Testing
@testable import StepChangeKit

/// Older session files load through `SessionMigrations`: ordered pure steps on the JSON object.
@Suite("Session file migrations")
struct SessionMigrationTests {
    /// A version-1 file as JSON values, the way `SessionCodec.decode` hands it to the migrations.
    func fields(of session: Session = sampleSession()) throws -> [String: JSONValue] {
        guard case .object(let fields) = try JSONValue.parse(SessionCodec.encode(session), source: "s.json") else {
            throw StepChangeError(.input, "not an object")
        }
        return fields
    }

    func appending(_ mark: String) -> @Sendable ([String: JSONValue]) -> [String: JSONValue] {
        { fields in
            var fields = fields
            guard case .string(let trail)? = fields["trail"] else { fields["trail"] = .string(mark); return fields }
            fields["trail"] = .string(trail + mark)
            return fields
        }
    }

    @Test func stepsAreAppliedInOrderAndEachSetsItsVersion() throws {
        let steps = [SessionMigration(from: 1, to: 2, upgrade: appending("a")),
                     SessionMigration(from: 2, to: 3, upgrade: appending("b")),
                     SessionMigration(from: 3, to: 4, upgrade: appending("c"))]
        let migrated = try SessionMigrations.migrate(try fields(), from: 1, to: 4, steps: steps, source: "s.json")
        #expect(migrated["trail"] == .string("abc"))
        #expect(migrated["schemaVersion"] == .number(4))
        let fromTwo = try SessionMigrations.migrate(try fields(), from: 2, to: 4, steps: steps, source: "s.json")
        #expect(fromTwo["trail"] == .string("bc"))
    }

    @Test func aGapInTheStepsIsRefusedNamingTheVersion() throws {
        let steps = [SessionMigration(from: 1, to: 2, upgrade: appending("a"))]
        do {
            _ = try SessionMigrations.migrate(try fields(), from: 1, to: 3, steps: steps, source: "s.json")
            Issue.record("a missing step from 2 to 3 must be refused")
        } catch let error as StepChangeError {
            #expect(error.problems.map(\.description) == ["s.json: schemaVersion: no upgrade from version 2 to 3"])
        }
    }

    @Test func anOlderFileIsUpgradedBeforeItIsDecoded() throws {
        let renamed = SessionMigration(from: 1, to: 2) { fields in
            var fields = fields
            fields["title"] = fields.removeValue(forKey: "name")
            return fields
        }
        var object = try #require(try JSONSerialization.jsonObject(with: SessionCodec.encode(sampleSession())) as? [String: Any])
        object["name"] = object.removeValue(forKey: "title")
        let older = try JSONSerialization.data(withJSONObject: object)
        let session = try SessionCodec.decode(older, source: "old.json", current: 2, steps: [renamed])
        #expect(session.title == "Riverside" && session.schemaVersion == 2)
        #expect(session.assessments == sampleSession().assessments && session.createdAt == sampleSession().createdAt)
        #expect(throws: StepChangeError.self) { try SessionCodec.decode(older, source: "old.json", current: 2, steps: []) }
    }

    @Test func theCurrentVersionNeedsNoStep() throws {
        let original = try fields()
        #expect(SessionMigrations.steps.isEmpty)
        #expect(try SessionMigrations.migrate(original, from: Session.currentSchemaVersion, source: "s.json") == original)
    }

    @Test(arguments: ["0", "-1", "1.5", "\"1\"", "null", "1e300", "-1e300"])
    func versionsStepchangeNeverWroteAreRefusedNamingSchemaVersion(version: String) {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "\"schemaVersion\" : \(version),")
        let problems = decodeProblems(text)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.last?.hasPrefix("s.json: schemaVersion: ") == true, "\(problems)")
    }

    @Test func aFileFromBeforeTheCursorsLoadsAndSavesWithoutInventingThem() throws {
        var session = sampleSession()
        session.assessmentCursor = AssessmentCursor(order: Framework.childPoverty.itemIDs, itemID: "LN1", step: .consensus)
        session.statementsCursor = StatementsCursor(phase: .drafting)
        session.planningCursor = PlanningCursor()
        session.retiredStatementIDs = ["S3"]
        session.tieBreakOrder = ["S1", "S2"]
        let current = SessionCodec.encode(session)
        let cursorFields = ["assessmentCursor", "statementsCursor", "planningCursor", "retiredStatementIDs", "tieBreakOrder"]
        var object = try #require(try JSONSerialization.jsonObject(with: current) as? [String: Any])
        for field in cursorFields { #expect(object.removeValue(forKey: field) != nil, "\(field)") }
        let older = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])

        let loaded = try SessionCodec.decode(older, source: "old.json")
        #expect(loaded.assessmentCursor == nil && loaded.statementsCursor == nil && loaded.planningCursor == nil)
        #expect(loaded.retiredStatementIDs == nil && loaded.tieBreakOrder == nil)
        #expect(loaded.assessments == session.assessments && loaded.participants == session.participants)

        let resaved = SessionCodec.encode(loaded)
        let resavedObject = try #require(try JSONSerialization.jsonObject(with: resaved) as? [String: Any])
        #expect(Set(resavedObject.keys) == Set(object.keys))
        #expect(NSDictionary(dictionary: resavedObject).isEqual(to: object))
        #expect(try SessionCodec.decode(resaved, source: "old.json") == loaded)
    }
}
