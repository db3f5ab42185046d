import Foundation
@testable import StepChangeKit

/// Random sessions built on `maximalSession()`: awkward text everywhere (quotes, backslashes, control
/// characters, accents, emoji, line separators, the last code points), whole numbers of every size the
/// reader takes, dates across the years it reads, optional fields left out at random.
enum RandomSession {
    static let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "ñ", "😀", "\u{2028}",
                         "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "e\u{301}", "dont-know", "{", "]", ",", ":", "null", "12345678"]

    static func text(using random: inout SeededRandom) -> String {
        let length = Int.random(in: 0...24, using: &random)
        return (0..<length).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
    }

    static func number(using random: inout SeededRandom) -> Int {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: Int.random(in: -5...5, using: &random)
        case 1: Int.random(in: -1_000_000...1_000_000, using: &random)
        case 2: Int.random(in: -999_999_999_999_999...999_999_999_999_999, using: &random)
        default: [0, 1, -1, 999_999_999_999_999, -999_999_999_999_999].randomElement(using: &random) ?? 0
        }
    }

    static func date(using random: inout SeededRandom) -> Date {
        // 1900-01-01 to 9999-12-31, whole seconds.
        Date(timeIntervalSince1970: Double(Int.random(in: -2_208_988_800...253_402_300_799, using: &random)))
    }

    static func make(using random: inout SeededRandom) -> Session {
        var session = maximalSession()
        func maybe<T>(_ value: T?) -> T? { Bool.random(using: &random) ? value : nil }
        session.title = text(using: &random)
        session.description = text(using: &random)
        session.facilitator = text(using: &random)
        session.createdAt = date(using: &random)
        session.updatedAt = date(using: &random)
        session.settings.votesPerParticipant = number(using: &random)
        session.settings.minutesPerHeading = maybe(number(using: &random))
        session.framework.title = text(using: &random)
        session.framework.scale.dontKnow = maybe(session.framework.scale.dontKnow)
        session.framework.scale.levels[0].value = number(using: &random)
        session.framework.headings[0].items[0].guidance = text(using: &random)
        for index in session.participants.indices {
            session.participants[index].name = text(using: &random)
            session.participants[index].absentFrom = maybe(text(using: &random))
            session.participants[index].sectorToConfirm = maybe(Bool.random(using: &random))
            session.participants[index].sector = Sector.allCases.randomElement(using: &random) ?? .other
        }
        for index in session.assessments.indices {
            session.assessments[index].evidence.append(text(using: &random))
            session.assessments[index].completedAt = maybe(date(using: &random))
            session.assessments[index].consensus = maybe(ConsensusRecord(score: number(using: &random), suggested: maybe(number(using: &random)),
                                                                         round: number(using: &random), outsideRangeReason: maybe(text(using: &random)),
                                                                         agreedAt: date(using: &random)))
            for round in session.assessments[index].rounds.indices {
                for score in session.assessments[index].rounds[round].scores.indices {
                    session.assessments[index].rounds[round].scores[score].score = Bool.random(using: &random) ? .dontKnow : .value(number(using: &random))
                    session.assessments[index].rounds[round].scores[score].comment = maybe(text(using: &random))
                }
            }
        }
        for plan in session.plans.indices {
            for action in session.plans[plan].actions.indices {
                session.plans[plan].actions[action].description = text(using: &random)
                session.plans[plan].actions[action].status = ActionStatus.allCases.randomElement(using: &random) ?? .complete
                session.plans[plan].actions[action].milestones = maybe(session.plans[plan].actions[action].milestones)
                for update in session.plans[plan].actions[action].updates.indices {
                    session.plans[plan].actions[action].updates[update].note = text(using: &random)
                    session.plans[plan].actions[action].updates[update].actual = maybe(text(using: &random))
                    session.plans[plan].actions[action].updates[update].recordedAt = date(using: &random)
                    session.plans[plan].actions[action].updates[update].supersedes = maybe(number(using: &random))
                    session.plans[plan].actions[action].updates[update].withdrawal = maybe(Bool.random(using: &random))
                }
            }
        }
        session.assessmentCursor = maybe(session.assessmentCursor)
        session.assessmentCursor?.headingStarts["H\(number(using: &random))"] = date(using: &random)
        session.statementsCursor = maybe(session.statementsCursor)
        session.planningCursor = maybe(session.planningCursor)
        session.survey = maybe(session.survey)
        session.previousConsensus = maybe(["K\(number(using: &random))": number(using: &random), "LN1": number(using: &random)])
        session.carriedForwardActions = maybe(session.carriedForwardActions)
        session.reviewProgress = maybe(session.reviewProgress)
        session.deviceScores = maybe(session.deviceScores)
        session.retiredStatementIDs = maybe([text(using: &random)])
        return session
    }
}
