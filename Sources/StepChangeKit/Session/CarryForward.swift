import Foundation

/// Next year's self-assessment started from this year's (`stepchange new --from`): the same framework
/// or a newer version of it (items matched by id), last year's participants to confirm at the start,
/// last year's consensus shown beside each item, and the open actions with their history carried
/// forward to be reviewed. The new session records which session came before it.
public enum CarryForward {
    /// What was carried, for the message the command prints.
    public struct Summary: Equatable, Sendable {
        /// Items with last year's consensus that exist in the new framework.
        public var consensusCarried: Int
        /// Items agreed last year that the new framework no longer has, by id.
        public var itemsDropped: [String]
        public var participants: Int
        /// Open (not complete) actions carried forward, by ref.
        public var openActions: [String]
    }

    /// The new session (its id still to be given by the store) and what was carried. `participants`
    /// replaces last year's list when given; otherwise last year's people are offered to confirm.
    public static func session(from previous: Session, title: String, framework: Framework, participants: [Participant]?,
                               date: String, now: Date) -> (Session, Summary) {
        var people = participants ?? previous.participants
        for index in people.indices { people[index].absentFrom = nil }
        var session = Session(id: "", title: title, description: previous.description, partnership: previous.partnership,
                              facilitator: previous.facilitator, date: date, createdAt: now, framework: framework,
                              participants: people, settings: previous.settings)
        session.previousSessionID = previous.id
        var consensus: [String: Int] = [:]
        var dropped: [String] = []
        for assessment in previous.assessments {
            guard let agreed = assessment.consensus?.score else { continue }
            if framework.item(assessment.itemID) != nil { consensus[assessment.itemID] = agreed } else { dropped.append(assessment.itemID) }
        }
        session.previousConsensus = consensus.isEmpty ? nil : consensus
        let open = ProgressReview.inReferenceOrder(previous.actions).filter { $0.currentStatus != .complete }
        session.carriedForwardActions = open.isEmpty ? nil : open
        if !people.isEmpty {
            session.assessmentCursor = AssessmentCursor(order: framework.itemIDs, itemID: nil, step: .participants)
        }
        return (session, Summary(consensusCarried: consensus.count, itemsDropped: dropped, participants: people.count,
                                 openActions: open.map(\.ref)))
    }

    /// The carried-forward actions as the run shows them at the start: ref, latest status, lead, milestone.
    public static func lines(_ session: Session, width: Int) -> [String] {
        guard let actions = session.carriedForwardActions, !actions.isEmpty else { return [] }
        let previous = session.previousSessionID ?? "SESSION"
        var lines = ["Open actions carried forward from last time, with their latest status:"]
        for action in actions {
            let details = [action.currentStatus.shortLabel, action.lead.isEmpty ? nil : "lead \(action.lead)",
                           action.milestone.isEmpty ? nil : "due \(Milestone.label(action.milestone))"].compactMap { $0 }
            lines.append(TextWrap.wrap("\(action.ref)  \(action.description) (\(details.joined(separator: ", ")))",
                                       width: width, indent: "        ", firstIndent: "  "))
        }
        lines.append(TextWrap.wrap("Record their progress in last time's session: stepchange review \(previous)", width: width, indent: "  "))
        return lines
    }
}
