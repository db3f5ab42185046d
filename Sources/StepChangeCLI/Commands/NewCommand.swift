import Foundation
import StepChangeKit

extension Command {
    /// `stepchange new`: creates a session file from options and prints its id.
    static let new = Command(
        name: "new",
        summary: "Create a workshop session and print its id.",
        usage: "stepchange new --title TITLE [--framework ID|FILE] [--partnership NAME] [--facilitator NAME] [--participants LIST] [--date YYYY-MM-DD] [--frameworks DIR] [--sessions DIR]",
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
            title: title, framework: try context.framework(invocation.value("framework") ?? "child-poverty", invocation).framework,
            partnership: invocation.value("partnership") ?? "", facilitator: invocation.value("facilitator") ?? "",
            participants: participants, scoring: .open, date: invocation.value("date"), invocation: invocation, context: context)
        context.terminal.writeLine(session.id)
        let store = context.sessionStore(invocation)
        context.terminal.writeErrorLine("Created \(context.displayPath(url)) with \(participants.count) participant\(participants.count == 1 ? "" : "s"). Next: \(WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context))")
        return 0
    }
}
