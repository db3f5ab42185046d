import Foundation
import Testing
@testable import StepChangeKit

/// Inputs a hostile or unlucky user could hand a loader: random bytes, truncations and mutations of a valid file.
func fuzzInputs(from valid: Data, count: Int, seed: UInt64) -> [Data] {
    var random = SeededRandom(seed: seed)
    let interesting: [UInt8] = Array("{}[]\":,0-9.eE\\u\n ".utf8) + [0, 0xFF, 0xC3, 0x80, 0xE2, 0x80, 0x8F]
    var inputs: [Data] = [Data(), Data([0xEF, 0xBB, 0xBF]), Data("null".utf8), Data("[]".utf8), Data("\"x\"".utf8)]
    while inputs.count < count {
        var bytes = [UInt8](valid)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            bytes = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0..<max(1, bytes.count), using: &random)))
        case 2:
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = interesting.randomElement(using: &random)!
            }
        default:
            guard bytes.count > 2 else { break }
            let start = Int.random(in: 0..<bytes.count - 1, using: &random)
            let end = Int.random(in: start..<bytes.count, using: &random)
            bytes.removeSubrange(start..<end)
        }
        inputs.append(Data(bytes))
    }
    return inputs
}

@Suite("Loaders never crash on hostile bytes")
struct LoaderFuzzTests {
    @Test func frameworkReaderGivesAValueOrAReadableError() {
        let valid = FrameworkCodec.encode(.childPoverty)
        var rejected = 0
        for input in fuzzInputs(from: valid, count: 600, seed: 42) {
            do {
                let framework = try FrameworkReader.read(input, source: "fuzz.json")
                #expect(FrameworkValidator.problems(in: framework, source: "fuzz.json").isEmpty)
            } catch {
                rejected += 1
                #expect(!error.message.isEmpty)
                #expect(error.message.contains("fuzz.json"))
            }
        }
        #expect(rejected > 0)
    }

    @Test func sessionCodecGivesAValueOrAReadableError() {
        let valid = SessionCodec.encode(sampleSession())
        for input in fuzzInputs(from: valid, count: 600, seed: 7) {
            do {
                let session = try SessionCodec.decode(input, source: "fuzz.json")
                #expect(SessionValidator.problems(in: session, source: "fuzz.json").isEmpty)
            } catch {
                #expect(error.message.contains("fuzz.json"))
                #expect(error.kind == .input)
            }
        }
    }

    @Test func deeplyNestedJSONIsRefusedNotACrash() {
        let deep = Data((String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)).utf8)
        #expect(throws: StepChangeError.self) { try FrameworkReader.read(deep, source: "deep.json") }
        #expect(throws: StepChangeError.self) { try SessionCodec.decode(deep, source: "deep.json") }
    }
}

@Suite("Typed-text parsers never crash on hostile strings")
struct TypedTextFuzzTests {
    static let pieces = ["", " ", "-", "+", "(", ")", ";", ",", "/", "..", "0", "1", "12", "2027", "9999999999999999999999",
                         "-1", "march", "Mar", "31st", "Ann", "statutory", "third sector", "\u{1B}[2J", "\u{202E}", "🎉", "\u{0}",
                         "?", "dont know", "S1", "A1.1", "ST1", "=", "\"", "\r\n", String(repeating: "x", count: 300)]

    @Test func randomCombinationsGiveAValueOrARefusal() {
        var random = SeededRandom(seed: 2511)
        let participants = [Participant(id: "p1", name: "Ann", organisation: "", sector: .statutory)]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            if case .success(let parsed) = ParticipantList.parse(text, after: participants) {
                #expect(parsed.allSatisfy { !$0.name.isEmpty && $0.id.hasPrefix("p") })
            }
            _ = Score.parse(text, on: Framework.childPoverty.scale)
            _ = ScoreLine.parse(text, participants: participants, scale: Framework.childPoverty.scale)
            if let day = DayDate.parse(text) { #expect((1...12).contains(day.month)) }
            if let milestone = Milestone.parse(text) {
                #expect(Milestone.isValid(milestone))
                #expect(!Milestone.label(milestone).isEmpty)
            }
            _ = Sector(typed: text)
            _ = ActionField(typed: text)
            let slug = Slug.make(text)
            #expect(!slug.isEmpty && !slug.contains("/") && !slug.contains(".."))
        }
    }
}
