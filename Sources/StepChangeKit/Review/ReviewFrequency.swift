import Foundation

/// How often a measure is reviewed, read from the words plans use ("Quarterly", "Termly", "Bi annual",
/// "Six-monthly", "Annual"), as a number of months; nil for "NA", "Each meeting" and other wordings.
public enum ReviewFrequency {
    public static func months(_ text: String) -> Int? {
        // ASCII text keeps its letters A–Z, lower-cased, byte by byte (no other ASCII character is a letter).
        let key = text.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: text.utf8.compactMap { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
                default: nil
                }
            }, as: UTF8.self)
            : text.lowercased().filter(\.isLetter)
        switch key {
        case "monthly": return 1
        case "bimonthly", "everytwomonths": return 2
        case "quarterly", "everyquarter", "everythreemonths", "threemonthly": return 3
        case "termly", "eachterm", "everyterm": return 4
        case "biannual", "biannually", "sixmonthly", "halfyearly", "twiceayear", "everysixmonths": return 6
        case "annual", "annually", "yearly", "everyyear", "onceayear": return 12
        default: return nil
        }
    }

    /// The day `months` months after `day` (the 31st falls back to the month's last day).
    public static func adding(months: Int, to day: String) -> String? {
        guard let (year, month, date) = DayDate.parse(day) else { return nil }
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        return DayDate.text(year: newYear, month: newMonth, day: min(date, DayDate.daysIn(month: newMonth, year: newYear)))
    }
}
