import Foundation
import Testing
@testable import StepChangeKit

/// A small deterministic generator (SplitMix64), so every damaged session can be made again from its seed.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// Ways a hand-edited or damaged session can break each rule the validators check, plus text that looks
/// odd but is fine (non-ASCII ids and names, look-alike letters, white space of every kind).
enum SessionDamage {
    static let awkwardTexts = ["", " ", "\t", "\u{3000}", "\u{A0}", "\u{200B}", "x", " x", "É", "Ｘ", "\n", "\r\n", "a\u{301}", "🎉",
                               "Sam Lee", "sam  lee", "Ѕаm Lee", "Sa\u{200B}m Lee", "SAM\u{A0}LEE", "\u{2800}", "Jo Anne", "Joanne", "ß", "SS"]
    static let awkwardIDs = ["", "LN1", "ln1", "LN 1", ".LN1", "-LN1", "LN_1", "LN.1", "Ⅻ", "é1", "LN1\r\n", String(repeating: "a", count: 64),
                             String(repeating: "a", count: 65), "p1234567", "p123456", "S1.MT1234567", "A1.2", "p١٢٣٤٥٦٧", "x\u{301}", "²"]
    static let awkwardDates = ["2026-11-23", "2026-02-29", "2024-02-29", "2026-13-01", "2026-1-01", "+202-01-01", "-202-01-01", "0000-01-01",
                               "2026-11-23 ", "２０２６-11-23", "2026-11-31", "9999-12-31", "2026/11/23", "", "not a date"]

