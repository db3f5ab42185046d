import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// The faster paths taken for speed (issue 15) give byte for byte what the straightforward code gave:
/// each is compared with a copy of the code it replaced, over awkward and random text.
@Suite("Faster paths give the same bytes")
struct FasterPathTests {
    // MARK: References: the code as it was before the fast paths

    static func referenceMarkdownInline(_ text: String) -> String {
        var out = ""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(character)
            case "<": out += "&lt;"
            case "\n", "\r": out += "<br>"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value < 0x20 && $0 != "\t" }) { continue }
                out.append(character)
            }
        }
        if let first = out.first, "#>-+=".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { $0 == "." || $0 == ")" }), dot != out.startIndex,
           out[..<dot].allSatisfy(\.isNumber), out[out.index(after: dot)...].first == " " {
            out.insert("\\", at: dot)
        }
        return out
    }

    static func referenceHTMLEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func referenceXMLEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func referenceDocxRun(_ text: String, properties: String = "") -> String {
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let content = lines.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { "<w:t xml:space=\"preserve\">\(referenceXMLEscape(String($0)))</w:t>" }.joined(separator: "<w:tab/>")
        }.joined(separator: "<w:br/>")
        return "<w:r>\(rPr)\(content)</w:r>"
    }

    static func referenceCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    // MARK: Text

    /// Hand-picked awkward text, then random strings over an alphabet of every character the escapers treat specially.
    static var texts: [String] {
        var texts = ["", "plain words", "Families get support", "# heading", "> quote", "- item", "+ item", "= rule",
                     "1. numbered", "12) numbered", "1.5 not a list", "a|b", "a\\b", "`code`", "*bold*", "_under_", "[link]",
                     "<script>", "a & b", "\"quoted\"", "it's", "line\nbreak", "cr\r\nlf", "lone\rcr", "tab\there",
                     "\u{1}control", "e\u{301}", "\u{1}\u{301}", "😀 emoji", "\u{FFFE}\u{FFFF}", "\u{EFFF}", "ï", "\u{7F}del",
                     "\u{2028}sep", "ends with <", "123", "١. arabic digit"]
        var random = SeededRandom(seed: 15)
        let alphabet: [Character] = ["a", "Z", "1", ".", ")", " ", "#", ">", "-", "+", "=", "\\", "`", "*", "_", "[", "]", "|", "<", ">",
                                     "&", "\"", "'", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é", "e\u{301}", "😀",
                                     "\u{FFFE}", "\u{FFFD}", "\u{EFFF}", "\u{2028}"]
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        return texts
    }

    @Test func markdownEscapingIsUnchanged() {
        for text in Self.texts {
            #expect(MarkdownRenderer.inline(text) == Self.referenceMarkdownInline(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func htmlEscapingIsUnchanged() {
        for text in Self.texts {
            #expect(HTMLRenderer.escape(text) == Self.referenceHTMLEscape(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func wordEscapingAndRunsAreUnchanged() {
        for text in Self.texts {
            #expect(DocxWriter.escape(text) == Self.referenceXMLEscape(text), "\(Array(text.unicodeScalars))")
            #expect(DocxWriter.run(text) == Self.referenceDocxRun(text), "\(Array(text.unicodeScalars))")
            #expect(DocxWriter.run(text, properties: "<w:b/>") == Self.referenceDocxRun(text, properties: "<w:b/>"))
        }
    }

    @Test func htmlLinesAndWordColumnWidthsAreUnchanged() {
        for text in Self.texts {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { Self.referenceHTMLEscape(String($0)) }.joined(separator: "<br>")
            #expect(HTMLRenderer.lines(text) == lines, "\(Array(text.unicodeScalars))")
            let longest = DocxWriter.longest(text)
            #expect(longest.line == (text.split(separator: "\n").map(\.count).max() ?? 0), "\(Array(text.unicodeScalars))")
            #expect(longest.word == (text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func statementMatchingIsUnchanged() {
        let texts = ["Improve data sharing between partners", "Data sharing between services should improve",
                     "Families get support early", "Early support for families", "Reduce the cost of the school day", ""]
        let old = texts.enumerated().map { ImprovementStatement(id: "S\($0.offset + 1)", text: $0.element, itemIDs: $0.offset % 2 == 0 ? ["LN1"] : []) }
        let new = texts.reversed().enumerated().map { ImprovementStatement(id: "S\($0.offset + 1)", text: $0.element, itemIDs: ["LN1", "LN2"]) }
        var expected: [(Int, Int, Double)] = []
        for (i, a) in old.enumerated() {
            for (j, b) in new.enumerated() {
                let score = StatementMatcher.similarity(a, b)
                if score >= StatementMatcher.threshold { expected.append((i, j, score)) }
            }
        }
        expected.sort { ($1.2, $0.0, $0.1) < ($0.2, $1.0, $1.1) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var pairs: [(String, String, Double)] = []
        for (i, j, score) in expected where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            pairs.append((old[i].id, new[j].id, score))
        }
        let matches = StatementMatcher.match(old: old, new: new)
        #expect(matches.count == pairs.count)
        for (match, pair) in zip(matches, pairs.sorted { (Int($0.1.dropFirst()) ?? 0) < (Int($1.1.dropFirst()) ?? 0) }) {
            #expect(match.old.id == pair.0 && match.new.id == pair.1 && match.similarity == pair.2)
        }
    }

    @Test func crc32MatchesTheStandardAndTheBitwiseDefinition() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
        var random = SeededRandom(seed: 32)
        for length in [1, 2, 7, 255, 256, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(CRC32.checksum(Data(bytes)) == Self.referenceCRC32(bytes))
        }
    }

    @Test func idMatchingIgnoresCaseExactlyAsFoundationDoes() {
        var random = SeededRandom(seed: 7)
        let alphabet: [Character] = ["a", "A", "z", "Z", "@", "[", "`", "{", "1", ".", " ", "-", "é", "É", "ß", "İ", "\u{0}"]
        var pairs: [(String, String)] = [("LN1", "ln1"), ("A2.3", "a2.3"), ("ln1", "LN2"), ("@", "`"), ("[", "{"), ("Straße", "STRASSE"), ("", "")]
        for _ in 0..<3_000 {
            let a = String((0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let b = String((0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            pairs.append((a, b))
            pairs.append((a, a.uppercased()))
        }
        for (a, b) in pairs {
            #expect(a.sameIgnoringCase(b) == (a.caseInsensitiveCompare(b) == .orderedSame), "\(a) / \(b)")
        }
    }

    @Test func listingSummaryCountsAsTheAssessmentSummaryDoes() throws {
        var sessions = [WorkedExample2025.session, WorkedExample2026.session, try largeSession(), sampleSession()]
        var odd = try largeSession()
        odd.assessments[1].consensus = nil
        odd.assessments.append(ItemAssessment(itemID: odd.assessments[0].itemID, consensus: ConsensusRecord(score: 1, suggested: nil, round: 1, agreedAt: Date())))
        odd.assessments.append(ItemAssessment(itemID: "NOT-AN-ITEM", consensus: ConsensusRecord(score: 2, suggested: nil, round: 1, agreedAt: Date())))
        odd.assessments.swapAt(0, 2)
        sessions.append(odd)
        for session in sessions {
            let full = AssessmentSummary(session: session)
            let summary = SessionSummary(session: session)
            #expect(summary.meanConsensus == full.overallMean)
            #expect(summary.agreedItems == full.agreedCount)
            #expect(summary.items == full.items.count)
        }
    }

    @Test func headingLookupAnswersAsTheFrameworkSearchDoes() throws {
        var frameworks = [Framework.childPoverty]
        var mixed = Framework.childPoverty
        mixed.headings[1].items[0].id = "Ka"          // ASCII, and a second heading with the same id ignoring case
        mixed.headings[2].items[0].id = "KA"
        frameworks.append(mixed)
        var kelvin = Framework.childPoverty
        kelvin.headings[0].items[0].id = "\u{212A}x"  // KELVIN SIGN: not ASCII, so the search answers
        frameworks.append(kelvin)
        for framework in frameworks {
            let lookup = HeadingLookup(framework)
            let queries = framework.itemIDs + framework.itemIDs.map { $0.lowercased() } + ["ka", "kx", "KX", "nothing", ""]
            for query in queries {
                #expect(lookup.heading(containing: query) == framework.heading(containing: query)?.id, "\(query)")
            }
        }
    }

    // MARK: Saving

    func foundationEncoding(_ session: Session) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(session) + Data("\n".utf8)
    }

    /// A session of several items, scored by several people over two rounds, with plans and actions.
    func largeSession() throws -> Session {
        var session = sampleSession()
        let values = session.framework.scale.values
        session.participants = (1...8).map { Participant(id: "p\($0)", name: "Person \($0)", organisation: "Org", sector: .health) }
        session.assessments = session.framework.itemIDs.enumerated().map { index, itemID in
            ItemAssessment(itemID: itemID, rounds: (1...2).map { round in
                ScoringRound(number: round, scores: session.participants.enumerated().map { p, participant in
                    ParticipantScore(participant: participant.id, score: .value(values[(index + p + round) % values.count]))
                })
            }, consensus: ConsensusRecord(score: values[index % values.count], suggested: values[index % values.count], round: 2,
                                          agreedAt: Date(timeIntervalSince1970: 1_790_000_000)),
            evidence: ["Evidence for \(itemID)"], completedAt: Date(timeIntervalSince1970: 1_790_000_000))
        }
        return session
    }

    @Test func everySaveAfterAChangedAnswerIsByteIdenticalToAFullEncode() throws {
        var session = try largeSession()
        let values = session.framework.scale.values
        #expect(Data(SessionCodec.encodedBytes(session)) == SessionCodec.encode(session))
        #expect(SessionCodec.encode(session) == (try foundationEncoding(session)))
        for turn in 0..<40 {
            let item = (turn * 7) % session.assessments.count
            session.assessments[item].rounds[turn % 2].scores[turn % 8].score = turn % 5 == 0 ? .dontKnow : .value(values[turn % values.count])
            if turn % 3 == 0 { session.assessments[item].evidence.append("More evidence \(turn)") }
            if turn % 11 == 0 { session.title += " (revised)" }
            session.updatedAt = Date(timeIntervalSince1970: 1_790_000_000 + Double(turn))
            let bytes = SessionCodec.encodedBytes(session)
            #expect(Data(bytes) == (try foundationEncoding(session)), "turn \(turn)")
            #expect(try SessionCodec.decode(Data(bytes), source: "s.json") == session)
        }
    }

    @Test func aSessionSavedFromBytesHoldsExactlyTheEncoding() throws {
        let directory = try Scratch.folder("faster")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(directory: directory)
        var session = try largeSession()
        for turn in 0..<3 {
            session.assessments[turn].strengths.append("Strength \(turn)")
            try store.save(session)
            #expect(try Data(contentsOf: store.url(for: session.id)) == (try foundationEncoding(session)))
        }
    }
}
