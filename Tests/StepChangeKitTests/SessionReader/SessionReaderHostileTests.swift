import Foundation
import Testing
@testable import StepChangeKit

/// The session reader on files it was not written for: every field removed, made null, given another
/// type or joined by an unknown one; keys reordered; strings escaped; numbers large or odd; random
/// sessions with awkward text; random damage. Wherever it reads a file, JSONDecoder reads the same
/// session from it; wherever it steps aside, `SessionCodec.decode` gives what it gave before.
@Suite("The session reader on hostile files")
struct SessionReaderHostileTests {
    static func tree(_ session: Session) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: SessionCodec.encode(session))
    }

    /// Every path to an object member in the tree, as keys and array indexes, through the first
    /// element of each list (the others are of the same kind).
    static func memberPaths(in value: JSONValue, at path: [PathStep] = []) -> [[PathStep]] {
        switch value {
        case .object(let fields):
            fields.keys.sorted().flatMap { key in [path + [.key(key)]] + memberPaths(in: fields[key] ?? .null, at: path + [.key(key)]) }
        case .array(let items):
            items.isEmpty ? [] : memberPaths(in: items[0], at: path + [.index(0)])
        default:
            []
        }
    }

    enum PathStep { case key(String), index(Int) }

    /// The tree with the value at `path` replaced (nil removes a member).
    static func replacing(_ value: JSONValue, at path: ArraySlice<PathStep>, with replacement: JSONValue?) -> JSONValue {
        guard let step = path.first else { return replacement ?? .null }
        switch (value, step) {
        case (.object(var fields), .key(let key)):
            if path.count == 1 {
                fields[key] = replacement
            } else if let inner = fields[key] {
                fields[key] = replacing(inner, at: path.dropFirst(), with: replacement)
            }
            return .object(fields)
        case (.array(var items), .index(let index)) where items.indices.contains(index):
            items[index] = replacing(items[index], at: path.dropFirst(), with: replacement)
            return .array(items)
        default:
            return value
        }
    }

    static func data(_ value: JSONValue, _ writer: JSONTextWriter = JSONTextWriter()) -> Data {
        var writer = writer
        return Data(writer.text(value).utf8)
    }

    @Test func theWriterUsedHereWritesWhatTheCodecWrites() throws {
        let session = maximalSession()
        #expect(String(decoding: Self.data(try Self.tree(session)), as: UTF8.self) + "\n" == String(decoding: SessionCodec.encode(session), as: UTF8.self))
    }

    @Test func everyFieldRemovedNulledRetypedOrJoinedByAnother() throws {
        let root = try Self.tree(maximalSession())
        let others: [JSONValue] = [.string("x"), .number(1), .number(1.5), .bool(true), .array([]), .object([:]), .number(1e16),
                                   .string("2026-01-01T00:00:00Z"), .number(-0.0), .string("dont-know"), .array([.null])]
        var variants: [(String, JSONValue)] = []
        for (number, path) in Self.memberPaths(in: root).enumerated() {
            let name = path.map { step in if case .key(let key) = step { key } else if case .index(let i) = step { "[\(i)]" } else { "" } }.joined(separator: ".")
            variants.append(("remove \(name)", Self.replacing(root, at: path[...], with: nil)))
            variants.append(("null \(name)", Self.replacing(root, at: path[...], with: .null)))
            variants.append(("retype \(name)", Self.replacing(root, at: path[...], with: others[number % others.count])))
            var container = path
            container.removeLast()
            variants.append(("extra beside \(name)", Self.replacing(root, at: (container + [.key("zExtra")])[...], with: .number(1))))
        }
        for (number, (name, variant)) in variants.enumerated() {
            let data = Self.data(variant)
            if number % 8 == 0 {
                SessionReaderComparison.expectSameOutcome(data, "\(name)")
            } else {
                SessionReaderComparison.expectReaderAgrees(data, "\(name)")
            }
        }
    }

    @Test func keysInAnyOrderAndStringsEscapedReadTheSame() throws {
        let root = try Self.tree(maximalSession())
        let writers: [JSONTextWriter] = [
            JSONTextWriter(order: .reversed), JSONTextWriter(order: .shuffled, random: SeededRandom(seed: 3)),
            JSONTextWriter(compact: true), JSONTextWriter(escapeSlashes: true), JSONTextWriter(escapeNonASCII: true),
            JSONTextWriter(order: .shuffled, escapeNonASCII: true, escapeSlashes: true, compact: true, random: SeededRandom(seed: 4)),
        ]
        for (number, writer) in writers.enumerated() {
            let data = Self.data(root, writer)
            SessionReaderComparison.expectSameOutcome(data, "writer \(number)")
            if number < 4 { #expect(SessionReader.session(from: data) == maximalSession(), "writer \(number)") }
        }
        // Odd but valid white space between every token.
        let spaced = String(decoding: SessionCodec.encode(maximalSession()), as: UTF8.self)
            .replacingOccurrences(of: " : ", with: "\t:\r\n ").replacingOccurrences(of: ",\n", with: " ,\r\n\t")
        #expect(SessionReader.session(from: Data(spaced.utf8)) == maximalSession())
    }

    @Test func numbersLargeSmallAndOdd() throws {
        let text = String(decoding: SessionCodec.encode(maximalSession()), as: UTF8.self)
        let numbers = ["0", "-0", "7", "-7", "999999999999999", "-999999999999999", "1000000000000000", "9223372036854775807",
                       "9223372036854775808", "-9223372036854775808", "1e2", "1E2", "1.0", "10.5", "-1.5e-3", "01", "-", "1.", ".5", "+1", "0x10"]
        for number in numbers {
            for field in ["\"votesPerParticipant\" : 3", "\"respondents\" : 14", "\"count\" : 2", "\"schemaVersion\" : 1,\n  \"scale\""] {
                let key = field.components(separatedBy: " : ")[0]
                let rest = field.components(separatedBy: " : ")[1].drop { $0.isNumber }
                let variant = text.replacingOccurrences(of: field, with: "\(key) : \(number)\(rest)")
                SessionReaderComparison.expectSameOutcome(Data(variant.utf8), "\(key) = \(number)")
            }
        }
    }

    /// Names typed in another Unicode form: a known name with the Kelvin sign (U+212A, which Unicode
    /// treats as K), unknown names given twice as é and e + U+0301, at the top and nested. Each reads as
    /// `JSONDecoder` (which compares names as Swift strings) and `DuplicateKeys` read it, however it is spelled.
    @Test func namesEqualOnlyAsUnicodeTextReadAsJSONDecoderReadsThem() throws {
        let text = String(decoding: SessionCodec.encode(maximalSession()), as: UTF8.self)
        let kelvin = "\u{212A}"
        let variants = [
            text.replacingOccurrences(of: "\"dontKnow\" :", with: "\"dont\(kelvin)now\" :"),
            text.replacingOccurrences(of: "\"dontKnow\" :", with: "\"dont\(kelvin)now\" : null,\n      \"dontKnow\" :"),
            text.replacingOccurrences(of: "\"stage\" :", with: "\"\u{E9}\" : 1, \"e\u{301}\" : 2, \"stage\" :"),
            text.replacingOccurrences(of: "\"stage\" :", with: "\"e\u{301}\" : 1, \"\u{E9}\" : 2, \"stage\" :"),
            text.replacingOccurrences(of: "\"stage\" :", with: "\"zz\" : {\"\u{C5}\" : 1, \"A\u{30A}\" : 2}, \"stage\" :"),
            text.replacingOccurrences(of: "\"stage\" :", with: "\"\u{D55C}\" : 1, \"\u{1112}\u{1161}\u{11AB}\" : 2, \"stage\" :"),
        ]
        for (index, variant) in variants.enumerated() {
            #expect(Array(variant.utf8) != Array(text.utf8), "variant \(index) changed nothing")
            SessionReaderComparison.expectSameOutcome(Data(variant.utf8), "variant \(index)")
        }
    }

    @Test func randomSessionsWithAwkwardTextReadAsJSONDecoderReadsThem() throws {
        var random = SeededRandom(seed: 1515)
        for round in 0..<40 {
            let session = RandomSession.make(using: &random)
            let data = SessionCodec.encode(session)
            let read = SessionReader.session(from: data)
            #expect(read != nil, "round \(round): the reader stepped aside for a written session")
            #expect(read == (try? SessionReaderComparison.foundationDecode(data)), "round \(round)")
            if round % 5 == 0 { SessionReaderComparison.expectSameOutcome(data, "round \(round)") }
            var writer = JSONTextWriter(order: .shuffled, escapeNonASCII: round % 2 == 0, escapeSlashes: round % 3 == 0, compact: round % 4 == 0,
                                        random: SeededRandom(seed: UInt64(round)))
            SessionReaderComparison.expectReaderAgrees(Data(writer.text(try Self.tree(session)).utf8), "round \(round), rewritten")
        }
    }

    @Test func randomlyDamagedMaximalSessionsGetTheSameOutcome() {
        var random = SeededRandom(seed: 2027)
        let original = Array(SessionCodec.encode(maximalSession()))
        let alphabet = Array("{}[]\",:0123456789.-eE+ tfnul\\/\nu\u{7F}é".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        for round in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random) ?? 0
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
                }
            }
            if round % 10 == 0 {
                SessionReaderComparison.expectSameOutcome(Data(bytes), "damage round \(round)")
            } else {
                SessionReaderComparison.expectReaderAgrees(Data(bytes), "damage round \(round)")
            }
        }
    }
}
