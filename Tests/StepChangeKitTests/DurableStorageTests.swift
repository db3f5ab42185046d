import Foundation
import StepChangeTestSupport
import Testing
import Synchronization
@testable import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// The real system calls, each one recorded as "call role" (role: temporary, target, directory or
/// another path), with one call made to fail on demand.
final class RecordingCalls: FileSystemCalls, @unchecked Sendable {
    let target: String
    let failing: String?
    let failure: Int32
    private let real = SystemFileCalls()
    private let lock = NSLock()
    private var roles: [Int32: String] = [:]
    private(set) var events: [String] = []
    private(set) var openFlags: [String: Int32] = [:]

    /// `failing` names an event ("fsync temporary", "rename temporary target"…) that fails with `failure`.
    init(target: URL, failing: String? = nil, failure: Int32 = EIO) {
        self.target = target.path
        self.failing = failing
        self.failure = failure
    }

    private func role(_ path: String) -> String {
        if path == target { return "target" }
        if path == (target as NSString).deletingLastPathComponent { return "directory" }
        if path.hasSuffix(".tmp") { return "temporary" }
        return "other"
    }

    /// Records the event; true when it is the one that must fail.
    private func record(_ event: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        events.append(event)
        if event == failing {
            errno = failure
            return true
        }
        return false
    }

    private func role(of descriptor: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return roles[descriptor] ?? "other"
    }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        if record("open \(role(path))") { return -1 }
        let fd = real.open(path, flags, mode)
        lock.lock()
        roles[fd] = role(path)
        openFlags[role(path)] = flags
        lock.unlock()
        return fd
    }

    func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        record("write \(role(of: descriptor))") ? -1 : real.write(descriptor, buffer, count)
    }

    func fsync(_ descriptor: Int32) -> Int32 {
        record("fsync \(role(of: descriptor))") ? -1 : real.fsync(descriptor)
    }

    func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 {
        record("fchmod \(role(of: descriptor))") ? -1 : real.fchmod(descriptor, mode)
    }

    func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32 {
        record("fchown \(role(of: descriptor))") ? -1 : real.fchown(descriptor, owner, group)
    }

    func close(_ descriptor: Int32) -> Int32 {
        let event = "close \(role(of: descriptor))"
        lock.lock()
        roles[descriptor] = nil
        lock.unlock()
        let result = real.close(descriptor)
        return record(event) ? -1 : result
    }

    func lstat(_ path: String, _ info: inout stat) -> Int32 {
        record("lstat \(role(path))") ? -1 : real.lstat(path, &info)
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        record("rename \(role(from)) \(role(to))") ? -1 : real.rename(from, to)
    }

    func link(_ from: String, _ to: String) -> Int32 {
        record("link \(role(from)) \(role(to))") ? -1 : real.link(from, to)
    }

    func unlink(_ path: String) -> Int32 {
        record("unlink \(role(path))") ? -1 : real.unlink(path)
    }
}

/// A fresh empty directory for one test.
func freshDirectory() throws -> URL {
    let url = try Scratch.folder("durable")
    return url
}

