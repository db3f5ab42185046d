import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why writing to standard output or standard error failed: the stream and the system's error.
public struct OutputFailure: Equatable, Sendable, CustomStringConvertible {
    /// "standard output" or "standard error".
    public var stream: String
    public var code: Int32

    public init(stream: String, code: Int32) {
        self.stream = stream
        self.code = code
    }

    /// True when the reader went away (a closed pipe, as with `| head`).
    public var isClosed: Bool { code == EPIPE }

    public var description: String {
        isClosed ? "\(stream) was closed before everything was written"
                 : "could not write to \(stream) (\(String(cString: strerror(code))))"
    }
}

/// One of the process's output streams, written with write(2): a full disk, a closed pipe or any
/// other failure is remembered and reported, never a trap. After a failure nothing more is written
/// to that stream.
final class StandardStream {
    let descriptor: Int32
    let name: String
    private(set) var failure: OutputFailure?

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes all the bytes, or records why it could not; returns false on failure.
    @discardableResult
    func write(_ text: String) -> Bool {
        guard failure == nil else { return false }
        var bytes = Array(text.utf8)
        var done = 0
        let count = bytes.count
        return bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while done < count {
                let n = systemWrite(descriptor, base + done, count - done)
                if n >= 0 { done += n; continue }
                switch errno {
                case EINTR: continue
                case EAGAIN:
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, 1000)
                default:
                    failure = OutputFailure(stream: name, code: errno)
                    return false
                }
            }
            return true
        }
    }

    private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}
