import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a session: written into `<id>.lock` so a second runner can name the holder.
/// Only a message for people; the lock itself is the kernel's.
public struct LockHolder: Equatable, Sendable, CustomStringConvertible {
    public var pid: Int32
    public var host: String
    public var startedAt: String

    public init(pid: Int32, host: String, startedAt: String) {
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
    }

    public var description: String { "process \(pid) on \(host), since \(startedAt)" }

    /// The lock file's text: pid, host and start time, one a line.
    var text: String { "\(pid)\n\(host)\n\(startedAt)\n" }

    /// Reads a holder from a lock file's text; nil when it is not one (empty, cut short, garbage).
    init?(text: String) {
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        self.init(pid: pid, host: lines[1], startedAt: lines[2])
    }

    public static var thisHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An exclusive claim on a session, so two runners never write the same session: an advisory lock
/// (`flock`) on `<id>.lock`, held for the claim's whole life. The kernel releases it when the process
/// ends in any way, SIGKILL included, so a lock is never stale and never needs breaking.
///
/// The lock file is removed on release while the lock is still held, and a newcomer checks after
/// locking that the file it locked is still the one at the path (else it tries again), so a file
/// being removed and created again can never give two processes a lock at once.
public final class SessionLock: @unchecked Sendable {
    public let path: String
    /// Who held the lock last, when a runner stopped without releasing it (killed, or the machine
    /// restarted) and this lock took its place; nil when the lock was free.
    public let previousHolder: LockHolder?
    private var descriptor: Int32
    private var held = true

    private init(path: String, descriptor: Int32, previousHolder: LockHolder?) {
        self.path = path
        self.descriptor = descriptor
        self.previousHolder = previousHolder
    }

    /// The moments of `acquire` between which another process may act, for tests that widen them.
    public enum Step: Sendable { case opened, locked, checked }

    /// Takes the lock, or fails naming the holder. `between` is called at each `Step`; tests use it
    /// to pause there and widen the windows in which other processes race.
    public static func acquire(at path: String, now: Date, between: (Step) -> Void = { _ in }) throws(StepChangeError) -> SessionLock {
        let holder = LockHolder(pid: getpid(), host: LockHolder.thisHost, startedAt: startedAtText(now))
        for _ in 0..<1000 {
            var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            var code = errno
            if fd < 0 && code == EACCES {
                // Someone else's lock file we may not write: locking works on a read-only descriptor too.
                fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                if fd < 0 && errno != ENOENT { code = errno }
            }
            guard fd >= 0 else { throw cannotOpen(path, code) }
            between(.opened)
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                throw StepChangeError(.input, "The lock file \(path) is not a regular file, so the session cannot be locked.",
                                      hint: "Remove whatever is at that path (only stepchange should create it) and try again.")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK || code == EINTR { throw alreadyOpen(path) }
                throw StepChangeError(.input, "Could not lock \(path) (\(String(cString: strerror(code)))).",
                                      hint: "The sessions directory must be on a file system that supports locks.")
            }
            between(.locked)
            var current = stat()
            guard lstat(path, &current) == 0, current.st_ino == info.st_ino, current.st_dev == info.st_dev else {
                // The holder released (and removed) this file between our open and our lock: start again.
                close(fd)
                continue
            }
            between(.checked)
            let previous = readHolder(fd)
            let text = Array(holder.text.utf8)
            // The file is almost always new and empty. Truncating it anyway would make ext4 write it out
            // when it is closed (its guard for files rewritten through a truncation), a disk write at
            // every `run`'s end for a file that is about to be removed.
            if current.st_size == 0 || ftruncate(fd, 0) == 0 { _ = pwrite(fd, text, text.count, 0) }
            return SessionLock(path: path, descriptor: fd, previousHolder: previous == holder ? nil : previous)
        }
        throw alreadyOpen(path)
    }

    /// `now` as `ISO8601DateFormatter` writes it (`2026-11-30T20:58:39Z`), without starting up ICU's date
    /// formatting (about a millisecond at every `run`): a moment from 1970 to 9999 by the same arithmetic
    /// `CanonicalJSON` writes session dates with; any other moment by the formatter itself. The formatter
    /// rounds to the millisecond before it drops the fraction (…:00.9999 is written …:01), so a moment in
    /// the last hundredth of its second goes to the formatter too.
    static func startedAtText(_ now: Date) -> String {
        let seconds = now.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800, seconds - seconds.rounded(.down) < 0.99 else {
            return ISO8601DateFormatter().string(from: now)
        }
        return CanonicalJSON.iso8601(now)
    }

    /// Reads who holds the lock at this path, if the file exists and names someone.
    public static func holder(at path: String) -> LockHolder? {
        guard case .success(let data) = BoundedFile.read(path, limit: 4096) else { return nil }
        return LockHolder(text: String(decoding: data, as: UTF8.self))
    }

    private static func readHolder(_ fd: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return LockHolder(text: String(decoding: buffer[0..<n], as: UTF8.self))
    }

    private static func alreadyOpen(_ path: String) -> StepChangeError {
        // The holder writes its name just after locking: give it a moment if the file is still empty
        // or names a process that is gone.
        var holder: LockHolder?
        for _ in 0..<50 {
            guard case .success(let data) = BoundedFile.read(path, limit: 4096) else { break }
            holder = LockHolder(text: String(decoding: data, as: UTF8.self))
            // A name left by an earlier, dead holder is about to be replaced by the live one's.
            if let named = holder, !(named.host == LockHolder.thisHost && kill(named.pid, 0) != 0 && errno == ESRCH) { break }
            usleep(10_000)
        }
        return StepChangeError(.input, "The session is already open: locked by \(holder?.description ?? "another process") (\(path)).",
                               hint: "Close the other runner first; only one runner may write a session at a time. The lock is released as soon as that runner stops, even if it crashed.")
    }

    private static func cannotOpen(_ path: String, _ code: Int32) -> StepChangeError {
        if code == ELOOP {
            return StepChangeError(.input, "The lock file \(path) is a symbolic link; stepchange never writes through a link.",
                                   hint: "Remove the link (only stepchange should create that file) and try again.")
        }
        return StepChangeError(.input, "Could not create the lock file \(path) (\(String(cString: strerror(code)))).",
                               hint: "Check that the sessions directory exists and is writable.")
    }

    /// Releases the lock: the file is removed while still locked, then closed. Safe to call more than once.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
        close(descriptor)
    }

    deinit { release() }
}
