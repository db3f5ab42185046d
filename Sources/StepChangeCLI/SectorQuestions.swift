import Foundation
import StepChangeKit

/// Asks for the sector of a participant given without one, rather than letting them become "other"
/// unasked: `new` asks at a terminal (else marks them to confirm), and `run` asks first for any still marked.
enum SectorQuestions {
    static let sectors = Sector.allCases.map(\.label).joined(separator: ", ")

    /// The participants of `--participants`, each typed without a sector asked for it at a terminal,
    /// or marked `sectorToConfirm` when no one is there to ask.
    static func confirm(_ parsed: [Participant], typed list: String, context: CommandContext) throws(StepChangeError) -> [Participant] {
        let entries = list.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard entries.count == parsed.count else { return parsed }
        var participants = parsed
        for (index, entry) in entries.enumerated() where !ParticipantList.namesSector(entry) {
            participants[index].sectorToConfirm = true
            if context.terminal.isInteractive, let answered = ask(participants[index], typedOrganisation: participants[index].organisation, context: context) {
                participants[index] = answered
            }
        }
        return participants
    }

    /// The session with the sector asked for every participant still marked to confirm (at a terminal);
    /// when not at a terminal, says who is still recorded as other and how to correct them.
    static func askAtRunStart(_ session: Session, context: CommandContext) -> Session {
        var session = session
        let waiting = session.participants.indices.filter { session.participants[$0].sectorToConfirm == true }
        guard !waiting.isEmpty else { return session }
        guard context.terminal.isInteractive else {
            let names = waiting.map { session.participants[$0].name }.joined(separator: ", ")
            context.terminal.writeErrorLine(TextWrap.fit("No sector yet for \(names) (recorded as other). To give it, type `participants` at any prompt, then edit N Name (Organisation, sector).", width: context.width))
            return session
        }
        context.terminal.writeLine(TextWrap.fit("Some participants were added without a sector. Sectors: \(sectors).", width: context.width))
        for index in waiting {
            guard let answered = ask(session.participants[index], typedOrganisation: session.participants[index].organisation, context: context) else { break }
            session.participants[index] = answered
        }
        return session
    }

    /// Asks which sector one participant is from until the answer names one; nil when the input ends.
    static func ask(_ participant: Participant, typedOrganisation: String, context: CommandContext) -> Participant? {
        let terminal = context.terminal
        while true {
            terminal.write("Which sector is \(participant.name) from? (Organisation, sector — the organisation is optional): ")
            guard let line = terminal.readLine()?.trimmingCharacters(in: .whitespaces) else {
                terminal.writeLine()
                return nil
            }
            let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let last = parts.last, let sector = Sector(typed: last) else {
                terminal.writeLine("\"\(line.prefix(40))\" does not end with a sector; sectors are \(sectors).")
                continue
            }
            var answered = participant
            answered.sector = sector
            let organisation = parts.dropLast().joined(separator: ", ")
            answered.organisation = organisation.isEmpty ? typedOrganisation : organisation
            answered.sectorToConfirm = nil
            return answered
        }
    }
}
