import Foundation

/// The plain-text pieces the self-assessment shows: an item with its guidance and scale, the reveal
/// of a round, heading summaries, progress and the final self-assessment summary. No colour and no
/// cursor movement, so it reads the same on a projector, in a pipe and through a screen reader.
public struct AssessmentText: Sendable {
    public var width: Int

    public init(width: Int = 80) { self.width = width }

    /// The heading (with its summary when `introduce`), the item's prompt, guidance and evidence.
    public func item(_ item: Item, heading: Heading, position: (index: Int, count: Int), introduce: Bool) -> [String] {
        var lines: [String] = []
        if introduce {
            lines += ["", "== \(heading.id)  \(heading.title) ==", ""]
            if !heading.summary.isEmpty { lines += [wrap(heading.summary), ""] }
        } else {
            lines.append("")
        }
        lines.append("\(heading.id) \(heading.title) — item \(position.index) of \(position.count)")
        let label = item.id.padding(toLength: max(6, item.id.count + 2), withPad: " ", startingAt: 0)
        lines.append(TextWrap.wrap(item.prompt, width: width, indent: "      ", firstIndent: label))
        if !item.guidance.isEmpty { lines.append(wrap("Good looks like: " + item.guidance, indent: "      ")) }
        if !item.evidence.isEmpty { lines.append(wrap("Evidence to bring: " + item.evidence.joined(separator: "; "), indent: "      ")) }
        return lines
    }

    /// The scale with each level's descriptor.
    public func scale(_ scale: Scale) -> [String] {
        var lines = ["Scale:"]
        for level in scale.levels {
            lines.append(TextWrap.wrap("\(level.label) — \(level.descriptor)", width: width, indent: "      ",
                                       firstIndent: "  \(level.value)   ".padding(toLength: 6, withPad: " ", startingAt: 0)))
        }
        if let dontKnow = scale.dontKnow {
            lines.append(TextWrap.wrap("\(dontKnow.label) — \(dontKnow.descriptor)", width: width, indent: "      ", firstIndent: "  ?   "))
        }
        return lines
    }

    /// The reveal of the latest round: earlier rounds in one line each, then a histogram (beside the
    /// survey's when one was imported), count, abstentions, median, range and agreement class, who to hear
    /// first when divergent, the suggestion, and the comments from the survey and imported scores.
    public func reveal(_ assessment: ItemAssessment, session: Session) -> [String] {
        let round = revealOfRound(assessment, session: session)
        guard !round.isEmpty else { return [] }
        return round + SurveyRevealComments(session: session, itemID: assessment.itemID).lines(width: width)
    }

    func revealOfRound(_ assessment: ItemAssessment, session: Session) -> [String] {
        let scale = session.framework.scale
        guard let round = assessment.latestRound else { return [] }
        var lines: [String] = [""]
        for earlier in assessment.rounds.dropLast() {
            let stats = ConsensusStatistics(round: earlier, scale: scale)
            lines.append("Round \(earlier.number): " + oneLine(stats))
        }
        let stats = ConsensusStatistics(round: round, scale: scale)
        let source = round.source == .imported ? " (imported)" : ""
        lines.append("Round \(round.number)\(source): \(stats.count) score\(stats.count == 1 ? "" : "s"), \(stats.abstentions) don't know")
        let labelWidth = min(34, (scale.levels.map { $0.label.count }.max() ?? 0))
        let survey = SurveyComparison(session: session, itemID: assessment.itemID, round: round)
        if let survey { lines += survey.lines(width: width) }
        for entry in stats.distribution where survey == nil {
            let label = String((scale.level(entry.value)?.label ?? "").prefix(labelWidth)).padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append("  \(entry.value) \(label) | " + String(repeating: "#", count: entry.count) + (entry.count > 0 ? " " : "") + "\(entry.count)")
        }
        if scale.dontKnow != nil, survey == nil {
            let label = "Don't know".padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append("  ? \(label) | " + String(repeating: ".", count: stats.abstentions) + (stats.abstentions > 0 ? " " : "") + "\(stats.abstentions)")
        }
        guard let agreement = stats.agreement, let low = stats.minimum, let high = stats.maximum else {
            lines.append("No one gave a score, so there is nothing to suggest.")
            return lines
        }
        lines.append((survey == nil ? "" : "Room: ") + "Median \(Self.number(stats.median)) · range \(low == high ? "\(low)" : "\(low)–\(high)") · \(agreement.label)")
        if agreement == .divergent {
            if session.settings.scoring == .open {
                let names = { (value: Int) in
                    round.scores.filter { $0.score == .value(value) }.compactMap { session.participant($0.participant)?.name }
                        .joined(separator: ", ")
                }
                lines.append(wrap("Divergent: hear first from the highest scorer\(round.scores.filter { $0.score == .value(high) }.count == 1 ? "" : "s") (\(high): \(names(high))) and the lowest (\(low): \(names(low))).", indent: "  "))
            } else {
                lines.append(wrap("Divergent: before agreeing, hear first from whoever scored highest (\(high)) and lowest (\(low)).", indent: "  "))
            }
        }
        if let suggested = stats.suggestedConsensus {
            lines.append(wrap("Suggested consensus: \(suggested) — the median rounded to a scale value (a tie takes the lower).", indent: "  "))
        }
        return lines
    }

