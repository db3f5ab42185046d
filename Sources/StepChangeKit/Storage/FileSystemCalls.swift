import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls a durable save makes, behind one small protocol so a test can record their
/// order or make one of them fail. Each returns what the C call returns and leaves `errno` set.
public protocol FileSystemCalls: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    /// `writev`: writes the pieces in order, perhaps only their start, and returns how many bytes it wrote.
    func writev(_ descriptor: Int32, _ pieces: UnsafePointer<iovec>, _ count: Int32) -> Int
    func fsync(_ descriptor: Int32) -> Int32
    func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32
    func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32
    func close(_ descriptor: Int32) -> Int32
    /// `lstat`: what is at `path` itself, a symbolic link not followed.
    func lstat(_ path: String, _ info: inout stat) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func link(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
}

extension FileSystemCalls {
    /// A gathered write made of one `write` of the first non-empty piece: a short write, which callers
    /// of `writev` handle anyway (for recorders that only know `write`).
    public func writev(_ descriptor: Int32, _ pieces: UnsafePointer<iovec>, _ count: Int32) -> Int {
        for index in 0..<Int(max(count, 0)) where pieces[index].iov_len > 0 {
            guard let base = pieces[index].iov_base else { continue }
            return write(descriptor, UnsafeRawPointer(base), pieces[index].iov_len)
        }
        return 0
    }
}

/// The real system calls.
public struct SystemFileCalls: FileSystemCalls {
    public init() {}

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags, mode)
        #else
        Darwin.open(path, flags, mode)
        #endif
    }

    public func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    public func writev(_ descriptor: Int32, _ pieces: UnsafePointer<iovec>, _ count: Int32) -> Int {
        #if canImport(Glibc)
        Glibc.writev(descriptor, pieces, count)
        #else
        Darwin.writev(descriptor, pieces, count)
        #endif
    }

    public func fsync(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.fsync(descriptor)
        #else
        Darwin.fsync(descriptor)
        #endif
    }

    public func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.fchmod(descriptor, mode)
        #else
        Darwin.fchmod(descriptor, mode)
        #endif
    }

    public func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.fchown(descriptor, owner, group)
        #else
        Darwin.fchown(descriptor, owner, group)
        #endif
    }

    public func close(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }

    public func lstat(_ path: String, _ info: inout stat) -> Int32 {
        #if canImport(Glibc)
        Glibc.lstat(path, &info)
        #else
        Darwin.lstat(path, &info)
        #endif
    }

    public func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(from, to)
        #else
        Darwin.rename(from, to)
        #endif
    }

    public func link(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.link(from, to)
        #else
        Darwin.link(from, to)
        #endif
    }

    public func unlink(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.unlink(path)
        #else
        Darwin.unlink(path)
        #endif
    }
}
