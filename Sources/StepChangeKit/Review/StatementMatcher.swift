import Foundation

/// Pairs the improvement statements of two sessions: a statement is carried forward when a later one
/// says much the same (similar words) about the same prompts (shared items). Each statement is
/// matched at most once, the most similar pairs first.
public enum StatementMatcher {
    /// Two statements and how alike they are, from 0 (nothing in common) to 1 (the same).
    public struct Match: Equatable, Sendable {
        public let old: ImprovementStatement
        public let new: ImprovementStatement
        public let similarity: Double
    }

    /// The similarity at or above which a later statement counts as the same statement carried forward.
    public static let threshold = 0.35

    /// Matches statements one-to-one, most similar first; pairs below `threshold` are not matched.
    public static func match(old: [ImprovementStatement], new: [ImprovementStatement], threshold: Double = threshold) -> [Match] {
        var candidates: [(Int, Int, Double)] = []
        // Each statement's words once, not once per pair.
        let oldWords = old.map { words($0.text) }, newWords = new.map { words($0.text) }
        for (i, a) in old.enumerated() {
            for (j, b) in new.enumerated() {
                let score = similarity(a, b, words: (oldWords[i], newWords[j]))
                if score >= threshold { candidates.append((i, j, score)) }
            }
        }
        candidates.sort { ($1.2, $0.0, $0.1) < ($0.2, $1.0, $1.1) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var matches: [Match] = []
        for (i, j, score) in candidates where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            matches.append(Match(old: old[i], new: new[j], similarity: score))
        }
        return matches.sorted { $0.new.number < $1.new.number }
    }

    /// Text similarity and item overlap, weighted equally when both statements name items;
    /// text alone otherwise.
    public static func similarity(_ a: ImprovementStatement, _ b: ImprovementStatement) -> Double {
        similarity(a, b, words: (words(a.text), words(b.text)))
    }

    static func similarity(_ a: ImprovementStatement, _ b: ImprovementStatement, words: (Set<String>, Set<String>)) -> Double {
        let text = diceCoefficient(words.0, words.1)
        guard !a.itemIDs.isEmpty, !b.itemIDs.isEmpty else { return text }
        let itemsA = Set(a.itemIDs), itemsB = Set(b.itemIDs)
        let items = Double(itemsA.intersection(itemsB).count) / Double(itemsA.union(itemsB).count)
        return (text + items) / 2
    }

    /// The Dice coefficient of the two texts' meaningful words (lower-cased, plural `s` dropped,
    /// common words ignored).
    public static func textSimilarity(_ a: String, _ b: String) -> Double {
        diceCoefficient(words(a), words(b))
    }

    static func diceCoefficient(_ wordsA: Set<String>, _ wordsB: Set<String>) -> Double {
        guard !wordsA.isEmpty || !wordsB.isEmpty else { return 1 }
        return 2 * Double(wordsA.intersection(wordsB).count) / Double(wordsA.count + wordsB.count)
    }

    static func words(_ text: String) -> Set<String> {
        let tokens = text.lowercased().split { !$0.isLetter }.map(String.init)
        return Set(tokens.filter { $0.count > 2 && !commonWords.contains($0) }.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        })
    }

    static let commonWords: Set<String> = [
        "the", "and", "for", "that", "with", "should", "partnership", "partners", "partner", "are", "their", "this",
        "its", "into", "from", "they", "them", "those", "which", "will", "can", "our", "all", "who", "through", "order",
        "ensure", "including", "develop", "consider", "more", "over", "above", "have", "has", "been", "such", "other",
    ]
}
