import Foundation

/// The ordered levels a prompt is scored on, with an optional "don't know" answer that abstains.
public struct Scale: Codable, Equatable, Sendable {
    public var levels: [ScaleLevel]
    public var dontKnow: DontKnowOption?

    public init(levels: [ScaleLevel], dontKnow: DontKnowOption? = DontKnowOption()) {
        self.levels = levels
        self.dontKnow = dontKnow
    }

    public var values: [Int] { levels.map(\.value) }
    public var lowest: Int { levels.first?.value ?? 0 }
    public var highest: Int { levels.last?.value ?? 0 }

    /// The level with this value, if it is on the scale.
    public func level(_ value: Int) -> ScaleLevel? { levels.first { $0.value == value } }

    /// Position of a value on the scale (0 for the lowest level), used to measure spread in levels.
    public func index(of value: Int) -> Int? { levels.firstIndex { $0.value == value } }

    /// The valid answers, as a person would type them: "1, 2, 3, 4, 5 or ? (don't know)".
    public var validAnswersDescription: String {
        let numbers = values.map(String.init)
        var parts = numbers
        if dontKnow != nil { parts.append("? (don't know)") }
        guard parts.count > 1 else { return parts.joined() }
        return parts.dropLast().joined(separator: ", ") + " or " + parts.last!
    }
}

/// One level of a scale: its numeric value, a short label and a one-sentence descriptor.
public struct ScaleLevel: Codable, Equatable, Sendable {
    public var value: Int
    public var label: String
    public var descriptor: String

    public init(value: Int, label: String, descriptor: String) {
        self.value = value
        self.label = label
        self.descriptor = descriptor
    }
}

/// The abstaining answer a scale may offer; it is counted but never enters the statistics.
public struct DontKnowOption: Codable, Equatable, Sendable {
    public var label: String
    public var descriptor: String

    public init(label: String = "Don't know", descriptor: String = "I do not have enough knowledge of this area to score it.") {
        self.label = label
        self.descriptor = descriptor
    }
}
