import Foundation
@testable import StepChangeKit

// The validators, summary and helpers exactly as they were before they were made cheap on the happy
// path (commit dedfbc3), kept as the reference the fast versions are compared against. Only the type
// names changed (Reference…) and calls into each other follow them.


/// Checks that a decoded session is consistent with its own framework snapshot — the checks a
/// hand-edited file most often fails: a score off the scale, an unknown item or participant.
enum ReferenceSessionValidator {
    static func problems(in session: Session, source: String) -> [Problem] {
        var problems = ReferenceFrameworkValidator.problems(in: session.framework, source: source).map {
            Problem(source: $0.source, location: "framework." + ($0.location ?? ""), message: $0.message)
        }
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: location, message: message))
        }
        let scale = session.framework.scale
        let itemIDs = Set(session.framework.itemIDs)
        var participantIDs = Set<String>()
        for (index, participant) in session.participants.enumerated() where !participantIDs.insert(participant.id).inserted {
            report("participants[\(index)].id", "duplicate participant id \"\(participant.id)\"")
        }
        var seenItems = Set<String>()
        for (a, assessment) in session.assessments.enumerated() {
            let path = "assessments[\(a)]"
            if !itemIDs.contains(assessment.itemID) {
                report("\(path).itemID", "\"\(assessment.itemID)\" is not an item of the framework \(session.framework.id)")
            } else if !seenItems.insert(assessment.itemID).inserted {
                report("\(path).itemID", "item \"\(assessment.itemID)\" is assessed twice")
            }
            for (r, round) in assessment.rounds.enumerated() {
                for (s, entry) in round.scores.enumerated() {
                    let scorePath = "\(path).rounds[\(r)].scores[\(s)]"
                    if !participantIDs.contains(entry.participant) {
                        report("\(scorePath).participant", "\"\(entry.participant)\" is not a participant of this session")
                    }
                    switch entry.score {
                    case .value(let value) where scale.level(value) == nil:
                        report("\(scorePath).score", "\(value) is not on the scale; expected \(scale.validAnswersDescription)")
                    case .dontKnow where scale.dontKnow == nil:
                        report("\(scorePath).score", "\"dont-know\" is not allowed by this framework's scale")
                    default: break
                    }
                }
            }
            if let consensus = assessment.consensus, scale.level(consensus.score) == nil {
                report("\(path).consensus.score", "\(consensus.score) is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))")
            }
        }
        var statementIDs = Set<String>()
        for (index, statement) in session.statements.enumerated() {
            if !statementIDs.insert(statement.id).inserted {
                report("statements[\(index)].id", "duplicate statement id \"\(statement.id)\"")
            }
            for itemID in statement.itemIDs where !itemIDs.contains(itemID) {
                report("statements[\(index)].itemIDs", "\"\(itemID)\" is not an item of the framework \(session.framework.id)")
            }
        }
        for (index, vote) in session.votes.enumerated() {
            if !participantIDs.contains(vote.participant) { report("votes[\(index)].participant", "\"\(vote.participant)\" is not a participant") }
            if !statementIDs.contains(vote.statement) { report("votes[\(index)].statement", "\"\(vote.statement)\" is not a statement") }
            if vote.count < 0 { report("votes[\(index)].count", "\(vote.count) is negative") }
        }
        for (index, id) in session.planned.enumerated() where !statementIDs.contains(id) {
            report("planned[\(index)]", "\"\(id)\" is not a statement")
        }
        var refs = Set<String>()
        for (p, plan) in session.plans.enumerated() {
            if !statementIDs.contains(plan.statementID) {
                report("plans[\(p)].statementID", "\"\(plan.statementID)\" is not a statement")
            }
            for (a, action) in plan.actions.enumerated() where !refs.insert(action.ref).inserted {
                report("plans[\(p)].actions[\(a)].ref", "duplicate action ref \"\(action.ref)\"")
            }
        }
        if let survey = session.survey {
            problems += ReferenceSurveyValidator.problems(in: survey, framework: session.framework, source: source)
        }
        if !ReferenceSessionValidator.isDate(session.date) {
            report("date", "\"\(session.date)\" is not a date; expected YYYY-MM-DD")
        }
        numberProblems(in: session, report: report)
        return problems
    }
}

