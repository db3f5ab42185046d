import Foundation

/// One stage of a workshop (assessing, statements, planning) as a pure state machine: from the
/// session it says what to ask next; from a typed answer it gives the new session or a refusal.
/// Where the group is within the stage is stored in the session itself, so a resumed run carries
/// on from the exact step, and the shell saves the session before it shows the next prompt.
public protocol WorkshopStage: Sendable {
    /// The next thing to ask, or nil when the stage has nothing left to ask.
    func nextPrompt(in session: Session) -> WorkshopPrompt?
    /// Applies one typed line (already stripped of its line ending) to the session.
    func apply(_ answer: String, to session: Session, now: Date) -> WorkshopStep
}

/// What the runner shows and asks next.
public struct WorkshopPrompt: Equatable, Sendable {
    /// Lines shown before the question: headings, the prompt and guidance, a reveal, a summary.
    public var text: String
    /// The question itself, shown just before the cursor.
    public var question: String
    /// True when the answer must not be echoed (blind scoring on a TTY).
    public var hidden: Bool
    /// What pressing Enter on an empty line does, shown to the user ("Enter accepts 3").
    public var defaultHint: String?

    public init(text: String = "", question: String, hidden: Bool = false, defaultHint: String? = nil) {
        self.text = text
        self.question = question
        self.hidden = hidden
        self.defaultHint = defaultHint
    }
}

/// The result of applying an answer.
public enum WorkshopStep: Equatable, Sendable {
    /// The answer was taken: save this session, show the message (if any), then ask the next prompt.
    case accepted(Session, message: String?)
    /// The answer was not valid: show the message and ask the same prompt again. Nothing changed.
    case refused(String)
    /// The group asked to stop: save this session and end the run with the resume hint.
    case pause(Session)
}

/// The stages a run goes through, in order. Every stage but `complete` has a `WorkshopStage`; a run
/// whose session reaches `complete` ends there.
public enum WorkshopStages {
    /// The stage's state machine, its text wrapped to `width` columns; nil for `complete`.
    public static func stage(for stage: Stage, width: Int = 80) -> (any WorkshopStage)? {
        switch stage {
        case .assessing: AssessmentStage(width: width)
        case .statements: StatementsStage()
        case .planning: PlanningStage()
        case .complete: nil
        }
    }

    /// The session moved to `stage` and that stage reopened at its start (`run --stage`); everything the
    /// group recorded is kept.
    public static func reopen(_ session: Session, at stage: Stage) -> Session {
        var session = session
        session.stage = stage
        switch stage {
        case .assessing: return AssessmentStage.reopen(session)
        case .statements: return StatementsStage.reopen(session)
        case .planning: return PlanningStage.reopen(session)
        case .complete: return session
        }
    }
}
