import Foundation

/// What the session listing shows about one session, extracted once from the full file so the
/// listing never has to decode sessions it has seen before (see `SessionIndex`).
public struct SessionSummary: Codable, Equatable, Sendable {
    public var id: String
    public var date: String
    public var title: String
    public var partnership: String
    public var frameworkID: String
    public var frameworkVersion: String
    public var stage: Stage
    public var participants: Int
    /// Mean of the agreed consensus scores; nil until an item is agreed.
    public var meanConsensus: Double?
    public var agreedItems: Int
    public var items: Int
    /// Actions by their current status (raw status names), complete ones included.
    public var actionsByStatus: [String: Int]
    /// The date of the most recent progress review of any action.
    public var latestReview: String?
    /// The first day on which each open milestone or measure review is overdue, so the listing can count
    /// what is overdue today without reading the session again. Nil in summaries made before it was kept.
    public var overdueFrom: [String]?

    public init(id: String, date: String, title: String, partnership: String, frameworkID: String, frameworkVersion: String,
                stage: Stage, participants: Int, meanConsensus: Double?, agreedItems: Int, items: Int,
                actionsByStatus: [String: Int], latestReview: String?, overdueFrom: [String]? = nil) {
        self.id = id
        self.date = date
        self.title = title
        self.partnership = partnership
        self.frameworkID = frameworkID
        self.frameworkVersion = frameworkVersion
        self.stage = stage
        self.participants = participants
        self.meanConsensus = meanConsensus
        self.agreedItems = agreedItems
        self.items = items
        self.actionsByStatus = actionsByStatus
        self.latestReview = latestReview
        self.overdueFrom = overdueFrom
    }

    /// The summary of a session, computed from the full session once.
    public init(session: Session) {
        // The consensus of each framework item's first record, as AssessmentSummary reads it, without the
        // per-round statistics the listing never shows.
        var consensusByItem: [String: Int?] = [:]
        consensusByItem.reserveCapacity(session.assessments.count)
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
        id = session.id
        date = session.date
        title = session.title
        partnership = session.partnership
        frameworkID = session.framework.id
        frameworkVersion = session.framework.version
        stage = session.stage
        participants = session.participants.count
        meanConsensus = AssessmentSummary.mean(agreed)
        agreedItems = agreed.count
        items = itemCount
        // One pass over the actions, finding each one's latest update once (its current status, the latest
        // review and the overdue days all follow from it).
        var byStatus: [String: Int] = [:]
        var latest: String?
        var days: [String] = []
        for plan in session.plans {
            for action in plan.actions {
                let update = action.latestUpdate
                byStatus[(update?.status ?? action.status).rawValue, default: 0] += 1
                if let date = update?.date, latest.map({ $0 < date }) ?? true { latest = date }
                days += Overdue.startDays(of: action, latest: update, sessionDate: session.date)
            }
        }
        actionsByStatus = byStatus
        latestReview = latest
        overdueFrom = days.sorted()
    }

    /// How many milestones and reviews are overdue on `day`; nil when the summary does not know.
    public func overdueCount(on day: String) -> Int? {
        overdueFrom.map { $0.filter { $0 <= day }.count }
    }

    /// Actions not yet complete, by status, in the order of `ActionStatus.allCases`.
    public var openActions: [(status: ActionStatus, count: Int)] {
        ActionStatus.allCases.filter { $0 != .complete }.compactMap { status in
            actionsByStatus[status.rawValue].map { (status, $0) }
        }
    }

    public var actionCount: Int { actionsByStatus.values.reduce(0, +) }
}
