import Foundation

/// The self-assessment: each item's rounds of scores and consensus, scores sent from devices, and
/// where the group is (the assessment cursor).
extension SessionReader {
    enum ItemAssessmentKey: String, JSONNames {
        case itemID, rounds, consensus, evidence, strengths, areasForImprovement, skipped, completedAt
        static let table = JSONNameTable<Self>()
    }

    mutating func itemAssessment() throws -> ItemAssessment {
        var object = try json.beginObject()
        var itemID: String?, rounds: [ScoringRound]?, consensus: ConsensusRecord?, evidence: [String]?
        var strengths: [String]?, areasForImprovement: [String]?, skipped: Bool?, completedAt: Date?
        while let field = try json.nextField(&object, ItemAssessmentKey.self) {
            switch field {
            case .itemID: itemID = try string()
            case .rounds: rounds = try array { try $0.round() }
            case .consensus: consensus = try orNil { try $0.consensus() }
            case .evidence: evidence = try strings()
            case .strengths: strengths = try strings()
            case .areasForImprovement: areasForImprovement = try strings()
            case .skipped: skipped = try bool()
            case .completedAt: completedAt = try dateOrNil()
            }
        }
        guard let itemID, let rounds, let evidence, let strengths, let areasForImprovement, let skipped else { throw Refused() }
        return ItemAssessment(itemID: itemID, rounds: rounds, consensus: consensus, evidence: evidence, strengths: strengths,
                              areasForImprovement: areasForImprovement, skipped: skipped, completedAt: completedAt)
    }

    enum RoundKey: String, JSONNames {
        case number, scores, source
        static let table = JSONNameTable<Self>()
    }

    mutating func round() throws -> ScoringRound {
        var object = try json.beginObject()
        var number: Int?, scores: [ParticipantScore]?, source: RoundSource?
        while let field = try json.nextField(&object, RoundKey.self) {
            switch field {
            case .number: number = try int()
            case .scores: scores = try array { try $0.participantScore() }
            case .source: source = try name(RoundSource.self)
            }
        }
        guard let number, let scores, let source else { throw Refused() }
        return ScoringRound(number: number, scores: scores, source: source)
    }

    enum ParticipantScoreKey: String, JSONNames {
        case participant, score, comment
        static let table = JSONNameTable<Self>()
    }

    mutating func participantScore() throws -> ParticipantScore {
        if let saved = savedParticipantScore() { return saved }
        var object = try json.beginObject()
        var participant: String?, score: Score?, comment: String?
        while let field = try json.nextField(&object, ParticipantScoreKey.self) {
            switch field {
            case .participant: participant = try string()
            case .score: score = try self.score()
            case .comment: comment = try stringOrNil()
            }
        }
        guard let participant, let score else { throw Refused() }
        return ParticipantScore(participant: participant, score: score, comment: comment)
    }

    /// A score laid out as saved files write it, one part per line — `{`, `"participant" : "p3",`,
    /// `"score" : 4` (or `"dont-know"`), `}` — with a plain ASCII participant id and a score of up to three
    /// digits: read in one pass (the scores are most of a large session's objects). Anything else — a
    /// comment, another layout, an escape, a sign or a longer number — gives nil, and `participantScore`
    /// reads the object field by field, to the same value wherever this one gives one.
    private mutating func savedParticipantScore() -> ParticipantScore? {
        var bytes = json.layout()
        guard bytes.take("{\n") else { return nil }
        let indent = bytes.spaces()
        guard indent >= 2, bytes.take("\"participant\" : \""), let name = bytes.plainName(), bytes.take("\",\n"),
              bytes.spaces(indent), bytes.take("\"score\" : ") else { return nil }
        let score: Score
        if bytes.take("\"dont-know\"") {
            score = .dontKnow
        } else if let value = bytes.smallNumber() {
            score = .value(value)
        } else {
            return nil
        }
        guard bytes.take("\n"), bytes.spaces(indent - 2), bytes.take("}") else { return nil }
        let participant: String
        if name.key != 0, let known = scoreIDKeys.firstIndex(of: name.key) {
            participant = scoreIDs[known]
        } else {
            participant = String(decoding: name.bytes, as: UTF8.self)
            if name.key != 0, scoreIDKeys.count < 64 {
                scoreIDKeys.append(name.key)
                scoreIDs.append(participant)
            }
        }
        json.move(past: bytes)
        return ParticipantScore(participant: participant, score: score, comment: nil)
    }

    /// A whole number, or the text `dont-know` written plainly (as `Score`'s own decoding reads them).
    mutating func score() throws -> Score {
        json.exactString("dont-know") ? .dontKnow : .value(try json.integer())
    }

