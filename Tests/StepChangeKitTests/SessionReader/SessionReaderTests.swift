import Foundation
import Testing
@testable import StepChangeKit

/// The strict reader (`SessionReader`) tried before JSONDecoder never changes what a file decodes to, or the message a
/// bad file gets: every outcome is compared with JSONDecoder alone, over real, awkward, hostile and
/// randomly damaged files.
@Suite("The strict session reader agrees with JSONDecoder")
struct SessionReaderTests {
    func foundationDecode(_ data: Data) throws -> Session { try SessionReaderComparison.foundationDecode(data) }

    func expectSameOutcome(_ data: Data, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        SessionReaderComparison.expectSameOutcome(data, comment, sourceLocation: sourceLocation)
    }

    var sessions: [Session] {
        var awkward = sampleSession()
        awkward.title = "Quotes \" backslash \\ slash / tab \t line\nbreak \u{1B} é 😀 \u{2028}"
        awkward.assessments[0].evidence = ["", awkward.title, "\u{0}"]
        awkward.createdAt = Date(timeIntervalSince1970: -2_000_000_000)
        awkward.updatedAt = Date(timeIntervalSince1970: 4_000_000_000)
        return [WorkedExample2025.session, WorkedExample2026.session, sampleSession(), awkward]
    }

    @Test func decodesEveryWrittenSessionAsJSONDecoderDoes() throws {
        for session in sessions {
            let data = SessionCodec.encode(session)
            let strict = SessionReader.session(from: data)
            #expect(strict == session)
            #expect(try foundationDecode(data) == strict)
        }
    }

    @Test func decodesTheShippedSessionsAsJSONDecoderDoes() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sessions")
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "json" {
            let data = try Data(contentsOf: file)
            expectSameOutcome(data, "\(file.lastPathComponent)")
            if let session = try? foundationDecode(data) {
                #expect(SessionReader.session(from: data) == session, "\(file.lastPathComponent)")
            }
        }
    }

    @Test func stepsAsideForWhatItDoesNotReadItself() throws {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "\"schemaVersion\" :", with: "\"schemaVersion\" : 1, \"schemaVersion\" :"),  // duplicate key
            text.replacingOccurrences(of: "\"title\" :", with: "\"t\\u0069tle\" :"),                                  // escaped key
            text.replacingOccurrences(of: "\"schemaVersion\" : ", with: "\"schemaVersion\" : 0"),                    // leading zero
            text.replacingOccurrences(of: "Z\"", with: "+00:00\""),                                                  // other date form
            text.replacingOccurrences(of: "T", with: "t"),
            "\u{FEFF}" + text,                                                                                      // byte order mark
            text + "x",                                                                                             // trailing text
            text.replacingOccurrences(of: "\n}", with: ",\n}"),                                                     // trailing comma
        ]
        for variant in variants {
            #expect(SessionReader.session(from: Data(variant.utf8)) == nil)
            expectSameOutcome(Data(variant.utf8))
        }
    }

    @Test func hostileFilesGetTheSameMessageAsBefore() throws {
        let good = String(decoding: SessionCodec.encode(WorkedExample2025.session), as: UTF8.self)
        let hostile: [String] = [
            "", " ", "null", "[]", "{}", "\"text\"", "{\"schemaVersion\": 1}", "{\"schemaVersion\": 99}",
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : \"banana\""),
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 3.0"),
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 3e0"),
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 99"),
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 99999999999999999999999"),
            good.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : -0"),
            good.replacingOccurrences(of: "\"stage\" : \"", with: "\"stage\" : \"x"),
            good.replacingOccurrences(of: "\"id\" : \"", with: "\"id\" : \"\\ud800"),
            good.replacingOccurrences(of: "\"id\" : \"", with: "\"id\" : \"\\ud83d\\ude00"),
            good.replacingOccurrences(of: "2026-", with: "2026-13-"),
            good.replacingOccurrences(of: "-01T", with: "-31T"),
            good.replacingOccurrences(of: ":00Z", with: ":60Z"),
            good.replacingOccurrences(of: "\"participants\" : [", with: "\"participants\" : [null, "),
            good.replacingOccurrences(of: "true", with: "True"),
            good.replacingOccurrences(of: "\"date\" : \"2", with: "\"date\" : \"x2"),
            String(repeating: "[", count: 10_000),
            String(good.prefix(good.count / 2)),
        ]
        for text in hostile { expectSameOutcome(Data(text.utf8), "\(text.prefix(60))") }
        // Bytes that are not UTF-8, inside a string and outside.
        var bytes = Array(good.utf8)
        if let quote = bytes.firstIndex(of: UInt8(ascii: "\"")) {
            for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
                var broken = bytes
                broken.insert(contentsOf: bad, at: quote + 2)
                expectSameOutcome(Data(broken))
            }
        }
        bytes.append(0)
        expectSameOutcome(Data(bytes))
    }

    @Test func randomlyDamagedFilesGetTheSameOutcome() {
        var random = SeededRandom(seed: 2026)
        let original = Array(SessionCodec.encode(WorkedExample2026.session))
        let alphabet = Array("{}[]\",:0123456789.-eE+ tfnul\\/\n\u{7F}é".utf8) + [0x00, 0x1F, 0xC3, 0xFF]
        for round in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random) ?? 0
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: at)
                }
            }
            expectSameOutcome(Data(bytes), "damage round \(round)")
        }
    }
}
