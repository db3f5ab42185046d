import Foundation
import StepChangeKit

extension OptionSpec {
    static let breakLock = OptionSpec("break-lock", help: "Not needed any more: a lock left by a runner that stopped is cleared on its own; one held by a running runner is never broken.")
}

extension Command {
    /// `stepchange run SESSION`: runs or resumes a workshop in the terminal, saving after every answer.
    static let run = Command(
        name: "run",
        summary: "Run or resume a workshop session in the terminal.",
        usage: "stepchange run SESSION [--blind|--open] [--order framework|divergence] [--minutes-per-heading N] [--stage assessing|statements|planning] [--votes N] [--room [--port N] [--bind ADDRESS]] [--break-lock] [--sessions DIR]",
        discussion: """
        SESSION is a session id, a unique start of one, or a path to a session file. The session is saved
        after every answer; Ctrl-C, end of input or `pause` stop with the command to resume. An empty line
        takes the default shown in brackets (the suggested consensus, skip the notes).
        With --room, participants score and vote from their own phones on the local network and the
        projector shows the room's view at /screen; the terminal prints the join addresses, a join code
        and a QR code. Plain HTTP on the local network: use a hotspot or a closed room network.
        """,
        examples: ["stepchange run 2026-11-23-riverside", "stepchange run 2026-11 --blind --minutes-per-heading 30",
                   "stepchange run 2026-11-23-riverside --order divergence",
                   "stepchange run 2026-11-23-riverside --room --blind"],
        options: [
            OptionSpec("blind", help: "Each participant types their own score, unseen (saved with the session)."),
            OptionSpec("open", help: "The facilitator types everyone's scores on one line (the default; undoes --blind)."),
            OptionSpec("order", value: "ORDER", help: "Item order: framework (default) or divergence (widest disagreement first)."),
            OptionSpec("minutes-per-heading", value: "N", help: "Planned minutes per heading; shows time used and warns when over."),
            OptionSpec("stage", value: "STAGE", help: "Go to a stage: assessing, statements or planning."),
            OptionSpec("votes", value: "N", help: "Votes each participant has when prioritising statements (1–20)."),
            OptionSpec("room", help: "Also serve the room: phones score and vote, the projector shows /screen."),
            OptionSpec("port", value: "N", help: "The room's port (default 8765; 0 picks a free one)."),
            OptionSpec("bind", value: "ADDRESS", help: "Serve the room on this address only (default: every network)."),
            .breakLock, .sessions,
        ],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let order = try invocation.value("order").map { value throws(StepChangeError) in
            guard let order = ItemOrder(rawValue: value.lowercased()) else {
                throw StepChangeError(.usage, "--order must be framework or divergence, not \"\(value)\".")
            }
            return order
        }
        let minutes = try WorkshopLaunch.number(invocation, "minutes-per-heading", in: 1...600)
        let votes = try WorkshopLaunch.number(invocation, "votes", in: 1...20)
        let stage = try invocation.value("stage").map { value throws(StepChangeError) in
            guard let stage = Stage(rawValue: value.lowercased()), stage != .complete else {
                throw StepChangeError(.usage, "--stage must be assessing, statements or planning, not \"\(value)\".")
            }
            return stage
        }
        if invocation.flag("blind") && invocation.flag("open") {
            throw StepChangeError(.usage, "Choose one of --blind and --open.")
        }
        let port = try WorkshopLaunch.number(invocation, "port", in: 0...65_535) ?? 8765
        if !invocation.flag("room"), invocation.value("port") != nil || invocation.value("bind") != nil {
            throw StepChangeError(.usage, "--port and --bind go with --room.")
        }
        let url = try store.resolve(invocation.positionals[0])
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
        defer { lock.release() }
        let room = invocation.flag("room") ? try RoomLoop.open(address: invocation.value("bind"), port: port, sessionURL: url, context: context) : nil
        HeapSettings.shareOneHeap()
        var session = try store.load(url, preparingToSave: true)
        let original = session
        if invocation.flag("blind") { session.settings.scoring = .blind }
        if invocation.flag("open") { session.settings.scoring = .open }
        if let minutes { session.settings.minutesPerHeading = minutes }
        if let votes {
            if let voter = VoteTally.mostVotesCast(in: session), voter.count > votes {
                let name = session.participant(voter.participant)?.name ?? voter.participant
                throw StepChangeError(.input, "--votes \(votes) is fewer than the \(voter.count) votes \(name) has already given; the session has not been changed.",
                                      hint: "Give --votes \(voter.count) or more, or run without --votes to keep \(session.settings.votesPerParticipant).")
            }
            session.settings.votesPerParticipant = votes
        }
        if let stage { session = WorkshopStages.reopen(session, at: stage) }
        if let order { session = AssessmentStage.reorder(session, by: order) }
        var saved = original
        func save(_ next: Session) throws(StepChangeError) -> Session {
            guard next != saved else { return next }
            var next = next
            next.updatedAt = context.time.now
            try store.save(next, to: url)
            saved = next
            return next
        }
        session = try save(session)
        if let reason = try SectorQuestions.askAtRunStart(&session, context: context, save: save) {
            context.terminal.writeErrorLine("\(reason) Everything answered is saved in \(context.displayPath(url)).")
            context.terminal.writeErrorLine("Resume with: \(WorkshopLaunch.resumeCommand(for: url, id: session.id, store: store, context: context, room: room))")
            return context.terminal.outputFailure == nil ? 0 : 1
        }
        return WorkshopLaunch.runWorkshop(session, url: url, store: store, lock: lock, context: context, room: room)
    }
}
