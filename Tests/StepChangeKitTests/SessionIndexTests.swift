import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// A copy of the worked-example archive in a fresh temporary directory.
func exampleArchiveCopy() throws -> SessionStore {
    let directory = try Scratch.folder("archive")
    let archive = SessionStore(directory: exampleSessionsDirectory)
    for session in WorkedExampleBuilder.all {
        try FileManager.default.copyItem(at: archive.url(for: session.id), to: directory.appendingPathComponent(session.id + ".json"))
    }
    return SessionStore(directory: directory)
}

@Suite("The session listing and its index")
struct SessionIndexTests {
    static let earlier = "2025-11-20-riverside-child-poverty-self-assessment"
    static let later = "2026-11-19-riverside-child-poverty-self-assessment"

    func stamp(size: Int64 = 100, inode: UInt64 = 7, seconds: Int64 = 1_000, nanoseconds: Int64 = 5) -> FileStamp {
        FileStamp(size: size, inode: inode, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds,
                  changedSeconds: seconds, changedNanoseconds: nanoseconds)
    }

    func summary(_ title: String) -> SessionSummary {
        var session = sampleSession()
        session.title = title
        return SessionSummary(session: session)
    }

    @Test func anEntryIsReusedOnlyWhileItsStampMatches() {
        let now = Date(timeIntervalSince1970: 10_000)
        let index = SessionIndex(entries: ["a.json": .init(stamp: stamp(), summary: summary("cached"), checksum: 1, settled: true)])
        var reads: [String] = []
        var checks = 0
        // The file's bytes as they are now: changed (checksum 2) unless a test says otherwise.
        var current: UInt64 = 2
        let checksum = { (_: String) -> UInt64? in checks += 1; return current }
        let read = { (name: String) -> (result: Result<SessionSummary, StepChangeError>, checksum: UInt64?) in
            reads.append(name)
            return (.success(summary("fresh")), 2)
        }

        let same = index.refreshed(files: [("a.json", stamp())], now: now, checksum: checksum, read: read)
        #expect(same.readCount == 0 && same.entries[0].entry.summary?.title == "cached" && same.index == index)
        #expect(checks == 0, "a settled entry is trusted on its stamp")

        let edited = index.refreshed(files: [("a.json", stamp(nanoseconds: 6))], now: now, checksum: checksum, read: read)
        #expect(edited.readCount == 1 && edited.entries[0].entry.summary?.title == "fresh")
        #expect(edited.index.entries["a.json"]?.checksum == 2)

        let replaced = index.refreshed(files: [("a.json", stamp(inode: 8))], now: now, checksum: checksum, read: read)
        #expect(replaced.readCount == 1 && replaced.entries[0].entry.summary?.title == "fresh")

        let resized = index.refreshed(files: [("a.json", stamp(size: 101))], now: now, checksum: checksum, read: read)
        #expect(resized.readCount == 1)
        #expect(checks == 2, "a file of another size has changed: its bytes are not hashed to find out")
        #expect(reads == ["a.json", "a.json", "a.json"])

        // A new stamp over the same bytes (the archive copied with its index, or the file touched): the entry
        // is kept, under the new stamp, without decoding the file again.
        current = 1
        let copied = index.refreshed(files: [("a.json", stamp(inode: 9, nanoseconds: 7))], now: now, checksum: checksum, read: read)
        #expect(copied.readCount == 0 && copied.entries[0].entry.summary?.title == "cached")
        #expect(copied.index.entries["a.json"]?.stamp == stamp(inode: 9, nanoseconds: 7))
        #expect(reads.count == 3)
    }

    @Test func anEntryWithoutAChecksumIsNeverReusedUnderANewStamp() {
        let index = SessionIndex(entries: ["a.json": .init(stamp: stamp(), summary: summary("cached"), checksum: 0, settled: true)])
        let moved = index.refreshed(files: [("a.json", stamp(inode: 8))], now: Date(timeIntervalSince1970: 10_000),
                                    checksum: { _ in 0 }, read: { _ in (.success(summary("fresh")), 5) })
        #expect(moved.readCount == 1 && moved.entries[0].entry.summary?.title == "fresh")
    }

