import Foundation

/// Why compressed data could not be decompressed; each case is a plain-language reason.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data ended before the last block did.
    case truncated
    /// A block header named block type 3, which DEFLATE does not define.
    case invalidBlockType
    /// A stored block's length and its one's complement disagree.
    case storedLengthMismatch
    /// A dynamic block's code lengths do not describe a usable Huffman code.
    case invalidCodeLengths(String)
    /// A code that no symbol has, or a length or distance symbol DEFLATE does not define.
    case invalidSymbol
    /// A back-reference reaches before the start of the output.
    case distanceTooFar
    /// The output would be larger than the limit the caller allowed (a "zip bomb" is refused here).
    case outputTooLarge(limit: Int)
    /// A zlib wrapper whose header or Adler-32 checksum is wrong.
    case badZlibWrapper(String)

    public var description: String {
        switch self {
        case .truncated: "the compressed data ends too early"
        case .invalidBlockType: "a compressed block has an unknown type"
        case .storedLengthMismatch: "an uncompressed block's length check does not match"
        case .invalidCodeLengths(let why): "a compressed block's code table is invalid (\(why))"
        case .invalidSymbol: "the compressed data holds a code that means nothing"
        case .distanceTooFar: "the compressed data refers back before its start"
        case .outputTooLarge(let limit): "it expands to more than \(limit) bytes"
        case .badZlibWrapper(let why): "the zlib wrapper is invalid (\(why))"
        }
    }
}

/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks, in plain Swift.
/// Every malformed input ends in a named `InflateError`, never a trap, and the output is never
/// allowed to grow past `limit` bytes, so a small file that claims to expand to gigabytes is refused.
public enum Inflate {
    /// Decompresses raw DEFLATE data (as ZIP entries hold it), producing at most `limit` bytes.
    public static func raw(_ data: Data, limit: Int) throws(InflateError) -> Data {
        var decoder = Decoder(input: [UInt8](data), limit: limit)
        try decoder.run()
        return Data(decoder.output)
    }

    /// Decompresses zlib-wrapped DEFLATE data (RFC 1950), checking the header and the Adler-32 checksum.
    public static func zlib(_ data: Data, limit: Int) throws(InflateError) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 6 else { throw .truncated }
        let cmf = bytes[0], flg = bytes[1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7 else { throw .badZlibWrapper("not DEFLATE") }
        guard (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else { throw .badZlibWrapper("header check fails") }
        guard flg & 0x20 == 0 else { throw .badZlibWrapper("a preset dictionary is not supported") }
        var decoder = Decoder(input: Array(bytes[2...]), limit: limit)
        try decoder.run()
        let end = 2 + decoder.bytesConsumed
        guard end + 4 <= bytes.count else { throw .truncated }
        let stored = bytes[end..<end + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard stored == adler32(decoder.output) else { throw .badZlibWrapper("checksum mismatch") }
        return Data(decoder.output)
    }

    /// The Adler-32 checksum zlib appends to its data.
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// A canonical Huffman code as counts of codes per length and symbols in code order (as in zlib's puff.c).
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// Builds the code from each symbol's code length (0 = unused). An over-subscribed set of
        /// lengths is refused; an incomplete one is allowed, and an unused code then fails to decode.
        init(lengths: [Int]) throws(InflateError) {
            guard lengths.allSatisfy({ (0...15).contains($0) }) else { throw .invalidCodeLengths("a code length over 15") }
            self.init(checkedLengths: lengths)
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= counts[length]
                guard left >= 0 else { throw .invalidCodeLengths("too many codes of one length") }
            }
        }

        /// Builds the code from lengths already known to lie in 0...15 (the fixed tables).
        init(checkedLengths lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    struct Decoder {
        let input: [UInt8]
        let limit: Int
        var output: [UInt8] = []
        var position = 0
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = max(0, limit)
        }

        /// Whole bytes read so far, counting a partly used byte as read.
        var bytesConsumed: Int { position }

        mutating func bits(_ count: Int) throws(InflateError) -> Int {
            while bitCount < count {
                guard position < input.count else { throw .truncated }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        mutating func decode(_ code: Huffman) throws(InflateError) -> Int {
            var value = 0, first = 0, index = 0
            for length in 1...15 {
                value |= try bits(1)
                let count = code.counts[length]
                if value - first < count { return code.symbols[index + value - first] }
                index += count
                first += count
                first <<= 1
                value <<= 1
            }
            throw .invalidSymbol
        }

        mutating func append(_ byte: UInt8) throws(InflateError) {
            guard output.count < limit else { throw .outputTooLarge(limit: limit) }
            output.append(byte)
        }

        mutating func run() throws(InflateError) {
            var last = false
            while !last {
                last = try bits(1) == 1
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Inflate.fixedLiterals, Inflate.fixedDistances)
                case 2:
                    let (literals, distances) = try dynamicTables()
                    try codes(literals, distances)
                default: throw .invalidBlockType
                }
            }
        }

        mutating func stored() throws(InflateError) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw .truncated }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~check & 0xFFFF else { throw .storedLengthMismatch }
            guard position + length <= input.count else { throw .truncated }
            guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(InflateError) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    try append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let index = symbol - 257
                    guard index < 29 else { throw .invalidSymbol }
                    let length = Inflate.lengthBase[index] + (try bits(Inflate.lengthExtra[index]))
                    let distanceSymbol = try decode(distances)
                    guard distanceSymbol < 30 else { throw .invalidSymbol }
                    let distance = Inflate.distanceBase[distanceSymbol] + (try bits(Inflate.distanceExtra[distanceSymbol]))
                    guard distance <= output.count else { throw .distanceTooFar }
                    guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
                    let start = output.count - distance
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        mutating func dynamicTables() throws(InflateError) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCodeLengths("too many length or distance codes") }
            var codeLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeLengthCount { codeLengths[Inflate.codeLengthOrder[index]] = try bits(3) }
            let lengthCode = try Huffman(lengths: codeLengths)
            var lengths: [Int] = []
            let total = literalCount + distanceCount
            while lengths.count < total {
                let symbol = try decode(lengthCode)
                var repeated: Int, count: Int
                switch symbol {
                case 0...15:
                    lengths.append(symbol)
                    continue
                case 16:
                    guard let previous = lengths.last else { throw .invalidCodeLengths("a repeat with nothing before it") }
                    repeated = previous
                    count = 3 + (try bits(2))
                case 17:
                    repeated = 0
                    count = 3 + (try bits(3))
                default:
                    repeated = 0
                    count = 11 + (try bits(7))
                }
                guard lengths.count + count <= total else { throw .invalidCodeLengths("repeats run past the table") }
                lengths += [Int](repeating: repeated, count: count)
            }
            guard lengths[256] != 0 else { throw .invalidCodeLengths("no end-of-block code") }
            return (try Huffman(lengths: Array(lengths[0..<literalCount])), try Huffman(lengths: Array(lengths[literalCount...])))
        }
    }

    static let fixedLiterals = Huffman(checkedLengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                                           + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))

    static let fixedDistances = Huffman(checkedLengths: [Int](repeating: 5, count: 30))
}
