/// Fields of an `application/x-www-form-urlencoded` body or query string, in order.
public struct FormData: Equatable, Sendable {
    public var fields: [(name: String, value: String)]

    /// Decodes `a=1&b=two+words&c=%C3%A9`: `+` is a space, `%XX` a byte; the bytes must be UTF-8.
    /// Returns nil when a percent escape is broken or the bytes are not UTF-8.
    public init?(_ bytes: [UInt8]) {
        var fields: [(String, String)] = []
        for pair in bytes.split(separator: 0x26) where !pair.isEmpty {
            let parts = pair.split(separator: 0x3D, maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : []) else { return nil }
            fields.append((name, value))
        }
        self.fields = fields
    }

    public init?(_ text: String) { self.init(Array(text.utf8)) }

    /// The first value for a field name.
    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value for a field name, in order.
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x2B {
                out.append(0x20)
            } else if byte == 0x25 {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
