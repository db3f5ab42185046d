import Foundation

extension String {
    /// The same as `caseInsensitiveCompare(other) == .orderedSame`, without Foundation's Unicode folding
    /// when both are ASCII (ids such as LN1 or A2.3 almost always are): byte by byte with ASCII case
    /// ignored, which is what the Foundation compare does for ASCII text.
    func sameIgnoringCase(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else {
            return caseInsensitiveCompare(other) == .orderedSame
        }
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (0x61...0x7A).contains(x | 0x20))
        }
    }
}
