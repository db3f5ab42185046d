import Foundation
import StepChangeKit

/// The reveal of a round as an inline SVG bar chart: one bar per scale value plus "don't know",
/// the median marked, every label in the picture itself so it reads from the back of the room.
enum DistributionChart {
    static func svg(_ stats: ConsensusStatistics, scale: Scale, width: Int = 900, height: Int = 420) -> String {
        var bars = stats.distribution.map { (label: String($0.value), caption: scale.level($0.value)?.label ?? "", count: $0.count) }
        if scale.dontKnow != nil { bars.append((label: "?", caption: "Don't know", count: stats.abstentions)) }
        let highest = max(1, bars.map(\.count).max() ?? 1)
        let slot = Double(width) / Double(max(1, bars.count))
        let top = 40.0, bottom = Double(height) - 70
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Distribution of scores\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" style=\"max-width:\(width)px\">"
        for (index, bar) in bars.enumerated() {
            let barHeight = (bottom - top) * Double(bar.count) / Double(highest)
            let x = slot * Double(index) + slot * 0.15
            let y = bottom - barHeight
            out += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(slot * 0.7))\" height=\"\(format(barHeight))\" fill=\"\(bar.label == "?" ? "#999" : "#1a4fa0")\" rx=\"6\"/>"
            out += "<text x=\"\(format(x + slot * 0.35))\" y=\"\(format(y - 8))\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"bold\">\(bar.count)</text>"
            out += "<text x=\"\(format(x + slot * 0.35))\" y=\"\(format(bottom + 32))\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"bold\">\(HTMLText.escape(bar.label))</text>"
            out += "<text x=\"\(format(x + slot * 0.35))\" y=\"\(format(bottom + 60))\" text-anchor=\"middle\" font-size=\"18\">\(HTMLText.escape(String(bar.caption.prefix(22))))</text>"
        }
        if let median = stats.median, let first = scale.values.first, let step = scale.values.dropFirst().first.map({ $0 - first }), step != 0 {
            let position = (median - Double(first)) / Double(step)
            let x = slot * (position + 0.5)
            out += "<line x1=\"\(format(x))\" y1=\"\(format(top - 20))\" x2=\"\(format(x))\" y2=\"\(format(bottom))\" stroke=\"#c33\" stroke-width=\"4\" stroke-dasharray=\"10 6\"/>"
            out += "<text x=\"\(format(x + 8))\" y=\"\(format(top - 4))\" font-size=\"22\" fill=\"#c33\">median \(ScoreSummary.number(median))</text>"
        }
        return out + "</svg>"
    }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}

/// The reveal's figures in words: "Median 3 · range 2–4 · broad agreement".
enum ScoreSummary {
    static func line(_ stats: ConsensusStatistics) -> String {
        guard let low = stats.minimum, let high = stats.maximum, let agreement = stats.agreement else {
            return "No one gave a score on the scale."
        }
        return "Median \(number(stats.median)) · range \(low == high ? "\(low)" : "\(low)–\(high)") · \(agreement.label)"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
