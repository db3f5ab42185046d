import Foundation

/// An action's measure over time, as a council's "Milestone & Measures" table shows it: one column pair
/// (target, actual) per period, interim targets read from the target text ("6 by March 2027; 12 by
/// September 2027") and actuals from the progress reviews, with whether each period is on track.
public struct MeasureSeries: Equatable, Sendable {
    /// One period: its month (`2027-03`), the target due then and the actual reported for it.
    public struct Period: Equatable, Sendable {
        public var month: String
        public var target: String?
        public var actual: String?
        /// The review day the actual was recorded on.
        public var actualDate: String?
        /// Whether the actual meets the latest interim target due by this period; true also when it already meets
        /// the final target; nil when no target is due yet or the values are not numbers.
        public var onTrack: Bool?

        /// "March 2027".
        public var label: String { Milestone.label(month) }
    }

    public var measure: Measure
    /// The target with no date ("12"), the final target when the text gives no dates.
    public var finalTarget: String?
    public var periods: [Period]
    /// True when a lower value is better (the target is below the baseline).
    public var lowerIsBetter: Bool

    /// The series of `action`'s measure: periods from the dated targets and from every actual recorded.
    public init(_ action: Action) {
        measure = action.measure
        let targets = MeasureSeries.targets(in: action.measure.target)
        let finalTarget = targets.first { $0.month == nil }?.value
        self.finalTarget = finalTarget
        let baseline = MeasureSeries.number(action.measure.baseline)
        let lastTarget = targets.last.flatMap { MeasureSeries.number($0.value) }
        let lowerIsBetter = baseline.flatMap { base in lastTarget.map { $0 < base } } ?? false
        self.lowerIsBetter = lowerIsBetter
        var byMonth: [String: Period] = [:]
        for target in targets {
            guard let month = target.month else { continue }
            byMonth[month, default: Period(month: month)].target = target.value
        }
        for update in action.effectiveHistory {
            guard let actual = update.actual, !actual.isEmpty else { continue }
            let month = String((update.period.flatMap(PlanImport.parseMilestone) ?? update.date).prefix(7))
            byMonth[month, default: Period(month: month)].actual = actual
            byMonth[month, default: Period(month: month)].actualDate = update.date
        }
        let dated = targets.compactMap { target in target.month.map { ($0, target.value) } }
        periods = byMonth.values.sorted { $0.month < $1.month }.map { period in
            var period = period
            if let actual = period.actual.flatMap(MeasureSeries.number) {
                let met = { (target: Double) in lowerIsBetter ? actual <= target : actual >= target }
                if let target = dated.last(where: { $0.0 <= period.month }).flatMap({ MeasureSeries.number($0.1) }) {
                    period.onTrack = met(target)
                } else if let final = finalTarget.flatMap(MeasureSeries.number), met(final) {
                    period.onTrack = true
                }
            }
            return period
        }
    }

    /// The latest period with an actual: the measure's current position.
    public var latest: Period? { periods.last { $0.actual != nil } }

    /// "on track", "behind target", or "" when it cannot be told (no actual, no target due, or not numbers).
    public static func mark(_ onTrack: Bool?) -> String {
        switch onTrack {
        case true?: "on track"
        case false?: "behind target"
        case nil: ""
        }
    }

    /// The targets written in a measure's target text, separated by `;` or new lines: "VALUE by WHEN"
    /// gives an interim target for that month, a value alone the undated (final) target.
    public static func targets(in text: String) -> [(value: String, month: String?)] {
        text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).compactMap { piece in
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            if let range = trimmed.range(of: " by ", options: [.caseInsensitive, .backwards]),
               let when = PlanImport.parseMilestone(String(trimmed[range.upperBound...])) {
                return (trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces), String(when.prefix(7)))
            }
            return (trimmed, nil)
        }
    }

    /// The pieces of a target text that say "by …" with something that is not a month or a date.
    public static func unreadableTargetDates(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).compactMap { piece in
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard let range = trimmed.range(of: " by ", options: [.caseInsensitive, .backwards]),
                  PlanImport.parseMilestone(String(trimmed[range.upperBound...])) == nil else { return nil }
            return trimmed
        }
    }

    /// What `number` hands to `Double` for text of ASCII bytes plus `£` and `€`, found in one walk over the
    /// bytes: spaces and tabs trimmed from the ends, `%` `£` `$` `€` `,` dropped; "" when it is no number
    /// (a byte other than a digit, `.` or `-` is left). Nil for any other text, which takes the general reading.
    static func plainNumberText(_ text: String) -> String? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var kept: [UInt8] = []
            kept.reserveCapacity(end - start)
            var index = start, number = true
            while index < end {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"): kept.append(byte)
                case UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: ","): break
                case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA3: index += 1                       // £
                case 0xE2 where index + 2 < end && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xAC: index += 2  // €
                case 0x80...: return nil
                default: number = false
                }
                index += 1
            }
            return number ? String(decoding: kept, as: UTF8.self) : ""
        }
        return found ?? nil
    }

    /// True when the text holds an ASCII byte other than a space or tab, then a space, then ✓ (U+2713) or
    /// ✗ (U+2717), as an actual marked on or behind target does ("12 ✓"). The reading below then finds no
    /// number: the space starts a character of its own (after an ASCII byte nothing joins it to the one
    /// before), and neither end trim reaches it, since the byte before and the mark after are not white
    /// space; no decoration removed is a space, and a space is neither a digit, "." nor "-".
    static func hasMarkedValue(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 5 else { return false }
            for index in 1..<(bytes.count - 3) where bytes[index] == 0x20 && bytes[index + 1] == 0xE2 && bytes[index + 2] == 0x9C
                && (bytes[index + 3] == 0x93 || bytes[index + 3] == 0x97) {
                let before = bytes[index - 1]
                if before < 0x80 && before != 0x20 && before != 0x09 { return true }
            }
            return false
        }
        return found ?? false
    }

    /// A value as a number: "85%", "£6,000", " 12 " → 85, 6000, 12; nil when it holds words.
    public static func number(_ text: String) -> Double? {
        if let plain = plainNumberText(text) {
            // Up to fifteen digits alone are an integer Double holds exactly, as `Double(_:)` reads it.
            if plain.utf8.count <= 15, !plain.isEmpty, UTF8Scan.all(plain, { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return Double(plain.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            }
            return plain.isEmpty ? nil : Double(plain)
        }
        if hasMarkedValue(text) { return nil }
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        for decoration in ["%", "£", "$", "€"] { trimmed = trimmed.replacingOccurrences(of: decoration, with: "") }
        trimmed = trimmed.replacingOccurrences(of: ",", with: "")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Double(trimmed)
    }
}
