import Foundation
import StepChangeKit

extension Command {
    /// `stepchange new`: creates a session file from options and prints its id.
    static let new = Command(
        name: "new",
        summary: "Create a workshop session and print its id.",
        usage: "stepchange new --title TITLE [--framework ID|FILE] [--partnership NAME] [--facilitator NAME] [--participants LIST] [--date YYYY-MM-DD] [--sessions DIR]",
        discussion: """
        Participants are separated by `;`, each written Name (Organisation, sector); sectors are statutory,
        health, education, third sector, lived experience, private or other. They can also be added when
        the session is run. The default framework is child-poverty.
        """,
        examples: [#"stepchange new --title "Riverside self-assessment" --partnership "Riverside CPP" --participants "Ann Lee (Council, statutory); Raj Patel (CVS, third sector)""#],
        options: [
            OptionSpec("title", value: "TITLE", help: "The session's title (required)."),
            OptionSpec("framework", value: "ID|FILE", help: "Framework to assess against (default child-poverty)."),
            OptionSpec("partnership", value: "NAME", help: "The partnership taking part."),
            OptionSpec("facilitator", value: "NAME", help: "Who facilitates."),
            OptionSpec("participants", value: "LIST", help: "Participants: \"Name (Organisation, sector); …\"."),
            OptionSpec("date", value: "YYYY-MM-DD", help: "Workshop date (default today)."),
            .sessions, .frameworks,
        ]
    ) { invocation, context throws(StepChangeError) in
        guard let title = invocation.value("title")?.trimmingCharacters(in: .whitespaces), !title.isEmpty else {
            throw StepChangeError(.usage, "`stepchange new` needs a title: --title \"Riverside self-assessment\".",
                                  hint: "Or run `stepchange start` to be asked the set-up questions.")
        }
        var participants: [Participant] = []
        if let list = invocation.value("participants") {
            switch ParticipantList.parse(list) {
            case .success(let parsed): participants = parsed
            case .failure(let error): throw StepChangeError(.usage, "--participants: " + error.message)
            }
        }
        let (session, url) = try SessionCreation.create(
            title: title, framework: invocation.value("framework") ?? "child-poverty",
            partnership: invocation.value("partnership") ?? "", facilitator: invocation.value("facilitator") ?? "",
            participants: participants, scoring: .open, date: invocation.value("date"), invocation: invocation, context: context)
        context.terminal.writeLine(session.id)
        let store = context.sessionStore(invocation)
        context.terminal.writeErrorLine("Created \(context.displayPath(url)) with \(participants.count) participant\(participants.count == 1 ? "" : "s"). Next: \(WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context))")
        return 0
    }
}

/// Making a new session file: the framework snapshot, a unique id and the first durable save.
enum SessionCreation {
    static func create(title: String, framework reference: String, partnership: String, facilitator: String,
                       participants: [Participant], scoring: ScoringMode, date: String?,
                       invocation: Invocation, context: CommandContext) throws(StepChangeError) -> (Session, URL) {
        let (framework, _) = try context.framework(reference, invocation)
        let now = context.time.now
        let day = date ?? DayDate.string(from: now)
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
        let session = Session(id: store.newID(date: day, title: title), title: title, partnership: partnership, facilitator: facilitator,
                              date: day, createdAt: now, framework: framework, participants: participants,
                              settings: SessionSettings(scoring: scoring))
        let url = store.url(for: session.id)
        try store.save(session, to: url)
        return (session, url)
    }
}
