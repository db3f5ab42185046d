import Foundation
import StepChangeKit

/// Asks for the sector of a participant given without one, rather than letting them become "other"
/// unasked: `new` asks at a terminal (else marks them to confirm), and `run` asks first for any still marked.
enum SectorQuestions {
    static let sectors = Sector.allCases.map(\.label).joined(separator: ", ")

    /// The participants of `--participants`, each typed without a sector asked for it at a terminal,
    /// or marked `sectorToConfirm` when no one is there to ask (or `pause` or the end of input stopped the asking).
    static func confirm(_ parsed: [Participant], typed list: String, context: CommandContext) throws(StepChangeError) -> [Participant] {
        let entries = list.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard entries.count == parsed.count else { return parsed }
        var participants = parsed
        var asking = context.terminal.isInteractive
        for (index, entry) in entries.enumerated() where !ParticipantList.namesSector(entry) {
            participants[index].sectorToConfirm = true
            guard asking else { continue }
            switch ask(participants[index], typedOrganisation: participants[index].organisation, context: context) {
            case .answered(let answered): participants[index] = answered
            case .stopped: asking = false
            }
        }
        return participants
    }

    /// Asks, at a terminal, the sector of every participant still marked to confirm, handing the session
    /// to `save` after each answer; returns why the asking stopped (`pause` or the end of input), nil when
    /// every one was answered. Not at a terminal, says who is still recorded as other and how to correct them.
    static func askAtRunStart(_ session: inout Session, context: CommandContext,
                              save: (Session) throws(StepChangeError) -> Session) throws(StepChangeError) -> String? {
        let waiting = session.participants.indices.filter { session.participants[$0].sectorToConfirm == true }
        guard !waiting.isEmpty else { return nil }
        guard context.terminal.isInteractive else {
            let names = waiting.map { session.participants[$0].name }.joined(separator: ", ")
            context.terminal.writeErrorLine(TextWrap.fit("No sector yet for \(names) (recorded as other). To give it, type `participants` at any prompt, then edit N Name (Organisation, sector).", width: context.width))
            return nil
        }
        context.terminal.writeLine(TextWrap.fit("Some participants were added without a sector. Sectors: \(sectors).", width: context.width))
        for index in waiting {
            switch ask(session.participants[index], typedOrganisation: session.participants[index].organisation, context: context) {
            case .answered(let answered):
                session.participants[index] = answered
                session = try save(session)
            case .stopped(let reason):
                return reason
            }
        }
        return nil
    }

    /// What one sector question ended with: the participant with their sector, or why the asking stopped.
    enum Answer {
        case answered(Participant)
        case stopped(String)
    }

    /// Asks which sector one participant is from until the answer names one, or `pause` or the end of input stops it.
    static func ask(_ participant: Participant, typedOrganisation: String, context: CommandContext) -> Answer {
        let terminal = context.terminal
        while true {
            terminal.write("Which sector is \(participant.name) from? (Organisation, sector — the organisation is optional): ")
            guard let line = terminal.readLine()?.trimmingCharacters(in: .whitespaces) else {
                terminal.writeLine()
                return .stopped("End of input.")
            }
            if line.lowercased() == "pause" { return .stopped("Paused.") }
            let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let last = parts.last, let sector = Sector(typed: last) else {
                terminal.writeLine("\"\(line.prefix(40))\" does not end with a sector; sectors are \(sectors) (or pause to stop).")
                continue
            }
            var answered = participant
            answered.sector = sector
            let organisation = parts.dropLast().joined(separator: ", ")
            answered.organisation = organisation.isEmpty ? typedOrganisation : organisation
            answered.sectorToConfirm = nil
            return .answered(answered)
        }
    }
}
