import Foundation

/// Copies the pieces of a large entry into a `ZipWriter` (its CRC with them) on another thread while the next
/// piece is made on this one. One piece is in flight at a time and they are copied in the order handed over,
/// so the archive holds the same bytes as if each were written here; the writer is only touched by the other
/// thread between `handOver` and the next `handOver` or `finish`, which wait for it.
final class ZipPieceQueue: @unchecked Sendable {
    private let zip: ZipWriter
    private let queue = DispatchQueue(label: "stepchange.zip-pieces")
    private let copied = DispatchSemaphore(value: 1)
    /// The piece being copied: the other thread's from `handOver` until it signals `copied`.
    private var inFlight: [UInt8] = []

    init(_ zip: ZipWriter) {
        self.zip = zip
    }

    /// Hands the piece over to be copied and leaves `piece` empty, holding the buffer of the piece before it.
    func handOver(_ piece: inout ByteText) {
        copied.wait()
        swap(&inFlight, &piece.bytes)
        piece.removeAll()
        queue.async { [self] in
            inFlight.withUnsafeBytes { zip.write($0) }
            copied.signal()
        }
    }

    /// Returns once every piece handed over is in the archive; the writer is this thread's again.
    func finish() {
        copied.wait()
        copied.signal()
    }
}
