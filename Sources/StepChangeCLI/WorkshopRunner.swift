import Foundation
import StepChangeKit

/// The terminal shell around the workshop stages: shows each prompt, reads one line, applies it to
/// the stage, and saves the session after every answer that changed it before the next prompt appears
/// (`help`, `status` and the like change nothing, so they write nothing).
/// When stdin is not a terminal it echoes each answer, so a transcript of a piped run reads well.
final class WorkshopRunner {
    private let context: CommandContext
    private let store: SessionStore
    private let url: URL
    private(set) var session: Session
    /// The exact command that resumes this session, e.g. `stepchange run 2026-11-23-riverside`.
    let resumeCommand: String
    /// Answers taken but not yet in the file because a save failed, as the user typed them.
    private var unsaved: [String] = []
    /// The answer being saved right now, named in the stop message if the save fails.
    private var pendingAnswer: String?
    /// With `run --room`: the room served while the terminal waits for each answer.
    var room: RoomLoop?

    init(session: Session, url: URL, store: SessionStore, context: CommandContext, resumeCommand: String) {
        self.session = session
        self.url = url
        self.store = store
        self.context = context
        self.resumeCommand = resumeCommand
    }

    private var terminal: Terminal { context.terminal }
    /// The terminal's width: every line shown is wrapped between words to fit it.
    private var width: Int { context.width }

    /// Writes text with every line fitted to the terminal's width.
    private func show(_ text: String) {
        terminal.writeLine(TextWrap.fit(text, width: width))
    }
    private var file: String { context.displayPath(url) }

    /// Runs stage after stage until the input ends, the group pauses, or the workshop is complete.
    /// Returns the exit status: 0 when everything answered is saved, 1 when something could not be.
    func run() -> Int32 {
        let heading = session.title + " (\(session.id))"
        terminal.writeLine(heading.count <= width ? context.style.bold(session.title) + " (\(session.id))" : TextWrap.fit(heading, width: width))
        show("Saved after every answer in \(file).")
        show("Type help at any prompt for the commands; pause saves and stops.")
        if let room { show(room.announcement()) }
        prompts: while true {
            guard let base = WorkshopStages.stage(for: session.stage, width: width) else { return endComplete() }
            let stage: any WorkshopStage = room == nil ? base : RoomStage(wrapping: base)
            guard let prompt = stage.nextPrompt(in: session) else {
                let next = Stage.allCases.first { $0 > session.stage } ?? .complete
                session.stage = next
                session.updatedAt = context.time.now
                save(answer: "moving on to the \(next.rawValue) stage")
                continue
            }
            if !prompt.text.isEmpty { show(prompt.text) }
            while true {
                let plain = prompt.question + (prompt.defaultHint.map { " [\($0)]" } ?? "") + ": "
                var question = context.style.bold(prompt.question)
                if let hint = prompt.defaultHint { question += " [\(hint)]" }
                let shown = plain.count <= width ? question + ": " : TextWrap.fit(String(plain.dropLast()), width: width - 1) + " "
                terminal.write(shown)
                var typedLine: String?
                if let room {
                    switch room.readAnswer(hidden: prompt.hidden, question: shown) {
                    case .line(let line): typedLine = line
                    case .end: typedLine = nil
                    case .changed:
                        terminal.writeLine()
                        continue prompts
                    }
                } else {
                    typedLine = terminal.readLine(hidden: prompt.hidden && terminal.isInteractive)
                }
                guard let answer = typedLine else {
                    terminal.writeLine()
                    return stop(because: "End of input.")
                }
                // A stop signal from here on waits until this answer is saved (or known not to be).
                let deferred = StopSignals.deferStops()
                defer { StopSignals.resumeStops(deferred) }
                if !terminal.isInteractive { terminal.writeLine(prompt.hidden ? "(hidden)" : answer) }
                let typed = prompt.hidden ? "(a hidden score)" : "\"\(answer)\""
                switch stage.apply(answer, to: session, now: context.time.now) {
                case .accepted(let next, let message):
                    let changed = next != session
                    session = next
                    if changed || !unsaved.isEmpty { save(answer: "\(prompt.question): \(typed)") }
                    if let message { show(message) }
                case .refused(let message):
                    show(message)
                    continue
                case .pause(let next):
                    session = next
                    save(answer: "pause")
                    return stop(because: "Paused.")
                }
                break
            }
        }
    }

    /// The session before the devices' changes not yet saved, to go back to if saving them fails.
    private var beforeDeviceChanges: Session?

