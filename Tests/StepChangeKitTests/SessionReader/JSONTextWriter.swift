import Foundation
@testable import StepChangeKit

/// Writes a `JSONValue` as JSON text in forms saved files never use, for hostile reader tests: keys in
/// another order, every non-ASCII character or slash escaped, no white space or odd white space.
struct JSONTextWriter {
    enum Order { case sorted, reversed, shuffled }
    var order: Order = .sorted
    var escapeNonASCII = false
    var escapeSlashes = false
    var compact = false
    var random = SeededRandom(seed: 1)

    mutating func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out
    }

    private mutating func write(_ value: JSONValue, indent: Int, to out: inout String) {
        let newline = compact ? "" : "\n", pad = compact ? "" : String(repeating: " ", count: indent + 2)
        let closePad = compact ? "" : String(repeating: " ", count: indent)
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { out += String(Int(number)) } else { out += "\(number)" }
        case .string(let text): writeString(text, to: &out)
        case .array(let items):
            // As CanonicalJSON writes it: an empty list too has its two line breaks.
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += (index > 0 ? "," + newline : "") + pad
                write(item, indent: indent + 2, to: &out)
            }
            out += newline + closePad + "]"
        case .object(let fields):
            var keys = fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            switch order {
            case .sorted: break
            case .reversed: keys.reverse()
            case .shuffled: keys.shuffle(using: &random)
            }
            out += "{" + newline
            for (index, key) in keys.enumerated() {
                out += (index > 0 ? "," + newline : "") + pad
                writeString(key, to: &out)
                out += compact ? ":" : " : "
                if let field = fields[key] { write(field, indent: indent + 2, to: &out) }
            }
            out += newline + closePad + "}"
        }
    }

    private func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += escapeSlashes ? "\\/" : "/"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value >= 0x80 && escapeNonASCII:
                for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
