import Foundation

/// A small, forgiving reader of the XML inside Office files (a spreadsheet's sheets, shared strings,
/// workbook and relationships): elements with their attributes, and text with entities decoded.
/// Namespace prefixes are dropped from names. Comments, processing instructions and declarations are
/// skipped; a document type (which could define entities) is refused.
public struct XMLScanner: Sendable {
    /// One thing met in reading order.
    public enum Event: Equatable, Sendable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// Why the XML could not be read.
    public struct Failure: Error, Equatable, Sendable {
        public var reason: String
    }

    /// Every event of the document, in order.
    public static func events(_ data: Data) throws(Failure) -> [Event] {
        let bytes = [UInt8](data)
        var events: [Event] = []
        var index = 0
        var text: [UInt8] = []
        func flushText() throws(Failure) {
            if !text.isEmpty {
                events.append(.text(try decode(text)))
                text = []
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                text.append(byte)
                index += 1
                continue
            }
            if Self.matches(bytes, index, "<![CDATA[") {
                guard let close = find(bytes, "]]>", from: index + 9) else { throw Failure(reason: "an unclosed CDATA section") }
                try flushText()
                events.append(.text(String(decoding: bytes[index + 9..<close], as: UTF8.self)))
                index = close + 3
                continue
            }
            try flushText()
            if Self.matches(bytes, index, "<!--") {
                guard let close = find(bytes, "-->", from: index + 4) else { throw Failure(reason: "an unclosed comment") }
                index = close + 3
            } else if Self.matches(bytes, index, "<?") {
                guard let close = find(bytes, "?>", from: index + 2) else { throw Failure(reason: "an unclosed declaration") }
                index = close + 2
            } else if Self.matches(bytes, index, "<!") {
                throw Failure(reason: "a document type declaration, which an Office file never has")
            } else {
                guard let close = tagEnd(bytes, from: index + 1) else { throw Failure(reason: "an unclosed tag") }
                let inside = Array(bytes[index + 1..<close])
                index = close + 1
                events.append(try tag(inside))
            }
        }
        try flushText()
        return events
    }

    /// The position of the `>` ending a tag, skipping quoted attribute values.
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    static func tag(_ inside: [UInt8]) throws(Failure) -> Event {
        var body = inside[...]
        if body.first == UInt8(ascii: "/") {
            let name = String(decoding: body.dropFirst(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .end(name: localName(name))
        }
        var selfClosing = false
        if body.last == UInt8(ascii: "/") {
            selfClosing = true
            body = body.dropLast()
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let nameEnd = body.firstIndex(where: isSpace) ?? body.endIndex
        let name = String(decoding: body[body.startIndex..<nameEnd], as: UTF8.self)
        guard !name.isEmpty else { throw Failure(reason: "a tag without a name") }
        var attributes: [String: String] = [:]
        var rest = body[nameEnd...]
        while true {
            rest = rest.drop(while: isSpace)
            guard !rest.isEmpty else { break }
            guard let equals = rest.firstIndex(of: UInt8(ascii: "=")) else { throw Failure(reason: "an attribute without a value in <\(name)>") }
            let key = String(decoding: rest[rest.startIndex..<equals], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            rest = rest[(equals + 1)...].drop(while: isSpace)
            guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw Failure(reason: "an unquoted attribute value in <\(name)>")
            }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { throw Failure(reason: "an unclosed attribute value in <\(name)>") }
            attributes[localName(key)] = try decode(Array(rest[rest.startIndex..<close]))
            rest = rest[(close + 1)...]
        }
        return .start(name: localName(name), attributes: attributes, selfClosing: selfClosing)
    }

    /// A name without its namespace prefix: `x:row` → `row`.
    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Text with the five XML entities and numeric character references decoded.
    static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard raw.contains("&") else { return raw }
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[rest.startIndex..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                throw Failure(reason: "an unfinished entity (&) in text")
            }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var number: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    number = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    number = UInt32(name.dropFirst())
                }
                guard let number, let scalar = Unicode.Scalar(number) else { throw Failure(reason: "an unknown entity &\(name);") }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    static func matches(_ bytes: [UInt8], _ at: Int, _ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard at + pattern.count <= bytes.count else { return false }
        return bytes[at..<at + pattern.count].elementsEqual(pattern)
    }

    static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
