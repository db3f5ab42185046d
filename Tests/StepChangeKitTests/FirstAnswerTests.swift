import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// The first answer after `run` starts: the writer remembers the loaded session's parts on another thread
/// (`SessionWriter.warmUp`, `SessionStore.load(_:preparingToSave:)`) and the bytes saved are still exactly
/// `CanonicalJSON`'s, whenever the save comes; the next item is found without hashing when the assessments
/// stand in order, with the search's answer; the lock's start time is `ISO8601DateFormatter`'s.
@Suite("The first answer after loading")
struct FirstAnswerTests {
    func reference(_ session: Session) throws -> [UInt8] {
        try CanonicalJSON.bytes(session, newline: true)
    }

    @Test func aWarmedUpWriterWritesTheReferenceBytesAfterRandomEdits() throws {
        var random = SeededRandom(seed: 2111)
        for round in 0..<60 {
            let writer = SessionWriter()
            var session = RandomEdits.make(&random, full: round % 2 == 0)
            writer.warmUp().start(session)
            // Sometimes the save comes while the warm-up is still at work, sometimes after it.
            if round % 3 == 0 { writer.settle() }
            for _ in 0..<Int.random(in: 0...3, using: &random) { RandomEdits.edit(&session, &random) }
            #expect(try writer.bytes(session) == reference(session), "first save, round \(round)")
            for _ in 0..<10 {
                RandomEdits.edit(&session, &random)
                #expect(try writer.bytes(session) == reference(session), "later save, round \(round)")
            }
        }
    }

    /// Parts handed to the warm-up while the file is still being read (`partRead`) are reused only where
    /// the session finally given holds the very same values: the same parts, parts edited or replaced
    /// after they were handed over, equal copies in new storage, a text respelt only in Unicode
    /// normalisation, or no session at all (`abandon`) all save the reference bytes.
    @Test func partsHandedOverWhileReadingAreReusedOnlyWhenTheyAreTheSame() throws {
        var random = SeededRandom(seed: 3017)
        for round in 0..<60 {
            let writer = SessionWriter()
            let read = RandomEdits.make(&random, full: round % 2 == 0)
            var session = read
            let warmUp = writer.warmUp()
            warmUp.partRead(.assessments(read.assessments))
            warmUp.partRead(.framework(read.framework))
            warmUp.partRead(.plans(read.plans))
            switch round % 5 {
            case 0: break
            case 1: for _ in 0..<3 { RandomEdits.edit(&session, &random) }
            case 2:
                session.assessments = read.assessments.map { value in
                    var copy = value
                    copy.evidence = value.evidence.map { String(decoding: Array($0.utf8), as: UTF8.self) }
                    return copy
                }
                session.framework = try JSONDecoder().decode(Framework.self, from: JSONEncoder().encode(read.framework))
            case 3:
                if !session.assessments.isEmpty { session.assessments[0].evidence.append("caf\u{E9}") }
                warmUp.partRead(.assessments(session.assessments))
                if !session.assessments.isEmpty { session.assessments[0].evidence[session.assessments[0].evidence.count - 1] = "cafe\u{301}" }
            default:
                warmUp.abandon()
                #expect(try writer.bytes(session) == reference(session), "abandoned, round \(round)")
                continue
            }
            warmUp.start(session)
            #expect(try writer.bytes(session) == reference(session), "round \(round)")
            RandomEdits.edit(&session, &random)
            #expect(try writer.bytes(session) == reference(session), "the save after, round \(round)")
        }
    }

    @Test func aTextChangedOnlyInUnicodeNormalisationAfterTheWarmUpIsWrittenAgain() throws {
        let writer = SessionWriter()
        var session = sampleSession()
        session.assessments[0].evidence = ["caf\u{E9}"]
        session.framework.headings[0].items[0].prompt = "r\u{E9}sum\u{E9}"
        session.participants[0].name = "Ren\u{E9}e"
        writer.warmUp().start(session)
        session.assessments[0].evidence = ["cafe\u{301}"]
        session.framework.headings[0].items[0].prompt = "re\u{301}sume\u{301}"
        session.participants[0].name = "Rene\u{301}e"
        #expect(session.assessments[0].evidence == ["caf\u{E9}"], "Swift calls the two equal")
        let written = try writer.bytes(session)
        #expect(try written == reference(session))
        #expect(String(decoding: written, as: UTF8.self).contains("cafe\u{301}"))
        #expect(String(decoding: written, as: UTF8.self).contains("Rene\u{301}e"))
    }