    /// After a heading: consensus per item, the heading mean, items needing attention, time used.
    public func headingSummary(_ headingID: String, session: Session, minutesUsed: Int?) -> [String] {
        let summary = AssessmentSummary(session: session)
        guard let result = summary.headings.first(where: { $0.heading.id == headingID }) else { return [] }
        var lines = ["", "Heading summary — \(result.heading.id) \(result.heading.title)"]
        for item in result.items {
            lines.append("  " + itemLine(item))
        }
        lines.append("Heading mean: \(result.mean.map { String(format: "%.1f", $0) } ?? "none agreed") (\(result.agreedCount) of \(result.items.count) agreed)")
        let attention = result.items.filter { needsAttention($0, scale: summary.scale) }
        lines.append("Needs attention: " + (attention.isEmpty ? "none" : attention.map { "\($0.item.id) (\($0.consensus.map(String.init) ?? "not agreed"))" }.joined(separator: ", ")))
        if let minutesUsed, let planned = session.settings.minutesPerHeading {
            lines.append(agenda(used: minutesUsed, planned: planned))
        }
        return lines
    }

    /// The self-assessment summary: consensus by heading, weakest items first, the most divergent
    /// items and every area for improvement.
    public func selfAssessmentSummary(_ session: Session) -> [String] {
        let summary = AssessmentSummary(session: session)
        var lines = ["", "== Self-assessment summary: \(session.title) ==", "", "Consensus by heading:"]
        for heading in summary.headings {
            let mean = heading.mean.map { String(format: "%.1f", $0) } ?? "—"
            lines.append("  \(heading.heading.id)  \(heading.heading.title): mean \(mean) (\(heading.agreedCount) of \(heading.items.count) agreed)")
            lines.append(wrap(heading.items.map { "\($0.item.id) \($0.consensus.map(String.init) ?? "—")" }.joined(separator: " · "), indent: "      "))
        }
        lines.append("Overall mean: \(summary.overallMean.map { String(format: "%.1f", $0) } ?? "none agreed") (\(summary.agreedCount) of \(summary.items.count) agreed)")
        lines += ["", "Weakest items first:"]
        let weakest = summary.weakestItems.prefix(5)
        lines += weakest.isEmpty ? ["  none agreed"] : weakest.map { "  " + itemLine($0) }
        lines += ["", "Most divergent items (first round):"]
        let divergent = summary.mostDivergent.prefix(5)
        lines += divergent.isEmpty ? ["  none — every item was within one level"] : divergent.map { result in
            "  \(result.item.id)  spread of \(result.firstRound?.spreadInLevels ?? 0) levels, agreed \(result.consensus.map(String.init) ?? "—")"
        }
        let areas = summary.areasForImprovement
        lines += ["", "Areas for improvement (\(areas.count)):"]
        lines += areas.isEmpty ? ["  none recorded"] : areas.map { wrap("- \($0.item.id): \($0.text)", indent: "    ", firstIndent: "  ") }
        return lines
    }

    /// Progress through the headings and items, for the `status` command.
    public func status(_ session: Session, cursor: AssessmentCursor) -> [String] {
        let summary = AssessmentSummary(session: session)
        var lines = ["Progress: \(summary.items.filter { $0.assessment?.isComplete == true }.count) of \(summary.items.count) items done."]
        for heading in summary.headings {
            let done = heading.items.filter { $0.assessment?.isComplete == true }.count
            lines.append("  \(heading.heading.id)  \(heading.heading.title): \(done) of \(heading.items.count) done")
        }
        let skipped = summary.items.filter { $0.assessment?.skipped == true && $0.assessment?.isComplete != true }.map(\.item.id)
        if !skipped.isEmpty { lines.append("Skipped, to come back to: " + skipped.joined(separator: ", ")) }
        if let itemID = cursor.itemID { lines.append("Now: \(itemID), \(Self.describe(cursor.step)).") }
        return lines
    }

    /// The agenda line: minutes used against the plan, with a warning when over.
    public func agenda(used: Int, planned: Int) -> String {
        used > planned
            ? "Time on this heading: \(used) of \(planned) minutes planned — over by \(used - planned) minute\(used - planned == 1 ? "" : "s"). Consider moving on."
            : "Time on this heading: \(used) of \(planned) minutes planned."
    }

    func needsAttention(_ result: AssessmentSummary.ItemResult, scale: Scale) -> Bool {
        guard let consensus = result.consensus, let index = scale.index(of: consensus) else { return true }
        return index < scale.levels.count / 2 || result.agreement == .divergent
    }

    func itemLine(_ result: AssessmentSummary.ItemResult) -> String {
        let score = result.consensus.map(String.init) ?? "—"
        let head = "\(result.item.id.padding(toLength: max(4, result.item.id.count), withPad: " ", startingAt: 0))  \(score)  "
        let room = max(20, width - head.count - 2)
        let prompt = result.item.prompt.count > room ? String(result.item.prompt.prefix(room - 1)) + "…" : result.item.prompt
        return head + prompt
    }

    func oneLine(_ stats: ConsensusStatistics) -> String {
        guard let agreement = stats.agreement, let low = stats.minimum, let high = stats.maximum else {
            return "no scores, \(stats.abstentions) don't know"
        }
        return "median \(Self.number(stats.median)), range \(low == high ? "\(low)" : "\(low)–\(high)"), \(agreement.label)"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func describe(_ step: AssessmentStep) -> String {
        switch step {
        case .participants: "adding participants"
        case .scoring: "scoring"
        case .consensus: "agreeing the consensus"
        case .confirmOutsideRange, .outsideRangeReason: "confirming a consensus outside the scores"
        case .evidence: "recording evidence"
        case .strengths: "recording strengths"
        case .areas: "recording areas for improvement"
        case .summary: "the summary"
        case .finished: "finished"
        }
    }

    func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        TextWrap.wrap(text, width: width, indent: indent, firstIndent: firstIndent)
    }
}
