import Foundation

/// Finds a name given twice in one JSON object. Foundation keeps the first silently, while most other
/// readers (jq, Python, a browser) keep the last, so a hand-edited file with `"facilitator"` twice shows
/// one value to whoever checks it and another to stepchange: such a file is refused, naming the field.
public enum DuplicateKeys {
    /// Where the repeated name is: its path (`participants[2].name`) and the line of its second use.
    public struct Found: Equatable, Sendable {
        public var path: String
        public var line: Int
    }

    /// The first repeated name in `data`, read as JSON that has already parsed; nil when every object's names differ.
    public static func first(in data: Data) -> Found? {
        let bytes = [UInt8](data)
        enum Frame {
            case object(names: Set<String>, current: String?, expectingName: Bool)
            case array(index: Int)
        }
        var stack: [Frame] = []
        var index = 0
        func path(_ frames: [Frame], last: String) -> String {
            var text = ""
            for frame in frames {
                switch frame {
                case .object(_, let current?, _): text += text.isEmpty ? current : "." + current
                case .array(let position): text += "[\(position)]"
                default: break
                }
            }
            return text.isEmpty ? last : text + "." + last
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(.object(names: [], current: nil, expectingName: true))
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                switch stack.last {
                case .array(let position)?: stack[stack.count - 1] = .array(index: position + 1)
                case .object(let names, let current, _)?: stack[stack.count - 1] = .object(names: names, current: current, expectingName: true)
                case nil: break
                }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                var escaped = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") { escaped = true; index += 2; continue }
                    if bytes[index] == UInt8(ascii: "\"") { break }
                    index += 1
                }
                if case .object(var names, _, true)? = stack.last {
                    let raw = Data(bytes[start..<min(index + 1, bytes.count)])
                    let name = escaped ? ((try? JSONDecoder().decode(String.self, from: raw)) ?? String(decoding: raw, as: UTF8.self))
                                       : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                    if !names.insert(name).inserted {
                        let line = 1 + bytes[..<start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                        return Found(path: path(Array(stack.dropLast()), last: name), line: line)
                    }
                    stack[stack.count - 1] = .object(names: names, current: name, expectingName: false)
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The problem to report for a repeated name in the file `source`.
    static func problem(_ found: Found, source: String) -> Problem {
        Problem(source: source, location: "line \(found.line)",
                message: "\(found.path) is given more than once in the same object; keep one (other programs would read the other)")
    }
}
