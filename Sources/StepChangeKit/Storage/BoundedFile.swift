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
        // The file may grow while it is read: never read more than one byte past the limit.
        var data = Data()
        data.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let wanted = min(chunk.count, limit + 1 - data.count)
            let n = chunk.withUnsafeMutableBytes { buffer in buffer.baseAddress.map { Glibc_read(fd, $0, wanted) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        if data.count > limit { return .failure(.tooLarge(Int64(data.count))) }
        return .success(data)
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
