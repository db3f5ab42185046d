import Foundation

/// An agreed action in the plan (`A1.2` = statement 1, action 2): who leads it, by when, what
/// outcome it serves and how the group will know it has worked. Progress updates are appended,
/// never overwritten.
public struct Action: Codable, Equatable, Sendable {
    public var ref: String
    public var outcomeIDs: [String]
    public var objective: String
    public var description: String
    public var lead: String
    public var partners: [String]
    public var resources: String
    public var risk: String
    /// A month (`2027-03`) or a day (`2027-03-31`).
    public var milestone: String
    public var measure: Measure
    /// An action theme id from the framework.
    public var theme: String
    public var additionality: Additionality
    /// The status the action was planned with; later statuses live in `updates`.
    public var status: ActionStatus
    /// The expected output or impact, as in the council action plan's last column.
    public var outputImpact: String
    public var updates: [ProgressUpdate]
    /// Every milestone of the action when it has more than the one in `milestone`, or when one was revised.
    public var milestones: [ActionMilestone]?

    public init(ref: String, outcomeIDs: [String] = [], objective: String = "", description: String,
                lead: String = "", partners: [String] = [], resources: String = "", risk: String = "",
                milestone: String = "", measure: Measure = Measure(), theme: String = "",
                additionality: Additionality = .new, status: ActionStatus = .notStarted,
                outputImpact: String = "", updates: [ProgressUpdate] = [], milestones: [ActionMilestone]? = nil) {
        self.ref = ref
        self.outcomeIDs = outcomeIDs
        self.objective = objective
        self.description = description
        self.lead = lead
        self.partners = partners
        self.resources = resources
        self.risk = risk
        self.milestone = milestone
        self.measure = measure
        self.theme = theme
        self.additionality = additionality
        self.status = status
        self.outputImpact = outputImpact
        self.updates = updates
        self.milestones = milestones
    }

    /// The action's milestones in date order: `milestones` when set, otherwise the single planned milestone.
    public var schedule: [ActionMilestone] {
        if let milestones, !milestones.isEmpty { return milestones }
        return milestone.isEmpty ? [] : [ActionMilestone(date: milestone, output: outputImpact)]
    }

    /// The latest status: the most recent effective progress update's, or the planned one.
    public var currentStatus: ActionStatus { latestUpdate?.status ?? status }

    /// Every progress update with its number (1 for the first recorded), in review order: by review
    /// date, and in the order recorded for the same date. Corrected and withdrawn ones included.
    public var numberedHistory: [(number: Int, update: ProgressUpdate)] {
        if isInReviewOrder { return updates.enumerated().map { ($0.offset + 1, $0.element) } }
        return updates.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map { ($0.offset + 1, $0.element) }
    }

    /// True when the updates were recorded in date order (the usual case), so the order recorded is the review order.
    var isInReviewOrder: Bool {
        // By index, reading only the dates: no copy of each update.
        for index in updates.indices.dropFirst() where updates[index].date < updates[index - 1].date { return false }
        return true
    }

    /// The progress updates in review order, corrected and withdrawn ones included.
    public var history: [ProgressUpdate] { isInReviewOrder ? updates : numberedHistory.map(\.update) }

    /// The numbers of the updates a later entry corrected or withdrew.
    public var supersededNumbers: Set<Int> { Set(updates.compactMap(\.supersedes)) }

    /// The updates that stand, in review order: neither corrected nor withdrawn, and not withdrawals themselves.
    public var effectiveHistory: [ProgressUpdate] {
        // Nothing corrected or withdrawn (the usual case): every update stands.
        if !updates.indices.contains(where: { updates[$0].supersedes != nil || updates[$0].withdrawal == true }) { return history }
        let superseded = supersededNumbers
        return numberedHistory.filter { !superseded.contains($0.number) && $0.update.withdrawal != true }.map(\.update)
    }

