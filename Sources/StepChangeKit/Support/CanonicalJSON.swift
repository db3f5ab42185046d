import Foundation

/// The JSON writer for session and framework files: pretty-printed with two-space indents, keys
/// sorted by their UTF-8 bytes, slashes unescaped and dates as ISO 8601 — byte-for-byte the format
/// of Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and
/// `.iso8601` dates, but several times faster, so saving after every answer stays cheap.
public enum CanonicalJSON {
    /// The bytes of `value` standing at `indent` inside a larger document, appended to `out`: for
    /// `SessionWriter`, which writes the parts of a session it knows by hand and leaves the rest to this.
    static func append<T: Encodable>(_ value: T, indent: Int, to out: inout [UInt8]) throws {
        write(try TreeEncoder.node(for: value, indent: indent), indent: indent, to: &out)
    }

    /// Encodes a value, followed by no trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(value))
    }

    /// The same bytes as `encode`, followed by a line feed when `newline` is set, as an array: no copy into
    /// `Data`. The buffer is sized from the previous result, so a session saved again is written without
    /// the buffer growing (and being copied) several times on the way.
    static func bytes<T: Encodable>(_ value: T, newline: Bool = false) throws -> [UInt8] {
        let encoder = TreeEncoder()
        try encoder.encodeValue(value)
        var output = [UInt8]()
        output.reserveCapacity(max(64 * 1024, OutputSize.shared.expected))
        write(encoder.root ?? .null, indent: 0, to: &output)
        if newline { output.append(UInt8(ascii: "\n")) }
        OutputSize.shared.record(output.count)
        return output
    }

    /// `value` as the `JSONValue` that parsing its bytes gives (`JSONValue.parse` of `encode(value)`), made
    /// from the encoded tree without writing the text and reading it back: strings as they are (the
    /// escapes written undo to the same text), `true` and `false` as flags, every other literal through
    /// `Double(_:)` as `JSONDecoder` reads numbers. Nil where the tree holds a name twice in one object
    /// (by Swift's string equality, as a dictionary has it); the caller then parses the bytes.
    static func jsonValue<T: Encodable>(_ value: T) throws -> JSONValue? {
        let encoder = TreeEncoder()
        try encoder.encodeValue(value)
        return jsonValue(encoder.root ?? .null)
    }

    private static func jsonValue(_ node: Node) -> JSONValue? {
        switch node {
        case .null: return .null
        case .string(let text): return .string(text)
        case .literal("true"): return .bool(true)
        case .literal("false"): return .bool(false)
        case .literal(let number): return Double(number).map(JSONValue.number)
        case .array(let box):
            var items: [JSONValue] = []
            items.reserveCapacity(box.items.count)
            for item in box.items {
                guard let value = jsonValue(item) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .object(let box):
            var fields: [String: JSONValue] = [:]
            fields.reserveCapacity(box.fields.count)
            for field in box.fields {
                guard let value = jsonValue(field.value), fields.updateValue(value, forKey: field.key) == nil else { return nil }
            }
            return .object(fields)
        }
    }

    /// The size of the last document written, plus an eighth: the next one's starting capacity.
    private final class OutputSize: @unchecked Sendable {
        static let shared = OutputSize()
        private let lock = NSLock()
        private var last = 0
        var expected: Int { lock.lock(); defer { lock.unlock() }; return last + last / 8 }
        func record(_ size: Int) { lock.lock(); last = size; lock.unlock() }
    }

    fileprivate indirect enum Node {
        case null
        case literal(String)
        case string(String)
        case array(ArrayBox)
        case object(ObjectBox)
    }

    fileprivate final class ArrayBox { var items: [Node] = [] }
    fileprivate final class ObjectBox { var fields: [(key: String, value: Node)] = [] }

    fileprivate static func write(_ node: Node, indent: Int, to out: inout [UInt8]) {
        switch node {
        case .null: out.append(contentsOf: "null".utf8)
        case .literal(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            for (index, item) in box.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: "\n")) }
                spaces(indent + 2, &out)
                write(item, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            spaces(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            let sorted = box.fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            var previous: String?
            var first = true
            for field in sorted where field.key != previous {
                previous = field.key
                if !first { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: "\n")) }
                first = false
                spaces(indent + 2, &out)
                writeString(field.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                write(field.value, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            spaces(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func spaces(_ count: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A string as written here: `"` `\` and controls escaped, everything else as it is.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ISO 8601 in UTC with whole seconds, as JSONEncoder's `.iso8601` strategy writes it.
    static func iso8601(_ date: Date) -> String {
        let (year, month, day, secondOfDay) = civil(Int(date.timeIntervalSince1970.rounded(.down)))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// The UTC calendar day and second of the day of a count of seconds since 1970 (proleptic Gregorian).
    static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, secondOfDay: Int) {
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
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day, secondOfDay)
    }

    /// Builds the value tree through the standard Encodable machinery.
    fileprivate final class TreeEncoder: Encoder {
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] = [:]
        var root: Node?
        /// The indent, in spaces, at which this encoder's value will be written.
        let indent: Int
        private var assign: (Node) -> Void = { _ in }

        init() {
            indent = 0
            assign = { [unowned self] in self.root = $0 }
        }

        init(indent: Int, assign: @escaping (Node) -> Void) {
            self.indent = indent
            self.assign = assign
        }

        func encodeValue<T: Encodable>(_ value: T) throws {
            if let node = Self.primitive(value) { assign(node) } else { try value.encode(to: self) }
        }

        /// Encodes a nested value.
        static func node<T: Encodable>(for value: T, indent: Int) throws -> Node {
            if let node = primitive(value) { return node }
            var result = Node.null
            try value.encode(to: TreeEncoder(indent: indent) { result = $0 })
            return result
        }

        static func primitive<T: Encodable>(_ value: T) -> Node? {
            switch value {
            case let text as String: .string(text)
            case let number as Int: .literal(String(number))
            case let flag as Bool: .literal(flag ? "true" : "false")
            case let date as Date: .string(CanonicalJSON.iso8601(date))
            case let number as Double: number.isFinite ? .literal(number.description) : .null
            default: nil
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let box = ObjectBox()
            assign(.object(box))
            return KeyedEncodingContainer(KeyedContainer<Key>(box: box, indent: indent))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            let box = ArrayBox()
            assign(.array(box))
            return UnkeyedContainer(box: box, indent: indent)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }

        fileprivate func put(_ node: Node) { assign(node) }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        let indent: Int
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.fields.append((key.stringValue, .null)) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.fields.append((key.stringValue, .string(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.fields.append((key.stringValue, .literal(String(value)))) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.fields.append((key.stringValue, .literal(value ? "true" : "false"))) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.fields.append((key.stringValue, try TreeEncoder.node(for: value, indent: indent + 2)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            box.fields.append((key.stringValue, .object(nested)))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, indent: indent + 2))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.fields.append((key.stringValue, .array(nested)))
            return UnkeyedContainer(box: nested, indent: indent + 2)
        }

        mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> Encoder {
            let index = box.fields.count
            box.fields.append((key.stringValue, .null))
            let box = self.box
            return TreeEncoder(indent: indent + 2) { box.fields[index].value = $0 }
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: ArrayBox
        let indent: Int
        var codingPath: [CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode(_ value: Int) throws { box.items.append(.literal(String(value))) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            box.items.append(try TreeEncoder.node(for: value, indent: indent + 2))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            box.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, indent: indent + 2))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.items.append(.array(nested))
            return UnkeyedContainer(box: nested, indent: indent + 2)
        }

        mutating func superEncoder() -> Encoder {
            let index = box.items.count
            box.items.append(.null)
            let box = self.box
            return TreeEncoder(indent: indent + 2) { box.items[index] = $0 }
        }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.put(.null) }
        mutating func encode(_ value: String) throws { encoder.put(.string(value)) }
        mutating func encode(_ value: Int) throws { encoder.put(.literal(String(value))) }
        mutating func encode(_ value: Bool) throws { encoder.put(.literal(value ? "true" : "false")) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
    }
}
