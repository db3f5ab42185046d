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
/// Created with O_CREAT|O_EXCL; released by deleting the lock file.
public final class SessionLock: @unchecked Sendable {
    public let path: String
    private var held = true

    private init(path: String) { self.path = path }

    /// Takes the lock, or fails naming the holder (and saying whether the lock looks stale).
    public static func acquire(at path: String, now: Date) throws(StepChangeError) -> SessionLock {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            let code = errno
            guard code == EEXIST else {
                throw StepChangeError(.input, "Could not create the lock file \(path): \(String(cString: strerror(code))).")
            }
            let holder = holder(at: path)
            if let holder, holder.isStale {
                throw StepChangeError(.input, "The session is locked by \(holder), which is no longer running (a stale lock).",
                                      hint: "If no one else is running this session, break the lock with --break-lock.")
            }
            throw StepChangeError(.input, "The session is already open: locked by \(holder?.description ?? "an unknown process") (\(path)).",
                                  hint: "Close the other runner first. If you are sure no one is using it, use --break-lock.")
        }
        let formatter = ISO8601DateFormatter()
        let text = "\(getpid())\n\(LockHolder.thisHost)\n\(formatter.string(from: now))\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        fsync(fd)
        close(fd)
        return SessionLock(path: path)
    }

    /// Reads who holds the lock at this path, if the file exists and is readable.
    public static func holder(at path: String) -> LockHolder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        return LockHolder(pid: pid, host: lines[1], startedAt: lines[2])
    }

    /// Removes a lock left behind by another process. Used only after the user confirmed.
    public static func breakLock(at path: String) {
        unlink(path)
    }

    /// Releases the lock; safe to call more than once.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit { release() }
}
