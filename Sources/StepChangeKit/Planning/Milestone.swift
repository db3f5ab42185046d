import Foundation

/// An action's milestone: a month (`2027-03`) or a day (`2027-03-31`). Typed forms such as
/// "March 2027", "Mar 2027", "31 March 2027" or "2027-3" are read and stored in the canonical form.
public enum Milestone {
    static let months = DayDate.monthNames.map { $0.lowercased() }

    /// The canonical form of a typed milestone, or nil when it is not a month or a date.
    public static func parse(_ text: String) -> String? {
        // The stored forms (`2027-03`, `2027-03-31`) in ASCII digits are their own canonical form when
        // they are a real month or day, as the reading below finds; any other text takes that reading.
        if let (_, month, day) = DayDate.asciiYearMonthDay(text), (1...12).contains(month),
           day == nil || DayDate.isValid(text) {
            return text
        }
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if DayDate.isValid(typed) { return typed }
        let dashed = typed.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 2, dashed[0].count == 4, let year = Int(dashed[0]), let month = Int(dashed[1]),
           (1...2).contains(dashed[1].count), (1...12).contains(month) {
            return monthString(year, month)
        }
        let words = typed.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if words.count == 2, let month = monthNumber(words[0]), let year = year(words[1]) {
            return monthString(year, month)
        }
        if words.count == 3, let day = Int(words[0].trimmingCharacters(in: .letters)), let month = monthNumber(words[1]),
           let year = year(words[2]) {
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            return DayDate.isValid(date) ? date : nil
        }
        return nil
    }

    public static func isValid(_ text: String) -> Bool { parse(text) == text }

    /// The text itself when it is already a stored milestone made of ASCII digits (`2027-03` with a real
    /// month, or a real `2027-03-31`), which `parse` and `PlanImport.parseMilestone` return unchanged;
    /// nil when it is anything else, for those to read.
    static func storedForm(_ text: String) -> String? {
        let bytes = text.utf8
        if bytes.count == 10 { return DayDate.plainDigits(text) != nil && DayDate.isValid(text) ? text : nil }
        guard bytes.count == 7 else { return nil }
        var month = 0
        for (position, byte) in bytes.enumerated() {
            if position == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            if position > 4 { month = month * 10 + Int(byte - UInt8(ascii: "0")) }
        }
        return (1...12).contains(month) ? text : nil
    }

    /// True when the milestone falls before the session date: a day before it, or a month before its month.
    public static func isBefore(_ milestone: String, sessionDate: String) -> Bool {
        guard let canonical = parse(milestone) else { return false }
        if canonical.count == 7 { return canonical < String(sessionDate.prefix(7)) }
        return canonical < sessionDate
    }

    /// The milestone as people say it: "March 2027", "31 March 2027".
    public static func label(_ milestone: String) -> String {
        // A stored month or day in ASCII digits is named straight from its numbers, as below.
        if let (year, month, day) = DayDate.asciiYearMonthDay(milestone), (1...12).contains(month) {
            guard let day else { return DayDate.spoken(day: nil, month: month, year: year) }
            if day >= 1, day <= DayDate.daysIn(month: month, year: year) { return DayDate.spoken(day: day, month: month, year: year) }
        }
        guard let canonical = parse(milestone) else { return milestone }
        if DayDate.isValid(canonical) { return DayDate.longForm(canonical) }
        let parts = canonical.split(separator: "-").compactMap { Int($0) }
        return "\(DayDate.monthNames[parts[1] - 1]) \(parts[0])"
    }

    /// What to type, for refusals.
    public static let expected = "a month such as 2027-03 or March 2027, or a date such as 2027-03-31"

    private static func monthString(_ year: Int, _ month: Int) -> String { String(format: "%04d-%02d", year, month) }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), year >= 1900 else { return nil }
        return year
    }

    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }
}
