import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

@Suite("The listing read on every core is the listing read one file at a time")
struct ConcurrentListingTests {
    /// An archive with sessions, damaged files of every kind the listing reports, and symlinks.
    func awkwardArchive() throws -> SessionStore {
        let directory = Scratch.url("concurrent-\(UUID().uuidString)")
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let store = SessionStore(directory: directory)
        for index in 0..<40 {
            var session = sampleSession(id: String(format: "2026-%02d-%02d-session-%d", index % 12 + 1, index % 28 + 1, index))
            session.title = "Session \(index)"
            session.plans = [OutcomePlan(statementID: "S1", actions: [Action(ref: "A1.1", description: "d", milestone: "2026-0\(index % 9 + 1)",
                                                                              measure: Measure(frequency: "Quarterly"), status: .onTrack)])]
            session.statements = [ImprovementStatement(id: "S1", text: "t")]
            try SessionCodec.encode(session).write(to: store.url(for: session.id))
        }
        let text = String(decoding: SessionCodec.encode(sampleSession(id: "2026-01-01-off-scale")), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\"score\" : 3", with: "\"score\" : 9").utf8).write(to: directory.appendingPathComponent("2026-01-01-off-scale.json"))
        try Data("{ \"schemaVersion\": 1, \"title\": ".utf8).write(to: directory.appendingPathComponent("broken.json"))
        try Data().write(to: directory.appendingPathComponent("empty.json"))
        try SessionCodec.encode(sampleSession(id: "2026-02-02-renamed")).write(to: directory.appendingPathComponent("wrong-name.json"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder.json"), withIntermediateDirectories: false)
        #expect(mkfifo(directory.appendingPathComponent("pipe.json").path, 0o600) == 0)
        let linked = sampleSession(id: "2026-03-03-linked")
        try SessionCodec.encode(linked).write(to: elsewhere.appendingPathComponent("target.json"))
        try FileManager.default.createSymbolicLink(atPath: store.url(for: linked.id).path, withDestinationPath: elsewhere.appendingPathComponent("target.json").path)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.json").path, withDestinationPath: elsewhere.appendingPathComponent("gone.json").path)
        return store
    }

    func describe(_ listing: SessionListing) -> [String] {
        listing.sessions.map { "\($0.file) \($0.summary)" } + listing.unreadable.map { "\($0.file): \($0.reason)" } + ["decoded \(listing.decodedCount)"]
    }

    /// Lists one file at a time and then concurrently, each from the same index, and compares listings and indexes.
    @discardableResult
    func compare(_ store: SessionStore, now: Date, _ note: String) throws -> SessionListing {
        let indexURL = store.directory.appendingPathComponent(SessionIndex.fileName)
        let before = try? Data(contentsOf: indexURL)
        let sequential = try SessionListing.list(store, now: now, settle: 0) { names, read in names.map(read) }
        let sequentialIndex = try Data(contentsOf: indexURL)
        if let before { try before.write(to: indexURL) } else { try FileManager.default.removeItem(at: indexURL) }
        let concurrent = try SessionListing.list(store, now: now, settle: 0)
        #expect(describe(concurrent) == describe(sequential), "\(note)")
        #expect(try Data(contentsOf: indexURL) == sequentialIndex, "\(note)")
        return concurrent
    }

    @Test func damagedUnreadableSymlinkedAndChangedFilesAreListedTheSameWay() throws {
        let store = try awkwardArchive()
        let now = Date()
        try compare(store, now: now, "cold")
        let listing = try SessionListing.list(store, now: now, settle: 0)
        #expect(listing.sessions.count == 41)
        #expect(listing.unreadable.map(\.file) == ["2026-01-01-off-scale.json", "broken.json", "dangling.json", "empty.json", "folder.json", "pipe.json", "wrong-name.json"])
        try compare(store, now: now, "warm")
        let settled = SessionIndex.decode(try Data(contentsOf: store.directory.appendingPathComponent(SessionIndex.fileName)))
        #expect(settled.entries.values.allSatisfy { $0.settled && $0.checksum != 0 }, "every entry keeps its bytes' checksum, so a copied archive's index can be reused")

        // Change some files: edit one, replace one, remove one, damage one, add one, and one changed unseen within a clock tick.
        var edited = sampleSession(id: "2026-01-01-session-0")
        edited.title = "Edited"
        try SessionCodec.encode(edited).write(to: store.url(for: edited.id))
        try store.save(sampleSession(id: "2026-02-02-session-1"))
        try FileManager.default.removeItem(at: store.url(for: "2026-03-03-session-2"))
        try Data("{}".utf8).write(to: store.url(for: "2026-04-04-session-3"))
        try SessionCodec.encode(sampleSession(id: "2027-01-01-new")).write(to: store.url(for: "2027-01-01-new"))
        try compare(store, now: now, "changed")
        try FileManager.default.removeItem(at: store.directory.appendingPathComponent(SessionIndex.fileName))
        try compare(store, now: now.addingTimeInterval(-60), "unsettled")
        let unsettled = SessionIndex.decode(try Data(contentsOf: store.directory.appendingPathComponent(SessionIndex.fileName)))
        #expect(unsettled.entries.values.allSatisfy { !$0.settled && $0.checksum != 0 }, "until it settles, an entry is checked by its checksum")
        try compare(store, now: now, "settling")

        // As after copying the archive with its index: every stamp changes, and one file's bytes change
        // without changing its size. Only that file is decoded; the rest are kept after their checksum.
        _ = try SessionListing.list(store, now: now.addingTimeInterval(60), settle: 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: store.directory.path) where name.hasSuffix(".json") {
            try? FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(3_600)],
                                                    ofItemAtPath: store.directory.appendingPathComponent(name).path)
        }
        let sameSize = store.url(for: "2026-06-06-session-5")
        let text = try String(contentsOf: sameSize, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"Session 5\"", with: "\"Session X\"").utf8).write(to: sameSize)
        // (The folder, the pipe and the dangling link have no bytes to remember, so they are tried every time.)
        #expect(try compare(store, now: now.addingTimeInterval(60), "stale").decodedCount == 3 + 1)
        let stale = try SessionListing.list(store, now: now.addingTimeInterval(60), settle: 0)
        #expect(stale.decodedCount == 3, "the index the comparison left already holds the new stamps")
        #expect(stale.sessions.contains { $0.summary.title == "Session X" })
    }
}