@Suite("The durable save")
struct DurableFileTests {
    /// The order that makes a save durable: the whole new file is written and synced under another
    /// name, renamed over the target, and the directory synced so the rename itself survives a crash.
    /// Removing either fsync, or writing the target in place, changes this sequence.
    @Test func aSaveWritesATemporarySyncsItRenamesItAndSyncsTheDirectory() throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("s.json")
        try Data("old".utf8).write(to: target)
        let calls = RecordingCalls(target: target)
        try DurableFile.write(Data("new contents".utf8), to: target, calls: calls)
        #expect(calls.events == [
            "lstat target",
            "open temporary", "fchown temporary", "fchmod temporary", "write temporary", "fsync temporary", "close temporary",
            "rename temporary target",
            "open directory", "fsync directory", "close directory",
        ])
        #expect(try String(contentsOf: target, encoding: .utf8) == "new contents")
        let flags = try #require(calls.openFlags["temporary"])
        #expect(flags & O_EXCL != 0 && flags & O_NOFOLLOW != 0 && flags & O_CREAT != 0, "the temporary is created exclusively, never through a link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.json"])
    }

    @Test func aNewFileIsLinkedIntoPlaceOnlyWhenNothingIsThere() throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("n.json")
        let calls = RecordingCalls(target: target)
        #expect(try DurableFile.create(Data("first".utf8), at: target, calls: calls))
        #expect(calls.events == [
            "lstat target", "open temporary", "write temporary", "fsync temporary", "close temporary",
            "link temporary target", "unlink temporary", "open directory", "fsync directory", "close directory",
        ])
        #expect(try !DurableFile.create(Data("second".utf8), at: target))
        #expect(try String(contentsOf: target, encoding: .utf8) == "first")
    }

    /// Any step failing leaves the old file exactly as it was, removes the temporary and says so.
    @Test(arguments: ["open temporary", "write temporary", "fsync temporary", "fchmod temporary", "rename temporary target"])
    func aFailingStepLeavesTheOldFileAndNoTemporary(step: String) throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("s.json")
        try Data("old".utf8).write(to: target)
        let calls = RecordingCalls(target: target, failing: step, failure: step.hasPrefix("write") ? ENOSPC : EIO)
        do {
            try DurableFile.write(Data("new".utf8), to: target, calls: calls)
            Issue.record("\(step) failed but the save reported success")
        } catch {
            #expect(error.message.hasPrefix("Could not save \(target.path): "), "\(error.message)")
            #expect(error.hint?.contains("earlier version of the file is intact") == true)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.json"])
        #expect(!calls.events.contains("rename temporary target") || step == "rename temporary target")
    }

    @Test(arguments: [0o600, 0o640, 0o660, 0o604])
    func aSaveKeepsTheFilesMode(mode: Int) throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("s.json")
        try Data("old".utf8).write(to: target)
        chmod(target.path, mode_t(mode))
        try DurableFile.write(Data("new".utf8), to: target)
        var info = stat()
        stat(target.path, &info)
        #expect(Int(info.st_mode & 0o777) == mode)
    }

    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func aSaveByRootKeepsTheFilesOwnerAndGroup() throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("s.json")
        try Data("old".utf8).write(to: target)
        chown(target.path, 4321, 8765)
        chmod(target.path, 0o660)
        try DurableFile.write(Data("new".utf8), to: target)
        var info = stat()
        stat(target.path, &info)
        #expect(info.st_uid == 4321 && info.st_gid == 8765 && info.st_mode & 0o777 == 0o660)
    }

    /// Whoever can write a shared folder may put a link, a named pipe or a directory where a file is
    /// expected: none is ever replaced, and a link's target is never written.
    @Test func onlyARegularFileIsEverReplaced() throws {
        let directory = try freshDirectory()
        let elsewhere = directory.appendingPathComponent("unrelated.txt")
        try Data("keep me".utf8).write(to: elsewhere)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let pipe = directory.appendingPathComponent("pipe.json")
        mkfifo(pipe.path, 0o644)
        let folder = directory.appendingPathComponent("folder.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        for (path, kind) in [(link, "a symbolic link"), (pipe, "a named pipe"), (folder, "a directory")] {
            #expect(throws: StepChangeError.self) { try DurableFile.write(Data("x".utf8), to: path) }
            do {
                try DurableFile.write(Data("x".utf8), to: path)
            } catch {
                #expect(error.message.contains("it is \(kind), not a regular file"), "\(error.message)")
            }
        }
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "keep me")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == elsewhere.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["folder.json", "link.json", "pipe.json", "unrelated.txt"])
    }

    @Test func temporaryNamesCannotBePredicted() {
        let url = URL(fileURLWithPath: "/x/s.json")
        let names = Set((0..<100).map { _ in DurableFile.temporaryName(for: url) })
        #expect(names.count == 100)
        #expect(names.allSatisfy { $0.hasPrefix(".s.json.\(getpid()).") && $0.hasSuffix(".tmp") && $0.count == ".s.json.\(getpid()).".count + 16 + 4 })
    }

    @Test func leftoversOfDeadProcessesAreRemovedAndALiveOnesAreKept() throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent("s.json")
        let dead = [".s.json.4000000.0123456789abcdef.tmp", ".s.json.4000001.tmp"]
        let kept = [".s.json.\(getpid()).fedcba9876543210.tmp", ".other.json.4000000.0123456789abcdef.tmp", ".s.json.notapid.tmp"]
        for name in dead + kept { try Data("half".utf8).write(to: directory.appendingPathComponent(name)) }
        DurableFile.removeLeftovers(of: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == kept.sorted())
    }

    /// Saving where the folder is a regular file fails for root too (chmod 0555 does not stop root).
    @Test func aSaveWhereTheFolderIsAFileFailsClearlyEvenForRoot() throws {
        let directory = try freshDirectory()
        let notAFolder = directory.appendingPathComponent("Sessions")
        try Data("I am a file".utf8).write(to: notAFolder)
        let store = SessionStore(directory: notAFolder)
        do {
            try store.save(sampleSession())
            Issue.record("saving into a file instead of a folder succeeded")
        } catch {
            #expect(error.message.contains("could not create a temporary file in \(notAFolder.path) (Not a directory)"), "\(error.message)")
        }
        #expect(try String(contentsOf: notAFolder, encoding: .utf8) == "I am a file")
    }
}

