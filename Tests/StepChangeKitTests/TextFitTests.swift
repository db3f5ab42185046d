import Foundation
import Testing
@testable import StepChangeKit

@Suite("Fitting lines to the terminal")
struct TextFitTests {
    @Test func shortLinesAreLeftExactlyAsTheyAre() {
        let text = "   1 S1    5 votes  short\n\nSecond line"
        #expect(TextWrap.fit(text, width: 40) == text)
    }

    @Test func longLinesBreakBetweenWordsKeepingColumnsAndHangingUnderTheText() {
        let row = "   =4  S5    1 vote   The partnership should give the third sector a seat at the strategic table."
        let fitted = TextWrap.fit(row, width: 60)
        let lines = fitted.split(separator: "\n").map(String.init)
        #expect(lines[0] == "   =4  S5    1 vote   The partnership should give the third")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") })
        #expect(fitted.split(whereSeparator: { $0 == " " || $0 == "\n" }) == row.split(separator: " "))
    }

    @Test func aNumberedEntryHangsUnderItsText() {
        #expect(TextWrap.fit("  12. Neighbourhood data is missing for three areas", width: 30)
                == "  12. Neighbourhood data is\n      missing for three areas")
    }

    @Test(arguments: [20, 33, 47, 80])
    func noLineIsWiderThanTheWidthUnlessOneWordIs(width: Int) {
        let text = String(repeating: "The partnership should develop mechanisms for ongoing dialogue with families. ", count: 4)
        for line in TextWrap.fit(text, width: width).split(separator: "\n") {
            #expect(line.count <= width)
        }
        let long = "Evidence: https://example.org/a-very-long-address-that-cannot-be-broken-anywhere-at-all and more"
        let lines = TextWrap.fit(long, width: 30).split(separator: "\n")
        #expect(lines.contains { $0.contains("https://example.org/a-very-long-address-that-cannot-be-broken-anywhere-at-all") })
    }
}