    @Test func anUnsettledEntryIsCheckedByChecksumUntilItSettles() {
        // The file changed at 1,000 s; the entry was recorded at 1,000.5 s, so it has not settled.
        let index = SessionIndex(entries: ["a.json": .init(stamp: stamp(seconds: 1_000), summary: summary("cached"), checksum: 7, settled: false)])
        var decoded = 0
        let read = { (_: String) -> (result: Result<SessionSummary, StepChangeError>, checksum: UInt64?) in
            decoded += 1
            return (.success(summary("fresh")), 8)
        }
        // Same stamp, same bytes: reused without decoding, and now settled.
        let same = index.refreshed(files: [("a.json", stamp(seconds: 1_000))], now: Date(timeIntervalSince1970: 1_002), checksum: { _ in 7 }, read: read)
        #expect(same.readCount == 0 && same.entries[0].entry.summary?.title == "cached")
        #expect(same.index.entries["a.json"]?.settled == true)
        // Same stamp but different bytes (two writes inside one clock tick): decoded again.
        let racy = index.refreshed(files: [("a.json", stamp(seconds: 1_000))], now: Date(timeIntervalSince1970: 1_000.6), checksum: { _ in 8 }, read: read)
        #expect(racy.readCount == 1 && racy.entries[0].entry.summary?.title == "fresh")
        #expect(racy.index.entries["a.json"]?.settled == false)
        #expect(decoded == 1)
    }

    @Test func vanishedFilesAreDropped() {
        let now = Date(timeIntervalSince1970: 1_001)
        let index = SessionIndex(entries: ["gone.json": .init(stamp: stamp(), summary: summary("old"))])
        let result = index.refreshed(files: [("new.json", stamp(seconds: 900))], now: now, checksum: { _ in 0 }) { _ in (.success(summary("new")), 3) }
        #expect(result.entries.map(\.name) == ["new.json"])
        #expect(Array(result.index.entries.keys) == ["new.json"])
        let unreadable = index.refreshed(files: [("new.json", nil)], now: now, checksum: { _ in nil }) { _ in (.failure(StepChangeError(.input, "gone")), nil) }
        #expect(unreadable.entries.count == 1 && unreadable.index.entries.isEmpty, "a file that cannot be examined is never cached")
    }

    @Test func aSecondListingDecodesNothing() throws {
        let store = try exampleArchiveCopy()
        let first = try SessionListing.list(store, settle: 0)
        #expect(first.decodedCount == 2)
        #expect(first.sessions.map(\.summary.id) == [Self.later, Self.earlier])
        let second = try SessionListing.list(store, settle: 0)
        #expect(second.decodedCount == 0)
        #expect(second.sessions.map(\.summary) == first.sessions.map(\.summary))
    }

    @Test func anArchiveCopiedWithItsIndexIsListedWithoutDecodingUntilAFileChanges() throws {
        let store = try exampleArchiveCopy()
        let first = try SessionListing.list(store, settle: 0)
        // Copy the whole folder, index included, as from a shared drive: every file gets a new inode and times.
        let copy = Scratch.url("copied-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: store.directory, to: copy)
        let copied = SessionStore(directory: copy)
        let listed = try SessionListing.list(copied, settle: 0)
        #expect(listed.decodedCount == 0)
        #expect(listed.sessions.map(\.summary) == first.sessions.map(\.summary))
        #expect(try SessionListing.list(copied, settle: 0).decodedCount == 0, "the new stamps are kept in the index")

        // The same size, other bytes: read again.
        let file = copied.url(for: Self.later)
        let original = try Data(contentsOf: file)
        let edited = Data(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "\"title\" : \"Riverside child poverty self-assessment\"",
                                  with: "\"title\" : \"Riverside child poverty self-assessmenZ\"").utf8)
        #expect(edited.count == original.count && edited != original)
        try edited.write(to: file)
        let changed = try SessionListing.list(copied, settle: 0)
        #expect(changed.decodedCount == 1)
        #expect(changed.sessions[0].summary.title == "Riverside child poverty self-assessmenZ")
    }

