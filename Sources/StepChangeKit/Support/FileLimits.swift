import Foundation

/// The ranges every number read from a session or framework file must fall in. Chosen so that no
/// sum, difference or product the program computes can overflow, no drawing grows with the size of
/// a number, and each is still far beyond what a real workshop uses.
public enum FileLimits {
    /// Values a scale level may have.
    public static let scaleValues = -1000...1000
    /// How many levels a scale may have (a percentage scale 0–100 fits).
    public static let scaleLevels = 2...101
    /// Years a planning horizon may start or end after the workshop.
    public static let horizonYears = 0...100
    /// Dot votes each participant may have.
    public static let votesPerParticipant = 1...100
    /// Planned minutes per heading.
    public static let minutesPerHeading = 1...1440
    /// Round numbers of scores on one prompt.
    public static let roundNumbers = 1...1000
    /// The most digits a number inside an id may have (`p12`, `S3`, `A3.12`, `S1.MT2`).
    public static let idNumberDigits = 6

    /// A problem message when `value` is outside `range`, naming what was found and what is allowed.
    static func outside(_ value: Int, _ range: ClosedRange<Int>, _ what: String) -> String? {
        range.contains(value) ? nil : "\(value) is outside the range allowed for \(what): \(range.lowerBound) to \(range.upperBound)"
    }

    /// A problem message when an id holds a number longer than `idNumberDigits` digits.
    static func idNumberProblem(_ id: String) -> String? {
        // Over UTF-8 bytes: a digit is one ASCII byte, and every byte of any other character resets the run.
        var run = 0
        for byte in id.utf8 {
            run = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? run + 1 : 0
            if run > idNumberDigits {
                return "\"\(id.prefix(40))\" holds a number with more than \(idNumberDigits) digits; numbers in ids run up to 999999"
            }
        }
        return nil
    }
}
