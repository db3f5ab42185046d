import Foundation

/// "Did you mean …?" for a mistyped name: the closest candidate by edit distance, if close enough.
public enum Suggestion {
    /// The candidate nearest to `input`, or nil when none is within a third of its length (at least 2 edits).
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let lowered = input.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowance = max(2, input.count / 3)
        if best.1 <= allowance { return best.0 }
        return candidates.first { $0.lowercased().hasPrefix(lowered) && !lowered.isEmpty }
    }

    /// Levenshtein distance between two strings, counted in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
