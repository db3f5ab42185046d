import Foundation

/// One workshop, as stored in `Sessions/<id>.json`: who took part, a snapshot of the framework used,
/// every round of scores, the consensus records, improvement statements, outcome plans, actions and
/// their progress reviews. Everything a facilitator or lead officer group needs to resume or review it.
public struct Session: Codable, Equatable, Sendable {
    /// The session file format this version of stepchange writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var title: String
    public var description: String
    public var partnership: String
    public var facilitator: String
    /// The workshop date as `YYYY-MM-DD`; horizons and milestone checks count from it.
    public var date: String
    public var createdAt: Date
    public var updatedAt: Date
    /// A snapshot of the framework, so the session stays readable after the framework file changes.
    public var framework: Framework
    public var participants: [Participant]
    public var settings: SessionSettings
    public var stage: Stage
    /// One record per item the group has started, in the order they were started.
    public var assessments: [ItemAssessment]
    public var statements: [ImprovementStatement]
    public var votes: [Vote]
    /// Statement ids the group chose to plan now, highest priority first.
    public var planned: [String]
    public var plans: [OutcomePlan]
    /// Where the group is in the self-assessment; absent in files from before the runner existed.
    public var assessmentCursor: AssessmentCursor?
    /// Where the group is in the improvement-statements stage; absent until the stage starts.
    public var statementsCursor: StatementsCursor?
    /// Where the group is in the planning stage; absent until the stage starts.
    public var planningCursor: PlanningCursor?
    /// Ids of deleted or merged statements; they are never given out again.
    public var retiredStatementIDs: [String]?
    /// The facilitator's order for statements with the same number of votes.
    public var tieBreakOrder: [String]?
    /// What the pre-workshop survey said, kept apart from the group's own rounds; absent until one is imported.
    public var survey: Survey?
    /// The session this one follows on from (`stepchange new --from`), so `compare` knows which came before.
    public var previousSessionID: String?
    /// The previous session's consensus by item id (mapped by id onto this framework), shown when scoring.
    public var previousConsensus: [String: Int]?
    /// The previous session's open actions with their history, carried forward to be reviewed.
    public var carriedForwardActions: [Action]?
    /// How far the last interactive progress review got, so it carries on where it stopped.
    public var reviewProgress: ReviewProgress?
    /// Scores sent from participants' devices (`run --room`) for rounds not yet revealed, one entry per
    /// item and round (an item left with `skip` keeps its scores for when the group comes back); absent otherwise.
    public var deviceScores: [DeviceScores]?

    public init(id: String, title: String, description: String = "", partnership: String = "", facilitator: String = "",
                date: String, createdAt: Date, framework: Framework, participants: [Participant] = [],
                settings: SessionSettings = SessionSettings()) {
        self.schemaVersion = Session.currentSchemaVersion
        self.id = id
        self.title = title
        self.description = description
        self.partnership = partnership
        self.facilitator = facilitator
        self.date = date
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.framework = framework
        self.participants = participants
        self.settings = settings
        self.stage = .assessing
        self.assessments = []
        self.statements = []
        self.votes = []
        self.planned = []
        self.plans = []
    }

    /// The assessment record of an item, if the group has started it.
    public func assessment(of itemID: String) -> ItemAssessment? {
        // By place, so that only the record found is copied, not every record passed on the way.
        for index in assessments.indices where assessments[index].itemID == itemID { return assessments[index] }
        return nil
    }

    /// The participant with this id or (case-insensitive) name.
    public func participant(_ idOrName: String) -> Participant? {
        let key = idOrName.trimmingCharacters(in: .whitespaces)
        return participants.first { $0.id == key }
            ?? participants.first { ParticipantName.key($0.name) == ParticipantName.key(key) }
    }

    public func statement(_ id: String) -> ImprovementStatement? {
        statements.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }

    public func plan(for statementID: String) -> OutcomePlan? {
        plans.first { $0.statementID == statementID }
    }

    /// The participants in the room now: those not marked absent, in their order.
    public var presentParticipants: [Participant] { participants.filter(\.isPresent) }

    /// Every action in the session, in plan order.
    public var actions: [Action] { plans.flatMap(\.actions) }
}

/// Where a session is in the workshop, in the order the stages happen.
public enum Stage: String, Codable, CaseIterable, Sendable, Comparable {
    case assessing, statements, planning, complete

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How the facilitator chose to run the session.
public struct SessionSettings: Codable, Equatable, Sendable {
    public var scoring: ScoringMode
    /// Time planned per heading, for the optional agenda warnings.
    public var minutesPerHeading: Int?
    /// Dot votes each participant has when prioritising statements.
    public var votesPerParticipant: Int

    public init(scoring: ScoringMode = .open, minutesPerHeading: Int? = nil, votesPerParticipant: Int = 3) {
        self.scoring = scoring
        self.minutesPerHeading = minutesPerHeading
        self.votesPerParticipant = votesPerParticipant
    }
}

/// Open: the facilitator types everyone's scores on one line. Blind: each participant types their
/// own score with echo off, so nobody sees another's before the reveal.
public enum ScoringMode: String, Codable, Sendable {
    case open, blind
}
