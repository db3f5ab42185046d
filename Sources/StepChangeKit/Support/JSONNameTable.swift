import Foundation

/// A closed set of names a `StrictJSONReader` reads, one case per name (its raw value): the fields of
/// one kind of object, or the raw values of an enumeration.
protocol JSONNames: CaseIterable, RawRepresentable, Sendable where RawValue == String, AllCases == [Self] {
    static var table: JSONNameTable<Self> { get }
}

/// A closed set of names in UTF-8 byte order (the order saved files write an object's fields in),
/// matched byte for byte against a name in a document, starting where the previous field's name was.
/// A name with its closing quote is compared eight bytes at a time.
struct JSONNameTable<Name: JSONNames>: Sendable {
    private let names: [Name]
    private let lengths: [Int]
    /// The first eight bytes of each name followed by its closing quote (zero-padded), and which of them count.
    private let heads: [UInt64]
    private let masks: [UInt64]
    /// The bytes of each name and its closing quote after the first eight, from `tailStarts[i]` to `tailStarts[i + 1]`.
    private let tails: [UInt8]
    private let tailStarts: [Int]

    init() {
        let named = Name.allCases.map { (Array($0.rawValue.utf8), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        precondition(!named.isEmpty && named.count <= 64
                     && named.allSatisfy { !$0.0.isEmpty && $0.0.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C } })
        names = named.map(\.1)
        lengths = named.map(\.0.count)
        var heads: [UInt64] = [], masks: [UInt64] = [], tails: [UInt8] = [], tailStarts: [Int] = []
        for (name, _) in named {
            let quoted = name + [UInt8(ascii: "\"")]
            var head: UInt64 = 0, mask: UInt64 = 0
            for (offset, byte) in quoted.prefix(8).enumerated() {
                head |= UInt64(byte) << (8 * UInt64(offset))
                mask |= 0xFF << (8 * UInt64(offset))
            }
            heads.append(head)
            masks.append(mask)
            tailStarts.append(tails.count)
            tails.append(contentsOf: quoted.dropFirst(8))
        }
        tailStarts.append(tails.count)
        self.heads = heads
        self.masks = masks
        self.tails = tails
        self.tailStarts = tailStarts
    }

    /// The number of bytes in the name at `index`.
    func length(_ index: Int) -> Int { lengths[index] }
    func name(_ index: Int) -> Name { names[index] }

    /// The place of the name starting at `start` (just after its opening quote) and ending at a quote,
    /// trying `hint` first and then the names after it; nil for a name not in the table.
    func match(base: UnsafePointer<UInt8>, at start: Int, count: Int, from hint: Int) -> Int? {
        // Within eight bytes of the end, a name could not be followed by a value and the object's end anyway.
        guard start + 8 <= count else { return nil }
        let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        let total = names.count
        var index = hint < total ? hint : 0
        for _ in 0..<total {
            if word & masks[index] == heads[index] {
                let tail = tailStarts[index], tailLength = tailStarts[index + 1] - tail
                if tailLength == 0 { return index }
                if start + 8 + tailLength <= count, tails.withUnsafeBufferPointer({ tails in
                    tails.baseAddress.map { memcmp(base + start + 8, $0 + tail, tailLength) == 0 } ?? false
                }) {
                    return index
                }
            }
            index = index + 1 == total ? 0 : index + 1
        }
        return nil
    }
}
