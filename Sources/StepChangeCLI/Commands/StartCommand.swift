import Foundation
import StepChangeKit

extension Command {
    /// `stepchange start`: asks the set-up questions, creates the session and runs it.
    static let start = Command(
        name: "start",
        summary: "Set up a new workshop by answering a few questions, then run it.",
        usage: "stepchange start [--framework ID|FILE] [--frameworks DIR] [--sessions DIR]",
        discussion: "Asks for the title, partnership, facilitator, participants (one per line) and scoring mode, saves the session, then runs the self-assessment.",
        examples: ["stepchange start", "stepchange start --framework partnership-health"],
        options: [OptionSpec("framework", value: "ID|FILE", help: "Framework to assess against (default child-poverty)."), .sessions, .frameworks]
    ) { invocation, context throws(StepChangeError) in
        let terminal = context.terminal
        let (framework, _) = try context.framework(invocation.value("framework") ?? "child-poverty", invocation)
        terminal.writeLine(context.style.bold("New workshop session") + " — press Enter to skip an optional question.")
        func ask(_ question: String) throws(StepChangeError) -> String {
            terminal.write(question + ": ")
            guard let line = terminal.readAnswer() else {
                terminal.writeLine()
                throw StepChangeError(.input, "Set-up stopped before the session was created; nothing was saved.",
                                      hint: "Run `stepchange start` again, or create the session with `stepchange new`.")
            }
            return line.trimmingCharacters(in: .whitespaces)
        }
        var title = try ask("Title (e.g. Riverside child poverty self-assessment)")
        while title.isEmpty {
            terminal.writeLine("A title is needed: it names the session and its file.")
            title = try ask("Title")
        }
        let partnership = try ask("Partnership [optional]")
        let facilitator = try ask("Facilitator [optional]")
        terminal.writeLine("Participants, one per line as Name (Organisation, sector); an empty line ends the list.")
        terminal.writeLine("Sectors: " + Sector.allCases.map(\.label).joined(separator: ", ") + ".")
        var participants: [Participant] = []
        while true {
            let line = try ask("Participant \(participants.count + 1)")
            if line.isEmpty {
                if !participants.isEmpty { break }
                terminal.writeLine("Add at least one participant.")
                continue
            }
            var entry = line
            if !line.contains(";"), !ParticipantList.namesSector(line), case .success = ParticipantList.parseOne(line, after: participants) {
                var sector = ""
                while !ParticipantList.namesSector(Self.withSector(line, sector)) {
                    if !sector.isEmpty { terminal.writeLine("\"\(sector)\" does not end with a sector; sectors are \(Sector.allCases.map(\.label).joined(separator: ", ")).") }
                    sector = try ask("Which sector is \(line) from? (Organisation, sector — the organisation is optional)")
                }
                entry = Self.withSector(line, sector)
            }
            switch ParticipantList.parse(entry, after: participants) {
            case .success(let added): participants += added
            case .failure(let error): terminal.writeLine(error.message)
            }
        }
        var scoring: ScoringMode?
        while scoring == nil {
            let answer = try ask("Scoring: open (you type everyone's scores on one line) or blind (each types their own, unseen) [Enter: open]").lowercased()
            scoring = answer.isEmpty ? .open : ScoringMode(rawValue: answer)
            if scoring == nil { terminal.writeLine("Type open or blind.") }
        }
        let (session, url) = try SessionCreation.create(
            title: title, framework: framework, partnership: partnership, facilitator: facilitator,
            participants: participants, scoring: scoring!, date: nil, invocation: invocation, context: context)
        terminal.writeLine("Created \(context.displayPath(url)).")
        let store = context.sessionStore(invocation)
        let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: false)
        defer { lock.release() }
        return WorkshopLaunch.runWorkshop(session, url: url, store: store, lock: lock, context: context)
    }

    /// A typed participant with the sector (and organisation) answered separately put into its brackets.
    static func withSector(_ typed: String, _ answer: String) -> String {
        typed.contains("(") && typed.hasSuffix(")") ? String(typed.dropLast()) + ", \(answer))" : "\(typed) (\(answer))"
    }
}