    static func apply(_ kind: Int, to session: inout Session, _ random: inout SplitMix) {
        let count = max(1, session.participants.count)
        switch kind {
        case 0: session.framework.schemaVersion = random.pick([0, 1, 2])
        case 1: session.framework.id = random.pick(awkwardIDs)
        case 2: session.framework.title = random.pick(awkwardTexts)
        case 3: session.framework.version = random.pick(awkwardTexts)
        case 4:
            let levels = session.framework.scale.levels
            session.framework.scale.levels = Array(levels.prefix(random.below(levels.count + 1)))
        case 5:
            guard !session.framework.scale.levels.isEmpty else { return }
            let index = random.below(session.framework.scale.levels.count)
            session.framework.scale.levels[index].value = random.pick([-2000, -1, 0, 2, 3, 1001, 5])
        case 6:
            guard !session.framework.scale.levels.isEmpty else { return }
            session.framework.scale.levels[random.below(session.framework.scale.levels.count)].label = random.pick(awkwardTexts)
        case 7: session.framework.scale.dontKnow = nil
        case 8:
            session.framework.scale.levels = (0..<random.pick([101, 102, 150])).map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "") }
        case 9: if random.below(4) == 0 { session.framework.headings = [] }
        case 10:
            guard !session.framework.headings.isEmpty else { return }
            let h = random.below(session.framework.headings.count)
            switch random.below(4) {
            case 0: session.framework.headings[h].id = random.pick(awkwardIDs + session.framework.headings.map { $0.id.lowercased() })
            case 1: session.framework.headings[h].title = random.pick(awkwardTexts)
            case 2: session.framework.headings[h].items = []
            default: session.framework.headings.append(session.framework.headings[h])
            }
        case 11:
            guard !session.framework.headings.isEmpty else { return }
            let h = random.below(session.framework.headings.count)
            guard !session.framework.headings[h].items.isEmpty else { return }
            let i = random.below(session.framework.headings[h].items.count)
            let others = session.framework.itemIDs
            switch random.below(3) {
            case 0: session.framework.headings[h].items[i].id = random.pick(awkwardIDs + others + others.map { $0.lowercased() })
            case 1: session.framework.headings[h].items[i].prompt = random.pick(awkwardTexts)
            default: session.framework.headings[h].items.append(session.framework.headings[h].items[i])
            }
        case 12:
            guard !session.framework.horizons.isEmpty else { return }
            let index = random.below(session.framework.horizons.count)
            switch random.below(3) {
            case 0: session.framework.horizons[index].fromYears = random.pick([-1, 0, 5, 101, 20])
            case 1: session.framework.horizons[index].toYears = random.pick([-1, 0, 1, 101])
            default: session.framework.horizons.append(session.framework.horizons[index])
            }
        case 13:
            guard !session.framework.actionThemes.isEmpty else { return }
            let index = random.below(session.framework.actionThemes.count)
            session.framework.actionThemes[index].id = random.pick(awkwardIDs + session.framework.actionThemes.map { $0.id.uppercased() })
        case 14:
            guard !session.participants.isEmpty else { return }
            let index = random.below(session.participants.count)
            if random.below(2) == 0 {
                session.participants[index].id = random.pick(awkwardIDs + session.participants.map(\.id))
            } else {
                session.participants[index].name = random.pick(awkwardTexts + session.participants.map(\.name))
            }
        case 15:
            session.participants += (0..<random.pick([1, 10, 20])).map { Participant(id: "p\(100 + $0)", name: "Person \($0)") }
        case 16:
            guard !session.assessments.isEmpty else { return }
            let a = random.below(session.assessments.count)
            switch random.below(3) {
            case 0: session.assessments[a].itemID = random.pick(awkwardIDs + session.framework.itemIDs)
            case 1: session.assessments.append(session.assessments[a])
            default:
                session.assessments[a].consensus = ConsensusRecord(score: random.pick([1, 3, 0, 9]), suggested: random.pick([nil, 2, 7]),
                                                                   round: random.pick([0, 1, 1001]), agreedAt: Date(timeIntervalSince1970: 0))
            }
        case 17:
            guard !session.assessments.isEmpty else { return }
            let a = random.below(session.assessments.count)
            if session.assessments[a].rounds.isEmpty || random.below(3) == 0 {
                session.assessments[a].rounds.append(ScoringRound(number: random.pick([0, 1, 2, 1001]), scores: []))
            }
            let r = random.below(session.assessments[a].rounds.count)
            let participant = random.pick(session.participants.map(\.id) + ["nobody", "P1", ""])
            let score: Score = random.below(3) == 0 ? .dontKnow : .value(random.pick([1, 2, 5, 0, 6, -1]))
            session.assessments[a].rounds[r].scores.append(ParticipantScore(participant: participant, score: score))
        case 18:
            var cursor = session.assessmentCursor ?? AssessmentCursor(order: session.framework.itemIDs, itemID: nil, step: .scoring)
            cursor.round = random.pick([0, 1, 1001])
            cursor.pendingConsensus = random.pick([nil, 3, 9])
            cursor.trail = (0..<random.below(3)).map { _ in AssessmentPosition(itemID: nil, step: .scoring, pendingConsensus: random.pick([nil, 2, 0])) }
            cursor.blindScores = [ParticipantScore(participant: "p1", score: random.pick([Score.value(3), .value(8), .dontKnow]))]
            session.assessmentCursor = cursor
        case 19: session.statementsCursor = StatementsCursor(voter: random.pick([-1, 0, count - 1, count, count + 1]))
        case 20:
            let id = random.pick(["S1", "S2", "S1234567", "s1"] + session.statements.map(\.id))
            session.statements.append(ImprovementStatement(id: id, text: "t", itemIDs: [random.pick(session.framework.itemIDs + ["XX"])],
                                                           mergedFrom: random.below(2) == 0 ? [] : [random.pick(awkwardIDs)]))
        case 21:
            let voter = random.pick(session.participants.map(\.id) + ["ghost"])
            let statement = random.pick(session.statements.map(\.id) + ["S99"])
            session.votes.append(Vote(participant: voter, statement: statement, count: random.pick([-1, 0, 1, 3, 50, 101])))
        case 22: session.planned.append(random.pick(session.statements.map(\.id) + ["S77"]))
        case 23: session.retiredStatementIDs = [random.pick(awkwardIDs)]
        case 24: session.settings.votesPerParticipant = random.pick([0, 1, 3, 100, 101])
        case 25: session.settings.minutesPerHeading = random.pick([nil, 0, 1, 1440, 1441])
        case 26: session.date = random.pick(awkwardDates)
        case 27:
            var plan = session.plans.isEmpty ? OutcomePlan(statementID: random.pick(session.statements.map(\.id) + ["S5"])) : session.plans[0]
            switch random.below(4) {
            case 0: plan.statementID = random.pick(session.statements.map(\.id) + ["S5"])
            case 1: plan.outcomes.append(Outcome(id: random.pick(awkwardIDs), horizon: .short, text: "o"))
            case 2: plan.retiredIDs = [random.pick(awkwardIDs)]
            default: plan.actions.append(Action(ref: random.pick(plan.actions.map(\.ref) + awkwardIDs), description: "d"))
            }
            if session.plans.isEmpty { session.plans = [plan] } else { session.plans[0] = plan }
        case 28:
            guard let p = session.plans.indices.randomElement(using: &random), !session.plans[p].actions.isEmpty else { return }
            let a = random.below(session.plans[p].actions.count)
            let u = session.plans[p].actions[a].updates.count
            let update = ProgressUpdate(date: random.pick(awkwardDates), reviewer: "r", status: random.pick(ActionStatus.allCases),
                                        recordedAt: Date(timeIntervalSince1970: 0), supersedes: random.pick([nil, 0, 1, u, u + 1, u + 2]),
                                        withdrawal: random.pick([nil, true, false]))
            session.plans[p].actions[a].updates.append(update)
        case 29:
            var survey = session.survey ?? Survey(source: "s.xlsx", importedAt: Date(timeIntervalSince1970: 0), respondents: 10, items: [])
            switch random.below(4) {
            case 0: survey.respondents = random.pick([-1, 0, 10, Survey.maximumRespondents + 1])
            case 1:
                survey.items.append(SurveyItem(itemID: random.pick(session.framework.itemIDs + ["ln1", "XX"] + survey.items.map(\.itemID)),
                                               counts: (0..<random.below(8)).map { _ in SurveyCount(value: random.pick([1, 2, 9]), count: random.pick([-1, 3, Survey.maximumRespondents + 1])) },
                                               dontKnow: random.pick([-1, 0, 2])))
            default:
                survey.comments.append(SurveyComment(id: random.pick(["c1", "C1", "c2"]), headingID: random.pick([nil, "LN", "ZZ"]),
                                                     itemID: random.pick([nil, "LN1", "ln1", "QQ"]), text: "t"))
            }
            session.survey = survey
        default: break
        }
    }

    static let kinds = 30
}