    /// The most recent update that stands, by review date (then by when it was recorded): the last of
    /// `effectiveHistory`, found in one pass without sorting (a later-recorded update of the same date wins).
    public var latestUpdate: ProgressUpdate? {
        // By index, reading only the fields compared: only the update found is copied.
        let superseded = updates.indices.contains { updates[$0].supersedes != nil } ? supersededNumbers : []
        var latest: Int?
        for index in updates.indices where updates[index].withdrawal != true && !superseded.contains(index + 1) {
            if let found = latest, updates[index].date < updates[found].date { continue }
            latest = index
        }
        return latest.map { updates[$0] }
    }

    /// The most recent actual recorded for the action's measure in an update that stands, with its review date.
    public var latestActual: (value: String, date: String)? {
        effectiveHistory.last { !($0.actual ?? "").isEmpty }.map { ($0.actual ?? "", $0.date) }
    }
}

/// "How we will know it has worked": an indicator with its baseline, target and review frequency.
/// Actuals are recorded in progress updates.
public struct Measure: Codable, Equatable, Sendable {
    public var indicator: String
    public var baseline: String
    public var target: String
    public var frequency: String

    public init(indicator: String = "", baseline: String = "", target: String = "", frequency: String = "") {
        self.indicator = indicator
        self.baseline = baseline
        self.target = target
        self.frequency = frequency
    }

    public var isEmpty: Bool { indicator.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// Whether an action is new, an enhancement of something that exists, or existing activity.
/// Plans made only of existing activity are the compendium the step-change reports warn about.
public enum Additionality: String, Codable, CaseIterable, Sendable {
    case new, enhanced, existing
}

/// The progress status of an action, in the four RAG ratings councils use, plus "not started".
public enum ActionStatus: String, Codable, CaseIterable, Sendable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case someIssues = "some-issues"
    case notOnTrack = "not-on-track"
    case complete

    /// The wording used in council improvement plans.
    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .onTrack: "Action not yet completed, but on track"
        case .someIssues: "Some issues, recovery plan in place"
        case .notOnTrack: "Action not on track, risk to implementation"
        case .complete: "Action complete"
        }
    }

    /// A short label for tables and terminals.
    public var shortLabel: String {
        switch self {
        case .notStarted: "not started"
        case .onTrack: "on track"
        case .someIssues: "some issues"
        case .notOnTrack: "not on track"
        case .complete: "complete"
        }
    }

    /// The RAG colour: blue for complete, green on track, amber some issues, red not on track.
    public var rag: RAGStatus {
        switch self {
        case .notStarted: .grey
        case .onTrack: .green
        case .someIssues: .amber
        case .notOnTrack: .red
        case .complete: .blue
        }
    }
}

/// The colour a status is shown in; always shown with its text label too.
public enum RAGStatus: String, Codable, Sendable, CaseIterable {
    case blue, green, amber, red, grey

    /// The colour's name with a capital, as `rawValue.capitalized` gives it, without Foundation's word-by-word walk.
    public var label: String {
        switch self {
        case .blue: "Blue"
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        case .grey: "Grey"
        }
    }
}

/// One entry in an action's progress history, appended at each review.
public struct ProgressUpdate: Codable, Equatable, Sendable {
    /// The review date, `YYYY-MM-DD`.
    public var date: String
    public var reviewer: String
    public var status: ActionStatus
    public var note: String
    /// The measure's actual value for this period, as recorded.
    public var actual: String?
    /// The month (`2027-03`) or day the actual is for, when it is not the review date's month.
    public var period: String?
    public var recordedAt: Date
    /// The number (1 for the first recorded) of the earlier update this entry corrects or withdraws.
    public var supersedes: Int?
    /// True when this entry withdraws the update it supersedes instead of correcting it.
    public var withdrawal: Bool?

    public init(date: String, reviewer: String, status: ActionStatus, note: String = "", actual: String? = nil, period: String? = nil, recordedAt: Date,
                supersedes: Int? = nil, withdrawal: Bool? = nil) {
        self.date = date
        self.reviewer = reviewer
        self.status = status
        self.note = note
        self.actual = actual
        self.period = period
        self.recordedAt = recordedAt
        self.supersedes = supersedes
        self.withdrawal = withdrawal
    }
}
