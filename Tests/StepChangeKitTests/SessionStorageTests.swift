import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// A small session with two participants and one scored item, for storage tests.
func sampleSession(id: String = "2026-11-23-riverside") -> Session {
    var session = Session(id: id, title: "Riverside", partnership: "Riverside CPP", facilitator: "Sam",
                          date: "2026-11-23", createdAt: Date(timeIntervalSince1970: 1_795_000_000), framework: .childPoverty,
                          participants: [Participant(id: "p1", name: "Ann Lee", organisation: "Council", sector: .statutory),
                                         Participant(id: "p2", name: "Raj Patel", organisation: "CVS", sector: .thirdSector)])
    session.assessments = [ItemAssessment(itemID: "LN1", rounds: [ScoringRound(number: 1, scores: [
        ParticipantScore(participant: "p1", score: .value(3)), ParticipantScore(participant: "p2", score: .dontKnow),
    ])])]
    return session
}

func decodeProblems(_ text: String) -> [String] {
    do {
        _ = try SessionCodec.decode(Data(text.utf8), source: "s.json")
        return []
    } catch {
        return [error.message] + error.problems.map(\.description)
    }
}

@Suite("Session files")
struct SessionCodecTests {
    @Test func roundTripsExactly() throws {
        let session = sampleSession()
        let data = SessionCodec.encode(session)
        #expect(try SessionCodec.decode(data, source: "s.json") == session)
        #expect(SessionCodec.encode(try SessionCodec.decode(data, source: "s.json")) == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"score\" : \"dont-know\""))
        #expect(text.contains("\"createdAt\" : \"2026-11-18T"))
    }

    @Test func aScoreOffTheScaleIsNamedByItsPath() {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
            .replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 9")
        #expect(decodeProblems(text).contains("s.json: assessments[0].rounds[0].scores[0].score: 9 is not on the scale; expected 1, 2, 3, 4, 5 or ? (don't know)"))
    }

    @Test func aWrongTypeIsNamedByItsPath() {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
            .replacingOccurrences(of: "\"title\" : \"Riverside\"", with: "\"title\" : 12")
        #expect(decodeProblems(text).contains("s.json: title: expected text, found 12"), "\(decodeProblems(text))")
    }

    @Test func aNewerSchemaIsRefusedWithAnUpgradeHint() {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 1,\n  \"settings\"", with: "\"schemaVersion\" : 99,\n  \"settings\"")
        #expect(decodeProblems(text).first == "s.json was written by a newer version of stepchange.")
    }

    @Test func truncatedFileIsASyntaxError() {
        let data = SessionCodec.encode(sampleSession())
        let text = String(decoding: data.prefix(data.count / 2), as: UTF8.self)
        #expect(decodeProblems(text).first == "s.json is not valid JSON.")
    }

    @Test func anUnknownParticipantIsReported() {
        let text = String(decoding: SessionCodec.encode(sampleSession()), as: UTF8.self)
            .replacingOccurrences(of: "\"participant\" : \"p2\"", with: "\"participant\" : \"p9\"")
        #expect(decodeProblems(text).contains("s.json: assessments[0].rounds[0].scores[1].participant: \"p9\" is not a participant of this session"))
    }
}

@Suite("The sessions directory")
struct SessionStoreTests {
    func store() throws -> SessionStore {
        let url = try Scratch.folder("store")
        return SessionStore(directory: url)
    }

    @Test func savesAndFindsByIdPrefixAndPath() throws {
        let store = try store()
        let session = sampleSession()
        try store.save(session)
        #expect(try store.load("2026-11-23-riverside").session == session)
        #expect(try store.load("2026-11-23-riv").session == session)
        #expect(try store.load(store.url(for: session.id).path).session == session)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
        #expect(leftovers == ["2026-11-23-riverside.json"])
    }

    @Test func anEmptyReferenceNeverPicksTheOnlySession() throws {
        let store = try store()
        try store.save(sampleSession())
        do {
            _ = try store.resolve("")
            Issue.record("an empty reference must not resolve")
        } catch {
            #expect(error.kind == .usage && error.message.hasPrefix("The session is empty"))
        }
    }