@Suite("Reading files within a size limit")
struct BoundedFileTests {
    /// A 4 GB (sparse) file is refused from its size alone: reading it first would take gigabytes.
    @Test func aHugeFileIsRefusedBeforeAnyReading() throws {
        let directory = try freshDirectory()
        let huge = directory.appendingPathComponent("huge.csv")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        #expect(BoundedFile.read(huge.path, limit: 10 << 20) == .failure(.tooLarge(4 << 30)))
        #expect(BoundedFile.message(.tooLarge(4 << 30), name: "huge.csv", what: "a CSV file to import", limit: 10 << 20)
                == "huge.csv is 4096 MB; a CSV file to import may be at most 10 MB.")
    }

    @Test func devicesPipesAndFoldersAreNotFiles() throws {
        let directory = try freshDirectory()
        let pipe = directory.appendingPathComponent("pipe")
        mkfifo(pipe.path, 0o644)
        #expect(BoundedFile.read(pipe.path, limit: 100) == .failure(.notAFile("a named pipe")))
        #expect(BoundedFile.read("/dev/zero", limit: 100) == .failure(.notAFile("a device")))
        #expect(BoundedFile.read(directory.path, limit: 100) == .failure(.notAFile("a directory")))
        #expect(BoundedFile.read(directory.appendingPathComponent("missing").path, limit: 100) == .failure(.unreadable("No such file or directory")))
    }

    @Test func aFileUpToTheLimitIsReadWhole() throws {
        let directory = try freshDirectory()
        let file = directory.appendingPathComponent("f")
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        try bytes.write(to: file)
        #expect(BoundedFile.read(file.path, limit: 200_000) == .success(bytes))
        #expect(BoundedFile.read(file.path, limit: 199_999) == .failure(.tooLarge(200_000)))
        try Data().write(to: file)
        #expect(BoundedFile.read(file.path, limit: 10) == .success(Data()))
    }

    @Test func aSessionFileOverTheLimitIsRefusedNamingTheLimit() throws {
        let directory = try freshDirectory()
        let file = directory.appendingPathComponent("big.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(SessionStore.maximumFileSize + 1))
        try handle.close()
        do {
            _ = try SessionStore(directory: directory).load(file)
            Issue.record("an oversized session file was read")
        } catch {
            #expect(error.message == "\(file.path) is 64 MB; a session file may be at most 64 MB.")
        }
    }
}

