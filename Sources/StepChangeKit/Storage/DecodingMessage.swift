import Foundation

/// Turns a `DecodingError` from reading a session into words a facilitator can act on: the field's
/// path, the value found there and what is allowed ("participants[0].sector: \"third\" is not
/// allowed; expected one of statutory, health, …"), never Foundation's own wording.
enum DecodingMessage {
    /// The problem for `error`, with the value found looked up in `root` (the same document, parsed).
    static func problem(for error: DecodingError, root: JSONValue?, source: String) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            return Problem(source: source, location: path(context.codingPath + [key]), message: "missing")
        case .typeMismatch(let type, let context):
            return Problem(source: source, location: path(context.codingPath),
                           message: "expected \(describe(type))\(found(context.codingPath, in: root, prefix: ", found "))")
        case .valueNotFound(let type, let context):
            return Problem(source: source, location: path(context.codingPath), message: "is null; expected \(describe(type))")
        case .dataCorrupted(let context):
            if isDateProblem(context), let root, let (location, value) = firstBadDate(in: root, at: "") {
                return Problem(source: source, location: location, message: "\(shown(value) ?? "the value") is not a date and time; \(dateExpectation)")
            }
            return Problem(source: source, location: path(context.codingPath), message: corrupted(context, root: root))
        @unknown default:
            return Problem(source: source, message: "could not be read")
        }
    }

    /// The field path as the file spells it: `plans[0].actions[1].status`.
    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.reduce(into: "") { result, key in
            if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
    }

    /// The allowed words of each kind of field that holds one of a fixed set, by the type's name.
    static let allowedValues: [String: [String]] = [
        "Sector": Sector.allCases.map(\.rawValue),
        "Stage": Stage.allCases.map(\.rawValue),
        "ActionStatus": ActionStatus.allCases.map(\.rawValue),
        "Additionality": Additionality.allCases.map(\.rawValue),
        "HorizonKind": HorizonKind.allCases.map(\.rawValue),
        "ScoringMode": ["open", "blind"],
        "RoundSource": ["workshop", "imported"],
        "Step": PlanningCursor.Step.allCases.map(\.rawValue),
        "ActionField": ActionField.allCases.map(\.rawValue),
    ]

    private static func corrupted(_ context: DecodingError.Context, root: JSONValue?) -> String {
        let value = root.flatMap { lookUp(context.codingPath, in: $0) }
        let description = context.debugDescription
        if isDateProblem(context) {
            return "\(shown(value) ?? "the value") is not a date and time; \(dateExpectation)"
        }
        if let range = description.range(of: "Cannot initialize "), let from = description.range(of: " from invalid", range: range.upperBound..<description.endIndex) {
            let typeName = String(description[range.upperBound..<from.lowerBound])
            let allowed = allowedValues[typeName].map { "expected one of \($0.joined(separator: ", "))" } ?? "expected one of the values this field allows"
            return "\(shown(value) ?? "the value") is not allowed; \(allowed)"
        }
        if description.hasPrefix("expected ") {
            return description + found(context.codingPath, in: root, prefix: ", found ")
        }
        return "could not be read\(found(context.codingPath, in: root, prefix: ": found "))"
    }

    static let dateExpectation = "expected ISO 8601 such as 2026-11-23T10:00:00Z"

    private static func isDateProblem(_ context: DecodingError.Context) -> Bool {
        context.debugDescription.contains("ISO8601") || context.debugDescription.lowercased().contains("date")
    }

    /// The session fields that hold a moment (`createdAt`, `agreedAt` …), and the maps whose values do.
    static let dateKeys: Set<String> = ["createdAt", "updatedAt", "agreedAt", "completedAt", "recordedAt", "lastAnswerAt"]
    static let dateMapKeys: Set<String> = ["headingStarts"]

    /// The first date field, in file order, whose value is not an ISO 8601 moment. Foundation on Linux
    /// reports a bad date without its field, so the field is found here by looking.
    static func firstBadDate(in node: JSONValue, at location: String) -> (String, JSONValue)? {
        switch node {
        case .object(let fields):
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                let here = location.isEmpty ? key : "\(location).\(key)"
                if dateKeys.contains(key), !isMoment(value) { return (here, value) }
                if dateMapKeys.contains(key), case .object(let moments) = value,
                   let bad = moments.sorted(by: { $0.key < $1.key }).first(where: { !isMoment($0.value) }) {
                    return ("\(here).\(bad.key)", bad.value)
                }
                if let found = firstBadDate(in: value, at: here) { return found }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = firstBadDate(in: element, at: "\(location)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    private static func isMoment(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): ISO8601DateFormatter().date(from: text) != nil
        default: false
        }
    }

    private static func found(_ codingPath: [CodingKey], in root: JSONValue?, prefix: String) -> String {
        guard let value = root.flatMap({ lookUp(codingPath, in: $0) }) else { return "" }
        return prefix + (shown(value) ?? value.kindDescription)
    }

    /// The value as quoted in a message: text in quotes (cut to 40 characters), a number as written.
    private static func shown(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: "\"\(text.prefix(40))\(text.count > 40 ? "…" : "")\""
        case .number(let number)?: number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag)?: String(flag)
        case .null?: "null"
        case .array?: "a list"
        case .object?: "an object"
        case nil: nil
        }
    }

    static func lookUp(_ codingPath: [CodingKey], in root: JSONValue) -> JSONValue? {
        var current = root
        for key in codingPath {
            switch current {
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                current = elements[index]
            case .object(let fields):
                guard let next = fields[key.stringValue] else { return nil }
                current = next
            default:
                return nil
            }
        }
        return current
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Date.Type: "a date and time such as 2026-11-23T10:00:00Z"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
