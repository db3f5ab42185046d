import Foundation

/// The one way every list the facilitator builds is corrected — evidence, strengths, areas for
/// improvement, outcomes, existing provision, gaps, assumptions, actions: the entries are shown
/// numbered, and the same small commands work on each (`edit N TEXT`, `delete N`, `move N to LIST`).
/// A line that starts like a command is never stored as an entry, whether it is valid or not.
public struct ListEditor: Sendable {
    /// The list's name as the group says it ("strengths").
    public var name: String
    /// The entries' labels, in order: shown numbered, and what `N` counts through.
    public var entries: [String]
    /// Each entry's stable id where it has one (`S1.MT2`, `A1.2`), typed instead of the number; empty otherwise.
    public var ids: [String]
    /// The other lists an entry can be moved to: what the group types (`areas`) and the list's name.
    public var destinations: [(typed: [String], name: String)]
    /// True where the entries are shown and typed by their ids (`S2`): a bare number N then names the entry
    /// whose id ends in N (`delete 2` is S2 even after S1 was deleted or S3 moved first), never a position.
    public var numberedByID: Bool

    public init(name: String, entries: [String], ids: [String] = [], destinations: [(typed: [String], name: String)] = [],
                numberedByID: Bool = false) {
        self.name = name
        self.entries = entries
        self.ids = ids
        self.destinations = destinations
        self.numberedByID = numberedByID && ids.count == entries.count
    }

    /// What a typed line asks for.
    public enum Reading: Equatable, Sendable {
        /// A new entry: the line as typed.
        case add(String)
        /// Replace entry `index` (0-based) with `text`; `text` is empty for `edit N` alone.
        case edit(index: Int, text: String)
        case delete(index: Int)
        /// Move entry `index` to the list with this name (one of `destinations`).
        case move(index: Int, to: String)
        /// The line began with a command word but could not be read; the message says how to type it.
        case refused(String)
    }

    /// The command words; a line starting with one of them followed by a number or id is a command.
    public static let commandWords = ["edit", "delete", "remove", "move"]

    /// Reads one typed line (already trimmed, not empty).
    public func read(_ line: String) -> Reading {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first?.lowercased(), Self.commandWords.contains(first) else { return .add(line) }
        guard words.count >= 2 else {
            if words.count == 1 { return .refused(usage(first)) }
            return .add(line)
        }
        guard let index = index(of: words[1]) else {
            let looksLikeReference = Int(words[1]) != nil || words[1].contains(where: \.isNumber) && words[1].count <= 8
            guard looksLikeReference else { return .add(line) }
            return .refused(entries.isEmpty ? "The \(name) list is empty, so there is no entry \(words[1]) to \(first)."
                                            : numberedByID ? "There is no entry \(words[1]) in \(name): give one of \(ids.joined(separator: ", "))."
                                            : "There is no entry \(words[1]) in \(name): give a number from 1 to \(entries.count)\(idHint).")
        }
        let rest = words.dropFirst(2)
        switch first {
        case "edit":
            return .edit(index: index, text: rest.joined(separator: " "))
        case "delete", "remove":
            guard rest.isEmpty else { return .refused("Type just `\(first) \(words[1])`; to change the wording type `edit \(words[1]) NEW TEXT`.") }
            return .delete(index: index)
        default:
            var target = Array(rest)
            if target.first?.lowercased() == "to" { target.removeFirst() }
            let typed = target.joined(separator: " ").lowercased()
            guard !typed.isEmpty, let destination = destinations.first(where: { $0.typed.contains(typed) }) else {
                if destinations.isEmpty { return .refused("Entries of \(name) cannot be moved to another list; edit or delete them instead.") }
                return .refused("Type `move \(words[1]) to LIST`, where LIST is \(PlanCheck.list(destinations.map { $0.typed[0] }, joiner: "or")).")
            }
            return .move(index: index, to: destination.name)
        }
    }

    /// The entry a typed number (1-based) or id names.
    func index(of word: String) -> Int? {
        if let number = Int(word) {
            guard numberedByID else { return entries.indices.contains(number - 1) ? number - 1 : nil }
            return ids.firstIndex { Int($0.drop { !$0.isNumber }) == number }
        }
        let upper = word.uppercased()
        return ids.firstIndex { id in
            let plain = id.uppercased()
            return plain == upper || plain.split(separator: ".").last.map(String.init) == upper
        }
    }

    /// The list as shown when it is revisited: one numbered line per entry.
    public func numbered(indent: String = "  ") -> [String] {
        entries.indices.map { "\(indent)\(label(at: $0)) \(entries[$0])" }
    }

    /// What entry `index` (0-based) is shown and typed as: its number (`2.`), or its id where numbered by id.
    public func label(at index: Int) -> String {
        numberedByID ? ids[index] : "\(index + 1)."
    }

    /// The commands as a short reminder for a prompt.
    public var reminder: String {
        destinations.isEmpty ? "edit N, delete N" : "edit N, delete N, move N to \(destinations.map { $0.typed[0] }.joined(separator: "/"))"
    }

    private var idHint: String { ids.isEmpty ? "" : " or an id such as \(ids[0].split(separator: ".").last.map(String.init) ?? ids[0])" }

    private func usage(_ word: String) -> String {
        switch word {
        case "edit": "Type `edit N NEW TEXT` to reword entry N of \(name)."
        case "move": "Type `move N to LIST` to move entry N of \(name) to another list."
        default: "Type `\(word) N` to remove entry N of \(name)."
        }
    }
}