extension SplitMix: RandomNumberGenerator {}

@Suite("Validators and summaries give exactly what they gave before they were made cheap")
struct ValidatorEquivalenceTests {
    static var bases: [Session] { WorkedExampleBuilder.all + [sampleSession()] }

    @Test func everyKindOfDamageIsReportedAsBefore() {
        var random = SplitMix(state: 15)
        var reported = 0
        var seen = Set<String>()
        for round in 0..<1_500 {
            var session = random.pick(Self.bases)
            let kinds = (0..<(1 + random.below(4))).map { _ in random.below(SessionDamage.kinds) }
            for kind in kinds { SessionDamage.apply(kind, to: &session, &random) }
            let fast = SessionValidator.problems(in: session, source: "s.json")
            let reference = ReferenceSessionValidator.problems(in: session, source: "s.json")
            #expect(fast == reference, "round \(round), damage \(kinds)")
            if fast != reference { return }
            reported += fast.count
            for problem in fast { seen.insert(String((problem.location ?? "").prefix { $0 != "[" && $0 != "." })) }
        }
        #expect(reported > 1_000)
        #expect(seen.isSuperset(of: ["framework", "participants", "assessments", "statements", "votes", "planned", "plans", "survey",
                                     "date", "settings", "assessmentCursor", "statementsCursor", "retiredStatementIDs"]), "\(seen.sorted())")
    }

    @Test func theExpectedProblemsOfOneDamagedSessionAreListedInOrder() {
        var session = sampleSession()
        session.framework.headings[0].items[1].id = "ln1"
        session.framework.headings[1].title = "\u{3000}"
        session.participants.append(Participant(id: "p1", name: "ANN\u{A0}LEE"))
        session.assessments[0].rounds[0].scores.append(ParticipantScore(participant: "p9", score: .value(7)))
        session.assessments.append(ItemAssessment(itemID: "LN1"))
        session.votes = [Vote(participant: "p1", statement: "S1", count: -1)]
        session.date = "2026-02-30"
        let problems = SessionValidator.problems(in: session, source: "s.json").map(\.description)
        #expect(problems == [
            "s.json: framework.headings[0].items[1].id: duplicate item id \"ln1\" (also used by headings[0].items[0])",
            "s.json: framework.headings[1].title: is empty; expected the heading's title",
            "s.json: participants[2].id: duplicate participant id \"p1\"",
            "s.json: assessments[0].rounds[0].scores[2].participant: \"p9\" is not a participant of this session",
            "s.json: assessments[0].rounds[0].scores[2].score: 7 is not on the scale; expected 1, 2, 3, 4, 5 or ? (don't know)",
            "s.json: assessments[1].itemID: item \"LN1\" is assessed twice",
            "s.json: votes[0].statement: \"S1\" is not a statement",
            "s.json: votes[0].count: -1 is negative",
            "s.json: date: \"2026-02-30\" is not a date; expected YYYY-MM-DD",
            "s.json: participants[2].name: \"ANN\u{A0}LEE\" looks the same as participants[0].name \"Ann Lee\"; give each person a name others can tell apart",
        ])
        #expect(problems == ReferenceSessionValidator.problems(in: session, source: "s.json").map(\.description))
    }

    @Test func idsAndBlankTextAreJudgedAsByTheUnicodeRules() {
        var texts = SessionDamage.awkwardIDs + SessionDamage.awkwardTexts
        texts += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += (0..<128).map { "a" + String(UnicodeScalar(UInt8($0))) + "Z" }
        var random = SplitMix(state: 7)
        let alphabet = Array("aZ09-_. \t\r\n\u{0}\u{7F}é\u{301}\u{200B}\u{3000}Ⅻ١".unicodeScalars)
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(70) { text.append(random.pick(alphabet)) }
            texts.append(String(text))
        }
        for text in texts {
            #expect(FrameworkValidator.isValidID(text) == FrameworkValidator.isValidIDByCharacters(text), "\(text.debugDescription)")
            #expect(FrameworkValidator.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(text.debugDescription)")
            #expect(ParticipantName.key(text) == ParticipantName.unicodeKey(text), "\(text.debugDescription)")
            #expect(FileLimits.idNumberProblem(text) == ReferenceSessionValidator.idNumberProblem(text), "\(text.debugDescription)")
            #expect(ReviewFrequency.months(text) == ReferenceSummary.months(text), "\(text.debugDescription)")
        }
        for phrase in ["Quarterly", "QUARTERLY", "Bi-annual", "bi annual", "Six-monthly", "Each term", "Every 3 months", "Once a year", "NA", "Termly\r\n"] {
            #expect(ReviewFrequency.months(phrase) == ReferenceSummary.months(phrase), "\(phrase)")
        }
    }

    @Test func datesAreReadAndWrittenAsByFormatStrings() {
        var random = SplitMix(state: 3)
        var texts = SessionDamage.awkwardDates
        let alphabet = Array("0123456789-+ ０".unicodeScalars)
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(8 + random.below(4)) { text.append(random.pick(alphabet)) }
            texts.append(String(text))
        }
        for year in [0, 1, 999, 2026, 9999] {
            for month in 0...13 {
                for day in [0, 1, 9, 28, 29, 30, 31, 32] {
                    texts.append(String(format: "%04d-%02d-%02d", year, month, day))
                    texts.append(String(format: "%04d-%02d", year, month))
                }
            }
        }
        for text in texts {
            let fast = DayDate.parse(text), slow = DayDate.parseBySplitting(text)
            #expect(fast?.year == slow?.year && fast?.month == slow?.month && fast?.day == slow?.day, "\(text.debugDescription)")
            #expect(Milestone.storedForm(text) == nil || Milestone.storedForm(text) == PlanImport.parseMilestone(text), "\(text.debugDescription)")
            #expect(Overdue.dayAfter(text) == ReferenceSummary.dayAfter(text), "\(text.debugDescription)")
            for months in [1, 3, 12] {
                #expect(ReviewFrequency.adding(months: months, to: text) == ReferenceSummary.adding(months: months, to: text), "\(text.debugDescription)")
            }
        }
        for year in [-10_000, -1, 0, 5, 999, 1000, 9999, 10_000, 123_456] {
            for (month, day) in [(0, 0), (1, 1), (12, 31), (99, 99), (100, 5), (-1, 3)] {
                #expect(DayDate.text(year: year, month: month, day: day) == String(format: "%04d-%02d-%02d", year, month, day))
            }
        }
    }

    @Test func summariesAreTheSameForEveryShapeOfPlan() {
        var random = SplitMix(state: 11)
        let milestones = ["2027-03", "2027-03-31", " 2027-03 ", "March 2027", "31 March 2027", "31/03/2027", "03/2027", "2027/3", "2027-3",
                          "2027-13", "2027-00", "0000-01", "9999-12", "9999-12-31", "2024-02-29", "2027-02-29", "", "soon", "２０２７-03"]
        let frequencies = ["Quarterly", "Monthly", "Annual", "Termly", "Bi-annual", "NA", "", "ÉVERY YEAR", "Each meeting"]
        for round in 0..<800 {
            var session = random.pick(Self.bases)
            if session.plans.isEmpty { session.plans = [OutcomePlan(statementID: "S1")] }
            for p in session.plans.indices {
                for _ in 0..<random.below(3) { session.plans[p].actions.append(Action(ref: "A\(p).\(round)", description: "d")) }
                for a in session.plans[p].actions.indices {
                    var action = session.plans[p].actions[a]
                    action.status = random.pick(ActionStatus.allCases)
                    action.milestone = random.pick(milestones)
                    action.milestones = random.below(3) == 0 ? nil : (0..<random.below(4)).map { _ in
                        ActionMilestone(date: random.pick(milestones), status: random.below(3) == 0 ? nil : random.pick(ActionStatus.allCases))
                    }
                    action.measure.frequency = random.pick(frequencies)
                    action.updates = (0..<random.below(6)).map { u in
                        ProgressUpdate(date: random.pick(["2026-01-31", "2026-03-01", "2026-03-01", "2025-12-31", "2026-11-23"]), reviewer: "r",
                                       status: random.pick(ActionStatus.allCases), note: "\(u)", recordedAt: Date(timeIntervalSince1970: Double(u)),
                                       supersedes: random.below(3) == 0 && u > 0 ? 1 + random.below(u) : nil,
                                       withdrawal: random.below(5) == 0 ? true : nil)
                    }
                    session.plans[p].actions[a] = action
                    #expect(action.latestUpdate == action.effectiveHistory.last, "round \(round)")
                }
            }
            session.date = random.pick(["2026-11-23", "2026-01-31", "2024-02-29"])
            #expect(SessionSummary(session: session) == ReferenceSummary.summary(of: session), "round \(round)")
            #expect(Overdue.startDays(of: session) == ReferenceSummary.startDays(of: session), "round \(round)")
        }
    }

    @Test func theChecksumSeesEveryChangedByteAndIsPinned() {
        var random = SplitMix(state: 5)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 257] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let original = SessionIndex.checksum(Data(bytes))
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= UInt8(1 << random.below(8))
                #expect(SessionIndex.checksum(Data(changed)) != original, "length \(length), byte \(position)")
            }
            #expect(SessionIndex.checksum(Data(bytes + [0])) != original, "a trailing zero byte changes the length")
        }
        // Pinned: a different checksum needs a new SessionIndex.currentFormat, so old indexes are dropped.
        #expect(SessionIndex.currentFormat == 3)
        #expect(SessionIndex.checksum(Data()) == Self.pinnedEmpty)
        #expect(SessionIndex.checksum(Data("stepchange".utf8)) == Self.pinnedWord)
    }

    static let pinnedEmpty: UInt64 = 7_091_942_469_383_776_732
    static let pinnedWord: UInt64 = 8_132_236_362_724_379_206
}