/// The rules that keep every number in a session file within what the program can use (see
/// `FileLimits`): settings, votes, round numbers, numbered ids, dates and the resume position; and
/// participants' names that others can tell apart (see `ParticipantName`).
extension ReferenceSessionValidator {
    static func numberProblems(in session: Session, report: (String, String) -> Void) {
        let scale = session.framework.scale
        let settings = session.settings
        if let message = FileLimits.outside(settings.votesPerParticipant, FileLimits.votesPerParticipant, "votes per participant") {
            report("settings.votesPerParticipant", message)
        }
        if let minutes = settings.minutesPerHeading,
           let message = FileLimits.outside(minutes, FileLimits.minutesPerHeading, "minutes per heading") {
            report("settings.minutesPerHeading", message)
        }
        var votesCast: [String: Int] = [:]
        for (index, vote) in session.votes.enumerated() where vote.count > 0 {
            if vote.count > settings.votesPerParticipant {
                report("votes[\(index)].count", "\(vote.count) is more than the \(settings.votesPerParticipant) votes each participant has (settings.votesPerParticipant)")
            } else {
                votesCast[vote.participant, default: 0] += vote.count
            }
        }
        for participant in session.participants {
            if let cast = votesCast[participant.id], cast > settings.votesPerParticipant {
                report("votes", "\(participant.id) gave \(cast) votes in all, more than the \(settings.votesPerParticipant) each participant has (settings.votesPerParticipant)")
            }
        }
        for (a, assessment) in session.assessments.enumerated() {
            for (r, round) in assessment.rounds.enumerated() {
                if let message = FileLimits.outside(round.number, FileLimits.roundNumbers, "round numbers") {
                    report("assessments[\(a)].rounds[\(r)].number", message)
                }
            }
            if let consensus = assessment.consensus {
                if let message = FileLimits.outside(consensus.round, FileLimits.roundNumbers, "round numbers") {
                    report("assessments[\(a)].consensus.round", message)
                }
                if let suggested = consensus.suggested, scale.level(suggested) == nil {
                    report("assessments[\(a)].consensus.suggested", "\(suggested) is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))")
                }
            }
        }
        if let cursor = session.assessmentCursor {
            if let message = FileLimits.outside(cursor.round, FileLimits.roundNumbers, "round numbers") {
                report("assessmentCursor.round", message)
            }
            let pending = [("assessmentCursor.pendingConsensus", cursor.pendingConsensus)]
                + cursor.trail.enumerated().map { ("assessmentCursor.trail[\($0.offset)].pendingConsensus", $0.element.pendingConsensus) }
            for case let (path, value?) in pending where scale.level(value) == nil {
                report(path, "\(value) is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))")
            }
            for (index, score) in cursor.blindScores.enumerated() {
                if case .value(let value) = score.score, scale.level(value) == nil {
                    report("assessmentCursor.blindScores[\(index)].score", "\(value) is not on the scale; expected \(scale.validAnswersDescription)")
                }
            }
        }
        if let voter = session.statementsCursor?.voter, !(0...max(0, session.participants.count)).contains(voter) {
            report("statementsCursor.voter", "\(voter) is not the position of a participant; expected 0 to \(max(0, session.participants.count - 1))")
        }
        var names: [String: Int] = [:]
        for (index, participant) in session.participants.enumerated() {
            if ParticipantName.unicodeKey(participant.name).isEmpty {
                report("participants[\(index)].name", "the name shows nothing (only spaces or invisible characters); give each person a name")
            } else if let first = names[ParticipantName.unicodeKey(participant.name)] {
                report("participants[\(index)].name", "\"\(participant.name)\" looks the same as participants[\(first)].name \"\(session.participants[first].name)\"; give each person a name others can tell apart")
            } else {
                names[ParticipantName.unicodeKey(participant.name)] = index
            }
        }
        var ids: [(String, String)] = session.participants.enumerated().map { ("participants[\($0.offset)].id", $0.element.id) }
        for (index, statement) in session.statements.enumerated() {
            ids.append(("statements[\(index)].id", statement.id))
            ids += statement.mergedFrom.enumerated().map { ("statements[\(index)].mergedFrom[\($0.offset)]", $0.element) }
        }
        ids += (session.retiredStatementIDs ?? []).enumerated().map { ("retiredStatementIDs[\($0.offset)]", $0.element) }
        for (p, plan) in session.plans.enumerated() {
            ids += plan.outcomes.enumerated().map { ("plans[\(p)].outcomes[\($0.offset)].id", $0.element.id) }
            ids += (plan.retiredIDs ?? []).enumerated().map { ("plans[\(p)].retiredIDs[\($0.offset)]", $0.element) }
            ids += plan.actions.enumerated().map { ("plans[\(p)].actions[\($0.offset)].ref", $0.element.ref) }
        }
        for (path, id) in ids {
            if let message = ReferenceSessionValidator.idNumberProblem(id) { report(path, message) }
        }
        for (p, plan) in session.plans.enumerated() {
            for (a, action) in plan.actions.enumerated() {
                for (u, update) in action.updates.enumerated() {
                    let path = "plans[\(p)].actions[\(a)].updates[\(u)]"
                    if !ReferenceSessionValidator.isDate(update.date) {
                        report("\(path).date", "\"\(update.date.prefix(40))\" is not a date; expected YYYY-MM-DD")
                    }
                    if let target = update.supersedes, !(1...max(1, u)).contains(target) || u == 0 {
                        report("\(path).supersedes", "\(target) is not an earlier update of \(action.ref); expected 1 to \(u) (updates are numbered from 1 in the order recorded)")
                    } else if let target = update.supersedes, action.updates[target - 1].withdrawal == true {
                        report("\(path).supersedes", "update \(target) of \(action.ref) is a withdrawal, which cannot be corrected or withdrawn")
                    }
                    if update.withdrawal == true && update.supersedes == nil {
                        report("\(path).withdrawal", "a withdrawal must name the update it withdraws in supersedes")
                    }
                }
            }
        }
    }
}

