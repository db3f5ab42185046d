import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a session: written into `<id>.lock` so a second runner can name the holder.
public struct LockHolder: Equatable, Sendable, CustomStringConvertible {
    public var pid: Int32
    public var host: String
    public var startedAt: String

    public var description: String { "process \(pid) on \(host), since \(startedAt)" }

    /// True when the holder ran on this host and that process no longer exists.
    public var isStale: Bool {
        host == LockHolder.thisHost && kill(pid, 0) != 0 && errno == ESRCH
    }

    public static var thisHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An exclusive claim on a session file, so two runners never write the same session.
/// Created whole and only if absent (`DurableFile.create`); released by deleting the lock file.
public final class SessionLock: @unchecked Sendable {
    public let path: String
    private var held = true

    private init(path: String) { self.path = path }

    /// Takes the lock, or fails naming the holder (and saying whether the lock looks stale).
    /// The lock file appears whole, holder included (`DurableFile.create`), so no one ever reads a half-written one.
    public static func acquire(at path: String, now: Date) throws(StepChangeError) -> SessionLock {
        let formatter = ISO8601DateFormatter()
        let text = "\(getpid())\n\(LockHolder.thisHost)\n\(formatter.string(from: now))\n"
        let created: Bool
        do {
            created = try DurableFile.create(Data(text.utf8), at: URL(fileURLWithPath: path))
        } catch {
            throw StepChangeError(.input, "Could not create the lock file \(path).", problems: [Problem(source: path, message: error.message)],
                                  hint: "Check that the sessions directory exists and is writable.")
        }
        guard created else {
            let holder = holder(at: path)
            if let holder, holder.isStale {
                throw StepChangeError(.input, "The session is locked by \(holder), which is no longer running (a stale lock).",
                                      hint: "If no one else is running this session, break the lock with --break-lock.")
            }
            throw StepChangeError(.input, "The session is already open: locked by \(holder?.description ?? "an unknown process") (\(path)).",
                                  hint: "Close the other runner first. If you are sure no one is using it, use --break-lock.")
        }
        return SessionLock(path: path)
    }

    /// Reads who holds the lock at this path, if the file exists and is readable.
    public static func holder(at path: String) -> LockHolder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        return LockHolder(pid: pid, host: lines[1], startedAt: lines[2])
    }

    /// Removes a lock left behind by another process, used only after the user confirmed — but only if
    /// it is still the lock of `expected`: another runner that broke the same stale lock a moment
    /// earlier and took a fresh one keeps it. The lock is moved aside first (one process wins the
    /// rename), checked, and put back if it turns out to be a fresh one. Returns true when it was removed.
    @discardableResult
    public static func breakLock(at path: String, heldBy expected: LockHolder?) -> Bool {
        let aside = path + ".\(getpid()).broken"
        guard rename(path, aside) == 0 else { return false }
        if holder(at: aside) != expected {
            link(aside, path)
            unlink(aside)
            return false
        }
        unlink(aside)
        return true
    }

    /// Releases the lock; safe to call more than once.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit { release() }
}
