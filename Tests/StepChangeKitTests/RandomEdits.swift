import Foundation
@testable import StepChangeKit

/// Random sessions for comparing writers: every optional field sometimes present (always, with `full`),
/// awkward text (escapes, control characters, Unicode written two ways), dates and numbers far out, and
/// random edits of the kinds a workshop makes — plus edits that make equal copies of unchanged parts.
enum RandomEdits {
    static let alphabet: [String] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}",
                                     "\u{E9}", "e\u{301}", "😀", "\u{2028}", "<", "&", "=", "-", "0"]

    static func text(_ random: inout SeededRandom, long: Bool = false) -> String {
        let count = Int.random(in: 0...(long ? 80 : 12), using: &random)
        return (0..<count).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    static func texts(_ random: inout SeededRandom) -> [String] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) }
    }

    static func number(_ random: inout SeededRandom) -> Int {
        [0, 1, 5, 9, 10, -1, -10, 123_456, Int.max, Int.min, Int.random(in: -1000...1000, using: &random)].randomElement(using: &random)!
    }

    static func date(_ random: inout SeededRandom) -> Date {
        let seconds: Double = [0, -1, 86_399.5, 1_793_491_200.75, -62_135_596_800, -30_610_224_001, 253_402_300_800, 999_999_999_999,
                               Double(Int.random(in: -40_000_000_000...260_000_000_000, using: &random))].randomElement(using: &random)!
        return Date(timeIntervalSince1970: seconds)
    }

    static func maybe<T>(_ random: inout SeededRandom, _ full: Bool, _ make: (inout SeededRandom) -> T) -> T? {
        full || Bool.random(using: &random) ? make(&random) : nil
    }

    static func score(_ random: inout SeededRandom, _ full: Bool) -> ParticipantScore {
        ParticipantScore(participant: text(&random), score: Bool.random(using: &random) ? .dontKnow : .value(number(&random)),
                         comment: maybe(&random, full) { text(&$0) })
    }

    static func assessment(_ random: inout SeededRandom, _ full: Bool) -> ItemAssessment {
        let rounds = (0..<Int.random(in: full ? 1...3 : 0...3, using: &random)).map { _ in
            ScoringRound(number: number(&random), scores: (0..<Int.random(in: full ? 1...4 : 0...4, using: &random)).map { _ in score(&random, full) },
                         source: Bool.random(using: &random) ? .workshop : .imported)
        }
        let consensus = maybe(&random, full) { random in
            ConsensusRecord(score: number(&random), suggested: maybe(&random, full) { number(&$0) }, round: number(&random),
                            outsideRangeReason: maybe(&random, full) { text(&$0) }, agreedAt: date(&random))
        }
        return ItemAssessment(itemID: text(&random), rounds: rounds, consensus: consensus, evidence: texts(&random), strengths: texts(&random),
                              areasForImprovement: texts(&random), skipped: Bool.random(using: &random), completedAt: maybe(&random, full) { date(&$0) })
    }

    static func action(_ random: inout SeededRandom, _ full: Bool) -> Action {
        let updates = (0..<Int.random(in: full ? 1...3 : 0...3, using: &random)).map { _ in
            ProgressUpdate(date: text(&random), reviewer: text(&random), status: ActionStatus.allCases.randomElement(using: &random)!, note: text(&random, long: true),
                           actual: maybe(&random, full) { text(&$0) }, period: maybe(&random, full) { text(&$0) }, recordedAt: date(&random),
                           supersedes: maybe(&random, full) { number(&$0) }, withdrawal: maybe(&random, full) { Bool.random(using: &$0) })
        }
        let milestones = maybe(&random, full) { random in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                ActionMilestone(date: text(&random), status: maybe(&random, full) { ActionStatus.allCases.randomElement(using: &$0)! }, output: text(&random),
                                revisions: maybe(&random, full) { random in
                                    (0..<Int.random(in: 1...2, using: &random)).map { _ in
                                        MilestoneRevision(previousDate: text(&random), reason: text(&random), revisedOn: text(&random))
                                    }
                                })
            }
        }
        return Action(ref: text(&random), outcomeIDs: texts(&random), objective: text(&random), description: text(&random, long: true), lead: text(&random),
                      partners: texts(&random), resources: text(&random), risk: text(&random), milestone: text(&random),
                      measure: Measure(indicator: text(&random), baseline: text(&random), target: text(&random), frequency: text(&random)),
                      theme: text(&random), additionality: Additionality.allCases.randomElement(using: &random)!,
                      status: ActionStatus.allCases.randomElement(using: &random)!, outputImpact: text(&random), updates: updates, milestones: milestones)
    }

    static func plan(_ random: inout SeededRandom, _ full: Bool) -> OutcomePlan {
        var plan = OutcomePlan(statementID: text(&random),
                               outcomes: (0..<Int.random(in: full ? 1...3 : 0...3, using: &random)).map { _ in
                                   Outcome(id: text(&random), horizon: HorizonKind.allCases.randomElement(using: &random)!, text: text(&random, long: true))
                               },
                               existingProvision: (0..<Int.random(in: full ? 1...2 : 0...2, using: &random)).map { _ in Provision(text: text(&random), outcomeIDs: texts(&random)) },
                               gaps: (0..<Int.random(in: full ? 1...2 : 0...2, using: &random)).map { _ in Gap(text: text(&random), outcomeIDs: texts(&random)) },
                               actions: (0..<Int.random(in: full ? 1...4 : 0...4, using: &random)).map { _ in action(&random, full) },
                               assumptions: texts(&random))
        plan.retiredIDs = maybe(&random, full) { texts(&$0) }
        return plan
    }

    static func framework(_ random: inout SeededRandom, _ full: Bool) -> Framework {
        var framework = Framework.childPoverty
        framework.title = text(&random)
        framework.version = text(&random)
        framework.headings[0].items[0].prompt = text(&random, long: true)
        framework.headings[0].items[0].evidence = texts(&random)
        framework.scale.dontKnow = full || Bool.random(using: &random) ? DontKnowOption(label: text(&random), descriptor: text(&random)) : nil
        framework.scale.levels[0] = ScaleLevel(value: number(&random), label: text(&random), descriptor: text(&random))
        framework.horizons[0].fromYears = number(&random)
        framework.actionThemes[0].description = text(&random)
        return framework
    }

    static func participant(_ random: inout SeededRandom, _ full: Bool) -> Participant {
        var participant = Participant(id: text(&random), name: text(&random), organisation: text(&random),
                                      sector: Sector.allCases.randomElement(using: &random)!)
        participant.absentFrom = maybe(&random, full) { text(&$0) }
        participant.sectorToConfirm = maybe(&random, full) { Bool.random(using: &$0) }
        return participant
    }

    static func make(_ random: inout SeededRandom, full: Bool = false) -> Session {
        var session = Session(id: text(&random), title: text(&random), description: text(&random, long: true), partnership: text(&random),
                              facilitator: text(&random), date: text(&random), createdAt: date(&random), framework: framework(&random, full),
                              participants: (0..<Int.random(in: full ? 1...4 : 0...4, using: &random)).map { _ in participant(&random, full) },
                              settings: SessionSettings(scoring: Bool.random(using: &random) ? .open : .blind,
                                                        minutesPerHeading: maybe(&random, full) { number(&$0) }, votesPerParticipant: number(&random)))
        session.schemaVersion = number(&random)
        session.updatedAt = date(&random)
        session.stage = Stage.allCases.randomElement(using: &random)!
        session.assessments = (0..<Int.random(in: full ? 1...6 : 0...6, using: &random)).map { _ in assessment(&random, full) }
        session.statements = (0..<Int.random(in: full ? 1...3 : 0...3, using: &random)).map { _ in
            ImprovementStatement(id: text(&random), text: text(&random), itemIDs: texts(&random), rationale: text(&random), mergedFrom: texts(&random))
        }
        session.votes = (0..<Int.random(in: 0...3, using: &random)).map { _ in Vote(participant: text(&random), statement: text(&random), count: number(&random)) }
        session.planned = texts(&random)
        session.plans = (0..<Int.random(in: full ? 1...3 : 0...3, using: &random)).map { _ in plan(&random, full) }
        session.assessmentCursor = maybe(&random, full) { random in
            var cursor = AssessmentCursor(order: (0..<Int.random(in: 0...8, using: &random)).map { _ in text(&random) },
                                          itemID: maybe(&random, full) { text(&$0) }, step: .consensus, round: number(&random))
            cursor.blindScores = (0..<Int.random(in: 0...3, using: &random)).map { _ in score(&random, full) }
            cursor.pendingConsensus = maybe(&random, full) { number(&$0) }
            cursor.headingStarts = Dictionary((0..<Int.random(in: 0...4, using: &random)).map { _ in (text(&random), date(&random)) }) { a, _ in a }
            cursor.lastAnswerAt = maybe(&random, full) { date(&$0) }
            cursor.trail = (0..<Int.random(in: full ? 1...4 : 0...4, using: &random)).map { _ in
                AssessmentPosition(itemID: maybe(&random, full) { text(&$0) }, step: .evidence, pendingConsensus: maybe(&random, full) { number(&$0) })
            }
            cursor.pendingParticipant = maybe(&random, full) { text(&$0) }
            cursor.pendingRemoval = maybe(&random, full) { text(&$0) }
            cursor.introducedHeading = maybe(&random, full) { text(&$0) }
            return cursor
        }
        session.statementsCursor = maybe(&random, full) { StatementsCursor(phase: .voting, statementID: text(&$0), voter: 2) }
        session.planningCursor = maybe(&random, full) { PlanningCursor(statementID: text(&$0), step: .actions, actionRef: "A1.1") }
        session.retiredStatementIDs = maybe(&random, full) { texts(&$0) }
        session.tieBreakOrder = maybe(&random, full) { texts(&$0) }
        session.survey = maybe(&random, full) { random in
            Survey(source: text(&random), importedAt: date(&random), respondents: number(&random),
                   items: [SurveyItem(itemID: text(&random), counts: [SurveyCount(value: 1, count: 2)], dontKnow: 1)],
                   comments: [SurveyComment(id: "C1", itemID: text(&random), text: text(&random))])
        }
        session.previousSessionID = maybe(&random, full) { text(&$0) }
        session.previousConsensus = maybe(&random, full) { random in
            Dictionary((0..<Int.random(in: 0...4, using: &random)).map { _ in (text(&random), number(&random)) }) { a, _ in a }
        }
        session.carriedForwardActions = maybe(&random, full) { random in (0..<Int.random(in: 0...2, using: &random)).map { _ in action(&random, full) } }
        session.reviewProgress = maybe(&random, full) { ReviewProgress(date: text(&$0), lastRef: text(&$0)) }
        session.deviceScores = maybe(&random, full) { random in
            [DeviceScores(itemID: text(&random), round: 1, scores: [score(&random, full)], typingFor: maybe(&random, full) { text(&$0) })]
        }
        return session
    }

    /// One random change, as a workshop, a review or an import might make it.
    static func edit(_ session: inout Session, _ random: inout SeededRandom) {
        let full = false
        switch Int.random(in: 0..<16, using: &random) {
        case 0 where !session.assessments.isEmpty:
            let index = Int.random(in: 0..<session.assessments.count, using: &random)
            if session.assessments[index].rounds.isEmpty {
                session.assessments[index].rounds.append(ScoringRound(number: 1, scores: [score(&random, full)]))
            } else if session.assessments[index].rounds[0].scores.isEmpty {
                session.assessments[index].rounds[0].scores.append(score(&random, full))
            } else {
                session.assessments[index].rounds[0].scores[0].score = .value(number(&random))
            }
        case 1: session.assessments.append(assessment(&random, full))
        case 2 where !session.assessments.isEmpty:
            let index = Int.random(in: 0..<session.assessments.count, using: &random)
            session.assessments[index].consensus = Bool.random(using: &random) ? nil
                : ConsensusRecord(score: number(&random), suggested: nil, round: 1, agreedAt: date(&random))
            session.assessments[index].completedAt = maybe(&random, full) { date(&$0) }
        case 3 where !session.assessments.isEmpty:
            // The same evidence, written the other way in Unicode (Swift calls the two equal).
            let index = Int.random(in: 0..<session.assessments.count, using: &random)
            let swap = Bool.random(using: &random)
            session.assessments[index].evidence.append(swap ? "caf\u{E9}" : "cafe\u{301}")
        case 4: session.assessments.shuffle(using: &random)
        case 5 where !session.assessments.isEmpty:
            // Equal copies in new storage: nothing to rewrite, but nothing wrong if it is.
            session.assessments = session.assessments.map { assessment in
                var copy = assessment
                copy.evidence = Array(copy.evidence)
                copy.evidence.reserveCapacity(copy.evidence.count + 1)
                return copy
            }
        case 6 where !session.plans.isEmpty:
            let plan = Int.random(in: 0..<session.plans.count, using: &random)
            if session.plans[plan].actions.isEmpty {
                session.plans[plan].actions.append(action(&random, full))
            } else {
                let index = Int.random(in: 0..<session.plans[plan].actions.count, using: &random)
                session.plans[plan].actions[index].updates.append(ProgressUpdate(date: text(&random), reviewer: text(&random), status: .onTrack, recordedAt: date(&random)))
            }
        case 7 where !session.plans.isEmpty:
            let plan = Int.random(in: 0..<session.plans.count, using: &random)
            session.plans[plan].assumptions.append(text(&random))
            if !session.plans[plan].actions.isEmpty { session.plans[plan].actions.removeFirst() }
        case 8: session.plans.append(plan(&random, full))
        case 9: session.framework.headings[Int.random(in: 0..<session.framework.headings.count, using: &random)].title = text(&random)
        case 10: session.framework.scale.dontKnow = Bool.random(using: &random) ? nil : DontKnowOption(label: text(&random), descriptor: text(&random))
        case 11:
            if session.assessmentCursor == nil { session.assessmentCursor = AssessmentCursor(order: texts(&random), itemID: nil, step: .scoring) }
            session.assessmentCursor?.remember(AssessmentPosition(itemID: text(&random), step: .strengths))
            session.assessmentCursor?.headingStarts[text(&random)] = date(&random)
            if Bool.random(using: &random) { session.assessmentCursor?.order.append(text(&random)) }
        case 12:
            session.participants.append(participant(&random, false))
            session.votes.append(Vote(participant: text(&random), statement: text(&random), count: 1))
        case 13:
            session.statements.append(ImprovementStatement(id: text(&random), text: text(&random)))
            session.survey = maybe(&random, full) { Survey(source: text(&$0), importedAt: date(&$0), respondents: 3, items: []) }
        case 14:
            session.carriedForwardActions = maybe(&random, full) { random in [action(&random, full)] }
            session.deviceScores = maybe(&random, full) { [DeviceScores(itemID: text(&$0), round: 2)] }
            session.previousConsensus?[text(&random)] = number(&random)
        default:
            session.updatedAt = date(&random)
            session.title = text(&random)
            session.settings.minutesPerHeading = maybe(&random, full) { number(&$0) }
        }
    }
}
