import Foundation

/// The one boundary where text from outside enters stepchange — command-line options, environment
/// variables, imported CSV cells and typed answers — with one rule for what is kept: escape sequences
/// (CSI such as `ESC[31m`, OSC such as a clipboard write, and any other `ESC x`) and every other C0 or C1
/// control character are removed; tab and line breaks are kept only in fields that allow them (a
/// multi-line field keeps `\n` and tab and turns CRLF and CR into `\n`; a one-line field turns each
/// into a space, dropping one at the very end). Everything else, bidirectional marks in Arabic or Hebrew names included, is kept.
public enum InboundText {
    /// Whether a field may hold more than one line.
    public enum Field: Sendable {
        case oneLine, multiLine
    }

    /// `text` as stored under the rule above.
    public static func clean(_ text: String, _ field: Field = .oneLine) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func keepBreak(_ scalar: Unicode.Scalar) {
            if field == .multiLine { result.append(scalar) } else if index < scalars.count { result.append(" ") }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar.value {
            case 0x1B:
                index = endOfEscape(scalars, from: index)
            case 0x9B:
                index = endOfControlSequence(scalars, from: index)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                index = endOfString(scalars, from: index)
            case 0x0A:
                keepBreak("\n")
            case 0x0D:
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                keepBreak("\n")
            case 0x09:
                keepBreak("\t")
            default:
                if !isControl(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The position after an escape sequence whose ESC was just read: CSI (`ESC [` … final byte),
    /// SS3 (`ESC O x`), OSC/DCS/APC/PM/SOS strings (ended by BEL or `ESC \`), or a two-character escape.
    static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return start }
        switch scalars[start] {
        case "[": return endOfControlSequence(scalars, from: start + 1)
        case "]", "P", "X", "^", "_": return endOfString(scalars, from: start + 1)
        case "O": return min(scalars.count, start + 2)
        default: return isControl(scalars[start]) ? start : start + 1
        }
    }

    static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
        return index < scalars.count && (0x40...0x7E).contains(scalars[index].value) ? index + 1 : index
    }

    static func endOfString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x07 || value == 0x9C { return index + 1 }
            if value == 0x1B { return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index + 1 }
            if value == 0x0A { return index }
            index += 1
        }
        return index
    }
}
