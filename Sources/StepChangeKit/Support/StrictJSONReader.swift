import Foundation

/// A pull reader over the bytes of a JSON document that is stricter than Foundation's `JSONDecoder`:
/// it reads values in the order a caller asks for them, and refuses (throws `Refused`, which says
/// nothing) anything it is not sure `JSONDecoder` reads the same way — a field it was not told of, a
/// name given twice or written with an escape, a number with a fraction or exponent or more than 15
/// digits, a date not written as `YYYY-MM-DDTHH:MM:SSZ`, text that is not UTF-8, a lone surrogate. The
/// caller then decodes with `JSONDecoder` instead, for its exact result or message.
///
/// Every read checks the end of the buffer; the only unchecked reads are eight-byte loads that are
/// first checked to lie inside it.
struct StrictJSONReader {
    /// Why the strict reader stepped aside; never shown to anyone.
    struct Refused: Error {}

    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var position = 0

    /// A reader over `bytes`, which must stay valid (and unchanged) while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(Refused) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw Refused() }
        self.base = base
        self.count = bytes.count
    }

    /// Refuses unless only white space is left.
    mutating func finish() throws(Refused) {
        skipSpace()
        guard position == count else { throw Refused() }
    }

    // MARK: - Bytes

    @inline(__always) private func byte(at index: Int) -> UInt8 {
        index < count ? base[index] : 0
    }

    @inline(__always) private func word(at index: Int) -> UInt64 {
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }

    /// Skips JSON white space. Runs of spaces (the indentation of pretty-printed files) are passed
    /// eight bytes at a time: the first byte that is not a space is found from the word's zero bits.
    @inline(__always) mutating func skipSpace() {
        if position < count && base[position] > 0x20 { return }  // nothing to skip, the usual case
        while true {
            if position + 8 <= count {
                let others = word(at: position) ^ 0x2020_2020_2020_2020
                if others == 0 {
                    position += 8
                    continue
                }
                position += others.trailingZeroBitCount >> 3
            } else {
                while position < count && base[position] == 0x20 { position += 1 }
                guard position < count else { return }
            }
            switch base[position] {
            case 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always) private mutating func expect(_ wanted: UInt8) throws(Refused) {
        guard byte(at: position) == wanted else { throw Refused() }
        position += 1
    }

    // MARK: - Containers

    /// Where a caller is in an object or array: whether a member was read yet, which named fields were
    /// seen (by their place in the field table) and where the next name is likely to be in the table.
    struct Container {
        fileprivate var started = false
        fileprivate var seen: UInt64 = 0
        fileprivate var hint = 0
    }

    /// Opens an object; the reader is at the value (white space skipped).
    mutating func beginObject() throws(Refused) -> Container {
        try expect(UInt8(ascii: "{"))
        return Container()
    }

    /// Opens an array; the reader is at the value (white space skipped).
    mutating func beginArray() throws(Refused) -> Container {
        try expect(UInt8(ascii: "["))
        return Container()
    }

    /// Moves past the separator before the next member: true at the next member, false (and past
    /// the closing bracket) at the end.
    @inline(__always) private mutating func advance(_ container: inout Container, closing: UInt8) throws(Refused) -> Bool {
        skipSpace()
        let next = byte(at: position)
        if next == closing {
            position += 1
            return false
        }
        if container.started {
            guard next == UInt8(ascii: ",") else { throw Refused() }
            position += 1
            skipSpace()
        }
        container.started = true
        return true
    }

    /// The next element of an array: true with the reader at its value, false past the `]`.
    mutating func nextElement(_ container: inout Container) throws(Refused) -> Bool {
        try advance(&container, closing: UInt8(ascii: "]"))
    }

    /// The next field of an object, known by name in `F`'s table, with the reader at its value; nil past
    /// the `}`. An unknown, escaped or repeated name is refused.
    @inline(__always) mutating func nextField<F: JSONNames>(_ container: inout Container, _ type: F.Type = F.self) throws(Refused) -> F? {
        guard let index = try nextField(&container, F.table.spelling) else { return nil }
        return F.table.name(index)
    }

    /// The place in `spelling` of the next field's name, with the reader at its value; nil past the `}`.
    private mutating func nextField(_ container: inout Container, _ spelling: JSONNameSpelling) throws(Refused) -> Int? {
        guard try advance(&container, closing: UInt8(ascii: "}")) else { return nil }
        try expect(UInt8(ascii: "\""))
        guard let index = spelling.match(base: base, at: position, count: count, from: container.hint) else { throw Refused() }
        let bit: UInt64 = 1 << UInt64(index)
        guard container.seen & bit == 0 else { throw Refused() }
        container.seen |= bit
        container.hint = index + 1
        position += spelling.length(index) + 1
        // Saved files write " : " between a name and its value.
        if position + 3 < count && base[position] == 0x20 && base[position + 1] == UInt8(ascii: ":") && base[position + 2] == 0x20 {
            position += 3
            if base[position] <= 0x20 { skipSpace() }
        } else {
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
        }
        return index
    }

    /// The next name of an object read as a dictionary key (unescaped, never one seen before in
    /// `names`), with the reader at its value; nil past the `}`.
    mutating func nextKey<Value>(_ container: inout Container, in names: [String: Value]) throws(Refused) -> String? {
        guard try advance(&container, closing: UInt8(ascii: "}")) else { return nil }
        let (key, escaped) = try rawString()
        guard !escaped, names[key] == nil else { throw Refused() }
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return key
    }

    // MARK: - Values

    /// True (and past it) when the value is `null`.
    mutating func null() -> Bool {
        guard position + 4 <= count, base[position] == UInt8(ascii: "n"), base[position + 1] == UInt8(ascii: "u"),
              base[position + 2] == UInt8(ascii: "l"), base[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    mutating func bool() throws(Refused) -> Bool {
        if position + 4 <= count, base[position] == UInt8(ascii: "t"), base[position + 1] == UInt8(ascii: "r"),
           base[position + 2] == UInt8(ascii: "u"), base[position + 3] == UInt8(ascii: "e") {
            position += 4
            return true
        }
        if position + 5 <= count, base[position] == UInt8(ascii: "f"), base[position + 1] == UInt8(ascii: "a"),
           base[position + 2] == UInt8(ascii: "l"), base[position + 3] == UInt8(ascii: "s"), base[position + 4] == UInt8(ascii: "e") {
            position += 5
            return false
        }
        throw Refused()
    }

    /// A whole number written without fraction or exponent, at most 15 digits (so exact however
    /// `JSONDecoder` reads it), no leading zeros.
    mutating func integer() throws(Refused) -> Int {
        var index = position
        let negative = byte(at: index) == UInt8(ascii: "-")
        if negative { index += 1 }
        let first = index
        var value = 0
        while index < count, case let digit = base[index] &- 0x30, digit < 10 {
            value = value &* 10 &+ Int(digit)
            index += 1
        }
        let digits = index - first
        guard digits > 0, digits <= 15, digits == 1 || base[first] != UInt8(ascii: "0") else { throw Refused() }
        switch byte(at: index) {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Refused()
        default: break
        }
        position = index
        return negative ? -value : value
    }

    /// One of a closed set of names written as a string (an enumeration's raw value), matched byte for
    /// byte; a name written with an escape is refused.
    @inline(__always) mutating func name<N: JSONNames>(_ type: N.Type) throws(Refused) -> N {
        try expect(UInt8(ascii: "\""))
        let table = N.table
        guard let index = table.spelling.match(base: base, at: position, count: count, from: 0) else { throw Refused() }
        position += table.spelling.length(index) + 1
        return table.name(index)
    }

    /// A string value.
    mutating func string() throws(Refused) -> String {
        try rawString().text
    }

    /// True (and past it) when the value is exactly the string `word` (ASCII, nothing escaped).
    mutating func exactString(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length + 2 <= count, base[position] == UInt8(ascii: "\""), base[position + length + 1] == UInt8(ascii: "\"") else { return false }
        guard memcmp(base + position + 1, word.utf8Start, length) == 0 else { return false }
        position += length + 2
        return true
    }

    // MARK: - Values laid out as saved files lay them out

    /// The bytes from the reader's position, to read a small object in the exact layout saved files give it
    /// (`Layout`); the reader moves past what was read only by `move(past:)`, so when the layout is not the
    /// expected one it stays where it was and the general reading decides. What a caller accepts this way
    /// must be read to the same value by the general reading (it checks plain, unescaped bytes only).
    func layout() -> Layout {
        Layout(base: base, count: count, at: position)
    }

    /// Moves past what `layout` read.
    mutating func move(past layout: Layout) {
        position = layout.at
    }

    /// Bytes of the reader's buffer from a position, for reading a layout; every read checks the end of
    /// the buffer.
    struct Layout {
        fileprivate let base: UnsafePointer<UInt8>
        fileprivate let count: Int
        fileprivate var at: Int

        /// True, and past them, when the next bytes are `text`.
        mutating func take(_ text: StaticString) -> Bool {
            let length = text.utf8CodeUnitCount
            guard at + length <= count else { return false }
            let letters = UnsafeRawPointer(text.utf8Start)
            var offset = 0
            // Eight bytes at a time, then one at a time.
            while offset + 8 <= length {
                guard UnsafeRawPointer(base + at + offset).loadUnaligned(as: UInt64.self) == letters.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            while offset < length {
                guard base[at + offset] == letters.load(fromByteOffset: offset, as: UInt8.self) else { return false }
                offset += 1
            }
            at += length
            return true
        }

        /// How many spaces come next, passing them.
        mutating func spaces() -> Int {
            let start = at
            while at + 8 <= count && UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 { at += 8 }
            while at < count && base[at] == 0x20 { at += 1 }
            return at - start
        }

        /// True when exactly `number` spaces come next (passing the spaces either way).
        mutating func spaces(_ number: Int) -> Bool {
            spaces() == number
        }

        /// The plain ASCII name that comes next — letters, digits, `-`, `_` and `.`, at least one — when a
        /// quote follows it (not passed): its bytes packed into a word when there are at most eight (no two
        /// such names pack alike, as none holds a zero byte; 0 for a longer name), and its bytes (valid while
        /// the reader is not changed). Nil otherwise.
        mutating func plainName() -> (key: UInt64, bytes: UnsafeBufferPointer<UInt8>)? {
            let start = at
            while at < count, Self.isPlain(base[at]) { at += 1 }
            guard at > start, at < count, base[at] == UInt8(ascii: "\"") else { return nil }
            let length = at - start
            var key: UInt64 = 0
            if length <= 8 {
                for offset in 0..<length { key |= UInt64(base[start + offset]) << (8 * UInt64(offset)) }
            }
            return (key, UnsafeBufferPointer(start: base + start, count: length))
        }

        private static func isPlain(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }

        /// The whole number of one to three digits, without a leading zero, that comes next, when no digit
        /// follows it; nil otherwise. (The byte after it is for the caller to check.)
        mutating func smallNumber() -> Int? {
            var value = 0, digits = 0
            while at < count, case let digit = base[at] &- 0x30, digit < 10 {
                if digits == 1 && value == 0 { return nil }
                value = value * 10 + Int(digit)
                digits += 1
                at += 1
                if digits > 3 { return nil }
            }
            return digits > 0 ? value : nil
        }
    }

    /// A string, with whether it held escapes: no control characters, valid UTF-8, known escapes,
    /// no surrogates written as escapes.
    private mutating func rawString() throws(Refused) -> (text: String, escaped: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = position
        var escaped = false
        var high: UInt64 = 0  // non-zero once a byte outside ASCII was seen
        scan: while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while position + 8 <= count {
                let chunk = word(at: position)
                let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let quotes = chunk ^ (lows &* 0x22), backslashes = chunk ^ (lows &* 0x5C)
                let special = ((quotes &- lows) & ~quotes) | ((backslashes &- lows) & ~backslashes) | ((chunk &- lows &* 0x20) & ~chunk)
                guard special & highs == 0 else { break }
                high |= chunk & highs
                position += 8
            }
            guard position < count else { throw Refused() }
            switch base[position] {
            case UInt8(ascii: "\""):
                break scan
            case UInt8(ascii: "\\"):
                escaped = true
                switch byte(at: position + 1) {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 2
                case UInt8(ascii: "u"):
                    guard position + 6 <= count else { throw Refused() }
                    for offset in 2...5 where Self.hexValue(base[position + offset]) == nil { throw Refused() }
                    position += 6
                default:
                    throw Refused()
                }
            case 0..<0x20:
                throw Refused()
            case let other:
                high |= UInt64(other & 0x80)
                position += 1
            }
        }
        let bytes = UnsafeBufferPointer(start: base + start, count: position - start)
        position += 1
        if escaped { return (try Self.unescaped(bytes), true) }
        let text = String(decoding: bytes, as: UTF8.self)
        if high != 0 { try Self.refuseRepaired(text, bytes) }
        return (text, false)
    }

    /// Refuses text that `String(decoding:)` had to repair: it differs from the bytes exactly when they
    /// were not valid UTF-8 (each ill-formed part is replaced by U+FFFD, which is three valid bytes).
    private static func refuseRepaired(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) throws(Refused) {
        var text = text
        let same = text.withUTF8 { utf8 in
            utf8.elementsEqual(bytes)
        }
        guard same else { throw Refused() }
    }

    /// The text of a string's bytes with escapes replaced; the escapes were checked while scanning.
    private static func unescaped(_ slice: UnsafeBufferPointer<UInt8>) throws(Refused) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            let byte = slice[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < slice.count else { out.append(byte); i += 1; continue }
            let code = slice[i + 1]
            switch code {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard i + 5 < slice.count else { throw Refused() }
                var value: UInt32 = 0
                for offset in 2...5 { value = value << 4 | (hexValue(slice[i + offset]) ?? 0) }
                // Surrogates (halves of a pair, or lone) are left to JSONDecoder.
                guard !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else { throw Refused() }
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 6
                continue
            default: out.append(code)
            }
            i += 2
        }
        // Escapes give whole, valid sequences, so the result is valid exactly when the raw bytes between them are.
        let text = String(decoding: out, as: UTF8.self)
        try out.withUnsafeBufferPointer { bytes throws(Refused) in try refuseRepaired(text, bytes) }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    /// A date written `YYYY-MM-DDTHH:MM:SSZ` with a real calendar date, years 1900–9999 (what
    /// `CanonicalJSON` writes); anything else is left to `JSONDecoder`'s ISO 8601 reading.
    mutating func date() throws(Refused) -> Date {
        guard position + 22 <= count, base[position] == UInt8(ascii: "\""), base[position + 21] == UInt8(ascii: "\"") else { throw Refused() }
        let b = base + position + 1
        func number(_ from: Int, _ length: Int) throws(Refused) -> Int {
            var value = 0
            for i in from..<(from + length) {
                let digit = b[i] &- 0x30
                guard digit < 10 else { throw Refused() }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z") else { throw Refused() }
        let year = try number(0, 4), month = try number(5, 2), day = try number(8, 2)
        let hour = try number(11, 2), minute = try number(14, 2), second = try number(17, 2)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = switch month {
        case 2: leap ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        guard (1900...9999).contains(year), (1...12).contains(month), (1...monthDays).contains(day),
              hour < 24, minute < 60, second < 60 else { throw Refused() }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        position += 22
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