    /// Through the store, as `run` does it: load with `preparingToSave`, answer, save; the file holds the
    /// reference bytes, also when the loaded file held texts the answer respells.
    @Test func theFirstSaveAfterLoadingWritesTheReferenceBytes() throws {
        let directory = try Scratch.folder("first-answer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(directory: directory)
        var random = SeededRandom(seed: 1530)
        var originals = [sampleSession(id: "2026-11-30-sample"), WorkedExample2026.session]
        var respelt = sampleSession(id: "2026-11-30-respelt")
        respelt.assessments[0].evidence = ["caf\u{E9}", "na\u{EF}ve"]
        originals.append(respelt)
        for original in originals {
            try store.save(original)
            let url = store.url(for: original.id)
            for turn in 0..<6 {
                try Data(reference(original)).write(to: url)
                var session = try store.load(url, preparingToSave: true)
                #expect(session == original)
                if original.id == respelt.id {
                    session.assessments[0].evidence = ["cafe\u{301}", "nai\u{308}ve"]
                } else if turn > 0 {
                    let index = Int.random(in: 0..<session.assessments.count, using: &random)
                    session.assessments[index].rounds.append(ScoringRound(number: session.assessments[index].rounds.count + 1,
                                                                          scores: [ParticipantScore(participant: session.participants[0].id, score: .value(2))]))
                    session.assessmentCursor = AssessmentStage.cursor(in: session)
                }
                session.updatedAt = Date(timeIntervalSince1970: 1_796_000_000 + Double(turn))
                try store.save(session, to: url)
                #expect(try Array(Data(contentsOf: url)) == reference(session), "\(original.id), turn \(turn)")
            }
        }
    }

    /// A file that cannot be loaded, read with `preparingToSave`, leaves the writer free: the next save
    /// goes ahead (the warm-up ends with or without a session) and writes the reference bytes.
    @Test func aFileThatFailsToLoadLeavesTheWriterFree() throws {
        let directory = try Scratch.folder("first-answer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(directory: directory)
        let session = sampleSession(id: "2026-11-30-elsewhere")
        let misnamed = directory.appendingPathComponent("2026-11-30-misnamed.json")
        try Data(reference(session)).write(to: misnamed)
        let damaged = directory.appendingPathComponent("2026-11-30-damaged.json")
        try Data("{\"id\": ".utf8).write(to: damaged)
        for url in [misnamed, damaged, directory.appendingPathComponent("2026-11-30-missing.json")] {
            #expect(throws: StepChangeError.self) { try store.load(url, preparingToSave: true) }
            try store.save(session)
            #expect(try Array(Data(contentsOf: store.url(for: session.id))) == reference(session))
        }
    }

    @Test func theNextItemFoundInPlaceIsTheSearchedOne() {
        var random = SeededRandom(seed: 1001)
        let pool = ["A1", "A2", "a1", "B1", "B2", "C1", "\u{E9}1", "e\u{301}1", "Item-with-a-long-identifier-1", "Item-with-a-long-identifier-2"]
        var answeredInPlace = 0
        for _ in 0..<4_000 {
            var order = (0..<Int.random(in: 0...8, using: &random)).map { _ in pool.randomElement(using: &random)! }
            if Bool.random(using: &random) { order = Array(Set(order)).sorted() }
            var assessments = order.map { id in
                var assessment = ItemAssessment(itemID: id)
                if Int.random(in: 0..<3, using: &random) == 0 { assessment.completedAt = Date(timeIntervalSince1970: 1_796_000_000) }
                assessment.skipped = Int.random(in: 0..<4, using: &random) == 0
                return assessment
            }
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !assessments.isEmpty: assessments.removeLast()
            case 1: assessments.append(ItemAssessment(itemID: pool.randomElement(using: &random)!))
            case 2 where assessments.count > 1: assessments.swapAt(0, assessments.count - 1)
            case 3 where !assessments.isEmpty: assessments[0].itemID = pool.randomElement(using: &random)!
            default: break
            }
            var session = sampleSession()
            session.assessments = assessments
            let searched = AssessmentStage.searchedNextItem(after: nil, in: session, order: order)
            if let inPlace = AssessmentStage.firstOpenItemInPlace(in: session, order: order) {
                answeredInPlace += 1
                #expect(inPlace.map { Array($0.utf8) } == searched.map { Array($0.utf8) }, "\(order) \(assessments.map(\.itemID))")
            }
            let found = AssessmentStage.nextItem(after: nil, in: session, order: order)
            #expect(found.map { Array($0.utf8) } == searched.map { Array($0.utf8) })
        }
        #expect(answeredInPlace > 1_000, "the shortcut answers the usual shape")
    }

    @Test func longIDsAreMatchedIgnoringCaseAsFoundationDoes() {
        let pairs = [("Item-with-a-long-identifier-1", "ITEM-WITH-A-LONG-IDENTIFIER-1"), ("Item-with-a-long-identifier-1", "Item-with-a-long-identifier-2"),
                     ("Item-with-a-long-identifier-\u{E9}", "ITEM-WITH-A-LONG-IDENTIFIER-\u{C9}"), ("abcdefghijklmnopqrstuvwxyz@[`{", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{"),
                     ("abcdefghijklmnopq", "abcdefghijklmnop")]
        for (a, b) in pairs {
            #expect(a.sameIgnoringCase(b) == (a.caseInsensitiveCompare(b) == .orderedSame), "\(a) / \(b)")
        }
    }

    @Test func theLockStartTimeIsWhatISO8601DateFormatterWrites() {
        var random = SeededRandom(seed: 67)
        let formatter = ISO8601DateFormatter()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: 0.999_9), Date(timeIntervalSince1970: 0.989_9),
                     Date(timeIntervalSince1970: 0.999_4), Date(timeIntervalSince1970: 0.999_5), Date(timeIntervalSince1970: 1_796_072_784.999_6),
                     Date(timeIntervalSince1970: 1_796_072_784.999), Date(timeIntervalSince1970: 253_402_300_799.5),
                     Date(timeIntervalSince1970: 253_402_300_800), .distantPast, .distantFuture, Date()]
        for _ in 0..<2_000 { dates.append(Date(timeIntervalSince1970: Double.random(in: -1e10...3e11, using: &random))) }
        for _ in 0..<2_000 { dates.append(Date(timeIntervalSince1970: Double.random(in: 1.7e9...1.9e9, using: &random))) }
        for date in dates {
            #expect(SessionLock.startedAtText(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }
}
