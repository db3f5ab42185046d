import Foundation
import Testing
@testable import StepChangeKit

/// A field given twice in one JSON object is read differently by different programs, so a session or
/// framework file that does it is refused, naming the field and the line.
@Suite("Fields given twice")
struct DuplicateKeyTests {
    @Test func aSessionGivingAFieldTwiceIsRefusedNamingIt() throws {
        let text = String(decoding: SessionCodec.encode(completeSession()), as: UTF8.self)
        let marker = "\"facilitator\""
        let range = try #require(text.range(of: marker))
        let doubled = text.replacingCharacters(in: range, with: "\"facilitator\" : \"Mallory\",\n  " + marker)
        let error = try #require(throws: StepChangeError.self) { try SessionCodec.decode(Data(doubled.utf8), source: "s.json") }
        #expect(error.problems.map(\.message) == ["facilitator is given more than once in the same object; keep one (other programs would read the other)"])
        #expect(error.problems.first?.location?.hasPrefix("line ") == true)
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "a", 1),
        ("{\"a\":[{\"b\":1},\n{\"b\":1,\"b\":2}]}", "a[1].b", 2),
        (#"{"x":{"y":{"z":1}},"p":[[],[{"q":1,"q\u0000":1,"\u0071":3}]]}"#, "p[1][0].q", 1),
        (#"{"caf\u00e9":1,"cafe\u0301":2}"#, "café", 1),
    ])
    func theRepeatedNameIsFoundWithItsPath(_ json: String, _ path: String, _ line: Int) {
        #expect(DuplicateKeys.first(in: Data(json.utf8)) == DuplicateKeys.Found(path: path, line: line))
    }

    @Test(arguments: [#"{"a":{"a":{"a":1}}}"#, #"[{"a":1},{"a":2}]"#, #"{"a":"\"a\":1","b":"a"}"#, #"{"a\\":1,"a":2}"#, "[]", "\"a\""])
    func namesInDifferentObjectsOrInsideTextAreNotRepeats(_ json: String) {
        #expect(DuplicateKeys.first(in: Data(json.utf8)) == nil)
    }

    @Test func aFrameworkGivingAFieldTwiceIsRefused() throws {
        let text = String(decoding: FrameworkCodec.encode(.childPoverty), as: UTF8.self)
        let doubled = text.replacingOccurrences(of: "\"title\"", with: "\"title\" : \"Other\", \"title\"", options: [], range: text.range(of: "\"title\""))
        let error = try #require(throws: StepChangeError.self) { try FrameworkReader.read(Data(doubled.utf8), source: "f.json") }
        #expect(error.problems.contains { $0.message.contains("title is given more than once") })
    }

    @Test func theShippedFilesGiveNoFieldTwice() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Sessions", "Frameworks"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) where name.hasSuffix(".json") {
                let data = try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
                #expect(DuplicateKeys.first(in: data) == nil, "\(folder)/\(name)")
            }
        }
    }
}