/// The rules a framework must follow to be scored and planned against: unique ids, real prompts,
/// a scale of at least two increasing levels. Applied to files and to the built-in framework alike.
enum ReferenceFrameworkValidator {
    /// Every rule the framework breaks, each naming the field it concerns.
    static func problems(in framework: Framework, source: String) -> [Problem] {
        var problems: [Problem] = []
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: location, message: message))
        }
        if framework.schemaVersion != Framework.currentSchemaVersion {
            report("schemaVersion", "unknown schema version \(framework.schemaVersion); expected \(Framework.currentSchemaVersion)")
        }
        if !isValidID(framework.id) {
            report("id", "\"\(framework.id)\" is not a usable id; use letters, digits and hyphens (e.g. child-poverty)")
        }
        for (field, text) in [("title", framework.title), ("version", framework.version)] where isBlank(text) {
            report(field, "is empty; expected some text")
        }

        let levels = framework.scale.levels
        if levels.count < FileLimits.scaleLevels.lowerBound {
            report("scale.levels", "has \(levels.count) level\(levels.count == 1 ? "" : "s"); a scale needs at least two")
        } else if levels.count > FileLimits.scaleLevels.upperBound {
            report("scale.levels", "has \(levels.count) levels; a scale may have at most \(FileLimits.scaleLevels.upperBound)")
        }
        for (index, level) in levels.enumerated() {
            if let message = FileLimits.outside(level.value, FileLimits.scaleValues, "scale values") {
                report("scale.levels[\(index)].value", message)
            }
        }
        for index in levels.indices.dropFirst() where levels[index].value <= levels[index - 1].value {
            report("scale.levels[\(index)].value",
                   "\(levels[index].value) does not increase on the level before (\(levels[index - 1].value)); list levels from lowest to highest")
        }
        for (index, level) in levels.enumerated() where isBlank(level.label) {
            report("scale.levels[\(index)].label", "is empty; expected a short label")
        }

        if framework.headings.isEmpty { report("headings", "is empty; a framework needs at least one heading") }
        var headingIDs: [String: Int] = [:]
        var itemIDs: [String: String] = [:]
        for (h, heading) in framework.headings.enumerated() {
            let path = "headings[\(h)]"
            if !isValidID(heading.id) {
                report("\(path).id", "\"\(heading.id)\" is not a usable id; use letters, digits and hyphens")
            } else if let first = headingIDs[heading.id.uppercased()] {
                report("\(path).id", "duplicate heading id \"\(heading.id)\" (also used by headings[\(first)])")
            } else {
                headingIDs[heading.id.uppercased()] = h
            }
            if isBlank(heading.title) { report("\(path).title", "is empty; expected the heading's title") }
            if heading.items.isEmpty { report("\(path).items", "is empty; a heading needs at least one item") }
            for (i, item) in heading.items.enumerated() {
                let itemPath = "\(path).items[\(i)]"
                if !isValidID(item.id) {
                    report("\(itemPath).id", "\"\(item.id)\" is not a usable id; use letters, digits, dots and hyphens (e.g. LN1)")
                } else if let first = itemIDs[item.id.uppercased()] {
                    report("\(itemPath).id", "duplicate item id \"\(item.id)\" (also used by \(first))")
                } else {
                    itemIDs[item.id.uppercased()] = itemPath
                }
                if isBlank(item.prompt) { report("\(itemPath).prompt", "is empty; expected a statement the group can score") }
            }
        }

        var kinds = Set<HorizonKind>()
        for (index, horizon) in framework.horizons.enumerated() {
            if !kinds.insert(horizon.id).inserted { report("horizons[\(index)].id", "duplicate horizon \"\(horizon.id.rawValue)\"") }
            for (field, years) in [("fromYears", horizon.fromYears), ("toYears", horizon.toYears)] {
                if let message = FileLimits.outside(years, FileLimits.horizonYears, "years after the workshop") {
                    report("horizons[\(index)].\(field)", message)
                }
            }
            if horizon.toYears < horizon.fromYears {
                report("horizons[\(index)]", "toYears (\(horizon.toYears)) is before fromYears (\(horizon.fromYears))")
            }
        }
        var themeIDs = Set<String>()
        for (index, theme) in framework.actionThemes.enumerated() {
            if !isValidID(theme.id) {
                report("actionThemes[\(index)].id", "\"\(theme.id)\" is not a usable id; use letters, digits and hyphens")
            } else if !themeIDs.insert(theme.id.lowercased()).inserted {
                report("actionThemes[\(index)].id", "duplicate action theme id \"\(theme.id)\"")
            }
        }
        return problems
    }

    /// Ids appear in commands, exports and file names: letters, digits, dots, hyphens and underscores only.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_.".unicodeScalars.contains($0)
        } && id.first != "." && id.first != "-"
    }

    private static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

