import Foundation

/// How participants' names are compared: two names are the same person's when they look the same —
/// they match after Unicode compatibility normalisation (NFKC), ignoring case and every invisible
/// character, each run of white space counting as one space, with the Cyrillic and Greek letters that look like Latin ones read as Latin.
/// So "Sam Lee", "sam  lee", "Sam\u{A0}Lee", "Sa\u{200B}m Lee" and "Ѕаm Lee" (Cyrillic) are one name.
public enum ParticipantName {
    /// The name as stored: NFC, trimmed, zero-width characters dropped, each run of white space one ordinary space.
    public static func tidy(_ name: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars
        where !(isInvisibleSpace(scalar) && !isBlankWithWidth(scalar)) {
            kept.append(isBlankWithWidth(scalar) ? " " : scalar)
        }
        return String(kept).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The key two names are compared by: what a reader sees, without case, invisible characters or
    /// repeated spaces ("Jo Anne" and "Joanne" stay two names).
    public static func key(_ name: String) -> String {
        asciiKey(name) ?? unicodeKey(name)
    }

    /// The key through Unicode: compatibility mapping, case and width folding, then the scalars kept.
    static func unicodeKey(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
        var key = String.UnicodeScalarView()
        var spaceDue = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace || isBlankWithWidth(scalar) {
                spaceDue = !key.isEmpty
                continue
            }
            guard !isUnseen(scalar) else { continue }
            if spaceDue { key.append(" "); spaceDue = false }
            key.append(latinLookAlike[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar)
        }
        return String(key).precomposedStringWithCanonicalMapping
    }

    /// The key of an all-ASCII name, byte by byte: for ASCII, compatibility and canonical mapping change
    /// nothing, folding only lower-cases A–Z, the white space is tab to carriage return and space, and no
    /// character is invisible or a look-alike. Nil for any other name, which `key` reads through Unicode.
    static func asciiKey(_ name: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        var spaceDue = false
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x09...0x0D, 0x20:
                spaceDue = !key.isEmpty
            default:
                if spaceDue { key.append(0x20); spaceDue = false }
                key.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether a name shows nothing at all: only spaces and invisible characters.
    public static func isBlank(_ name: String) -> Bool {
        key(name).isEmpty
    }

    /// Zero-width and other invisible spacing characters that make two names look the same.
    static func isInvisibleSpace(_ scalar: Unicode.Scalar) -> Bool {
        [0x200B, 0x200C, 0x2060, 0xFEFF, 0x180E, 0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0].contains(scalar.value)
    }

    /// Characters that show as an empty gap the width of a letter, so they read as a space.
    static func isBlankWithWidth(_ scalar: Unicode.Scalar) -> Bool {
        [0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0].contains(scalar.value)
    }

    /// White space, and characters a reader cannot see (zero-width, soft hyphen, bidirectional marks,
    /// variation selectors, fillers and the blank Braille pattern).
    static func isUnseen(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint || isInvisibleSpace(scalar)
    }

    /// Lower-case Cyrillic and Greek letters that look like a Latin letter (in either case), by code point.
    static let latinLookAlike: [UInt32: UInt32] = [
        // Cyrillic а в е к м н о р с т у х ѕ і ј һ ԁ ԛ ԝ
        0x0430: 0x61, 0x0432: 0x62, 0x0435: 0x65, 0x043A: 0x6B, 0x043C: 0x6D, 0x043D: 0x68, 0x043E: 0x6F,
        0x0440: 0x70, 0x0441: 0x63, 0x0442: 0x74, 0x0443: 0x79, 0x0445: 0x78, 0x0455: 0x73, 0x0456: 0x69,
        0x0458: 0x6A, 0x04BB: 0x68, 0x0501: 0x64, 0x051B: 0x71, 0x051D: 0x77,
        // Greek α β ε ζ η ι κ μ ν ο ρ τ υ χ
        0x03B1: 0x61, 0x03B2: 0x62, 0x03B5: 0x65, 0x03B6: 0x7A, 0x03B7: 0x68, 0x03B9: 0x69, 0x03BA: 0x6B,
        0x03BC: 0x6D, 0x03BD: 0x6E, 0x03BF: 0x6F, 0x03C1: 0x70, 0x03C4: 0x74, 0x03C5: 0x79, 0x03C7: 0x78,
    ]
}
