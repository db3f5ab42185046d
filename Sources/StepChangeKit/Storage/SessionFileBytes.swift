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
/// Parts written in one go share one piece of memory (`RememberedStorage`), so remembering a thousand
/// parts is not a thousand allocations and copies.
struct RememberedBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let storage: RememberedStorage

    /// The bytes `range` of `storage`.
    init(_ storage: RememberedStorage, _ range: Range<Int>) {
        self.storage = storage
        buffer = UnsafeRawBufferPointer(start: storage.base + range.lowerBound, count: range.count)
    }
}

/// Memory handed over by `CanonicalBytes` holding the bytes of one or more remembered parts, freed when
/// the last part in it is forgotten.
final class RememberedStorage: @unchecked Sendable {
    let base: UnsafeMutableRawPointer

    init(adopting base: UnsafeMutableRawPointer) {
        self.base = base
    }

    deinit { free(base) }
}
