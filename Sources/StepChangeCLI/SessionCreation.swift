import Foundation
import StepChangeKit

/// Making a new session file: the framework snapshot, a unique id and the first durable save.
enum SessionCreation {
    static func create(title: String, framework: Framework, partnership: String, facilitator: String,
                       participants: [Participant], scoring: ScoringMode, date: String?,
                       invocation: Invocation, context: CommandContext) throws(StepChangeError) -> (Session, URL) {
        let now = context.time.now
        let day = date ?? context.today
        guard DayDate.isValid(day) else {
            throw StepChangeError(.usage, "--date must be a date written YYYY-MM-DD, not \"\(day)\".")
        }
        let store = context.sessionStore(invocation)
        do {
            try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        } catch {
            throw StepChangeError(.input, "Cannot create the sessions directory \(context.displayPath(store.directory)).",
                                  hint: "Check the path and permissions, or choose another with --sessions DIR.")
        }
        let session = Session(id: "", title: title, partnership: partnership, facilitator: facilitator,
                              date: day, createdAt: now, framework: framework, participants: participants,
                              settings: SessionSettings(scoring: scoring))
        let created = try store.create(session)
        return (created, store.url(for: created.id))
    }
}
