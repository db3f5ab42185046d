import Foundation

/// One participant's answer to a prompt: a value on the scale, or "don't know" (an abstention that
/// is counted but never enters the statistics). Stored as a number or the text "dont-know".
public enum Score: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    case value(Int)
    case dontKnow

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .value(number)
        } else if let text = try? container.decode(String.self), text == "dont-know" {
            self = .dontKnow
        } else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "expected a score (a whole number on the scale) or \"dont-know\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .value(let number): try container.encode(number)
        case .dontKnow: try container.encode("dont-know")
        }
    }

    /// The numeric value, or nil for an abstention.
    public var number: Int? {
        if case .value(let number) = self { return number }
        return nil
    }

    public var description: String {
        switch self {
        case .value(let number): String(number)
        case .dontKnow: "?"
        }
    }

    /// Reads a score as typed at a prompt: a scale value, or `-`, `?`, `dk`, `dont know` for don't know.
    /// Returns nil when the text is not a valid answer on this scale.
    public static func parse(_ text: String, on scale: Scale) -> Score? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["-", "?", "dk", "dont know", "don't know", "dont-know", "don’t know", "x"].contains(key) {
            return scale.dontKnow == nil ? nil : .dontKnow
        }
        guard let number = Int(key), scale.level(number) != nil else { return nil }
        return .value(number)
    }
}
