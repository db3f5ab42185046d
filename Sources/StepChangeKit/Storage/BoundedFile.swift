import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file only after checking, on the opened file itself, that it is a regular file no
/// larger than a limit: a 3 GB file, `/dev/zero` or a named pipe is refused before a byte is read.
public enum BoundedFile {
    /// Why a file was not read.
    public enum Failure: Error, Equatable, Sendable {
        /// It could not be opened or read; the system's reason.
        case unreadable(String)
        /// It is a directory, device, named pipe or socket (in words).
        case notAFile(String)
        /// It holds more bytes than the limit (its size in bytes).
        case tooLarge(Int64)
    }

    /// The file's bytes, or why they were not read.
    public static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile(DurableFile.kind(of: info.st_mode))) }
        guard Int64(info.st_size) <= Int64(limit) else { return .failure(.tooLarge(Int64(info.st_size))) }
        // Read straight into one buffer the size the file had (plus a byte, to notice growth), grown only if
        // the file grows while it is read; never more than one byte past the limit.
        var capacity = min(Int(info.st_size), limit) + 1
        guard var buffer = malloc(capacity) else { return .failure(.unreadable("out of memory")) }
        var count = 0
        while count <= limit {
            if count == capacity {
                let grown = min(capacity * 2, limit + 1)
                guard let bigger = realloc(buffer, grown) else {
                    free(buffer)
                    return .failure(.unreadable("out of memory"))
                }
                buffer = bigger
                capacity = grown
            }
            let n = Glibc_read(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(buffer)
                return .failure(.unreadable(reason))
            }
            if n == 0 { break }
            count += n
        }
        if count > limit {
            free(buffer)
            return .failure(.tooLarge(Int64(count)))
        }
        return .success(Data(bytesNoCopy: buffer, count: count, deallocator: .free))
    }

    /// A one-line reason for a failure, naming the file as `name` and the limit in megabytes.
    public static func message(_ failure: Failure, name: String, what: String, limit: Int) -> String {
        switch failure {
        case .unreadable(let reason): "Cannot read \(name): \(reason)."
        case .notAFile(let kind): "\(name) is \(kind), not a file."
        case .tooLarge(let size): "\(name) is \(megabytes(size)); \(what) may be at most \(megabytes(Int64(limit)))."
        }
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / 1024 / 1024) MB" : "\(bytes) bytes"
    }

    private static func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }
}
