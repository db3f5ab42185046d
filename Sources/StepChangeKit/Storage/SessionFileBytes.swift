import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A session file's bytes as `SessionWriter` hands them to a save: its own bytes with remembered parts
/// (assessments, plans, the framework) standing between them where they are in memory, so the save passes
/// every piece to the kernel in one gathered write instead of first copying megabytes into one buffer.
struct SessionFileBytes {
    /// The bytes between the parts, in order.
    var own: [UInt8] = []
    /// Each part, placed after `own[..<ownEnd]` (and after the parts placed before it).
    var parts: [(ownEnd: Int, part: RememberedBytes)] = []

    /// The length of the file.
    var count: Int { parts.reduce(own.count) { $0 + $1.part.buffer.count } }

    /// All the bytes in one array (for `export --format json` and tests).
    func joined() -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(count)
        withBuffers { buffers in
            for buffer in buffers { result.append(contentsOf: buffer) }
        }
        return result
    }

    /// Calls `body` with the file's pieces in order; they stay valid only during the call.
    func withBuffers<Result>(_ body: ([UnsafeRawBufferPointer]) -> Result) -> Result {
        own.withUnsafeBytes { own in
            var buffers: [UnsafeRawBufferPointer] = []
            buffers.reserveCapacity(parts.count * 2 + 1)
            var start = 0
            for (end, part) in parts {
                buffers.append(UnsafeRawBufferPointer(rebasing: own[start..<end]))
                buffers.append(UnsafeRawBufferPointer(part.buffer))
                start = end
            }
            buffers.append(UnsafeRawBufferPointer(rebasing: own[start...]))
            return withExtendedLifetime(parts) { body(buffers) }
        }
    }
}

/// Rendered bytes of one part, kept at a fixed place in memory for as long as the writer remembers them.
final class RememberedBytes: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        buffer.copyMemory(from: UnsafeRawBufferPointer(bytes))
    }

    deinit { buffer.deallocate() }
}
