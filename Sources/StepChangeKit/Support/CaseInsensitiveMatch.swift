import Foundation

extension String {
    /// The same as `caseInsensitiveCompare(other) == .orderedSame`, without Foundation's Unicode folding
    /// when both are ASCII (ids such as LN1 or A2.3 almost always are): byte by byte with ASCII case
    /// ignored, which is what the Foundation compare does for ASCII text.
    /// The bytes are read in place (`withUTF8`), not through the UTF-8 view's iterator: item look-ups
    /// compare an id with every item's before the one they find.
    func sameIgnoringCase(_ other: String) -> Bool {
        var a = self, b = other
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard x.count == y.count else { return false }
                return zip(x, y).allSatisfy { p, q in
                    p == q || (p | 0x20 == q | 0x20 && (0x61...0x7A).contains(p | 0x20))
                }
            }
        }
        return ascii ?? (caseInsensitiveCompare(other) == .orderedSame)
    }
}
