import Foundation

/// A facilitator's own mapping for a survey export whose headers or answers stepchange cannot
/// recognise, one rule a line (`#` starts a comment):
///
///     column "Q7 Data is shared" = LN5        a column (by header text or letter, e.g. column G) → an item
///     column "Your thoughts" = comment WW     a comment column for a heading (or `comment` alone: general)
///     column "Region" = ignore                a column to leave out
///     column "Your name" = name               the respondent's name (matched to participants)
///     answer "Mostly agree" = 4               an answer text → a scale value, or `dont know`
public struct SurveyMapping: Equatable, Sendable {
    /// What a mapped column holds.
    public enum Target: Equatable, Sendable {
        case item(String)
        case comment(headingID: String?)
        case name
        case ignore
    }

    /// Columns by normalised header text.
    public var columnsByHeader: [String: Target] = [:]
    /// Columns by 0-based index (given as letters).
    public var columnsByLetter: [Int: Target] = [:]
    /// Answers by normalised text.
    public var answers: [String: Score] = [:]

    public init() {}

    /// The rule for a column, by its letters first, then its header text.
    public func target(column: Int, header: String) -> Target? {
        columnsByLetter[column] ?? columnsByHeader[SurveyMatching.normalised(header)]
    }

    /// Reads a mapping file against the session's framework; every bad line is named.
    public static func parse(_ text: String, source: String, framework: Framework) throws(StepChangeError) -> SurveyMapping {
        var mapping = SurveyMapping()
        var problems: [Problem] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            func report(_ message: String) { problems.append(Problem(source: source, location: "line \(index + 1)", message: message)) }
            let keyword = line.prefix { !$0.isWhitespace }.lowercased()
            var rest = line.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)[...]
            var key: String
            if rest.first == "\"" || rest.first == "\u{201C}" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(where: { $0 == "\"" || $0 == "\u{201D}" }) else { report("the quoted text is never closed"); continue }
                key = String(rest[..<close])
                rest = rest[rest.index(after: close)...]
                guard let equals = rest.firstIndex(of: "=") else { report("expected = after the quoted text"); continue }
                rest = rest[rest.index(after: equals)...]
            } else {
                guard let equals = rest.firstIndex(of: "=") else { report("expected KIND \"TEXT\" = TARGET, e.g. column \"Q7\" = LN5"); continue }
                key = String(rest[..<equals]).trimmingCharacters(in: .whitespaces)
                rest = rest[rest.index(after: equals)...]
            }
            let target = rest.trimmingCharacters(in: .whitespaces)
            switch keyword {
            case "column":
                let parsed: Target
                let lowered = target.lowercased()
                if lowered == "ignore" {
                    parsed = .ignore
                } else if lowered == "name" {
                    parsed = .name
                } else if lowered == "comment" {
                    parsed = .comment(headingID: nil)
                } else if lowered.hasPrefix("comment ") {
                    let heading = target.dropFirst(8).trimmingCharacters(in: .whitespaces)
                    guard let found = framework.headings.first(where: { $0.id.caseInsensitiveCompare(heading) == .orderedSame }) else {
                        report("\"\(heading)\" is not a heading of \(framework.id); headings: \(framework.headings.map(\.id).joined(separator: ", "))")
                        continue
                    }
                    parsed = .comment(headingID: found.id)
                } else if let item = framework.item(target) {
                    parsed = .item(item.id)
                } else {
                    let guess = Suggestion.closest(to: target, among: framework.itemIDs).map { " Did you mean \($0)?" } ?? ""
                    report("\"\(target)\" is not an item of \(framework.id).\(guess) Expected an item id, comment [HEADING], name or ignore")
                    continue
                }
                let letters = key.trimmingCharacters(in: .whitespaces)
                if let column = Sheet.columnIndex(letters), letters.count <= 3, letters == letters.uppercased(), !line.contains("\"") {
                    mapping.columnsByLetter[column] = parsed
                } else {
                    mapping.columnsByHeader[SurveyMatching.normalised(key)] = parsed
                }
            case "answer":
                let lowered = SurveyMatching.normalised(target)
                if SurveyMatching.isDontKnow(lowered, option: framework.scale.dontKnow) || lowered == "dont know" {
                    guard framework.scale.dontKnow != nil else { report("this framework's scale has no don't know"); continue }
                    mapping.answers[SurveyMatching.normalised(key)] = .dontKnow
                } else if let value = Int(target), framework.scale.level(value) != nil {
                    mapping.answers[SurveyMatching.normalised(key)] = .value(value)
                } else {
                    report("\"\(target)\" is not on the scale; expected one of \(framework.scale.values.map(String.init).joined(separator: ", ")) or dont know")
                }
            default:
                report("unknown rule \"\(keyword)\"; expected column or answer")
            }
        }
        guard problems.isEmpty else {
            throw StepChangeError(.input, "\(source) is not a usable mapping file (\(problems.count) problem\(problems.count == 1 ? "" : "s")):",
                                  problems: problems, hint: "Each line is column \"HEADER\" = ITEM|comment HEADING|name|ignore, or answer \"TEXT\" = VALUE|dont know.")
        }
        return mapping
    }
}