    @Test func ambiguousPrefixNamesTheMatches() throws {
        let store = try store()
        try store.save(sampleSession(id: "2026-11-23-a"))
        try store.save(sampleSession(id: "2026-11-23-b"))
        #expect(throws: StepChangeError.self) { try store.resolve("2026-11") }
        do { _ = try store.resolve("2026-11") } catch { #expect(error.message.contains("2026-11-23-a, 2026-11-23-b")) }
    }

    @Test func aUniquePartOfAnIdFindsTheSession() throws {
        let store = try store()
        try store.save(sampleSession(id: "2026-11-23-riverside-workshop"))
        try store.save(sampleSession(id: "2026-11-24-hillside-workshop"))
        #expect(try store.resolve("Riverside").lastPathComponent == "2026-11-23-riverside-workshop.json")
        #expect(throws: StepChangeError.self) { try store.resolve("workshop") }
    }

    @Test func newIdsAreUniqueInTheDirectory() throws {
        let store = try store()
        #expect(store.newID(date: "2026-11-23", title: "Riverside") == "2026-11-23-riverside")
        try store.save(sampleSession())
        #expect(store.newID(date: "2026-11-23", title: "Riverside") == "2026-11-23-riverside-2")
    }

    @Test func createNeverReplacesAnExistingSession() throws {
        let store = try store()
        let existing = sampleSession(id: "2026-11-23-riverside")
        try store.save(existing)
        let before = try Data(contentsOf: store.url(for: existing.id))
        #expect(try !DurableFile.create(Data("other".utf8), at: store.url(for: existing.id)))
        #expect(try Data(contentsOf: store.url(for: existing.id)) == before)
        let created = try store.create(sampleSession(id: ""))
        #expect(created.id == "2026-11-23-riverside-2")
        #expect(try store.load(created.id).session == created)
        #expect(try store.sessionFiles().map(\.lastPathComponent) == ["2026-11-23-riverside-2.json", "2026-11-23-riverside.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).count == 2)
    }

    @Test func aSecondLockIsRefusedNamingTheHolder() throws {
        let store = try store()
        let url = store.url(for: "x")
        let lock = try store.lock(url, now: Date())
        do {
            _ = try store.lock(url, now: Date())
            Issue.record("second lock should fail")
        } catch {
            #expect(error.message.contains("process \(getpid())"))
        }
        lock.release()
        _ = try store.lock(url, now: Date())
    }

    /// A lock file left by a process that no longer holds its lock (killed, or the machine restarted)
    /// is no lock at all: the kernel released it. It is taken over, naming the previous holder.
    @Test func aLockFileWithoutAHolderIsTakenOverNamingItsLastHolder() throws {
        let store = try store()
        let url = store.url(for: "x")
        try "999999\n\(LockHolder.thisHost)\n2026-01-01T00:00:00Z\n".write(toFile: SessionStore.lockPath(for: url), atomically: true, encoding: .utf8)
        let lock = try store.lock(url, now: Date())
        #expect(lock.previousHolder == LockHolder(pid: 999_999, host: LockHolder.thisHost, startedAt: "2026-01-01T00:00:00Z"))
        #expect(SessionLock.holder(at: SessionStore.lockPath(for: url))?.pid == getpid())
        lock.release()
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).isEmpty)
    }

    /// The lock file holds exactly the new holder's three lines afterwards, whatever was there before:
    /// nothing (a new or empty file, written without truncating) or a longer text (truncated first).
    @Test func aTakenLockFileHoldsOnlyTheNewHolder() throws {
        let store = try store()
        let url = store.url(for: "x")
        let path = SessionStore.lockPath(for: url)
        let longer = "999999\n\(LockHolder.thisHost)-with-a-much-longer-name\n2026-01-01T00:00:00Z\nand a line an older version left\n"
        for before in [nil, "", longer] {
            if let before { try before.write(toFile: path, atomically: true, encoding: .utf8) }
            let now = Date(timeIntervalSince1970: 1_796_000_000)
            let lock = try store.lock(url, now: now)
            let expected = LockHolder(pid: getpid(), host: LockHolder.thisHost, startedAt: SessionLock.startedAtText(now)).text
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "before: \(before ?? "no file")")
            lock.release()
        }
    }

    @Test func saveIntoAMissingDirectoryFailsClearly() {
        let store = SessionStore(directory: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(throws: StepChangeError.self) { try store.save(sampleSession()) }
    }
}
