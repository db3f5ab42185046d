/// Text built as UTF-8 bytes in one growing buffer: literals, strings and numbers are copied straight in,
/// so a large document is not joined from many temporary strings.
struct ByteText {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    @inline(__always)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    @inline(__always)
    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// How many bytes have been written.
    var count: Int { bytes.count }

    /// Empties the buffer and keeps its memory for what is written next.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Drops everything written after the first `count` bytes, so a fast path that could not finish leaves no trace.
    mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
    }

    /// The number in decimal, as `String(number)` and string interpolation write it.
    mutating func append(_ number: Int) {
        guard number >= 0 else {
            append(String(number))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = number, start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }

    /// The bytes as a string (they are UTF-8 throughout, copied from strings and literals).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
