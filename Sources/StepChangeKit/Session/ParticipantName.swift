import Foundation

/// How participants' names are compared: two names are the same person's when they match after
/// Unicode normalisation (NFC), with every run of white space (no-break and other spaces included)
/// taken as one space, ignoring case. So "Sam Lee", "sam  lee" and "Sam\u{A0}Lee" are one name.
public enum ParticipantName {
    /// The name as stored: NFC, trimmed, each run of white space one ordinary space.
    public static func tidy(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.allSatisfy(isInvisibleSpace) })
            .joined(separator: " ")
    }

    /// The key two names are compared by.
    public static func key(_ name: String) -> String {
        tidy(name).folding(options: [.caseInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }

    /// Zero-width and other invisible spacing characters that make two names look the same.
    static func isInvisibleSpace(_ scalar: Unicode.Scalar) -> Bool {
        [0x200B, 0x200C, 0x2060, 0xFEFF, 0x180E].contains(scalar.value)
    }
}
