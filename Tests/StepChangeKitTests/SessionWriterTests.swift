import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// `SessionWriter` (the fast, remembering writer every save uses) against `CanonicalJSON` (the reference,
/// checked against Foundation's JSONEncoder in `CanonicalJSONTests`): byte for byte, on shipped sessions,
/// random sessions with every optional field and awkward text, and long random sequences of edits.
@Suite("The fast session writer")
struct SessionWriterTests {
    func reference(_ session: Session) throws -> [UInt8] {
        try CanonicalJSON.bytes(session, newline: true)
    }

    /// The writer's bytes for `session` are the reference's.
    func same(_ writer: SessionWriter, _ session: Session) throws -> Bool {
        let expected = try reference(session)
        return try writer.bytes(session) == expected
    }

    @Test func matchesTheReferenceOnWorkedExamplesAndShippedSessions() throws {
        var sessions = [sampleSession(), WorkedExample2025.session, WorkedExample2026.session]
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sessions")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            sessions.append(try SessionCodec.decode(Data(contentsOf: folder.appendingPathComponent(name)), source: name))
        }
        for session in sessions {
            let writer = SessionWriter()
            #expect(try same(writer, session))
            #expect(try same(writer, session), "written again from the remembered parts")
        }
    }

    @Test func matchesTheReferenceOnRandomSessionsWithEveryOptionalField() throws {
        var random = SeededRandom(seed: 15)
        for _ in 0..<150 {
            let session = RandomEdits.make(&random)
            #expect(try same(SessionWriter(), session))
        }
    }

    @Test func rememberedPartsNeverOutliveAChange() throws {
        var random = SeededRandom(seed: 1518)
        for _ in 0..<12 {
            let writer = SessionWriter()
            var session = RandomEdits.make(&random)
            #expect(try same(writer, session))
            for _ in 0..<60 {
                RandomEdits.edit(&session, &random)
                #expect(try same(writer, session))
            }
        }
    }

    /// The parts written in one save share one piece of memory. Replacing them one at a time, in a
    /// random order, then dropping and adding parts, frees that memory part by part; every save in
    /// between still writes the reference bytes (memory freed too early is soon reused, and shows as
    /// wrong bytes).
    @Test func partsWrittenTogetherOutliveEachOthersReplacement() throws {
        var random = SeededRandom(seed: 2026)
        for round in 0..<6 {
            let writer = SessionWriter()
            var session = RandomEdits.make(&random, full: true)
            while session.assessments.count < 12 {
                session.assessments.append(ItemAssessment(itemID: "extra-\(session.assessments.count)"))
            }
            #expect(try same(writer, session), "first save, round \(round)")
            for index in session.assessments.indices.shuffled(using: &random) {
                session.assessments[index].evidence.append("Evidence added at save \(index), round \(round).")
                #expect(try same(writer, session), "item \(index) replaced, round \(round)")
            }
            session.assessments.removeLast(5)
            #expect(try same(writer, session), "five items dropped, round \(round)")
            session.assessments.append(ItemAssessment(itemID: "added-again"))
            session.plans = session.plans.shuffled(using: &random)
            #expect(try same(writer, session), "an item added and the plans reordered, round \(round)")
        }
    }

    @Test func aTextChangedOnlyInUnicodeNormalisationIsWrittenAgain() throws {
        let writer = SessionWriter()
        var session = sampleSession()
        session.assessments[0].evidence = ["caf\u{E9}"]
        session.framework.headings[0].items[0].prompt = "r\u{E9}sum\u{E9}"
        _ = try writer.bytes(session)
        session.assessments[0].evidence = ["cafe\u{301}"]
        session.framework.headings[0].items[0].prompt = "re\u{301}sume\u{301}"
        #expect(session.assessments[0].evidence == ["caf\u{E9}"], "Swift calls the two equal")
        let written = try writer.bytes(session)
        #expect(try written == reference(session))
        #expect(String(decoding: written, as: UTF8.self).contains("cafe\u{301}"))
    }

    @Test func aSaveWritesTheReferenceBytesInPieces() throws {
        let directory = try Scratch.folder("writer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(directory: directory)
        var random = SeededRandom(seed: 42)
        var session = RandomEdits.make(&random, full: true)
        session.id = "2026-11-30-pieces"
        for _ in 0..<20 {
            try store.save(session)
            #expect(try Array(Data(contentsOf: store.url(for: session.id))) == reference(session))
            RandomEdits.edit(&session, &random)
        }
    }

    /// A gathered write cut short anywhere (here: five bytes at a time, across pieces) still writes every
    /// piece, in order; empty pieces are skipped.
    @Test func shortGatheredWritesCarryOn() throws {
        struct Trickle: FileSystemCalls {
            let real = SystemFileCalls()
            func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { real.open(path, flags, mode) }
            func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { real.write(descriptor, buffer, min(count, 3)) }
            func writev(_ descriptor: Int32, _ pieces: UnsafePointer<iovec>, _ count: Int32) -> Int {
                var budget = 5
                var shortened: [iovec] = []
                for index in 0..<Int(count) where budget > 0 {
                    let length = min(pieces[index].iov_len, budget)
                    shortened.append(iovec(iov_base: pieces[index].iov_base, iov_len: length))
                    budget -= length
                }
                return shortened.withUnsafeBufferPointer { real.writev(descriptor, $0.baseAddress!, Int32($0.count)) }
            }
            func fsync(_ descriptor: Int32) -> Int32 { real.fsync(descriptor) }
            func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 { real.fchmod(descriptor, mode) }
            func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32 { real.fchown(descriptor, owner, group) }
            func close(_ descriptor: Int32) -> Int32 { real.close(descriptor) }
            func lstat(_ path: String, _ info: inout stat) -> Int32 { real.lstat(path, &info) }
            func rename(_ from: String, _ to: String) -> Int32 { real.rename(from, to) }
            func link(_ from: String, _ to: String) -> Int32 { real.link(from, to) }
            func unlink(_ path: String) -> Int32 { real.unlink(path) }
        }
        let directory = try Scratch.folder("gather")
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("file.json")
        var random = SeededRandom(seed: 3)
        let pieces: [[UInt8]] = (0..<2_500).map { _ in (0..<Int.random(in: 0...9, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
        func withPointers(_ index: Int, _ buffers: [UnsafeRawBufferPointer], _ body: ([UnsafeRawBufferPointer]) throws -> Void) rethrows {
            guard index < pieces.count else { return try body(buffers) }
            try pieces[index].withUnsafeBytes { try withPointers(index + 1, buffers + [$0], body) }
        }
        for calls in [Trickle(), SystemFileCalls()] as [FileSystemCalls] {
            try withPointers(0, []) { try DurableFile.write(gathering: $0, to: target, calls: calls) }
            #expect(try Array(Data(contentsOf: target)) == pieces.flatMap { $0 })
        }
    }

    /// The eight-bytes-at-a-time test never misses a byte that needs escaping: every byte value at every
    /// place in a word of otherwise plain (or high) bytes, and random words.
    @Test func wordTestNeverMissesAByteToEscape() {
        func slow(_ word: UInt64) -> Bool {
            (0..<8).contains { shift in
                let byte = UInt8(truncatingIfNeeded: word >> (8 * shift))
                return byte < 0x20 || byte == 0x22 || byte == 0x5C
            }
        }
        for filler in [UInt8(ascii: "a"), 0x20, 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x23, 0x5B, 0x5D] {
            for place in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = value
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    if slow(word) { #expect(CanonicalBytes.needsEscape(word), "byte \(value) at \(place) among \(filler)") }
                }
            }
        }
        var random = SeededRandom(seed: 8)
        for _ in 0..<200_000 {
            let word = random.next()
            if slow(word) { #expect(CanonicalBytes.needsEscape(word)) }
        }
    }

    @Test func theSharedWriterIsTheOneSavesUse() throws {
        let session = WorkedExample2026.session
        let expected = try reference(session)
        #expect(SessionCodec.encodedBytes(session) == expected)
    }

    /// Each type written by hand still has exactly the fields `SessionWriter+Parts` writes: a field added
    /// to one of them fails here until the writer writes it too.
    @Test func everyStoredFieldIsWrittenByHand() {
        var random = SeededRandom(seed: 7)
        let session = RandomEdits.make(&random, full: true)
        func fields(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        let assessment = session.assessments[0]
        #expect(fields(assessment) == ["itemID", "rounds", "consensus", "evidence", "strengths", "areasForImprovement", "skipped", "completedAt"])
        #expect(fields(assessment.rounds[0]) == ["number", "scores", "source"])
        #expect(fields(assessment.rounds[0].scores[0]) == ["participant", "score", "comment"])
        #expect(fields(assessment.consensus as Any) == [] || fields(assessment.consensus!) == ["score", "suggested", "round", "outsideRangeReason", "agreedAt"])
        #expect(fields(session.participants[0]) == ["id", "name", "organisation", "sector", "absentFrom", "sectorToConfirm"])
        #expect(fields(session.statements[0]) == ["id", "text", "itemIDs", "rationale", "mergedFrom"])
        #expect(fields(Vote(participant: "p1", statement: "S1", count: 1)) == ["participant", "statement", "count"])
        let cursor = session.assessmentCursor!
        #expect(fields(cursor) == ["order", "itemID", "step", "round", "blindScores", "pendingConsensus", "headingStarts", "lastAnswerAt",
                                   "trail", "pendingParticipant", "pendingRemoval", "introducedHeading"])
        #expect(fields(cursor.trail[0]) == ["itemID", "step", "pendingConsensus"])
        #expect(fields(session.settings) == ["scoring", "minutesPerHeading", "votesPerParticipant"])
        let framework = session.framework
        #expect(fields(framework) == ["schemaVersion", "id", "title", "version", "description", "scale", "headings", "horizons", "actionThemes"])
        #expect(fields(framework.scale) == ["levels", "dontKnow"])
        #expect(fields(framework.scale.levels[0]) == ["value", "label", "descriptor"])
        #expect(fields(framework.scale.dontKnow!) == ["label", "descriptor"])
        #expect(fields(framework.headings[0]) == ["id", "title", "summary", "items"])
        #expect(fields(framework.headings[0].items[0]) == ["id", "prompt", "guidance", "evidence"])
        #expect(fields(framework.horizons[0]) == ["id", "title", "span", "fromYears", "toYears"])
        #expect(fields(framework.actionThemes[0]) == ["id", "title", "description"])
        let plan = session.plans[0]
        #expect(fields(plan) == ["statementID", "outcomes", "existingProvision", "gaps", "actions", "assumptions", "retiredIDs"])
        #expect(fields(plan.outcomes[0]) == ["id", "horizon", "text"])
        #expect(fields(plan.existingProvision[0]) == ["text", "outcomeIDs"])
        #expect(fields(plan.gaps[0]) == ["text", "outcomeIDs"])
        let action = plan.actions[0]
        #expect(fields(action) == ["ref", "outcomeIDs", "objective", "description", "lead", "partners", "resources", "risk", "milestone",
                                   "measure", "theme", "additionality", "status", "outputImpact", "updates", "milestones"])
        #expect(fields(action.measure) == ["indicator", "baseline", "target", "frequency"])
        #expect(fields(action.updates[0]) == ["date", "reviewer", "status", "note", "actual", "period", "recordedAt", "supersedes", "withdrawal"])
        #expect(fields(action.milestones![0]) == ["date", "status", "output", "revisions"])
        #expect(fields(action.milestones![0].revisions![0]) == ["previousDate", "reason", "revisedOn"])
        #expect(fields(session) == ["schemaVersion", "id", "title", "description", "partnership", "facilitator", "date", "createdAt", "updatedAt",
                                    "framework", "participants", "settings", "stage", "assessments", "statements", "votes", "planned", "plans",
                                    "assessmentCursor", "statementsCursor", "planningCursor", "retiredStatementIDs", "tieBreakOrder", "survey",
                                    "previousSessionID", "previousConsensus", "carriedForwardActions", "reviewProgress", "deviceScores"])
    }
}
