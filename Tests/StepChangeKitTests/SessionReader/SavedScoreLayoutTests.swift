import Foundation
import Testing
@testable import StepChangeKit

/// The reader's one-pass path for a participant's score laid out as saved files lay it out
/// (`SessionReader.savedParticipantScore`): wherever it reads a score, the field-by-field reading and
/// `JSONDecoder` read the same session; wherever the text is laid out, spelt or valued otherwise, the
/// outcome (a session, or an error and its message) is what it is without the reader.
@Suite("Scores laid out as saved")
struct SavedScoreLayoutTests {
    /// A saved session's text, and the first score object in it: its field indent and its text.
    static func savedSession() throws -> (text: String, indent: Int, score: String) {
        var session = sampleSession()
        let participant = try #require(session.participants.first?.id)
        session.assessments[0].rounds = [ScoringRound(number: 1, scores: [ParticipantScore(participant: participant, score: .value(3))])]
        let text = String(decoding: SessionCodec.encode(session), as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: "\\{\\n( +)\"participant\" : \"[^\"]+\",\\n\\1\"score\" : [^\\n]+\\n +\\}")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let score = String(text[try #require(Range(match.range, in: text))])
        return (text, match.range(at: 1).length, score)
    }

    static func laidOut(_ participant: String, _ score: String, indent: Int, closing: Int? = nil, newline: String = "\n") -> String {
        let pad = String(repeating: " ", count: indent)
        return "{" + newline + pad + "\"participant\" : \"" + participant + "\"," + newline + pad + "\"score\" : " + score + newline
            + String(repeating: " ", count: closing ?? indent - 2) + "}"
    }

    @Test func everyScoreAndIdIsReadAsWithoutTheReader() throws {
        let (text, indent, score) = try Self.savedSession()
        let participant = try #require(sampleSession().participants.first?.id)
        let scores = ["0", "1", "3", "5", "7", "10", "99", "100", "999", "1000", "12345", "00", "01", "007", "-1", "-0", "1.0",
                      "1e2", "1E2", "3 ", "\"dont-know\"", "\"Dont-know\"", "\"dont-know \"", "\"dont\\u002dknow\"", "null", "true", "\"3\""]
        for value in scores {
            let variant = text.replacingOccurrences(of: score, with: Self.laidOut(participant, value, indent: indent))
            SessionReaderComparison.expectSameOutcome(Data(variant.utf8), "score \(value)")
        }
        let ids = [participant, "p-1", "P_1.x", "\u{E9}1", "p\\u0031", "", "p 1", "p\\\"1", String(repeating: "p", count: 40), "p\t1", "nobody"]
        for id in ids {
            let variant = text.replacingOccurrences(of: score, with: Self.laidOut(id, "3", indent: indent))
            SessionReaderComparison.expectSameOutcome(Data(variant.utf8), "participant \(id)")
        }
    }

    @Test func everyOtherLayoutIsReadAsWithoutTheReader() throws {
        let (text, indent, score) = try Self.savedSession()
        let participant = try #require(sampleSession().participants.first?.id)
        let pad = String(repeating: " ", count: indent)
        let layouts = [
            Self.laidOut(participant, "3", indent: indent, newline: "\r\n"),
            Self.laidOut(participant, "3", indent: indent, closing: indent),
            Self.laidOut(participant, "3", indent: indent, closing: 0),
            Self.laidOut(participant, "3", indent: 2),
            Self.laidOut(participant, "3", indent: 1, closing: 0),
            "{\"participant\":\"\(participant)\",\"score\":3}",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad) \"score\" : 3\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" :  \"\(participant)\",\n\(pad)\"score\" : 3\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" : \"\(participant)\" ,\n\(pad)\"score\" : 3\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3}",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3,\n\(pad)\"score\" : 4\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3,\n\(pad)\"extra\" : 1\n\(pad.dropLast(2))}",
            "{\n\(pad)\"comment\" : \"why\",\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3\n\(pad.dropLast(2))}",
            "{\n\(pad)\"comment\" : null,\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3\n\(pad.dropLast(2))}",
            "{\n\(pad)\"score\" : 3,\n\(pad)\"participant\" : \"\(participant)\"\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" : \"\(participant)\"\n\(pad.dropLast(2))}",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : 3\n\(pad.dropLast(2))",
            "{\n\(pad)\"participant\" : \"\(participant)\",\n\(pad)\"score\" : ",
        ]
        for layout in layouts {
            let variant = text.replacingOccurrences(of: score, with: layout)
            SessionReaderComparison.expectSameOutcome(Data(variant.utf8), "layout \(layout.debugDescription)")
        }
        // Cut short anywhere inside a saved score.
        let start = try #require(text.range(of: score)).lowerBound
        let offset = text.utf8.distance(from: text.startIndex, to: start)
        for cut in 0...score.utf8.count {
            SessionReaderComparison.expectSameOutcome(Data(text.utf8.prefix(offset + cut)), "cut at \(cut)")
        }
    }

    /// Ids that differ in one byte, share a start, or are longer than the eight bytes the reader keeps
    /// ids by, scored in random order, read back to themselves.
    @Test func idsThatLookAlikeAreKeptApart() throws {
        var random = SeededRandom(seed: 77)
        let ids = ["p1", "p11", "p1-", "1p", "a", "aa", "aaa", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefghj", "P1", "p1.", "p_1"]
        var session = sampleSession()
        session.participants = ids.map { Participant(id: $0, name: "Name " + $0) }
        for index in session.assessments.indices {
            session.assessments[index].rounds = [ScoringRound(number: 1, scores: ids.shuffled(using: &random).map {
                ParticipantScore(participant: $0, score: .value(Int.random(in: 1...5, using: &random)))
            })]
        }
        let data = SessionCodec.encode(session)
        #expect(try #require(SessionReader.session(from: data)) == session)
        SessionReaderComparison.expectSameOutcome(data)
    }

    /// The layouts the reader takes in one pass are the ones saves write: a saved session with many scores,
    /// ids and don't-knows reads back to itself.
    @Test func savedSessionsReadBackToThemselves() throws {
        var random = SeededRandom(seed: 4242)
        for _ in 0..<40 {
            var session = sampleSession()
            let ids = session.participants.map(\.id)
            for index in session.assessments.indices {
                session.assessments[index].rounds = (1...Int.random(in: 1...3, using: &random)).map { number in
                    ScoringRound(number: number, scores: ids.map { id in
                        ParticipantScore(participant: id, score: Int.random(in: 0..<6, using: &random) == 0 ? .dontKnow : .value(Int.random(in: 1...5, using: &random)))
                    })
                }
            }
            let data = SessionCodec.encode(session)
            let read = try #require(SessionReader.session(from: data))
            #expect(read == session)
            SessionReaderComparison.expectSameOutcome(data)
        }
    }
}