@Suite("Session locks")
struct SessionLockTests {
    /// Many threads (each lock is its own open file, so they contend as processes do) take and release
    /// one lock as fast as they can, pausing at random inside `acquire` to widen every window between
    /// opening, locking and checking the file: never more than one holds it.
    @Test func atMostOneHoldsTheLockUnderAnyInterleaving() throws {
        let directory = try freshDirectory()
        let path = directory.appendingPathComponent("s.lock").path
        // Contention for certain, whatever the scheduler does below: a held lock refuses a second taker.
        let first = try SessionLock.acquire(at: path, now: Date())
        #expect(throws: StepChangeError.self) { _ = try SessionLock.acquire(at: path, now: Date()) }
        first.release()
        let holders = Mutex((now: 0, most: 0, taken: 0, refused: 0))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            var random = SeededRandom(seed: UInt64(worker + 1))
            for _ in 0..<150 {
                let pause = { (_: SessionLock.Step) -> Void in _ = usleep(UInt32.random(in: 0...300, using: &random)) }
                guard let lock = try? SessionLock.acquire(at: path, now: Date(), between: pause) else {
                    holders.withLock { $0.refused += 1 }
                    continue
                }
                holders.withLock { state in
                    state.now += 1
                    state.taken += 1
                    state.most = max(state.most, state.now)
                }
                usleep(UInt32.random(in: 0...200, using: &random))
                holders.withLock { $0.now -= 1 }
                lock.release()
            }
        }
        let state = holders.withLock { $0 }
        #expect(state.most == 1, "\(state.most) holders at once")
        #expect(state.taken > 0, "taken \(state.taken), refused \(state.refused)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aLockPathThatIsASymbolicLinkIsRefusedAndNotFollowed() throws {
        let directory = try freshDirectory()
        let elsewhere = directory.appendingPathComponent("unrelated.txt")
        try Data("keep me".utf8).write(to: elsewhere)
        let path = directory.appendingPathComponent("s.lock").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere.path)
        do {
            _ = try SessionLock.acquire(at: path, now: Date())
            Issue.record("a lock was taken through a symbolic link")
        } catch {
            #expect(error.message == "The lock file \(path) is a symbolic link; stepchange never writes through a link.")
        }
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "keep me")
    }

    /// A lock taken while another is held names the holder from the lock file's text.
    @Test func aRefusalNamesTheHolder() throws {
        let directory = try freshDirectory()
        let path = directory.appendingPathComponent("s.lock").path
        let first = try SessionLock.acquire(at: path, now: Date(timeIntervalSince1970: 1_795_000_000))
        defer { first.release() }
        do {
            _ = try SessionLock.acquire(at: path, now: Date())
            Issue.record("two locks held at once")
        } catch {
            #expect(error.message == "The session is already open: locked by process \(getpid()) on \(LockHolder.thisHost), since 2026-11-18T11:06:40Z (\(path)).")
        }
    }
}

@Suite("Where a session lives")
struct SessionPlaceTests {
    /// A session reached through a symbolic link is read, locked and saved at its real place: the link
    /// stays a link, the answers reach the real file, and both paths share one lock.
    @Test func aLinkedSessionIsOneSessionWithOneLockAndOneFile() throws {
        let shared = try freshDirectory(), mine = try freshDirectory()
        let session = sampleSession(id: "2026-11-23-riverside")
        let real = SessionStore(directory: shared)
        try real.save(session)
        let link = mine.appendingPathComponent("2026-11-23-riverside.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real.url(for: session.id))
        let store = SessionStore(directory: mine)
        let resolved = try store.resolve("2026-11-23")
        #expect(resolved.path == real.url(for: session.id).path)
        #expect(try store.resolve(link.path).path == resolved.path)
        let lock = try store.lock(resolved, now: Date())
        defer { lock.release() }
        #expect(throws: StepChangeError.self) { try real.lock(try real.resolve(session.id), now: Date()) }
        var changed = try store.load(resolved)
        changed.title = "Changed through the link"
        try store.save(changed, to: resolved)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == real.url(for: session.id).path)
        #expect(try real.load(session.id).session.title == "Changed through the link")
    }

    /// A copy renamed by hand (a rehearsal) would tell people to resume the original and be listed
    /// twice: it is refused, with both ways to fix it, and the listing shows each id once.
    @Test func aFileWhoseIdDoesNotMatchItsNameIsRefusedWithTheFix() throws {
        let directory = try freshDirectory()
        let store = SessionStore(directory: directory)
        let session = sampleSession(id: "2026-11-23-real")
        try store.save(session)
        let copy = directory.appendingPathComponent("2026-11-23-real-rehearsal.json")
        try FileManager.default.copyItem(at: store.url(for: session.id), to: copy)
        let before = try Data(contentsOf: copy)
        do {
            _ = try store.load("2026-11-23-real-rehearsal")
            Issue.record("a renamed copy was loaded")
        } catch {
            #expect(error.message == "\(copy.path) holds the session \"2026-11-23-real\", but its file name says \"2026-11-23-real-rehearsal\".")
            #expect(error.problems.map(\.message) == ["rename the file to 2026-11-23-real.json, or set \"id\" to \"2026-11-23-real-rehearsal\" if it is a separate copy"])
            #expect(error.hint?.contains("set its \"id\" to \"2026-11-23-real-rehearsal\"") == true)
        }
        let listing = try SessionListing.list(store, settle: 0)
        #expect(listing.sessions.map(\.summary.id) == ["2026-11-23-real"])
        #expect(listing.unreadable.map(\.file) == ["2026-11-23-real-rehearsal.json"])
        #expect(listing.unreadable.first?.reason.contains("rename the file to 2026-11-23-real.json") == true)
        #expect(try Data(contentsOf: copy) == before)
    }
}
