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
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The number in decimal, as `String(number)` and string interpolation write it.
    mutating func append(_ number: Int) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
        } else {
            append(String(number))
        }
    }

    /// The bytes as a string (they are UTF-8 throughout, copied from strings and literals).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
