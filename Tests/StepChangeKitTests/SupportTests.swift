import Foundation
import Testing
@testable import StepChangeKit

@Suite("Small pieces the rest relies on")
struct SupportTests {
    @Test(arguments: [
        ("Riverside Child Poverty Self-Assessment 2026", "riverside-child-poverty-self-assessment-2026"),
        ("../../etc/passwd", "etc-passwd"),
        ("Café — Ōkōtoks / “quoted”", "cafe-okotoks-quoted"),
        ("🙂🙂", "session"),
        ("", "session"),
    ])
    func slugsAreFileNameSafe(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test(arguments: [("2026-02-29", false), ("2028-02-29", true), ("2026-13-01", false), ("2026-1-01", false), ("2026-11-23", true), ("soon", false)])
    func dayDatesAreParsedStrictly(text: String, valid: Bool) {
        #expect(DayDate.isValid(text) == valid)
    }

    @Test func addingYearsKeepsTheDay() {
        #expect(DayDate.adding(years: 3, to: "2026-11-23") == "2029-11-23")
        #expect(DayDate.adding(years: 1, to: "2028-02-29") == "2029-02-28")
    }

    @Test func aDayIsWrittenAsStringFormatWroteIt() throws {
        var calendar = Calendar(identifier: .gregorian)
        for zone in ["UTC", "Europe/London", "Pacific/Kiritimati", "America/Los_Angeles"] {
            let timeZone = try #require(TimeZone(identifier: zone))
            calendar.timeZone = timeZone
            for seconds in stride(from: -80_000_000_000.0, through: 300_000_000_000.0, by: 3_456_789_013.7) + [0, 1_795_000_000, 1_795_046_399] {
                let date = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                let old = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
                #expect(DayDate.string(from: date, in: timeZone) == old, "\(seconds) in \(zone)")
            }
        }
        for (years, text) in [(-2026, "2026-03-01"), (8_000, "2026-02-28"), (-1, "0000-01-01")] {
            guard let (year, month, day) = DayDate.parse(text) else { continue }
            #expect(DayDate.adding(years: years, to: text) == String(format: "%04d-%02d-%02d", year + years, month, day))
        }
    }

    @Test(arguments: [("framwork", "framework"), ("sesions", "sessions"), ("xyzzy", nil as String?)])
    func suggestionsFindCloseNames(input: String, expected: String?) {
        #expect(Suggestion.closest(to: input, among: ["framework", "frameworks", "sessions", "export"]) == expected)
    }

    @Test func wrappingKeepsLinesWithinWidth() {
        let text = String(repeating: "word ", count: 60)
        let wrapped = TextWrap.wrap(text, width: 30, indent: "  ")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 30 })
        #expect(wrapped.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("  ") })
    }

    @Test func scoresParseAsTyped() {
        let scale = Framework.childPoverty.scale
        #expect(Score.parse("3", on: scale) == .value(3))
        #expect(Score.parse(" ? ", on: scale) == .dontKnow)
        #expect(Score.parse("-", on: scale) == .dontKnow)
        #expect(Score.parse("6", on: scale) == nil)
        #expect(Score.parse("three", on: scale) == nil)
    }
}