/// The checks a session's survey must pass when a session file is read: items and headings of the
/// framework, values on its scale, counts that are whole, non-negative and bounded (so no sum can
/// overflow), unique comment ids.
enum ReferenceSurveyValidator {
    static func problems(in survey: Survey, framework: Framework, source: String) -> [Problem] {
        var problems: [Problem] = []
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: "survey." + location, message: message))
        }
        let limit = Survey.maximumRespondents
        if survey.respondents < 0 || survey.respondents > limit {
            report("respondents", "\(survey.respondents) is out of range; expected 0 to \(limit)")
        }
        var seen = Set<String>()
        for (index, item) in survey.items.enumerated() {
            let path = "items[\(index)]"
            if framework.item(item.itemID) == nil {
                report("\(path).itemID", "\"\(item.itemID)\" is not an item of the framework \(framework.id)")
            } else if !seen.insert(item.itemID.uppercased()).inserted {
                report("\(path).itemID", "item \"\(item.itemID)\" appears twice")
            }
            if item.dontKnow < 0 || item.dontKnow > limit {
                report("\(path).dontKnow", "\(item.dontKnow) is out of range; expected 0 to \(limit)")
            }
            for (c, count) in item.counts.enumerated() {
                if framework.scale.level(count.value) == nil {
                    report("\(path).counts[\(c)].value", "\(count.value) is not on the scale; expected one of \(framework.scale.values.map(String.init).joined(separator: ", "))")
                }
                if count.count < 0 || count.count > limit {
                    report("\(path).counts[\(c)].count", "\(count.count) is out of range; expected 0 to \(limit)")
                }
            }
            if item.counts.count > framework.scale.levels.count {
                report("\(path).counts", "has \(item.counts.count) entries; the scale has \(framework.scale.levels.count) levels")
            }
        }
        var ids = Set<String>()
        for (index, comment) in survey.comments.enumerated() {
            let path = "comments[\(index)]"
            if !ids.insert(comment.id.uppercased()).inserted { report("\(path).id", "duplicate comment id \"\(comment.id)\"") }
            if let heading = comment.headingID, !framework.headings.contains(where: { $0.id == heading }) {
                report("\(path).headingID", "\"\(heading)\" is not a heading of the framework \(framework.id)")
            }
            if let item = comment.itemID, framework.item(item) == nil {
                report("\(path).itemID", "\"\(item)\" is not an item of the framework \(framework.id)")
            }
        }
        return problems
    }
}

