import Foundation

/// How a survey export's headers and answers are recognised: statements compared without case,
/// punctuation, curly quotes or numbering such as "1.2" or "Q3"; answers matched to the scale by label
/// ("Strongly agree", "4 - Agree", "Don’t Know") or by value ("4").
public enum SurveyMatching {
    /// Text reduced for comparison: curly quotes and dashes straightened, lower case, every run of
    /// punctuation and white space one space.
    public static func normalised(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text.lowercased() {
            let straightened: Character
            switch character {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "`", "\u{00B4}": straightened = "'"
            default: straightened = character
            }
            if straightened.isLetter || straightened.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(straightened)
            } else if straightened != "'" {
                pendingSpace = true
            }
        }
        return out
    }

    /// A statement header without leading numbering ("1.2", "Q3", "3)", "a."), normalised.
    public static func statement(_ text: String) -> String {
        var words = normalised(text).split(separator: " ").map(String.init)
        while let first = words.first, words.count > 1, isNumbering(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func isNumbering(_ word: String) -> Bool {
        if word.allSatisfy(\.isNumber) { return true }
        if word.first == "q", word.count > 1, word.dropFirst().allSatisfy(\.isNumber) { return true }
        return false
    }

    /// The items a header names: by id (the whole header, or its first word), else by statement text
    /// (equal, or one containing the other when the shorter is a real sentence).
    public static func items(for header: String, in framework: Framework) -> [Item] {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        if let item = framework.item(trimmed) { return [item] }
        let firstWord = trimmed.split(whereSeparator: { " :.-–—)]\t".contains($0) }).first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[(")) }
        if let firstWord, let item = framework.item(firstWord) { return [item] }
        let wanted = statement(trimmed)
        guard !wanted.isEmpty else { return [] }
        let all = framework.items.map(\.item)
        let equal = all.filter { statement($0.prompt) == wanted }
        if !equal.isEmpty { return equal }
        return all.filter { item in
            let prompt = statement(item.prompt)
            let shorter = min(prompt.count, wanted.count)
            return shorter >= 20 && (wanted.contains(prompt) || prompt.contains(wanted))
        }
    }

    /// The heading a section title or comment header names, by id or by its title appearing in the text.
    public static func heading(for text: String, in framework: Framework) -> Heading? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let heading = framework.headings.first(where: { $0.id.caseInsensitiveCompare(trimmed) == .orderedSame }) { return heading }
        let wanted = normalised(trimmed)
        return framework.headings.first { wanted.contains(normalised($0.title)) }
    }

    /// True for a header that asks for comments rather than a score.
    public static func isCommentHeader(_ text: String) -> Bool {
        let words = normalised(text)
        return words.contains("comment") || words.hasPrefix("anything else") || words.hasPrefix("any other")
            || words.contains("open ended") || words.contains("please explain") || words.contains("please tell us")
    }

    /// True for a header naming the respondent (a name the workshop's participants might match).
    public static func isNameHeader(_ text: String) -> Bool {
        ["name", "your name", "full name", "participant", "respondent name", "respondent", "participant name"].contains(normalised(text))
    }

    /// True for the columns survey tools add about a response rather than its answers.
    public static func isMetadataHeader(_ text: String) -> Bool {
        let words = Set(normalised(text).split(separator: " ").map(String.init))
        return !words.isDisjoint(with: ["id", "time", "date", "ip", "email", "collector", "start", "end", "started", "completed",
                                        "completion", "submitted", "status", "duration", "language", "address", "timestamp", "url", "custom"])
    }

    /// The answer a cell gives on the scale: by label first (after any leading number such as "4 - "),
    /// then by value. Nil when the text is neither; `extra` holds a mapping file's answers.
    public static func answer(_ text: String, on scale: Scale, extra: [String: Score] = [:]) -> Score? {
        let whole = normalised(text)
        guard !whole.isEmpty else { return nil }
        if let mapped = extra[whole] { return mapped }
        var words = whole.split(separator: " ").map(String.init)
        var number: Int?
        if let first = words.first, first.allSatisfy(\.isNumber) {
            number = Int(first)
            words.removeFirst()
        }
        let typed = words.joined(separator: " ")
        let label = synonyms[typed] ?? typed
        if !label.isEmpty {
            if let mapped = extra[typed] { return mapped }
            if let level = scale.levels.first(where: { normalised($0.label) == label }) { return .value(level.value) }
            if scale.dontKnow != nil, isDontKnow(label, option: scale.dontKnow) { return .dontKnow }
            return nil
        }
        if let number, scale.level(number) != nil { return .value(number) }
        return nil
    }

    /// Other wordings survey tools use for the agree/disagree scale's labels, normalised.
    static let synonyms: [String: String] = [
        "neither agree or disagree": "neither agree nor disagree", "neutral": "neither agree nor disagree",
        "neither": "neither agree nor disagree", "agree strongly": "strongly agree", "disagree strongly": "strongly disagree",
    ]

    static func isDontKnow(_ label: String, option: DontKnowOption?) -> Bool {
        let known = ["dont know", "don t know", "do not know", "dk", "not sure", "unsure", "dont-know"]
        return known.contains(label) || option.map { normalised($0.label) == label } == true
    }
}
