import Foundation

/// A fast reader of JSON into `Decodable` values, stricter than Foundation's `JSONDecoder`: whatever it
/// accepts, `JSONDecoder` (ISO 8601 dates, default strategies) accepts with the same value; anything
/// unusual — a duplicate key, an escaped key, a number with a fraction where a whole number is
/// wanted, a date not written as `YYYY-MM-DDTHH:MM:SSZ`, a type it does not handle — is refused with an
/// error that says nothing, and the caller decodes with `JSONDecoder` instead, for its exact result or
/// message. Keys are matched byte for byte with no hashing and no coding path is kept, which is where
/// `JSONDecoder`'s time goes.
enum StrictJSONDecoder {
    /// Why the strict reader stepped aside; never shown to anyone.
    struct Refused: Error {}

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { raw throws -> T in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = Parser(bytes: bytes)
            let root = try parser.parseDocument()
            let document = Document(bytes: bytes, nodes: parser.nodes)
            return try document.decode(T.self, at: root)
        }
    }

    /// One JSON value: where its bytes are, and for a container where the value after it starts.
    struct Node {
        enum Kind: UInt8 { case object, array, string, escapedString, integer, number, trueValue, falseValue, null }
        var kind: Kind
        /// For strings, the bytes between the quotes; for numbers and literals, the token.
        var start: Int
        var end: Int
        /// For containers: the number of values (an object's keys and values both count as nodes, so
        /// this is the number of members or elements) and the index of the node after the container.
        var count: Int = 0
        var next: Int = 0
    }

    // MARK: - Parsing (RFC 8259, strictly)

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var nodes: [Node] = []
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            nodes.reserveCapacity(bytes.count / 16)
        }

        mutating func parseDocument() throws -> Int {
            skipSpace()
            let root = try parseValue()
            skipSpace()
            guard position == bytes.count else { throw Refused() }
            return root
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func parseValue() throws -> Int {
            guard position < bytes.count else { throw Refused() }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return try parseString()
            case UInt8(ascii: "t"): return try literal("true", .trueValue)
            case UInt8(ascii: "f"): return try literal("false", .falseValue)
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try parseNumber()
            }
        }

        mutating func literal(_ word: StaticString, _ kind: Node.Kind) throws -> Int {
            let length = word.utf8CodeUnitCount
            guard position + length <= bytes.count else { throw Refused() }
            for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] { throw Refused() }
            nodes.append(Node(kind: kind, start: position, end: position + length))
            position += length
            return nodes.count - 1
        }

        mutating func parseNumber() throws -> Int {
            let start = position
            var integer = true
            if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw Refused() }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count && isDigit(bytes[position]) { throw Refused() }
            } else {
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                integer = false
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { throw Refused() }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
                integer = false
                position += 1
                if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
                guard position < bytes.count, isDigit(bytes[position]) else { throw Refused() }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            nodes.append(Node(kind: integer ? .integer : .number, start: start, end: position))
            return nodes.count - 1
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        /// A string: no control characters, valid UTF-8, known escapes (escaped strings are decoded when used).
        mutating func parseString() throws -> Int {
            position += 1
            let start = position
            var escaped = false
            while true {
                guard position < bytes.count else { throw Refused() }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw Refused() }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    guard position + 1 < bytes.count else { throw Refused() }
                    switch bytes[position + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        position += 2
                    case UInt8(ascii: "u"):
                        guard position + 5 < bytes.count else { throw Refused() }
                        for offset in 2...5 where hexValue(bytes[position + offset]) == nil { throw Refused() }
                        position += 6
                    default: throw Refused()
                    }
                } else if byte < 0x80 {
                    position += 1
                } else {
                    position += try utf8Sequence(at: position)
                }
            }
            nodes.append(Node(kind: escaped ? .escapedString : .string, start: start, end: position))
            position += 1
            return nodes.count - 1
        }

        /// The length of the well-formed UTF-8 sequence starting at `index` (not ASCII), or refused.
        func utf8Sequence(at index: Int) throws -> Int {
            let lead = bytes[index]
            func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) throws {
                guard index + offset < bytes.count, range.contains(bytes[index + offset]) else { throw Refused() }
            }
            switch lead {
            case 0xC2...0xDF: try continuation(1); return 2
            case 0xE0: try continuation(1, 0xA0...0xBF); try continuation(2); return 3
            case 0xE1...0xEC, 0xEE...0xEF: try continuation(1); try continuation(2); return 3
            case 0xED: try continuation(1, 0x80...0x9F); try continuation(2); return 3
            case 0xF0: try continuation(1, 0x90...0xBF); try continuation(2); try continuation(3); return 4
            case 0xF1...0xF3: try continuation(1); try continuation(2); try continuation(3); return 4
            case 0xF4: try continuation(1, 0x80...0x8F); try continuation(2); try continuation(3); return 4
            default: throw Refused()
            }
        }

        mutating func enter() throws {
            depth += 1
            guard depth <= 64 else { throw Refused() }
        }

        mutating func parseObject() throws -> Int {
            try enter()
            let index = nodes.count
            nodes.append(Node(kind: .object, start: position, end: position))
            position += 1
            skipSpace()
            var members = 0
            if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                var keys: [Int] = []
                while true {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Refused() }
                    let key = try parseString()
                    // Escaped or repeated keys are left to JSONDecoder.
                    guard nodes[key].kind == .string else { throw Refused() }
                    for other in keys where same(nodes[other], nodes[key]) { throw Refused() }
                    keys.append(key)
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw Refused() }
                    position += 1
                    skipSpace()
                    _ = try parseValue()
                    members += 1
                    skipSpace()
                    guard position < bytes.count else { throw Refused() }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipSpace()
                    } else if bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    } else {
                        throw Refused()
                    }
                }
            }
            depth -= 1
            nodes[index].count = members
            nodes[index].end = position
            nodes[index].next = nodes.count
            return index
        }

        mutating func parseArray() throws -> Int {
            try enter()
            let index = nodes.count
            nodes.append(Node(kind: .array, start: position, end: position))
            position += 1
            skipSpace()
            var elements = 0
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    _ = try parseValue()
                    elements += 1
                    skipSpace()
                    guard position < bytes.count else { throw Refused() }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipSpace()
                    } else if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        break
                    } else {
                        throw Refused()
                    }
                }
            }
            depth -= 1
            nodes[index].count = elements
            nodes[index].end = position
            nodes[index].next = nodes.count
            return index
        }

        func same(_ a: Node, _ b: Node) -> Bool {
            guard a.end - a.start == b.end - b.start else { return false }
            return bytes[a.start..<a.end].elementsEqual(bytes[b.start..<b.end])
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    // MARK: - Decoding

    final class Document {
        let bytes: UnsafeBufferPointer<UInt8>
        let nodes: [Node]

        init(bytes: UnsafeBufferPointer<UInt8>, nodes: [Node]) {
            self.bytes = bytes
            self.nodes = nodes
        }

        /// The index of the node after the value at `index`.
        func after(_ index: Int) -> Int {
            let node = nodes[index]
            return node.kind == .object || node.kind == .array ? node.next : index + 1
        }

        func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
            if T.self == String.self { return try cast(string(at: index)) }
            if T.self == Int.self { return try cast(integer(Int.self, at: index)) }
            if T.self == Bool.self { return try cast(bool(at: index)) }
            if T.self == Date.self { return try cast(date(at: index)) }
            if T.self == Double.self { return try cast(double(at: index)) }
            if T.self == Int64.self { return try cast(integer(Int64.self, at: index)) }
            if T.self == Int32.self { return try cast(integer(Int32.self, at: index)) }
            if T.self == Int16.self { return try cast(integer(Int16.self, at: index)) }
            if T.self == Int8.self { return try cast(integer(Int8.self, at: index)) }
            if T.self == UInt.self { return try cast(integer(UInt.self, at: index)) }
            if T.self == UInt64.self { return try cast(integer(UInt64.self, at: index)) }
            if T.self == UInt32.self { return try cast(integer(UInt32.self, at: index)) }
            if T.self == UInt16.self { return try cast(integer(UInt16.self, at: index)) }
            if T.self == UInt8.self { return try cast(integer(UInt8.self, at: index)) }
            // Types JSONDecoder treats specially (or that this reader does not need) are left to it.
            if T.self == Data.self || T.self == URL.self || T.self == Decimal.self || T.self == Float.self { throw Refused() }
            return try T(from: NodeDecoder(document: self, index: index))
        }

        func cast<T, V>(_ value: V) throws -> T {
            guard let value = value as? T else { throw Refused() }
            return value
        }

        func string(at index: Int) throws -> String {
            let node = nodes[index]
            let slice = UnsafeBufferPointer(rebasing: bytes[node.start..<node.end])
            switch node.kind {
            case .string:
                return String(decoding: slice, as: UTF8.self)  // validated while parsing
            case .escapedString:
                return try unescaped(slice)
            default:
                throw Refused()
            }
        }

        func unescaped(_ slice: UnsafeBufferPointer<UInt8>) throws -> String {
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var i = 0
            while i < slice.count {
                let byte = slice[i]
                guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
                let code = slice[i + 1]
                switch code {
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
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
            return String(decoding: out, as: UTF8.self)  // validated bytes and whole scalars
        }

        func integer<I: FixedWidthInteger>(_ type: I.Type, at index: Int) throws -> I {
            let node = nodes[index]
            guard node.kind == .integer else { throw Refused() }
            var value: I = 0
            var i = node.start
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            while i < node.end {
                let digit = I(bytes[i] - 0x30)
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { throw Refused() }
                value = sum
                i += 1
            }
            return value
        }

        func double(at index: Int) throws -> Double {
            let node = nodes[index]
            guard node.kind == .integer || node.kind == .number else { throw Refused() }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[node.start..<node.end]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw Refused() }
            return value
        }

        func bool(at index: Int) throws -> Bool {
            switch nodes[index].kind {
            case .trueValue: true
            case .falseValue: false
            default: throw Refused()
            }
        }

        /// Only `YYYY-MM-DDTHH:MM:SSZ` with a real calendar date, years 1900–9999 (what CanonicalJSON writes).
        func date(at index: Int) throws -> Date {
            let node = nodes[index]
            guard node.kind == .string, node.end - node.start == 20 else { throw Refused() }
            let b = UnsafeBufferPointer(rebasing: bytes[node.start..<node.end])
            func number(_ from: Int, _ length: Int) throws -> Int {
                var value = 0
                for i in from..<(from + length) {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { throw Refused() }
                    value = value * 10 + Int(b[i] - 0x30)
                }
                return value
            }
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
                  b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z") else { throw Refused() }
            let year = try number(0, 4), month = try number(5, 2), day = try number(8, 2)
            let hour = try number(11, 2), minute = try number(14, 2), second = try number(17, 2)
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1900...9999).contains(year), (1...12).contains(month), (1...monthDays[month - 1]).contains(day),
                  hour < 24, minute < 60, second < 60 else { throw Refused() }
            // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
            let y = month <= 2 ? year - 1 : year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
        }
    }

    struct NodeDecoder: Decoder {
        let document: Document
        let index: Int
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard document.nodes[index].kind == .object else { throw Refused() }
            return KeyedDecodingContainer(Keyed<Key>(document: document, object: index))
        }

        func unkeyedContainer() throws -> UnkeyedDecodingContainer {
            guard document.nodes[index].kind == .array else { throw Refused() }
            return Unkeyed(document: document, array: index)
        }

        func singleValueContainer() throws -> SingleValueDecodingContainer { Single(document: document, index: index) }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let document: Document
        let object: Int
        var codingPath: [CodingKey] { [] }

        /// The index of the value of `key`, found by comparing bytes.
        func value(_ key: Key) -> Int? {
            var name = key.stringValue
            return name.withUTF8 { wanted -> Int? in
                let nodes = document.nodes
                var member = object + 1
                for _ in 0..<nodes[object].count {
                    let keyNode = nodes[member]
                    if keyNode.end - keyNode.start == wanted.count,
                       document.bytes[keyNode.start..<keyNode.end].elementsEqual(wanted) {
                        return member + 1
                    }
                    member = document.after(member + 1)
                }
                return nil
            }
        }

        func required(_ key: Key) throws -> Int {
            guard let index = value(key) else { throw Refused() }
            return index
        }

        var allKeys: [Key] {
            var keys: [Key] = []
            var member = object + 1
            for _ in 0..<document.nodes[object].count {
                if let text = try? document.string(at: member), let key = Key(stringValue: text) { keys.append(key) }
                member = document.after(member + 1)
            }
            return keys
        }

        func contains(_ key: Key) -> Bool { value(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { document.nodes[try required(key)].kind == .null }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try document.decode(T.self, at: required(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.decode(Bool.self, at: required(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.decode(String.self, at: required(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.decode(Double.self, at: required(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.decode(Int.self, at: required(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.decode(Int8.self, at: required(key)) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.decode(Int16.self, at: required(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.decode(Int32.self, at: required(key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.decode(Int64.self, at: required(key)) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.decode(UInt.self, at: required(key)) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.decode(UInt8.self, at: required(key)) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.decode(UInt16.self, at: required(key)) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.decode(UInt32.self, at: required(key)) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.decode(UInt64.self, at: required(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Refused() }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(document: document, index: required(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            try NodeDecoder(document: document, index: required(key)).unkeyedContainer()
        }

        func superDecoder() throws -> Decoder { throw Refused() }
        func superDecoder(forKey key: Key) throws -> Decoder { throw Refused() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let document: Document
        let array: Int
        var next: Int
        var currentIndex = 0
        var codingPath: [CodingKey] { [] }
        var count: Int? { document.nodes[array].count }
        var isAtEnd: Bool { currentIndex >= document.nodes[array].count }

        init(document: Document, array: Int) {
            self.document = document
            self.array = array
            next = array + 1
        }

        mutating func take() throws -> Int {
            guard !isAtEnd else { throw Refused() }
            let index = next
            next = document.after(index)
            currentIndex += 1
            return index
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Refused() }
            if document.nodes[next].kind == .null {
                _ = try take()
                return true
            }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(T.self, at: take()) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try document.decode(Bool.self, at: take()) }
        mutating func decode(_ type: String.Type) throws -> String { try document.decode(String.self, at: take()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try document.decode(Double.self, at: take()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try document.decode(Int.self, at: take()) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try document.decode(Int8.self, at: take()) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try document.decode(Int16.self, at: take()) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try document.decode(Int32.self, at: take()) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try document.decode(Int64.self, at: take()) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try document.decode(UInt.self, at: take()) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try document.decode(UInt8.self, at: take()) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try document.decode(UInt16.self, at: take()) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try document.decode(UInt32.self, at: take()) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try document.decode(UInt64.self, at: take()) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw Refused() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(document: document, index: take()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            try NodeDecoder(document: document, index: take()).unkeyedContainer()
        }

        mutating func superDecoder() throws -> Decoder { throw Refused() }
    }

    struct Single: SingleValueDecodingContainer {
        let document: Document
        let index: Int
        var codingPath: [CodingKey] { [] }

        func decodeNil() -> Bool { document.nodes[index].kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: index) }
        func decode(_ type: String.Type) throws -> String { try document.string(at: index) }
        func decode(_ type: Double.Type) throws -> Double { try document.double(at: index) }
        func decode(_ type: Float.Type) throws -> Float { throw Refused() }
        func decode(_ type: Int.Type) throws -> Int { try document.integer(Int.self, at: index) }
        func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(Int8.self, at: index) }
        func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(Int16.self, at: index) }
        func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(Int32.self, at: index) }
        func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(Int64.self, at: index) }
        func decode(_ type: UInt.Type) throws -> UInt { try document.integer(UInt.self, at: index) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(UInt8.self, at: index) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(UInt16.self, at: index) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(UInt32.self, at: index) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(UInt64.self, at: index) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(T.self, at: index) }
    }
}
