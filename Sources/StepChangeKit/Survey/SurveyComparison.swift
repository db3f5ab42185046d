import Foundation

/// The survey's answers to one item beside the room's latest round, level by level: what the reveal
/// shows on the terminal, the exports tabulate and the room's projector page can draw. A pure value
/// built from the session, so every view shows the same numbers.
public struct SurveyComparison: Equatable, Sendable {
    /// One level of the scale (or don't know, when `value` is nil) with both counts.
    public struct Row: Equatable, Sendable {
        public var value: Int?
        public var label: String
        public var survey: Int
        public var room: Int?
    }

    public let itemID: String
    /// Survey respondents who answered this item, don't-knows included.
    public let surveyResponses: Int
    /// Statistics of the survey's answers (median, agreement), as for a round.
    public let surveyStatistics: ConsensusStatistics
    /// The room's round shown beside it, if the group has scored.
    public let roomRound: ScoringRound?
    public let rows: [Row]

    /// The comparison for an item the survey asked; nil when the session has no survey answers for it.
    /// `round` is the room's round to show (the latest when omitted).
    public init?(session: Session, itemID: String, round: ScoringRound? = nil) {
        guard let answers = session.survey?.item(itemID) else { return nil }
        let scale = session.framework.scale
        self.itemID = answers.itemID
        surveyResponses = answers.responses
        surveyStatistics = ConsensusStatistics(scores: answers.scores, scale: scale)
        let room = round ?? session.assessment(of: itemID)?.latestRound
        roomRound = room
        let roomScores = room?.scores.map(\.score) ?? []
        var rows = scale.levels.map { level in
            Row(value: level.value, label: level.label, survey: answers.count(of: level.value),
                room: room == nil ? nil : roomScores.filter { $0 == .value(level.value) }.count)
        }
        if let dontKnow = scale.dontKnow {
            rows.append(Row(value: nil, label: dontKnow.label, survey: answers.dontKnow,
                            room: room == nil ? nil : roomScores.filter { $0 == .dontKnow }.count))
        }
        self.rows = rows
    }

    /// "Survey: 31 responses · median 3 · some disagreement".
    public var surveyHeadline: String {
        var parts = ["Survey: \(surveyResponses) response\(surveyResponses == 1 ? "" : "s")"]
        if let median = surveyStatistics.median { parts.append("median \(AssessmentText.number(median))") }
        if let agreement = surveyStatistics.agreement { parts.append(agreement.label) }
        return parts.joined(separator: " · ")
    }

    /// The two distributions side by side as text lines, bars scaled to fit `width`.
    public func lines(width: Int) -> [String] {
        var roomLabel = roomRound.map { "Room, round \($0.number)\($0.source == .imported ? " (imported)" : "")" }
        let columns = roomLabel == nil ? 1 : 2
        let labelWidth = max(8, min(28, rows.map(\.label.count).max() ?? 0, width - 4 - columns * 12))
        let fixed = 4 + labelWidth + 3 * columns
        let barRoom = max(4, min(20, (width - fixed) / columns - 5))
        let surveyMax = max(1, rows.map(\.survey).max() ?? 0)
        let roomMax = max(1, rows.compactMap(\.room).max() ?? 0)
        func bar(_ count: Int, _ most: Int, _ mark: String) -> String {
            let length = most <= barRoom ? count : Int((Double(count) * Double(barRoom) / Double(most)).rounded(.up))
            return (String(repeating: mark, count: length) + (count > 0 ? " " : "") + String(count))
                .padding(toLength: barRoom + 5, withPad: " ", startingAt: 0)
        }
        var lines = TextWrap.wrap(surveyHeadline, width: width, indent: "  ", firstIndent: "").components(separatedBy: "\n")
        let head = String(repeating: " ", count: 4 + labelWidth) + " | " + "Survey".padding(toLength: barRoom + 5, withPad: " ", startingAt: 0)
        if let label = roomLabel, head.count + 3 + label.count > width { roomLabel = "Room" }
        lines.append(roomLabel.map { head + " | " + $0 } ?? head)
        for row in rows {
            let key = row.value.map(String.init) ?? "?"
            let label = String(row.label.prefix(labelWidth)).padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            var line = "  \(key) \(label) | " + bar(row.survey, surveyMax, row.value == nil ? "." : "#")
            if let room = row.room { line += " | " + bar(room, roomMax, row.value == nil ? "." : "#") }
            lines.append(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        return lines
    }
}