    /// Takes a session changed by a participant's device into memory; `saveDeviceChanges` saves it
    /// (once for all the changes that arrived together) before any device is answered.
    func takeFromDevice(_ next: Session) {
        if beforeDeviceChanges == nil { beforeDeviceChanges = session }
        session = next
    }

    /// Saves the devices' changes; true once the file holds them. When the save fails they are dropped
    /// (the devices are told to try again), so memory never runs ahead of what a device was told.
    func saveDeviceChanges() -> Bool {
        guard let before = beforeDeviceChanges else { return true }
        beforeDeviceChanges = nil
        guard StopSignals.whileSaving({ writeSession() }) else {
            session = before
            return false
        }
        return true
    }

    /// Saves the session after an answer; on failure keeps the answer in memory, says so, and tries
    /// again next time.
    private func save(answer: String) {
        pendingAnswer = answer
        defer { pendingAnswer = nil }
        if !StopSignals.whileSaving({ writeSession() }) {
            unsaved.append(answer)
            terminal.writeErrorLine("Your answer is kept in memory; saving will be tried again after the next answer.")
        }
    }

    /// Writes the session file; true when it is saved, with every answer kept in memory before it.
    private func writeSession() -> Bool {
        do throws(StepChangeError) {
            try store.save(session, to: url)
            if !unsaved.isEmpty {
                terminal.writeErrorLine("Saved: the \(unsaved.count) earlier answer\(unsaved.count == 1 ? "" : "s") that could not be saved \(unsaved.count == 1 ? "is" : "are") now in \(file).")
            }
            unsaved = []
            StopSignals.setUnsaved(nil)
            room?.room.noteChange()
            return true
        } catch {
            StopSignals.setUnsaved(notSavedMessage(unsaved + (pendingAnswer.map { [$0] } ?? []), stoppedBy: "Stopped."))
            terminal.writeErrorLine("error: " + error.description)
            return false
        }
    }

    /// What to say on stopping while `answers` are not in the file: each one, and how to carry on.
    private func notSavedMessage(_ answers: [String], stoppedBy reason: String) -> String {
        var lines = ["", "\(reason) These answers could NOT be saved to \(file) (the file holds everything before them):"]
        lines += answers.map { "  - " + $0 }
        lines.append("Free some space or make the directory writable, then run \(resumeCommand) and give them again.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Ends the run, saying whether everything is saved and how to carry on. A last attempt is made to
    /// save answers kept in memory; if it fails, exactly those answers are listed as not saved.
    /// A run whose output failed (a full disk, a closed pipe) ends the same way, naming the failure, with exit 1.
    private func stop(because reason: String) -> Int32 {
        var reason = reason
        if let failure = terminal.outputFailure {
            reason = "Stopped: \(failure)."
            context.reportedOutputFailure = true
        }
        if !unsaved.isEmpty { _ = writeSession() }
        if unsaved.isEmpty {
            terminal.writeErrorLine("\(reason) Everything answered is saved in \(file).")
            terminal.writeErrorLine("Resume with: \(resumeCommand)")
            return terminal.outputFailure == nil ? 0 : 1
        }
        terminal.writeError(String(notSavedMessage(unsaved, stoppedBy: reason).dropFirst()))
        return 1
    }

    /// Ends a run whose session is complete (the only stage without a `WorkshopStage`).
    private func endComplete() -> Int32 {
        if !unsaved.isEmpty { return stop(because: "Stopped.") }
        show("The workshop is complete. Everything is saved in \(file).")
        show(WorkshopRunner.nextSteps(session: session, resumeCommand: resumeCommand).joined(separator: "\n"))
        return 0
    }

    /// What to do once the workshop is complete, with the exact commands for this session: check the
    /// plan, export it, and review progress later. `resumeCommand` gives the session reference
    /// (with --sessions when needed).
    static func nextSteps(session: Session, resumeCommand: String) -> [String] {
        let reference = resumeCommand.hasPrefix("stepchange run ") ? String(resumeCommand.dropFirst("stepchange run ".count)) : session.id
        return ["What to do next:",
                "  Check the plan:", "    stepchange check \(reference)",
                "  Export the report:", "    stepchange export \(reference) --format html --output \(session.id).html",
                "  Export the action plan for the council table:",
                "    stepchange export \(reference) --format csv --part actions --output \(session.id)-actions.csv",
                "  Review progress later (RAG status and measures):", "    stepchange review \(reference) --reviewer \"YOUR NAME\"",
                "  Start next year's workshop from this one:", "    stepchange new --from \(reference) --title \"TITLE\""]
    }
}
