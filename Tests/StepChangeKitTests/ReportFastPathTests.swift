import Foundation
import Testing
@testable import StepChangeKit

/// The byte-level readings and writers taken for export speed (issue 15) answer exactly what the code they
/// replaced answered: each is compared with a copy of that code over hand-picked and random awkward text.
@Suite("Export fast paths give the same answers and bytes")
struct ReportFastPathTests {
    // MARK: References: the code as it was

    static func referenceDayParse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= DayDate.daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    static func referenceMilestoneParse(_ text: String) -> String? {
        let months = DayDate.monthNames.map { $0.lowercased() }
        func year(_ word: String) -> Int? {
            guard word.count == 4, let year = Int(word), year >= 1900 else { return nil }
            return year
        }
        func monthNumber(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
        }
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if referenceDayParse(typed) != nil { return typed }
        let dashed = typed.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 2, dashed[0].count == 4, let year = Int(dashed[0]), let month = Int(dashed[1]),
           (1...2).contains(dashed[1].count), (1...12).contains(month) {
            return String(format: "%04d-%02d", year, month)
        }
        let words = typed.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if words.count == 2, let month = monthNumber(words[0]), let year = year(words[1]) {
            return String(format: "%04d-%02d", year, month)
        }
        if words.count == 3, let day = Int(words[0].trimmingCharacters(in: .letters)), let month = monthNumber(words[1]),
           let year = year(words[2]) {
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            return referenceDayParse(date) != nil ? date : nil
        }
        return nil
    }

    static func referenceMilestoneLabel(_ milestone: String) -> String {
        guard let canonical = referenceMilestoneParse(milestone) else { return milestone }
        if let (year, month, day) = referenceDayParse(canonical) { return "\(day) \(DayDate.monthNames[month - 1]) \(year)" }
        let parts = canonical.split(separator: "-").compactMap { Int($0) }
        return "\(DayDate.monthNames[parts[1] - 1]) \(parts[0])"
    }

