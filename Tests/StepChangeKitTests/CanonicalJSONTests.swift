import Foundation
import Testing
@testable import StepChangeKit

@Suite("The session file writer")
struct CanonicalJSONTests {
    func foundationEncoding<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    @Test func matchesFoundationForTheBuiltInFramework() throws {
        #expect(try CanonicalJSON.encode(Framework.childPoverty) == foundationEncoding(Framework.childPoverty))
    }

    @Test func matchesFoundationForAwkwardText() throws {
        var random = SeededRandom(seed: 99)
        let alphabet: [Character] = ["a", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1B}", "\u{7F}",
                                     "é", "😀", "\u{200F}", "\u{2028}", "<", "&", "=", " "]
        for _ in 0..<200 {
            var session = sampleSession()
            session.title = String((0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            session.assessments[0].evidence = [session.title, ""]
            session.createdAt = Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &random)))
            #expect(try CanonicalJSON.encode(session) == foundationEncoding(session))
        }
    }

    @Test func matchesFoundationForEmptyCollectionsAndAbsentOptionals() throws {
        var session = sampleSession()
        session.participants = []
        session.assessments = [ItemAssessment(itemID: "LN1")]
        session.plans = [OutcomePlan(statementID: "S1")]
        session.statements = [ImprovementStatement(id: "S1", text: "t")]
        #expect(try CanonicalJSON.encode(session) == foundationEncoding(session))
    }

    @Test func aChangedFragmentIsNeverServedFromTheCache() throws {
        var session = sampleSession()
        let before = SessionCodec.encode(session)
        session.assessments[0].evidence.append("New evidence typed in the workshop")
        let after = SessionCodec.encode(session)
        #expect(before != after)
        #expect(String(decoding: after, as: UTF8.self).contains("New evidence typed in the workshop"))
        #expect(try SessionCodec.decode(after, source: "s.json") == session)
        session.assessments[0].evidence.removeLast()
        #expect(SessionCodec.encode(session) == before)
    }
}