    @Test func theListingShowsWhatTheIndexSaysUntilTheFileChanges() throws {
        let store = try exampleArchiveCopy()
        _ = try SessionListing.list(store, settle: 0)
        let indexURL = store.directory.appendingPathComponent(SessionIndex.fileName)
        var index = SessionIndex.decode(try Data(contentsOf: indexURL))
        index.entries[Self.earlier + ".json"]?.summary?.title = "Title from the index"
        try index.encoded().write(to: indexURL)
        #expect(try SessionListing.list(store, settle: 0).sessions[1].summary.title == "Title from the index")

        // Edit the file in place: same size, new modification time.
        let file = store.url(for: Self.earlier)
        let original = try Data(contentsOf: file)
        let edited = Data(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "\"title\" : \"Riverside child poverty self-assessment\"",
                                  with: "\"title\" : \"Riverside child poverty self-assessmenT\"").utf8)
        #expect(edited.count == original.count && edited != original)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: edited)
        try handle.close()
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.decodedCount == 1)
        #expect(listing.sessions[1].summary.title == "Riverside child poverty self-assessmenT")
    }

    @Test func anInPlaceEditRightAfterListingIsSeenEvenWithinOneClockTick() throws {
        let store = try exampleArchiveCopy()
        let file = store.url(for: Self.later)
        let original = try Data(contentsOf: file)
        _ = try SessionListing.list(store)
        let edited = Data(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "\"title\" : \"Riverside child poverty self-assessment\"",
                                  with: "\"title\" : \"Riverside child poverty self-assessmenX\"").utf8)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: edited)
        try handle.close()
        // Put the old times back, as a clock too coarse to notice the second write would.
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: file.path)
        #expect(try SessionListing.list(store).sessions[0].summary.title == "Riverside child poverty self-assessmenX")
    }

    @Test func replacingAFileInvalidatesItsEntry() throws {
        let store = try exampleArchiveCopy()
        _ = try SessionListing.list(store, settle: 0)
        var session = try store.load(store.url(for: Self.earlier))
        session.title = "Riverside child poverty self-assessment (replaced)"
        try store.save(session)
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.decodedCount == 1)
        #expect(listing.sessions[1].summary.title == "Riverside child poverty self-assessment (replaced)")
    }

    @Test func corruptFilesAreListedWithTheirReasonAndCached() throws {
        let store = try exampleArchiveCopy()
        try Data("{ \"schemaVersion\": 1, \"title\": ".utf8).write(to: store.directory.appendingPathComponent("broken.json"))
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.sessions.count == 2)
        #expect(listing.unreadable.map(\.file) == ["broken.json"])
        #expect(listing.unreadable[0].reason.contains("not valid JSON"))
        #expect(try SessionListing.list(store, settle: 0).decodedCount == 0)
    }

    /// The index cannot be written (here a directory stands where it goes, which stops root too,
    /// unlike chmod 0555): the listing still works, every time, without a cache.
    @Test func anIndexThatCannotBeWrittenStillLists() throws {
        let store = try exampleArchiveCopy()
        let index = store.directory.appendingPathComponent(SessionIndex.fileName)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: false)
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.sessions.count == 2 && listing.unreadable.isEmpty)
        let again = try SessionListing.list(store, settle: 0)
        #expect(again.sessions.map(\.summary.id) == listing.sessions.map(\.summary.id))
        #expect(again.decodedCount == 2, "nothing could be cached, so both files are read again")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: index.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).sorted()
                == [SessionIndex.fileName, Self.earlier + ".json", Self.later + ".json"], "no temporary left behind")
    }

    @Test func theIndexFileRoundTripsEveryKindOfText() {
        var awkward = summary("Tabs\tnew\nlines\r\\back\\slash \\t, émoji 🎉 and ‮ marks")
        awkward.partnership = ""
        awkward.meanConsensus = 2.583333333333333
        awkward.actionsByStatus = ["on-track": 4, "some-issues": 2]
        awkward.latestReview = "2026-11-19"
        var empty = summary("No mean")
        empty.meanConsensus = nil
        let index = SessionIndex(entries: [
            "a\tb.json": .init(stamp: stamp(), summary: awkward, checksum: UInt64.max, settled: false),
            "b.json": .init(stamp: stamp(inode: 9), summary: empty),
            "c.json": .init(stamp: stamp(size: 3), problem: "c.json is not valid JSON.\tline 1"),
        ])
        let data = index.encoded()
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").count == 5)
        #expect(SessionIndex.decode(data) == index)
        #expect(SessionIndex.decode(Data("stepchange-index\t0\t1\nend\t0\n".utf8)) == SessionIndex(), "another format is ignored")
        #expect(SessionIndex.decode(Data("{\"format\":1}".utf8)) == SessionIndex())
        var damaged = data
        damaged.removeLast(20)
        #expect(SessionIndex.decode(damaged) == SessionIndex(), "a damaged index is thrown away, not trusted")
    }

    @Test func theSummaryCountsOpenActionsByCurrentStatus() throws {
        let summary = SessionSummary(session: WorkedExample2025.session)
        #expect(summary.actionCount == 11)
        #expect(summary.openActions.map(\.status) == [.onTrack, .someIssues])
        #expect(summary.latestReview == "2026-11-19")
        #expect(summary.participants == 10 && summary.agreedItems == 24)
    }
}
