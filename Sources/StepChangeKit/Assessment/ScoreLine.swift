import Foundation

/// A line of scores typed by the facilitator in open mode, one per participant in order, e.g.
/// `3 4 2 4 -` (`-` or `?` for don't know; spaces or commas between).
public enum ScoreLine {
    /// The scores of the line, or a message saying exactly what is wrong and what is valid.
    public static func parse(_ text: String, participants: [Participant], scale: Scale) -> Result<[ParticipantScore], ScoreLineError> {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        guard tokens.count == participants.count else {
            return .failure(ScoreLineError(message:
                "Expected \(participants.count) score\(participants.count == 1 ? "" : "s"), one for each participant in order (\(participants.map(\.name).joined(separator: ", "))); got \(tokens.count). Valid scores: \(scale.validAnswersDescription)."))
        }
        var scores: [ParticipantScore] = []
        var wrong: [String] = []
        for (token, participant) in zip(tokens, participants) {
            if let score = Score.parse(token, on: scale) {
                scores.append(ParticipantScore(participant: participant.id, score: score))
            } else {
                wrong.append("\"\(token.prefix(20))\" (\(participant.name))")
            }
        }
        guard wrong.isEmpty else {
            return .failure(ScoreLineError(message:
                "Not on the scale: \(wrong.joined(separator: ", ")). Valid scores: \(scale.validAnswersDescription)."))
        }
        return .success(scores)
    }
}

/// Why a typed line of scores was refused.
public struct ScoreLineError: Error, Equatable, Sendable {
    public var message: String
}
