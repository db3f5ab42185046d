import Foundation

/// The plan checks behind `stepchange check` and the end of planning: errors (an action without a
/// lead, milestone or measure; a planned statement without outcomes at every horizon), warnings
/// (unserved short-term outcomes, past milestones, a compendium of existing activity, statements
/// not tied to the assessment) and notes (missing voices, voted statements left unplanned).
public enum PlanCheck {
    /// Every finding for the session, errors first, then warnings, then notes.
    public static func findings(in session: Session) -> [PlanFinding] {
        var found: [PlanFinding] = []
        found += horizonsMissing(session)
        found += actionGaps(session)
        found += unservedShortTermOutcomes(session)
        found += actionsWithoutOutcome(session)
        found += pastMilestones(session)
        found += compendium(session)
        found += statementsWithoutAssessedItem(session)
        found += missingVoices(session)
        found += votedButNotPlanned(session)
        return found.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }.map(\.element)
    }

    public static func hasErrors(_ findings: [PlanFinding]) -> Bool {
        findings.contains { $0.level == .error }
    }

    /// "2 errors, 1 warning, no notes".
    public static func countsDescription(_ findings: [PlanFinding]) -> String {
        PlanFinding.Level.allCases.map { level in
            let count = findings.filter { $0.level == level }.count
            let noun = count == 1 ? level.rawValue : level.rawValue + "s"
            return (count == 0 ? "no" : String(count)) + " " + noun
        }.joined(separator: ", ")
    }

    /// Plain-text lines: level, subject, message.
    public static func lines(_ findings: [PlanFinding]) -> [String] {
        guard !findings.isEmpty else { return ["  No findings: the plan passes every check."] }
        let width = max(4, findings.map(\.subject.count).max() ?? 0)
        return findings.map { finding in
            "  " + finding.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                + finding.subject.padding(toLength: width + 2, withPad: " ", startingAt: 0) + finding.message
        }
    }

    /// Planned statements without outcomes at all three horizons.
    static func horizonsMissing(_ session: Session) -> [PlanFinding] {
        session.planned.compactMap { id in
            let plan = session.plan(for: id)
            let missing = [HorizonKind.long, .medium, .short].filter { plan?.outcomes(at: $0).isEmpty ?? true }
            guard !missing.isEmpty else { return nil }
            let names = missing.map { "\($0.rawValue)-term" }
            return PlanFinding(.error, rule: "outcomes-missing", subject: id,
                               message: "\(id) is planned but has no \(list(names, joiner: "or")) outcome; work back from the long-term change for families to the first steps.")
        }
    }

    /// Actions without a lead, a milestone (or an unreadable one) or a measure.
    static func actionGaps(_ session: Session) -> [PlanFinding] {
        session.actions.flatMap { action -> [PlanFinding] in
            var found: [PlanFinding] = []
            if action.lead.trimmingCharacters(in: .whitespaces).isEmpty {
                found.append(PlanFinding(.error, rule: "action-without-lead", subject: action.ref,
                                         message: "\(action.ref) has no lead: name the person or role responsible."))
            }
            if action.milestone.trimmingCharacters(in: .whitespaces).isEmpty {
                found.append(PlanFinding(.error, rule: "action-without-milestone", subject: action.ref,
                                         message: "\(action.ref) has no milestone: give the month or date it should be done by."))
            } else if Milestone.parse(action.milestone) == nil {
                found.append(PlanFinding(.error, rule: "milestone-unreadable", subject: action.ref,
                                         message: "\(action.ref)'s milestone \"\(action.milestone)\" is not a month or a date; expected \(Milestone.expected)."))
            }
            if action.measure.isEmpty {
                found.append(PlanFinding(.error, rule: "action-without-measure", subject: action.ref,
                                         message: "\(action.ref) has no measure: say how the group will know it has worked."))
            }
            return found
        }
    }

    /// Short-term outcomes of planned statements that no action serves.
    static func unservedShortTermOutcomes(_ session: Session) -> [PlanFinding] {
        session.plans.filter { session.planned.contains($0.statementID) }.flatMap { plan in
            let served = Set(plan.actions.flatMap { $0.outcomeIDs.map { $0.uppercased() } })
            return plan.outcomes(at: .short).filter { !served.contains($0.id.uppercased()) }.map { outcome in
                PlanFinding(.warning, rule: "short-term-outcome-without-action", subject: outcome.id,
                            message: "No action serves the short-term outcome \(outcome.id) \"\(outcome.text)\".")
            }
        }
    }

    /// Actions that name no outcome they serve.
    static func actionsWithoutOutcome(_ session: Session) -> [PlanFinding] {
        session.actions.filter(\.outcomeIDs.isEmpty).map { action in
            PlanFinding(.warning, rule: "action-without-outcome", subject: action.ref,
                        message: "\(action.ref) does not say which outcome it serves.")
        }
    }

    /// Milestones that fall before the workshop date.
    static func pastMilestones(_ session: Session) -> [PlanFinding] {
        session.actions.filter { Milestone.isBefore($0.milestone, sessionDate: session.date) }.map { action in
            PlanFinding(.warning, rule: "milestone-in-the-past", subject: action.ref,
                        message: "\(action.ref)'s milestone \(Milestone.label(action.milestone)) is before the session date \(session.date).")
        }
    }

    /// More than half of the actions are existing activity.
    static func compendium(_ session: Session) -> [PlanFinding] {
        let actions = session.actions
        let existing = actions.filter { $0.additionality == .existing }.count
        guard !actions.isEmpty, existing * 2 > actions.count else { return [] }
        return [PlanFinding(.warning, rule: "mostly-existing-activity", subject: "plan",
                            message: "\(existing) of \(actions.count) actions are existing activity: the plan may be a compendium of existing activity rather than a step change.")]
    }

    /// Statements that respond to no item the group assessed.
    static func statementsWithoutAssessedItem(_ session: Session) -> [PlanFinding] {
        session.statements.compactMap { statement in
            if statement.itemIDs.isEmpty {
                return PlanFinding(.warning, rule: "statement-without-item", subject: statement.id,
                                   message: "\(statement.id) responds to no assessed item: link it to the prompts that raised it.")
            }
            let assessed = statement.itemIDs.contains { session.assessment(of: $0)?.consensus != nil }
            guard !assessed else { return nil }
            return PlanFinding(.warning, rule: "statement-without-item", subject: statement.id,
                               message: "\(statement.id) responds to \(list(statement.itemIDs, joiner: "and")), which the group has not assessed.")
        }
    }

    /// Nobody from the third sector, or nobody with lived experience of poverty, took part.
    static func missingVoices(_ session: Session) -> [PlanFinding] {
        var found: [PlanFinding] = []
        if !session.participants.contains(where: { $0.sector == .thirdSector }) {
            found.append(PlanFinding(.note, rule: "no-third-sector", subject: "participants",
                                     message: "No participant is from the third sector; their links with communities are part of a step change."))
        }
        if !session.participants.contains(where: { $0.sector == .livedExperience }) {
            found.append(PlanFinding(.note, rule: "no-lived-experience", subject: "participants",
                                     message: "No participant has lived experience of poverty; consider how families' views shape this plan."))
        }
        return found
    }

    /// Statements that received votes but are not planned now.
    static func votedButNotPlanned(_ session: Session) -> [PlanFinding] {
        let tally = VoteTally(session: session)
        return tally.entries.filter { $0.votes > 0 && !session.planned.contains($0.statementID) }.map { entry in
            PlanFinding(.note, rule: "voted-not-planned", subject: entry.statementID,
                        message: "\(entry.statementID) received \(entry.votes) vote\(entry.votes == 1 ? "" : "s") but is not planned yet.")
        }
    }

    static func list(_ words: [String], joiner: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(joiner) " + words.last!
    }
}
