import Foundation

/// Reads typed fields out of a `JSONValue` tree, recording a `Problem` with the field's path for
/// every missing or mistyped value and carrying on, so one pass reports everything wrong. Text passes
/// the `InboundText` boundary (line breaks and tabs kept), so a framework file brings no control characters in.
struct FieldReader {
    let source: String
    private(set) var problems: [Problem] = []

    init(source: String) { self.source = source }

    mutating func report(_ path: String, _ message: String) {
        problems.append(Problem(source: source, location: path.isEmpty ? nil : path, message: message))
    }

    mutating func object(_ value: JSONValue?, at path: String) -> [String: JSONValue]? {
        guard let value else { report(path, "missing; expected an object"); return nil }
        guard case .object(let fields) = value else {
            report(path, "expected an object, found \(value.kindDescription)")
            return nil
        }
        return fields
    }

    mutating func array(_ fields: [String: JSONValue], _ key: String, at path: String, required: Bool = true) -> [JSONValue]? {
        let fieldPath = join(path, key)
        guard let value = fields[key] else {
            if required { report(fieldPath, "missing; expected a list") }
            return nil
        }
        guard case .array(let elements) = value else {
            report(fieldPath, "expected a list, found \(value.kindDescription)")
            return nil
        }
        return elements
    }

    mutating func string(_ fields: [String: JSONValue], _ key: String, at path: String,
                         required: Bool = true, allowEmpty: Bool = false) -> String? {
        let fieldPath = join(path, key)
        guard let value = fields[key], value != .null else {
            if required { report(fieldPath, "missing; expected text") }
            return nil
        }
        guard case .string(let raw) = value else {
            report(fieldPath, "expected text, found \(value.kindDescription)")
            return nil
        }
        let text = InboundText.clean(raw, .multiLine)
        if !allowEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(fieldPath, "is empty; expected some text")
        }
        return text
    }

    mutating func integer(_ fields: [String: JSONValue], _ key: String, at path: String, required: Bool = true) -> Int? {
        let fieldPath = join(path, key)
        guard let value = fields[key] else {
            if required { report(fieldPath, "missing; expected a whole number") }
            return nil
        }
        if case .number(let number) = value, number.rounded() == number, abs(number) >= 1e15 {
            report(fieldPath, "\(number) is far larger than any value this field allows")
            return nil
        }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
            report(fieldPath, "expected a whole number, found \(value.kindDescription)\(Self.show(value))")
            return nil
        }
        return Int(number)
    }

    mutating func strings(_ fields: [String: JSONValue], _ key: String, at path: String) -> [String] {
        guard let elements = array(fields, key, at: path, required: false) else { return [] }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            if case .string(let text) = element { result.append(InboundText.clean(text, .multiLine)) } else {
                report("\(join(path, key))[\(index)]", "expected text, found \(element.kindDescription)")
            }
        }
        return result
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func show(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): " (\(n))"
        case .string(let s): " (\"\(s.prefix(40))\")"
        default: ""
        }
    }
}