    static func referenceNumber(_ text: String) -> Double? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        for decoration in ["%", "£", "$", "€"] { trimmed = trimmed.replacingOccurrences(of: decoration, with: "") }
        trimmed = trimmed.replacingOccurrences(of: ",", with: "")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Double(trimmed)
    }

    static func referenceCSVField(_ text: String) -> String {
        var value = text
        if value.unicodeScalars.contains(where: CSVWriter.isDropped) {
            value = String(String.UnicodeScalarView(value.unicodeScalars.filter { !CSVWriter.isDropped($0) }))
        }
        if CSVWriter.couldStartFormula(value) { value = "'" + value }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func referenceNumberedHistory(_ action: Action) -> [(number: Int, update: ProgressUpdate)] {
        action.updates.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map { ($0.offset + 1, $0.element) }
    }

    static func referenceEffectiveHistory(_ action: Action) -> [ProgressUpdate] {
        let superseded = Set(action.updates.compactMap(\.supersedes))
        return referenceNumberedHistory(action).filter { !superseded.contains($0.number) && $0.update.withdrawal != true }.map(\.update)
    }

    // MARK: Inputs

    static func random(_ alphabet: [String], count: Int, seed: UInt64, length: ClosedRange<Int> = 0...12) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in (0..<Int.random(in: length, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined() }
    }

    static var dates: [String] {
        ["2027-03-31", "2027-02-29", "2028-02-29", "1900-02-29", "2000-02-29", "2027-00-10", "2027-13-01", "2027-04-31", "2027-04-00",
         "0999-01-01", "+999-01-01", "-999-01-01", "2027-3-31", "2027-03-1", "2027-03", "2027-3", "2027-13", "2027-00", "0000-01",
         "2027/03/31", " 2027-03-31", "2027-03-31 ", "2027-٠٣-31", "٢٠٢٧-03", "2027-03-31\u{301}", "March 2027", "31 March 2027",
         "mar 2027", "1st March, 2027", "2027—03", "", "-", "--", "2027--03", "2027-03-"]
            + random(["0", "1", "2", "3", "9", "-", "+", " ", "a", "٣", "\u{301}", "/"], count: 3_000, seed: 40, length: 5...11)
    }

    // MARK: Tests

    @Test func datesAndMilestonesReadAsBefore() {
        for text in Self.dates {
            let day = DayDate.parse(text), reference = Self.referenceDayParse(text)
            #expect(day?.year == reference?.year && day?.month == reference?.month && day?.day == reference?.day, "\(text)")
            #expect(Milestone.parse(text) == Self.referenceMilestoneParse(text), "\(text)")
            #expect(Milestone.label(text) == Self.referenceMilestoneLabel(text), "\(text)")
            #expect(DayDate.longForm(text) == (Self.referenceDayParse(text).map { "\($0.day) \(DayDate.monthNames[$0.month - 1]) \($0.year)" } ?? text))
        }
    }

    @Test func measureValuesReadAsBefore() {
        let texts = ["12", " 12 ", "\t12\t", "85%", "£6,000", "$1,234.50", "€ 5", "€5", "5 %", "-3", "-.5", "1.2.3", "1-2", "--1", "-", ".",
                     "", " ", "12a", "1e5", "inf", "nan", "0x10", "١٢", "12\u{A0}", "\u{A0}12", "£\u{301}5", "5\u{301}", "1\r\n",
                     "£", "€", "%", ",", "1,,2", "\u{2009}7", "+5", "12£", "\u{FFE1}5"]
            + Self.random(["0", "1", "9", ".", "-", ",", "%", "$", "£", "€", " ", "\t", "a", "e", "+", "\u{A0}", "\u{301}", "\r\n", "٣"],
                          count: 4_000, seed: 41)
        for text in texts {
            let fast = MeasureSeries.number(text), reference = Self.referenceNumber(text)
            #expect(fast == reference || (fast?.isNaN == true && reference?.isNaN == true), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func markdownListMarkersAreEscapedAsBefore() {
        let texts = ["#\u{301}x", "-\u{301} x", "1\u{301}. x", "١. x", "1. x", "12) x", "1.x", "\r\n1. x", "a1. x", "1", ".", ")",
                     "1.", "1. ", "=", "+\u{301}", "é. x", "🙂. x", "1😀. x", "\u{7F}1. x"]
            + Self.random(["1", "2", ".", ")", " ", "#", ">", "-", "+", "=", "a", "\u{301}", "١", "😀", "\r\n"], count: 3_000, seed: 42)
        for text in texts {
            #expect(MarkdownRenderer.inline(text) == FasterPathTests.referenceMarkdownInline(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func csvFieldsAreWrittenAsBefore() {
        let texts = ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rlf", "\u{1}x", "\u{7F}x", "\u{80}x", "\u{9F}x", "\u{A0}x", "£5",
                     "=SUM(A1)", " =1", "-3", "-0.41", "+1", "@x", "\u{FF1D}1", "\tx", "é", "😀,"]
            + Self.random(["a", ",", "\"", "\n", "\r", "\t", "\u{1}", "\u{7F}", "\u{85}", "\u{A3}", "=", "-", "1", " ", "é", "😀"],
                          count: 3_000, seed: 43)
        for text in texts {
            #expect(CSVWriter.field(text) == Self.referenceCSVField(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func progressHistoryIsInTheSameOrderAsBefore() {
        var random = SeededRandom(seed: 44)
        let days = ["2027-01-31", "2027-01-31", "2027-02-28", "2027-05-02", "2026-12-01", "2027-1-5", ""]
        for _ in 0..<500 {
            let count = Int.random(in: 0...7, using: &random)
            let updates = (0..<count).map { index in
                ProgressUpdate(date: days.randomElement(using: &random)!, reviewer: "R", status: .onTrack, note: "n\(index)",
                               actual: Bool.random(using: &random) ? String(index) : nil, recordedAt: Date(timeIntervalSince1970: 0),
                               supersedes: index > 0 && Int.random(in: 0...3, using: &random) == 0 ? Int.random(in: 1...index, using: &random) : nil,
                               withdrawal: Int.random(in: 0...5, using: &random) == 0 ? true : nil)
            }
            let action = Action(ref: "A1", description: "Action", updates: updates)
            #expect(action.numberedHistory.map(\.number) == Self.referenceNumberedHistory(action).map(\.number))
            #expect(action.history == Self.referenceNumberedHistory(action).map(\.update))
            #expect(action.effectiveHistory == Self.referenceEffectiveHistory(action))
        }
    }

    @Test func spreadsheetRowsAndWidthsAreWrittenAsBefore() {
        let texts = ["", "plain", "two\nlines", "cr\r\nlf", "é\nab", "a & <b>", "\u{1}", "😀😀", "\n\n", "long line of text here"]
            + Self.random(["a", " ", "\n", "\r", "\r\n", "é", "&", "<", "😀", "\u{1}"], count: 500, seed: 45)
        for text in texts {
            #expect(XlsxWriter.longestLine(text) == (text.split(separator: "\n").map(\.count).max() ?? 0), "\(Array(text.unicodeScalars))")
        }
        let rags: [RAGStatus] = [.blue, .green, .amber, .red, .grey]
        let numberTexts = ["1.", "1.2.34", "1.25.", "½.25", "0.50", "12", ".5", "..", "1..25", "a.bc", "1.2\u{301}5", "٣.٢٥", "-0.41", ""]
        let rows: [[ReportCell]] = texts.indices.map { index in
            [.text(texts[index]), .status(rags[index % rags.count], label: texts[(index + 1) % texts.count]),
             .number(Double(index) / 4, text: index % 2 == 0 ? "\(index).25" : String(index)), .date(index % 3 == 0 ? "2027-03" : "2027-03-31"),
             .date(texts[index]), .text(""), .number(Double(index), text: numberTexts[index % numberTexts.count]),
             .number(index % 7 == 0 ? .infinity : -Double(index) / 3, text: texts[index])]
                + (index % 4 == 0 ? [] : [.text(texts[(index + 2) % texts.count])])
        }
        let reference = rows.enumerated().map { rowIndex, row in
            "<row r=\"\(rowIndex + 2)\">" + row.enumerated().map { index, cell in
                XlsxWriter.cellXML(cell, reference: "\(Sheet.columnName(index))\(rowIndex + 2)")
            }.joined() + "</row>"
        }.joined()
        #expect(String(decoding: XlsxWriter.rowsXML(rows), as: UTF8.self) == reference)
    }

    @Test func plansReadBackAsFoundationReadsThem() throws {
        let texts = ["plain", "quote \" and \\ backslash", "slash / here", "controls \u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", "tab\tnew\nline\r",
                     "emoji 😀 and e\u{301}", "bidi \u{202E}abc\u{202C}", "\u{FEFF}bom", "\u{2028}\u{2029}", "", "💩\u{FE0F}"]
            + Self.random(["a", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "é", "😀", "\u{202E}", "\u{FFFD}"], count: 300, seed: 46)
        var actions: [Action] = []
        for (index, text) in texts.enumerated() {
            actions.append(Action(ref: "A\(index)", outcomeIDs: [text], description: text, measure: Measure(indicator: text, target: text),
                                  updates: [ProgressUpdate(date: "2027-01-31", reviewer: text, status: .onTrack, note: text, actual: text,
                                                           recordedAt: Date(timeIntervalSince1970: Double(index) * 86_401),
                                                           supersedes: index % 3 == 0 ? index : nil, withdrawal: index % 5 == 0 ? true : nil)]))
        }
        for value in [actions, [], Array(actions.prefix(1))] {
            #expect(try CanonicalJSON.jsonValue(value) == JSONValue.parse(Data(CanonicalJSON.bytes(value)), source: "plans"))
        }
        let numbers: [Double] = [1, 2.5, -0.0, 1e300, -1.5e-7, 1.2345678901234567e19, 0.1 + 0.2, .infinity, .nan, .leastNonzeroMagnitude]
        #expect(try CanonicalJSON.jsonValue(numbers) == JSONValue.parse(Data(CanonicalJSON.bytes(numbers)), source: "t"))
        let mixed = Mixed()
        #expect(try CanonicalJSON.jsonValue(mixed) == JSONValue.parse(Data(CanonicalJSON.bytes(mixed)), source: "t"))
        // A name given twice is left to the parser, which reads the one the bytes hold.
        #expect(try CanonicalJSON.jsonValue(Twice()) == nil)
        #expect(try JSONValue.parse(Data(CanonicalJSON.bytes(Twice())), source: "t") == .object(["a": .number(1)]))
    }

    /// Values of every kind the tree holds: flags, whole and fractional numbers, null, empty and nested
    /// containers, texts with escapes, a dictionary's keys.
    struct Mixed: Encodable {
        var flags = [true, false]
        var whole = [0, -1, Int.max, Int.min]
        var missing: [Int?] = [nil, 3]
        var empty: [String: [Int]] = ["": [], "x": [1]]
        var nested = [[[String]]](repeating: [["\u{0}\"\\/\n", "é😀"], []], count: 2)
        var when = Date(timeIntervalSince1970: 1_796_000_000)
        var none: String? = nil
    }

    /// An object that names the same field twice.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case a }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .a)
        }
    }
}
