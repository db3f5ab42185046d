import Foundation

/// A canonical JSON document being written by code that knows its types: the layout of `CanonicalJSON`
/// (two-space indents, `"key" : value`, one field or element per line, keys in UTF-8 order, the same
/// escapes, numbers and dates) built straight into bytes, without the Encodable machinery.
struct CanonicalBytes {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    private static let blanks: StaticString = "                                                                "

    mutating func spaces(_ count: Int) {
        var left = count
        Self.blanks.withUTF8Buffer { blanks in
            while left > 0 {
                let step = min(left, blanks.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: blanks[0..<step]))
                left -= step
            }
        }
    }

    // MARK: Objects and arrays

    /// Starts an object whose fields stand at `indent + 2`.
    mutating func openObject() { raw("{\n") }

    /// Starts a field of an object written at `indent`: the separator after the previous field, the
    /// indent and the quoted name. `name` must be plain ASCII letters (the names of stored properties).
    mutating func key(_ name: StaticString, _ indent: Int, _ first: inout Bool) {
        if first { first = false } else { raw(",\n") }
        spaces(indent + 2)
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\" : ")
    }

    mutating func closeObject(_ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        spaces(indent)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array written at `indent`, each element written at `indent + 2` by `element`.
    mutating func array<C: Collection>(_ items: C, _ indent: Int, _ element: (inout CanonicalBytes, C.Element, Int) -> Void) {
        raw("[\n")
        var first = true
        for item in items {
            if first { first = false } else { raw(",\n") }
            spaces(indent + 2)
            element(&self, item, indent + 2)
        }
        bytes.append(UInt8(ascii: "\n"))
        spaces(indent)
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func strings(_ items: [String], _ indent: Int) {
        array(items, indent) { out, text, _ in out.string(text) }
    }

    /// An object with a field per dictionary entry, in the UTF-8 order of the keys (how `CanonicalJSON`
    /// writes a dictionary keyed by text).
    mutating func dictionary<Value>(_ entries: [String: Value], _ indent: Int, _ value: (inout CanonicalBytes, Value, Int) -> Void) {
        openObject()
        var first = true
        for (key, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if first { first = false } else { raw(",\n") }
            spaces(indent + 2)
            string(key)
            raw(" : ")
            value(&self, entry, indent + 2)
        }
        closeObject(indent)
    }

    // MARK: Values

    mutating func bool(_ flag: Bool) {
        if flag { raw("true") } else { raw("false") }
    }

    mutating func int(_ number: Int) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number))
        } else {
            bytes.append(contentsOf: String(number).utf8)
        }
    }

    /// A date as `CanonicalJSON` writes it: ISO 8601 in UTC with whole seconds. Years outside
    /// 1000–9999 (never in a real session) are left to `CanonicalJSON`'s own formatting.
    mutating func date(_ date: Date) {
        let interval = date.timeIntervalSince1970
        // 1000-01-01 to 9999-12-31, well inside Int's range, so the conversion below cannot trap.
        guard interval >= -30_610_224_000, interval < 253_402_300_800 else {
            string(CanonicalJSON.iso8601(date))
            return
        }
        let seconds = Int(interval.rounded(.down))
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (1000...9999).contains(year) else {
            string(CanonicalJSON.iso8601(date))
            return
        }
        bytes.append(UInt8(ascii: "\""))
        two(year / 100)
        two(year % 100)
        bytes.append(UInt8(ascii: "-"))
        two(month)
        bytes.append(UInt8(ascii: "-"))
        two(day)
        bytes.append(UInt8(ascii: "T"))
        two(secondOfDay / 3600)
        bytes.append(UInt8(ascii: ":"))
        two(secondOfDay / 60 % 60)
        bytes.append(UInt8(ascii: ":"))
        two(secondOfDay % 60)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func two(_ number: Int) {
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number / 10))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number % 10))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A quoted string with `CanonicalJSON`'s escapes; runs without anything to escape are copied whole.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            var start = 0
            for index in 0..<buffer.count {
                let byte = buffer[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    raw("u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                }
            }
            if start < buffer.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