    enum ConsensusKey: String, JSONNames {
        case score, suggested, round, outsideRangeReason, agreedAt
        static let table = JSONNameTable<Self>()
    }

    mutating func consensus() throws -> ConsensusRecord {
        var object = try json.beginObject()
        var score: Int?, suggested: Int?, round: Int?, outsideRangeReason: String?, agreedAt: Date?
        while let field = try json.nextField(&object, ConsensusKey.self) {
            switch field {
            case .score: score = try int()
            case .suggested: suggested = try intOrNil()
            case .round: round = try int()
            case .outsideRangeReason: outsideRangeReason = try stringOrNil()
            case .agreedAt: agreedAt = try date()
            }
        }
        guard let score, let round, let agreedAt else { throw Refused() }
        return ConsensusRecord(score: score, suggested: suggested, round: round, outsideRangeReason: outsideRangeReason, agreedAt: agreedAt)
    }

    enum DeviceScoresKey: String, JSONNames {
        case itemID, round, scores, typingFor
        static let table = JSONNameTable<Self>()
    }

    mutating func deviceScores() throws -> DeviceScores {
        var object = try json.beginObject()
        var itemID: String?, round: Int?, scores: [ParticipantScore]?, typingFor: String?
        while let field = try json.nextField(&object, DeviceScoresKey.self) {
            switch field {
            case .itemID: itemID = try string()
            case .round: round = try int()
            case .scores: scores = try array { try $0.participantScore() }
            case .typingFor: typingFor = try stringOrNil()
            }
        }
        guard let itemID, let round, let scores else { throw Refused() }
        return DeviceScores(itemID: itemID, round: round, scores: scores, typingFor: typingFor)
    }

    enum AssessmentCursorKey: String, JSONNames {
        case order, itemID, step, round, blindScores, pendingConsensus, headingStarts, lastAnswerAt, trail
        case pendingParticipant, pendingRemoval, introducedHeading
        static let table = JSONNameTable<Self>()
    }

    mutating func assessmentCursor() throws -> AssessmentCursor {
        var object = try json.beginObject()
        var order: [String]?, itemID: String?, step: AssessmentStep?, round: Int?, blindScores: [ParticipantScore]?
        var pendingConsensus: Int?, headingStarts: [String: Date]?, lastAnswerAt: Date?, trail: [AssessmentPosition]?
        var pendingParticipant: String?, pendingRemoval: String?, introducedHeading: String?
        while let field = try json.nextField(&object, AssessmentCursorKey.self) {
            switch field {
            case .order: order = try strings()
            case .itemID: itemID = try stringOrNil()
            case .step: step = try value(AssessmentStep.self)
            case .round: round = try int()
            case .blindScores: blindScores = try array { try $0.participantScore() }
            case .pendingConsensus: pendingConsensus = try intOrNil()
            case .headingStarts: headingStarts = try dictionary { try $0.date() }
            case .lastAnswerAt: lastAnswerAt = try dateOrNil()
            case .trail: trail = try array { try $0.assessmentPosition() }
            case .pendingParticipant: pendingParticipant = try stringOrNil()
            case .pendingRemoval: pendingRemoval = try stringOrNil()
            case .introducedHeading: introducedHeading = try stringOrNil()
            }
        }
        guard let order, let step, let round, let blindScores, let headingStarts, let trail else { throw Refused() }
        var cursor = AssessmentCursor(order: order, itemID: itemID, step: step, round: round)
        cursor.blindScores = blindScores
        cursor.pendingConsensus = pendingConsensus
        cursor.headingStarts = headingStarts
        cursor.lastAnswerAt = lastAnswerAt
        cursor.trail = trail
        cursor.pendingParticipant = pendingParticipant
        cursor.pendingRemoval = pendingRemoval
        cursor.introducedHeading = introducedHeading
        return cursor
    }

    enum AssessmentPositionKey: String, JSONNames {
        case itemID, step, pendingConsensus
        static let table = JSONNameTable<Self>()
    }

    mutating func assessmentPosition() throws -> AssessmentPosition {
        var object = try json.beginObject()
        var itemID: String?, step: AssessmentStep?, pendingConsensus: Int?
        while let field = try json.nextField(&object, AssessmentPositionKey.self) {
            switch field {
            case .itemID: itemID = try stringOrNil()
            case .step: step = try value(AssessmentStep.self)
            case .pendingConsensus: pendingConsensus = try intOrNil()
            }
        }
        guard let step else { throw Refused() }
        return AssessmentPosition(itemID: itemID, step: step, pendingConsensus: pendingConsensus)
    }
}
