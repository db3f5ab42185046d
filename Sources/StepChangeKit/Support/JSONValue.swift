import Foundation

/// A parsed JSON document kept as plain values, so readers can check a hand-edited file
/// field by field and report every problem with its path instead of stopping at the first.
public enum JSONValue: Equatable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses JSON text, turning a syntax error into a problem that names the line and column.
    public static func parse(_ data: Data, source: String) throws(StepChangeError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw StepChangeError(.input, "\(source) is not valid JSON.",
                                  problems: [JSONSyntax.problem(for: error, in: data, source: source)])
        }
    }

    /// A short name for the kind of value, as used in messages ("a number", "a list").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// Locates JSON syntax errors: Foundation reports a character offset, people want a line and column.
enum JSONSyntax {
    static func problem(for error: Error, in data: Data, source: String) -> Problem {
        if data.isEmpty { return Problem(source: source, message: "the file is empty; expected a JSON object") }
        let text = serializationMessage(for: data) ?? describe(error)
        if let offset = characterOffset(in: text) {
            let (line, column) = lineAndColumn(of: offset, in: data)
            return Problem(source: source, location: "line \(line), column \(column)",
                           message: "JSON syntax error (\(text.trimmingCharacters(in: CharacterSet(charactersIn: "."))))")
        }
        return Problem(source: source, message: "JSON syntax error: \(text.trimmingCharacters(in: CharacterSet(charactersIn: "."))); the file may be truncated or hand-edited")
    }

    /// JSONSerialization names the offending character offset, which JSONDecoder's error hides on Linux.
    private static func serializationMessage(for data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
               let debug = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return debug
            }
            return context.debugDescription
        }
        return String(describing: error)
    }

    private static func characterOffset(in text: String) -> Int? {
        guard let range = text.range(of: "character ") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }

    private static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
