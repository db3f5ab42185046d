import Foundation

/// A canonical JSON document being written by code that knows its types: the layout of `CanonicalJSON`
/// (two-space indents, `"key" : value`, one field or element per line, keys in UTF-8 order, the same
/// escapes, numbers and dates) built straight into bytes, without the Encodable machinery.
final class CanonicalBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    /// The bytes written so far, handed over without a copy (the buffer shrunk to fit) to memory that
    /// keeps them for as long as a part made of them is remembered; writing would start again, empty.
    func handOver() -> RememberedStorage {
        let storage = RememberedStorage(adopting: realloc(base, max(count, 1)) ?? UnsafeMutableRawPointer(base))
        capacity = 64
        base = Self.allocate(capacity)
        count = 0
        return storage
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory for \(capacity) bytes") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes written, as an array (a copy).
    var bytes: [UInt8] { Array(buffer) }

    /// The bytes written, valid until the next write.
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `extra` more bytes, doubling the buffer when it is full.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if extra > capacity - count { grow(extra) }
    }

    private func grow(_ extra: Int) {
        let needed = count + extra
        var larger = capacity
        while larger < needed { larger *= 2 }
        // realloc grows in place when it can (a large buffer at the top of the heap), copying nothing.
        guard let moved = realloc(base, larger) else { fatalError("out of memory for \(larger) bytes") }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = larger
    }

    @inline(__always)
    func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, source.count > 0 else { return }
        reserve(source.count)
        (base + count).update(from: start, count: source.count)
        count += source.count
    }

    func append(_ source: UnsafeRawBufferPointer) {
        append(source.bindMemory(to: UInt8.self))
    }

    func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func raw(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { append($0) }
    }

    func spaces(_ count: Int) {
        guard count > 0 else { return }
        reserve(count)
        (base + self.count).initialize(repeating: UInt8(ascii: " "), count: count)
        self.count += count
    }

    // MARK: Objects and arrays

    /// Starts an object whose fields stand at `indent + 2`.
    func openObject() { raw("{\n") }

    /// Starts a field of an object written at `indent`: the separator after the previous field, the
    /// indent and the quoted name. `name` must be plain ASCII letters (the names of stored properties).
    func key(_ name: StaticString, _ indent: Int, _ first: inout Bool) {
        // One reservation and direct stores: this runs for every field of every object written.
        guard name.hasPointerRepresentation else {
            if first { first = false } else { raw(",\n") }
            spaces(indent + 2)
            byte(UInt8(ascii: "\""))
            raw(name)
            raw("\" : ")
            return
        }
        let separator = first ? 0 : 2
        first = false
        let length = separator + indent + 2 + 1 + name.utf8CodeUnitCount + 4
        reserve(length)
        var at = base + count
        if separator > 0 {
            at[0] = UInt8(ascii: ",")
            at[1] = UInt8(ascii: "\n")
            at += 2
        }
        at.initialize(repeating: UInt8(ascii: " "), count: indent + 2)
        at += indent + 2
        at[0] = UInt8(ascii: "\"")
        at += 1
        let letters = name.utf8Start
        for offset in 0..<name.utf8CodeUnitCount { at[offset] = letters[offset] }
        at += name.utf8CodeUnitCount
        at[0] = UInt8(ascii: "\"")
        at[1] = UInt8(ascii: " ")
        at[2] = UInt8(ascii: ":")
        at[3] = UInt8(ascii: " ")
        count += length
    }

    func closeObject(_ indent: Int) {
        byte(UInt8(ascii: "\n"))
        spaces(indent)
        byte(UInt8(ascii: "}"))
    }

    /// An array written at `indent`, each element written at `indent + 2` by `element`.
    func array<C: Collection>(_ items: C, _ indent: Int, _ element: (CanonicalBytes, C.Element, Int) -> Void) {
        raw("[\n")
        var first = true
        for item in items {
            if first { first = false } else { raw(",\n") }
            spaces(indent + 2)
            element(self, item, indent + 2)
        }
        byte(UInt8(ascii: "\n"))
        spaces(indent)
        byte(UInt8(ascii: "]"))
    }

    func strings(_ items: [String], _ indent: Int) {
        array(items, indent) { out, text, _ in out.string(text) }
    }

    /// An object with a field per dictionary entry, in the UTF-8 order of the keys (how `CanonicalJSON`
    /// writes a dictionary keyed by text).
    func dictionary<Value>(_ entries: [String: Value], _ indent: Int, _ value: (CanonicalBytes, Value, Int) -> Void) {
        openObject()
        var first = true
        for (key, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if first { first = false } else { raw(",\n") }
            spaces(indent + 2)
            string(key)
            raw(" : ")
            value(self, entry, indent + 2)
        }
        closeObject(indent)
    }

    // MARK: Values

    func bool(_ flag: Bool) {
        if flag { raw("true") } else { raw("false") }
    }

    func int(_ number: Int) {
        if number >= 0 && number < 10 {
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number))
        } else {
            raw(Array(String(number).utf8))
        }
    }

    /// A date as `CanonicalJSON` writes it: ISO 8601 in UTC with whole seconds. Years outside
    /// 1000–9999 (never in a real session) are left to `CanonicalJSON`'s own formatting.
    func date(_ date: Date) {
        let interval = date.timeIntervalSince1970
        // 1000-01-01 to 9999-12-31, well inside Int's range, so the conversion below cannot trap.
        guard interval >= -30_610_224_000, interval < 253_402_300_800 else {
            string(CanonicalJSON.iso8601(date))
            return
        }
        let (year, month, day, secondOfDay) = CanonicalJSON.civil(Int(interval.rounded(.down)))
        guard (1000...9999).contains(year) else {
            string(CanonicalJSON.iso8601(date))
            return
        }
        byte(UInt8(ascii: "\""))
        two(year / 100)
        two(year % 100)
        byte(UInt8(ascii: "-"))
        two(month)
        byte(UInt8(ascii: "-"))
        two(day)
        byte(UInt8(ascii: "T"))
        two(secondOfDay / 3600)
        byte(UInt8(ascii: ":"))
        two(secondOfDay / 60 % 60)
        byte(UInt8(ascii: ":"))
        two(secondOfDay % 60)
        byte(UInt8(ascii: "Z"))
        byte(UInt8(ascii: "\""))
    }

    private func two(_ number: Int) {
        byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number / 10))
        byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number % 10))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether any of the eight bytes might be a control character, `"` or `\\`. A word that holds none
    /// of them always answers false (the classic "has a byte less than n" and "has a zero byte" tests
    /// have no false negatives); a true answer is only a reason to look at the bytes one by one.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & highs
        let backslashes = (backslash &- ones) & ~backslash & highs
        return (control | quotes | backslashes) != 0
    }

    /// A quoted string with `CanonicalJSON`'s escapes; runs without anything to escape are copied whole.
    func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            var start = 0
            var index = 0
            while index < buffer.count {
                // Eight bytes at a time while none of them needs escaping (see `needsEscape`).
                if index + 8 <= buffer.count, let base = buffer.baseAddress,
                   !Self.needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let code = buffer[index]
                index += 1
                guard code < 0x20 || code == UInt8(ascii: "\"") || code == UInt8(ascii: "\\") else { continue }
                let at = index - 1
                if start < at { append(UnsafeBufferPointer(rebasing: buffer[start..<at])) }
                start = index
                byte(UInt8(ascii: "\\"))
                switch code {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte(code)
                case 0x0A: byte(UInt8(ascii: "n"))
                case 0x0D: byte(UInt8(ascii: "r"))
                case 0x09: byte(UInt8(ascii: "t"))
                case 0x08: byte(UInt8(ascii: "b"))
                case 0x0C: byte(UInt8(ascii: "f"))
                default:
                    raw("u00")
                    byte(Self.hex[Int(code >> 4)])
                    byte(Self.hex[Int(code & 0xF)])
                }
            }
            if start < buffer.count { append(UnsafeBufferPointer(rebasing: buffer[start...])) }
        }
        byte(UInt8(ascii: "\""))
    }
}
