import Foundation

extension NonAttributableJSON {
    /// The summary's JSON, byte for byte `CanonicalJSON.encode(NonAttributableJSON(session))`: the summary is
    /// encoded with its plans left null, and the plans (nearly all of a large session's text) are written
    /// into that place straight from their `JSONValue` in CanonicalJSON's layout, instead of through `Encodable`.
    /// Should the place not be found, the whole summary is encoded as before.
    static func encoded(_ session: Session) throws -> [UInt8] {
        let full = try NonAttributableJSON(session)
        var summary = full
        summary.plans = .null
        let skeleton = try CanonicalJSON.bytes(summary)
        let marker = Array("\n  \"plans\" : null".utf8)
        guard let start = firstRange(of: marker, in: skeleton) else { return try CanonicalJSON.bytes(full) }
        var out: [UInt8] = []
        out.reserveCapacity(skeleton.count * 2)
        out.append(contentsOf: skeleton[..<(start + marker.count - 4)])
        write(full.plans, indent: 2, to: &out)
        out.append(contentsOf: skeleton[(start + marker.count)...])
        return out
    }

    /// Where `marker` first occurs in `bytes`. Top-level keys alone stand after a line break and two spaces
    /// (a string's line breaks are escaped, nested keys are indented further), so this is the summary's own key.
    static func firstRange(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }

    /// A value as CanonicalJSON lays it out at `indent`: numbers as `Double.description` (null when not finite),
    /// keys sorted by their UTF-8 bytes, an empty list or object with an empty line inside.
    static func write(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): out.append(contentsOf: (number.isFinite ? number.description : "null").utf8)
        case .string(let text): CanonicalJSON.writeString(text, to: &out)
        case .array(let items):
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                write(item, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(contentsOf: "{\n".utf8)
            for (index, key) in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                CanonicalJSON.writeString(key, to: &out)
                out.append(contentsOf: " : ".utf8)
                write(fields[key] ?? .null, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(UInt8(ascii: "}"))
        }
    }
}