extension ReferenceSessionValidator {
    static func isDate(_ text: String) -> Bool { DayDate.parseBySplitting(text) != nil }

    static func idNumberProblem(_ id: String) -> String? {
        var run = 0
        for character in id.unicodeScalars {
            run = ("0"..."9").contains(character) ? run + 1 : 0
            if run > FileLimits.idNumberDigits {
                return "\"\(id.prefix(40))\" holds a number with more than \(FileLimits.idNumberDigits) digits; numbers in ids run up to 999999"
            }
        }
        return nil
    }
}

/// `SessionSummary(session:)` and `Overdue.startDays(of:)` as they were, over `Action.effectiveHistory`.
enum ReferenceSummary {
    static func summary(of session: Session) -> SessionSummary {
        var consensusByItem: [String: Int?] = [:]
        for assessment in session.assessments where consensusByItem[assessment.itemID] == nil {
            consensusByItem[assessment.itemID] = .some(assessment.consensus?.score)
        }
        var itemCount = 0
        var agreed: [Int] = []
        for heading in session.framework.headings {
            for item in heading.items {
                itemCount += 1
                if let score = consensusByItem[item.id] ?? nil { agreed.append(score) }
            }
        }
        func current(_ action: Action) -> ActionStatus { action.effectiveHistory.last?.status ?? action.status }
        return SessionSummary(id: session.id, date: session.date, title: session.title, partnership: session.partnership,
                              frameworkID: session.framework.id, frameworkVersion: session.framework.version, stage: session.stage,
                              participants: session.participants.count, meanConsensus: AssessmentSummary.mean(agreed),
                              agreedItems: agreed.count, items: itemCount,
                              actionsByStatus: Dictionary(session.actions.map { (current($0).rawValue, 1) }, uniquingKeysWith: +),
                              latestReview: session.actions.compactMap { $0.effectiveHistory.last?.date }.max(),
                              overdueFrom: startDays(of: session))
    }

    static func startDays(of session: Session) -> [String] {
        session.actions.flatMap { action -> [String] in
            let current = action.effectiveHistory.last?.status ?? action.status
            guard current != .complete else { return [] }
            var days: [String] = action.schedule.compactMap { milestone in
                guard (current == .complete ? .complete : (milestone.status ?? current)) != .complete,
                      let date = PlanImport.parseMilestone(milestone.date) else { return nil }
                return date.count == 7 ? adding(months: 1, to: date + "-01") : dayAfter(date)
            }
            if let months = months(action.measure.frequency),
               let due = adding(months: months, to: action.effectiveHistory.last?.date ?? session.date) {
                days.append(dayAfter(due))
            }
            return days
        }.sorted()
    }

    static func dayAfter(_ day: String) -> String {
        guard let (year, month, date) = DayDate.parseBySplitting(day) else { return day }
        if date < DayDate.daysIn(month: month, year: year) { return String(format: "%04d-%02d-%02d", year, month, date + 1) }
        return adding(months: 1, to: String(format: "%04d-%02d-01", year, month)) ?? day
    }

    static func months(_ text: String) -> Int? {
        switch text.lowercased().filter(\.isLetter) {
        case "monthly": 1
        case "bimonthly", "everytwomonths": 2
        case "quarterly", "everyquarter", "everythreemonths", "threemonthly": 3
        case "termly", "eachterm", "everyterm": 4
        case "biannual", "biannually", "sixmonthly", "halfyearly", "twiceayear", "everysixmonths": 6
        case "annual", "annually", "yearly", "everyyear", "onceayear": 12
        default: nil
        }
    }

    static func adding(months: Int, to day: String) -> String? {
        guard let (year, month, date) = DayDate.parseBySplitting(day) else { return nil }
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        return String(format: "%04d-%02d-%02d", newYear, newMonth, min(date, DayDate.daysIn(month: newMonth, year: newYear)))
    }
}
