import Foundation
import Testing
@testable import StepChangeKit

/// A copy of the worked-example archive in a fresh temporary directory.
func exampleArchiveCopy() throws -> SessionStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
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
        let index = SessionIndex(entries: ["a.json": .init(stamp: stamp(), summary: summary("cached"))])
        var reads: [String] = []
        let read = { (name: String) -> Result<SessionSummary, StepChangeError> in reads.append(name); return .success(summary("fresh")) }

        let same = index.refreshed(files: [("a.json", stamp())], now: now, read: read)
        #expect(same.readCount == 0 && same.entries[0].entry.summary?.title == "cached" && same.index == index)

        let edited = index.refreshed(files: [("a.json", stamp(nanoseconds: 6))], now: now, read: read)
        #expect(edited.readCount == 1 && edited.entries[0].entry.summary?.title == "fresh")

        let replaced = index.refreshed(files: [("a.json", stamp(inode: 8))], now: now, read: read)
        #expect(replaced.readCount == 1 && replaced.entries[0].entry.summary?.title == "fresh")

        let resized = index.refreshed(files: [("a.json", stamp(size: 101))], now: now, read: read)
        #expect(resized.readCount == 1)
        #expect(reads == ["a.json", "a.json", "a.json"])
    }

    @Test func vanishedFilesAreDroppedAndJustChangedFilesAreNotKept() {
        let now = Date(timeIntervalSince1970: 1_001)
        let index = SessionIndex(entries: ["gone.json": .init(stamp: stamp(), summary: summary("old"))])
        let result = index.refreshed(files: [("new.json", stamp(seconds: 1_000))], now: now, settle: 2) { _ in .success(summary("new")) }
        #expect(result.entries.map(\.name) == ["new.json"])
        #expect(result.index.entries.isEmpty, "a file changed a moment ago must be read again next time")
        let settled = index.refreshed(files: [("new.json", stamp(seconds: 900))], now: now, settle: 2) { _ in .success(summary("new")) }
        #expect(Array(settled.index.entries.keys) == ["new.json"])
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

    @Test func anUnwritableDirectoryStillLists() throws {
        let store = try exampleArchiveCopy()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: store.directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: store.directory.path) }
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.sessions.count == 2)
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
            "a\tb.json": .init(stamp: stamp(), summary: awkward),
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
