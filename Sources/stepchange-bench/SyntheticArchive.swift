import Foundation
import StepChangeKit

/// Realistic synthetic sessions for the benchmark: the same shape as a real workshop (participants
/// from several sectors, every item scored over several rounds, statements, plans, actions and
/// progress reviews), generated deterministically from a seed.
struct SyntheticArchive {
    /// How big each generated session is.
    struct Shape {
        var participants: ClosedRange<Int> = 8...12
        var rounds = 2
        var statements = 6
        var actions = 15
        var reviews = 4
        /// Extra words in each progress note, to bring a session to a realistic size.
        var noteDetail = ""
        var framework: Framework = .childPoverty
    }

    var shape = Shape()

    /// A framework with `headings` × `itemsPerHeading` items, for the oversized session.
    static func largeFramework(headings: Int, itemsPerHeading: Int) -> Framework {
        var framework = Framework.childPoverty
        framework.id = "synthetic-large"
        framework.title = "Synthetic large framework"
        framework.headings = (1...headings).map { h in
            Heading(id: "H\(h)", title: "Heading \(h)", summary: "A synthetic heading for the benchmark.",
                    items: (1...itemsPerHeading).map { i in
                        Item(id: "H\(h)I\(i)", prompt: "Synthetic prompt \(i) under heading \(h), written as a statement the group can score.",
                             guidance: "What good looks like for this synthetic prompt.", evidence: ["A report", "A data set"])
                    })
        }
        return framework
    }

    /// Session number `index` of the archive: dated a week apart, going back from 2026-11-01.
    func session(_ index: Int) -> Session {
        var random = SeededRandom(seed: UInt64(index) &* 7919 &+ 17)
        let day = Date(timeIntervalSince1970: 1_793_491_200 - Double(index) * 7 * 86_400)
        let date = DayDate.string(from: day, in: TimeZone(secondsFromGMT: 0) ?? .current)
        let sectors = Sector.allCases
        let count = Int.random(in: shape.participants, using: &random)
        let participants = (1...count).map { n in
            Participant(id: "p\(n)", name: "Participant \(n)", organisation: "Organisation \(n % 5 + 1)",
                        sector: sectors[(n + index) % sectors.count])
        }
        var session = Session(id: "\(date)-synthetic-\(index)", title: "Synthetic partnership \(index) self-assessment",
                              description: "Synthetic data generated for the benchmark.",
                              partnership: "Synthetic partnership \(index % 50)", facilitator: "Facilitator \(index % 7)",
                              date: date, createdAt: day, framework: shape.framework, participants: participants)
        session.stage = .complete
        let levels = shape.framework.scale.values
        session.assessments = shape.framework.itemIDs.map { itemID in
            let centre = Int.random(in: 0..<levels.count, using: &random)
            let rounds = (1...shape.rounds).map { number in
                ScoringRound(number: number, scores: participants.map { participant in
                    let spread = number == shape.rounds ? 1 : 2
                    let position = min(levels.count - 1, max(0, centre + Int.random(in: -spread...spread, using: &random)))
                    let score: Score = Int.random(in: 0..<20, using: &random) == 0 ? .dontKnow : .value(levels[position])
                    return ParticipantScore(participant: participant.id, score: score)
                })
            }
            return ItemAssessment(itemID: itemID, rounds: rounds,
                                  consensus: ConsensusRecord(score: levels[centre], suggested: levels[centre], round: shape.rounds, agreedAt: day),
                                  evidence: ["Evidence discussed for \(itemID): the partnership's annual report and local data."],
                                  strengths: ["A strength the group agreed on for \(itemID)."],
                                  areasForImprovement: ["An area for improvement the group identified for \(itemID)."],
                                  completedAt: day)
        }
        let itemIDs = shape.framework.itemIDs
        session.statements = (1...shape.statements).map { n in
            ImprovementStatement(id: "S\(n)", text: "The partnership should improve area \(n) so that families get the support they need.",
                                 itemIDs: [itemIDs[(n * 3) % itemIDs.count], itemIDs[(n * 5) % itemIDs.count]],
                                 rationale: "Raised in the self-assessment.")
        }
        session.votes = participants.flatMap { participant in
            (0..<3).map { v in Vote(participant: participant.id, statement: "S\((v + Int(participant.id.dropFirst())!) % shape.statements + 1)", count: 1) }
        }
        let planned = Array(session.statements.prefix(3))
        session.planned = planned.map(\.id)
        let statuses: [ActionStatus] = [.onTrack, .someIssues, .complete, .notOnTrack]
        let themes = shape.framework.actionThemes.map(\.id)
        session.plans = planned.enumerated().map { p, statement in
            let n = statement.number
            let outcomes = [Outcome(id: "S\(n).LT1", horizon: .long, text: "Fewer children in \(n) live in poverty."),
                            Outcome(id: "S\(n).MT1", horizon: .medium, text: "Services work together on area \(n)."),
                            Outcome(id: "S\(n).ST1", horizon: .short, text: "Staff know how to refer families for area \(n)."),
                            Outcome(id: "S\(n).ST2", horizon: .short, text: "Data on area \(n) is shared monthly.")]
            let actionCount = shape.actions / planned.count + (p < shape.actions % planned.count ? 1 : 0)
            let actions = (1...max(1, actionCount)).map { a in
                Action(ref: "A\(n).\(a)", outcomeIDs: [outcomes[2 + a % 2].id], objective: "Objective \(a) for statement \(n).",
                       description: "Action \(a) that closes a gap for statement \(n).", lead: "Lead officer \(a)",
                       partners: ["Partner \(a)", "Partner \(a + 1)"], resources: "Existing staff time", risk: "Capacity",
                       milestone: "2027-0\(a % 9 + 1)", measure: Measure(indicator: "Families supported", baseline: "\(a * 10)", target: "\(a * 20)", frequency: "Quarterly"),
                       theme: themes.isEmpty ? "" : themes[a % themes.count],
                       additionality: Additionality.allCases[a % 3], outputImpact: "More families supported.",
                       updates: (0..<shape.reviews).map { r in
                           ProgressUpdate(date: DayDate.string(from: day.addingTimeInterval(Double(r + 1) * 91 * 86_400), in: TimeZone(secondsFromGMT: 0) ?? .current),
                                          reviewer: "Lead officer group", status: statuses[(a + r) % statuses.count],
                                          note: "Quarter \(r + 1) update." + shape.noteDetail, actual: "\(a * 10 + r * 3)", recordedAt: day)
                       })
            }
            return OutcomePlan(statementID: statement.id, outcomes: outcomes,
                               existingProvision: [Provision(text: "Existing service for area \(n).", outcomeIDs: [outcomes[1].id])],
                               gaps: [Gap(text: "No shared referral route for area \(n).", outcomeIDs: [outcomes[2].id])],
                               actions: actions, assumptions: ["Funding continues."])
        }
        return session
    }

    /// Writes sessions 0..<count into `directory` (skipping files already there). Plain writes, no
    /// fsync: generating the archive is set-up, not what is measured.
    func write(count: Int, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = SessionStore(directory: directory)
        for index in 0..<count {
            let session = self.session(index)
            let url = store.url(for: session.id)
            if FileManager.default.fileExists(atPath: url.path) { continue }
            try SessionCodec.encode(session).write(to: url)
        }
    }
}
