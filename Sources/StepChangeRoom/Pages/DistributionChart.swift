import Foundation
import StepChangeKit

/// The reveal of a round as an inline SVG bar chart: one bar per scale value plus "don't know",
/// the median marked, every label in the picture itself so it reads from the back of the room.
enum DistributionChart {
    static func svg(_ stats: ConsensusStatistics, scale: Scale, width: Int = 1600, height: Int = 600) -> String {
        var bars = stats.distribution.map { (label: String($0.value), caption: scale.level($0.value)?.label ?? "", count: $0.count) }
        if scale.dontKnow != nil { bars.append((label: "?", caption: "Don't know", count: stats.abstentions)) }
        let highest = max(1, bars.map(\.count).max() ?? 1)
        let slot = Double(width) / Double(max(1, bars.count))
        let top = 110.0, bottom = Double(height) - 130
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Distribution of scores\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" style=\"max-height:50vh\">"
        for (index, bar) in bars.enumerated() {
            let barHeight = (bottom - top) * Double(bar.count) / Double(highest)
            let centre = slot * (Double(index) + 0.5)
            let y = bottom - barHeight
            out += "<rect x=\"\(format(centre - slot * 0.33))\" y=\"\(format(y))\" width=\"\(format(slot * 0.66))\" height=\"\(format(barHeight))\" fill=\"\(bar.label == "?" ? "#8a8a8a" : "#1a4fa0")\" rx=\"8\"/>"
            out += "<text x=\"\(format(centre))\" y=\"\(format(y - 12))\" text-anchor=\"middle\" font-size=\"48\" font-weight=\"bold\">\(bar.count)</text>"
            out += "<text x=\"\(format(centre))\" y=\"\(format(bottom + 52))\" text-anchor=\"middle\" font-size=\"48\" font-weight=\"bold\">\(HTMLRenderer.escape(bar.label))</text>"
            for (line, words) in captionLines(bar.caption).enumerated() {
                out += "<text x=\"\(format(centre))\" y=\"\(format(bottom + 88 + Double(line) * 30))\" text-anchor=\"middle\" font-size=\"26\">\(HTMLRenderer.escape(words))</text>"
            }
        }
        if let median = stats.median, let first = scale.values.first, let step = scale.values.dropFirst().first.map({ $0 - first }), step != 0 {
            let x = slot * ((median - Double(first)) / Double(step) + 0.5)
            // The line stops short of any count it would strike through: a bar's count sits on its centre,
            // about 36 units either side for two digits of 48-unit bold text.
            var spans = [(from: top - 60, to: bottom)]
            for (index, bar) in bars.enumerated() where abs(slot * (Double(index) + 0.5) - x) < 40 {
                let countBaseline = bottom - (bottom - top) * Double(bar.count) / Double(highest) - 12
                spans = spans.flatMap { span -> [(from: Double, to: Double)] in
                    let gapTop = countBaseline - 46, gapBottom = countBaseline + 8
                    guard span.from < gapBottom, span.to > gapTop else { return [span] }
                    return [(span.from, gapTop), (gapBottom, span.to)].filter { $0.to - $0.from > 4 }
                }
            }
            for span in spans {
                out += "<line x1=\"\(format(x))\" y1=\"\(format(span.from))\" x2=\"\(format(x))\" y2=\"\(format(span.to))\" stroke=\"#c0392b\" stroke-width=\"5\" stroke-dasharray=\"14 8\"/>"
            }
            out += "<text x=\"\(format(x))\" y=\"\(format(top - 72))\" text-anchor=\"middle\" font-size=\"32\" font-weight=\"bold\" fill=\"#c0392b\">median \(ScoreSummary.number(median))</text>"
        }
        return out + "</svg>"
    }

    /// A level's label in at most two short lines under its bar.
    static func captionLines(_ caption: String) -> [String] {
        var lines: [String] = [""]
        for word in caption.split(separator: " ") {
            if lines[lines.count - 1].count + word.count + 1 > 16, !lines[lines.count - 1].isEmpty {
                guard lines.count < 2 else { lines[1] += "…"; break }
                lines.append("")
            }
            lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : " ") + word
        }
        return lines
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
