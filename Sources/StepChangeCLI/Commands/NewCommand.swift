import Foundation
import StepChangeKit

extension Command {
    /// `stepchange new`: creates a session file from options and prints its id.
    static let new = Command(
        name: "new",
        summary: "Create a workshop session and print its id.",
        usage: "stepchange new --title TITLE [--from SESSION] [--framework ID|FILE] [--partnership NAME] [--facilitator NAME] [--participants LIST] [--date YYYY-MM-DD] [--frameworks DIR] [--sessions DIR]",
        discussion: """
        Participants are separated by `;`, each written Name (Organisation, sector); sectors are statutory,
        health, education, third sector, lived experience, private or other. They can also be added when
        the session is run. The default framework is child-poverty.
        --from starts next year's self-assessment from a past session: its framework (or a newer version given
        with --framework, items matched by id), its participants to confirm when the run starts, last year's
        consensus shown beside each item, and its open actions with their latest status. `compare NEW` then
        compares with that session.
        """,
        examples: [#"stepchange new --title "Riverside self-assessment" --partnership "Riverside CPP" --participants "Ann Lee (Council, statutory); Raj Patel (CVS, third sector)""#,
                   #"stepchange new --from 2025-11-20-riverside-child-poverty-self-assessment --title "Riverside self-assessment 2026""#],
        options: [
            OptionSpec("title", value: "TITLE", help: "The session's title (required; with --from, last time's title by default)."),
            OptionSpec("from", value: "SESSION", help: "Start from a past session: its framework, participants, consensus and open actions."),
            OptionSpec("framework", value: "ID|FILE", help: "Framework to assess against (default child-poverty)."),
            OptionSpec("partnership", value: "NAME", help: "The partnership taking part."),
            OptionSpec("facilitator", value: "NAME", help: "Who facilitates."),
            OptionSpec("participants", value: "LIST", help: "Participants: \"Name (Organisation, sector); …\"."),
            OptionSpec("date", value: "YYYY-MM-DD", help: "Workshop date (default today)."),
            .sessions, .frameworks,
        ]
    ) { invocation, context throws(StepChangeError) in
        if let from = invocation.value("from") { return try newFrom(from, invocation: invocation, context: context) }
        guard let title = invocation.value("title")?.trimmingCharacters(in: .whitespaces), !title.isEmpty else {
            throw StepChangeError(.usage, "`stepchange new` needs a title: --title \"Riverside self-assessment\".",
                                  hint: "Or run `stepchange start` to be asked the set-up questions.")
        }
        var participants: [Participant] = []
        if let list = invocation.value("participants") {
            switch ParticipantList.parse(list) {
            case .success(let parsed): participants = try SectorQuestions.confirm(parsed, typed: list, context: context)
            case .failure(let error): throw StepChangeError(.usage, "--participants: " + error.message)
            }
        }
        let (session, url) = try SessionCreation.create(
            title: title, framework: try context.framework(invocation.value("framework") ?? "child-poverty", invocation).framework,
            partnership: invocation.value("partnership") ?? "", facilitator: invocation.value("facilitator") ?? "",
            participants: participants, scoring: .open, date: invocation.value("date"), invocation: invocation, context: context)
        context.terminal.writeLine(session.id)
        noteMissingSectors(participants, context: context)
        let store = context.sessionStore(invocation)
        context.terminal.writeErrorLine(TextWrap.fit("Created \(context.displayPath(url)) with \(participants.count) participant\(participants.count == 1 ? "" : "s").", width: context.width))
        context.terminal.writeErrorLine("Next: \(WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context))")
        return 0
    }
}

extension Command {
    /// `stepchange new --from SESSION`: next year's session started from a past one (`CarryForward`).
    static func newFrom(_ reference: String, invocation: Invocation, context: CommandContext) throws(StepChangeError) -> Int32 {
        let store = context.sessionStore(invocation)
        let (previous, _) = try store.load(reference)
        var framework = previous.framework
        if let chosen = invocation.value("framework") {
            framework = try context.framework(chosen, invocation).framework
            guard framework.id == previous.framework.id else {
                throw StepChangeError(.usage, "--from \(previous.id) used the framework \(previous.framework.id); --framework gave \(framework.id).",
                                      hint: "Give a version of \(previous.framework.id) (items are matched by id), or leave out --framework to use the same one.")
            }
        }
        var participants: [Participant]?
        if let list = invocation.value("participants") {
            switch ParticipantList.parse(list) {
            case .success(let parsed): participants = try SectorQuestions.confirm(parsed, typed: list, context: context)
            case .failure(let error): throw StepChangeError(.usage, "--participants: " + error.message)
            }
        }
        let title = invocation.value("title")?.trimmingCharacters(in: .whitespaces).nonEmpty ?? previous.title
        let now = context.time.now
        let date = invocation.value("date") ?? DayDate.string(from: now)
        guard DayDate.isValid(date) else {
            throw StepChangeError(.usage, "--date must be a date written YYYY-MM-DD, not \"\(date)\".")
        }
        var (session, summary) = CarryForward.session(from: previous, title: title, framework: framework, participants: participants, date: date, now: now)
        if let partnership = invocation.value("partnership") { session.partnership = partnership }
        if let facilitator = invocation.value("facilitator") { session.facilitator = facilitator }
        let created = try store.create(session)
        let url = store.url(for: created.id)
        context.terminal.writeLine(created.id)
        var notes = ["Created \(context.displayPath(url)) from \(previous.id): \(framework.id) v\(framework.version), \(summary.participants) participant\(summary.participants == 1 ? "" : "s") to confirm, last year's consensus on \(summary.consensusCarried) item\(summary.consensusCarried == 1 ? "" : "s"), \(summary.openActions.count) open action\(summary.openActions.count == 1 ? "" : "s") carried forward."]
        if !summary.itemsDropped.isEmpty {
            notes.append("Not in \(framework.id) v\(framework.version), so not carried: \(summary.itemsDropped.joined(separator: ", ")).")
        }
        notes.append("Next: \(WorkshopLaunch.resumeCommand(for: url, id: created.id, store: store, context: context))")
        for note in notes { context.terminal.writeErrorLine(TextWrap.fit(note, width: context.width)) }
        noteMissingSectors(session.participants, context: context)
        return 0
    }

    /// Says which participants of --participants were given no sector (recorded as other until the run
    /// asks for it), so none becomes "other" unnoticed.
    static func noteMissingSectors(_ participants: [Participant], context: CommandContext) {
        let names = participants.filter { $0.sectorToConfirm == true }.map(\.name)
        guard !names.isEmpty else { return }
        context.terminal.writeErrorLine(TextWrap.fit("No sector given for \(names.prefix(10).joined(separator: ", "))\(names.count > 10 ? " and \(names.count - 10) more" : ""), so recorded as other for now; `stepchange run` asks for it first. To correct one yourself, type `participants` in the run, then edit N Name (Organisation, sector).", width: context.width))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
