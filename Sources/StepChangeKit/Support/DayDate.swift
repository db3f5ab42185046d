import Foundation

/// Calendar days as the files store them (`YYYY-MM-DD`). "Today" is the day on the user's own
/// calendar: a session created at 00:30 during British Summer Time is dated that day, not the day before.
public enum DayDate {
    /// The day of a moment on the calendar of `timeZone` (the machine's own by default), as `YYYY-MM-DD`.
    public static func string(from date: Date, in timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return text(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }

    /// Parses `YYYY-MM-DD` strictly (real month and day), returning (year, month, day).
    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        if let digits = plainDigits(text) {
            guard (1...12).contains(digits.month), digits.day >= 1, digits.day <= daysIn(month: digits.month, year: digits.year) else { return nil }
            return digits
        }
        return parseBySplitting(text)
    }

    /// `parse` for any text: split at dashes, each part read as a number.
    static func parseBySplitting(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    public static func isValid(_ text: String) -> Bool { parse(text) != nil }

    /// The numbers of `dddd-dd` (day nil) or `dddd-dd-dd` written in ASCII digits, unchecked
    /// (`2027-13` gives month 13); nil for any other text, including a native string's other forms.
    static func asciiYearMonthDay(_ text: String) -> (year: Int, month: Int, day: Int?)? {
        let numbers = text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int?)? in
            guard bytes.count == 7 || bytes.count == 10, bytes[4] == UInt8(ascii: "-"),
                  bytes.count == 7 || bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7) else { return nil }
            guard bytes.count == 10 else { return (year, month, nil) }
            guard let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        return numbers ?? nil
    }

    /// The three numbers of text that is exactly ten bytes `DDDD-DD-DD` of ASCII digits, read without
    /// splitting (what the general path reads from such text); nil for any other text.
    static func plainDigits(_ text: String) -> (year: Int, month: Int, day: Int)? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var numbers = (0, 0, 0)
            for (position, byte) in bytes.enumerated() where position != 4 && position != 7 {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch position {
                case 0..<4: numbers.0 = numbers.0 * 10 + digit
                case 5..<7: numbers.1 = numbers.1 * 10 + digit
                default: numbers.2 = numbers.2 * 10 + digit
                }
            }
            return (numbers.0, numbers.1, numbers.2)
        } ?? nil
    }

    /// `String(format: "%04d-%02d-%02d", year, month, day)`, written digit by digit when every number fits
    /// its width (years 0–9999, months and days 0–99), through `String(format:)` otherwise.
    public static func text(year: Int, month: Int, day: Int) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let bytes: [UInt8] = [zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10), zero + UInt8(year % 10), dash,
                              zero + UInt8(month / 10), zero + UInt8(month % 10), dash, zero + UInt8(day / 10), zero + UInt8(day % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// English month names, January first, as reports and prompts write them.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    /// `monthNames` as UTF-8, for writing dates byte by byte.
    static let monthNameBytes: [[UInt8]] = monthNames.map { Array($0.utf8) }

    /// The day as people write it (`2026-11-23` → "23 November 2026"); anything else as written.
    public static func longForm(_ text: String) -> String {
        guard let (year, month, day) = parse(text) else { return text }
        return "\(day) \(monthNames[month - 1]) \(year)"
    }

    /// "\(day) \(monthNames[month - 1]) \(year)", or "\(monthNames[month - 1]) \(year)" without a day, written
    /// byte by byte for a month 1–12 and numbers 0–9999 (what interpolation writes for them); interpolated otherwise.
    static func spoken(day: Int?, month: Int, year: Int) -> String {
        guard (1...12).contains(month), (0...9999).contains(year), (0...9999).contains(day ?? 0) else {
            guard let day else { return "\(monthNames[month - 1]) \(year)" }
            return "\(day) \(monthNames[month - 1]) \(year)"
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var count = 0
            func number(_ value: Int) {
                var divisor = 1
                while divisor * 10 <= value { divisor *= 10 }
                while divisor > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    count += 1
                    divisor /= 10
                }
            }
            if let day {
                number(day)
                buffer[count] = UInt8(ascii: " ")
                count += 1
            }
            for byte in monthNameBytes[month - 1] {
                buffer[count] = byte
                count += 1
            }
            buffer[count] = UInt8(ascii: " ")
            count += 1
            number(year)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day `years` years after `text` (29 February falls back to the 28th).
    public static func adding(years: Int, to text: String) -> String? {
        guard let (year, month, day) = parse(text) else { return nil }
        let newYear = year + years
        return Self.text(year: newYear, month: month, day: min(day, daysIn(month: month, year: newYear)))
    }
}
