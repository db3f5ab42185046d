import Foundation

/// Reads participants as a facilitator types them: `Ann Lee (Council, statutory)`, several separated
/// by `;`. The part in brackets is optional; one word there that names a sector is the sector,
/// anything else the organisation.
public enum ParticipantList {
    /// Parses a `;`-separated list, numbering new participants after `existing` (ids p1, p2, …).
    /// Names already taken are kept in a set, so a list of thousands parses in linear time.
    public static func parse(_ text: String, after existing: [Participant] = []) -> Result<[Participant], ParticipantListError> {
        var added: [Participant] = []
        var taken = Set(existing.map { ParticipantName.key($0.name) })
        var number = nextNumber(after: existing)
        for entry in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            switch read(entry) {
            case .failure(let error): return .failure(error)
            case .success(var participant):
                guard taken.insert(ParticipantName.key(participant.name)).inserted else { return .failure(duplicate(participant.name, among: existing + added)) }
                participant.id = "p\(number)"
                number += 1
                added.append(participant)
            }
        }
        return .success(added)
    }

    /// Parses one participant, given the participants already in the session (for the id and duplicates).
    public static func parseOne(_ text: String, after existing: [Participant]) -> Result<Participant, ParticipantListError> {
        read(text).flatMap { participant in
            if existing.contains(where: { ParticipantName.key($0.name) == ParticipantName.key(participant.name) }) {
                return .failure(duplicate(participant.name, among: existing))
            }
            var numbered = participant
            numbered.id = "p\(nextNumber(after: existing))"
            return .success(numbered)
        }
    }

    /// True when the typed entry names a sector in its brackets (`Ann Lee (Council, statutory)`);
    /// the runner asks for the sector of one typed without, rather than recording "other" unasked.
    public static func namesSector(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return false }
        let inside = text[text.index(after: open)..<close]
        guard let last = inside.split(separator: ",").last else { return false }
        return Sector(typed: String(last)) != nil
    }

    /// Name, organisation and sector of one typed entry; the id is given by the caller.
    static func read(_ text: String) -> Result<Participant, ParticipantListError> {
        let entry = text.trimmingCharacters(in: .whitespaces)
        var name = entry
        var organisation = ""
        var sector = Sector.other
        if let open = entry.firstIndex(of: "(") {
            guard entry.hasSuffix(")") else {
                return .failure(ParticipantListError(message: "\"\(entry)\": a closing bracket is missing; write Name (Organisation, sector)."))
            }
            name = entry[..<open].trimmingCharacters(in: .whitespaces)
            let inside = entry[entry.index(after: open)..<entry.index(before: entry.endIndex)]
            let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts.count {
            case 0: break
            case 1:
                if let typed = Sector(typed: parts[0]) { sector = typed } else { organisation = parts[0] }
            default:
                organisation = parts.dropLast().joined(separator: ", ")
                guard let typed = Sector(typed: parts.last!) else {
                    return .failure(ParticipantListError(message: "\"\(entry)\": \"\(parts.last!)\" is not a sector; use one of \(Sector.allCases.map(\.label).joined(separator: ", "))."))
                }
                sector = typed
            }
        }
        guard !ParticipantName.tidy(name).isEmpty else {
            return .failure(ParticipantListError(message: "\"\(entry)\": the name is missing; write Name (Organisation, sector)."))
        }
        return .success(Participant(id: "", name: ParticipantName.tidy(name), organisation: organisation, sector: sector))
    }

    static func nextNumber(after existing: [Participant]) -> Int {
        (existing.compactMap { $0.id.hasPrefix("p") ? Int($0.id.dropFirst()) : nil }.max() ?? 0) + 1
    }

    /// The refusal of a name that is, or looks the same as, one already taken (differing only in spaces, case or Unicode form).
    static func duplicate(_ name: String, among taken: [Participant]) -> ParticipantListError {
        let tidy = ParticipantName.tidy(name)
        let same = taken.first { ParticipantName.key($0.name) == ParticipantName.key(name) }
        if let same, same.name != tidy {
            return ParticipantListError(message: "\"\(tidy)\" looks the same as \"\(same.name)\", who is already a participant; give each person a name others can tell apart.")
        }
        return ParticipantListError(message: "\"\(tidy)\" is already a participant (names are compared ignoring case and extra or no-break spaces); give each person a name others can tell apart.")
    }
}

/// Why a typed participant was refused.
public struct ParticipantListError: Error, Equatable, Sendable {
    public var message: String
}
