import Foundation

/// A closed set of names a `StrictJSONReader` reads, one case per name (its raw value): the fields of
/// one kind of object, or the raw values of an enumeration.
protocol JSONNames: CaseIterable, RawRepresentable, Sendable where RawValue == String, AllCases == [Self] {
    static var table: JSONNameTable<Self> { get }
}

/// A closed set of names, each with its case, matched byte for byte by their `JSONNameSpelling`. The
/// type itself asks nothing of `Name`, so making its metadata at run time costs no conformance search.
struct JSONNameTable<Name>: Sendable where Name: Sendable {
    let spelling: JSONNameSpelling
    private let names: [Name]

    init(_ all: [Name], rawValue: (Name) -> String) {
        spelling = JSONNameSpelling(all.map(rawValue))
        names = spelling.order.map { all[$0] }
    }

    func name(_ index: Int) -> Name { names[index] }
}

extension JSONNameTable where Name: JSONNames {
    init() { self.init(Name.allCases) { $0.rawValue } }
}

/// The bytes of a closed set of names in UTF-8 byte order (the order saved files write an object's
/// fields in), matched against a name in a document starting where the previous field's name was.
/// A name with its closing quote is compared eight bytes at a time. Not generic, so one copy of the
/// matching code serves every table.
final class JSONNameSpelling: Sendable {
    /// The place of each name (in byte order) in the list given.
    let order: [Int]
    private let entries: [Entry]
    private let tails: [UInt8]

    /// One name: its first eight bytes followed by its closing quote (zero-padded) and which of them
    /// count, its length, and where the rest of it (with the quote) is in `tails`.
    private struct Entry {
        var head: UInt64 = 0
        var mask: UInt64 = 0
        var length = 0
        var tailStart = 0
        var tailLength = 0
    }

    init(_ names: [String]) {
        let spelled = names.map { Array($0.utf8) }
        order = spelled.indices.sorted { spelled[$0].lexicographicallyPrecedes(spelled[$1]) }
        precondition(!order.isEmpty && order.count <= 64
                     && spelled.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C } })
        var entries: [Entry] = [], tails: [UInt8] = []
        for index in order {
            let quoted = spelled[index] + [UInt8(ascii: "\"")]
            var entry = Entry(length: spelled[index].count, tailStart: tails.count, tailLength: max(0, quoted.count - 8))
            for (offset, byte) in quoted.prefix(8).enumerated() {
                entry.head |= UInt64(byte) << (8 * UInt64(offset))
                entry.mask |= 0xFF << (8 * UInt64(offset))
            }
            entries.append(entry)
            tails.append(contentsOf: quoted.dropFirst(8))
        }
        self.entries = entries
        self.tails = tails
    }

    /// The number of bytes in the name at `index`.
    func length(_ index: Int) -> Int { entries[index].length }

    /// The place of the name starting at `start` (just after its opening quote) and ending at a quote,
    /// trying `hint` first and then the names after it; nil for a name not in the table.
    func match(base: UnsafePointer<UInt8>, at start: Int, count: Int, from hint: Int) -> Int? {
        // Within eight bytes of the end the reader steps aside: no session file ends that soon after a name.
        guard start + 8 <= count else { return nil }
        let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        return entries.withUnsafeBufferPointer { entries -> Int? in
            let total = entries.count
            var index = hint < total ? hint : 0
            for _ in 0..<total {
                let entry = entries[index]
                if word & entry.mask == entry.head {
                    if entry.tailLength == 0 { return index }
                    if start + 8 + entry.tailLength <= count, tails.withUnsafeBufferPointer({ tails in
                        tails.baseAddress.map { memcmp(base + start + 8, $0 + entry.tailStart, entry.tailLength) == 0 } ?? false
                    }) {
                        return index
                    }
                }
                index = index + 1 == total ? 0 : index + 1
            }
            return nil
        }
    }
}
