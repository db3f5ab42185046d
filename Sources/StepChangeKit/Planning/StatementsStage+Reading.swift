import Foundation

/// Reading what is typed in the statements stage: statement ids (or `all`), items, votes.
extension StatementsStage {
    /// The next statement id: one more than any id ever given, including deleted and merged ones.
    public static func nextID(_ session: Session) -> String {
        let used = session.statements.flatMap { [$0.id] + $0.mergedFrom } + (session.retiredStatementIDs ?? [])
        let highest = used.compactMap { Int($0.dropFirst()) }.max() ?? 0
        return "S\(highest + 1)"
    }

    /// A refusal when the text says nothing beyond the lead-in ("The partnership should …").
    static func emptyStatementRefusal(_ text: String) -> String? {
        var rest = text.lowercased()
        for lead in ["the partnership should", "the partnership will", "partners should", "partners will"] where rest.hasPrefix(lead) {
            rest = String(rest.dropFirst(lead.count))
        }
        guard !rest.contains(where: \.isLetter) else { return nil }
        return "That statement is empty: say what should change, e.g. \"The partnership should develop mechanisms to …\"."
    }

    static func looksLikeID(_ word: String) -> Bool {
        let upper = word.uppercased()
        return upper.hasPrefix("S") && upper.count > 1 && Int(upper.dropFirst()) != nil
    }

    /// Items typed as "LN4 WW2" or "LN4, WW2"; `none` or `-` for no items. Unknown ids are refused with a suggestion.
    static func parseItems(_ text: String, framework: Framework) -> Result<[String], Refusal> {
        let words = tokens(text)
        if words.count == 1, ["none", "-"].contains(words[0].lowercased()) { return .success([]) }
        if words.count == 1, words[0].lowercased() == "all" { return .success(framework.itemIDs) }
        var ids: [String] = []
        for word in words {
            guard let item = framework.item(word) else {
                var message = "\"\(word)\" is not an item of \(framework.title)."
                if let guess = Suggestion.closest(to: word, among: framework.itemIDs) { message += " Did you mean \(guess)?" }
                return .failure(Refusal(message + " Items are \(framework.itemIDs.first ?? "")…\(framework.itemIDs.last ?? "") (see `summary`)."))
            }
            if !ids.contains(item.id) { ids.append(item.id) }
        }
        return .success(ids)
    }

    /// Statement ids typed as "S3 S1" (or "3 1"), in the order typed; unknown ids are refused with a suggestion.
    /// `all` gives every statement, highest ranked first; otherwise the typed order is kept.
    static func parseStatementIDs(_ text: String, session: Session) -> Result<[String], Refusal> {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "all" { return .success(VoteTally(session: session).ranking) }
        var ids: [String] = []
        for word in tokens(text) {
            guard let statement = session.statement(Int(word).map { "S\($0)" } ?? word) else { return .failure(Refusal(unknownStatementMessage(word, in: session))) }
            if !ids.contains(statement.id) { ids.append(statement.id) }
        }
        return .success(ids)
    }

    /// Votes typed as "S1 S1 S3" or "S1=2 S3=1" (also "S1:2"); `none` or `0` for none.
    static func parseVotes(_ text: String, session: Session) -> Result<[(id: String, count: Int)], Refusal> {
        let words = tokens(text)
        if words.count == 1, ["none", "-", "0"].contains(words[0].lowercased()) { return .success([]) }
        var counts: [String: Int] = [:]
        for word in words {
            let parts = word.split(whereSeparator: { $0 == "=" || $0 == ":" || $0 == "*" }).map(String.init)
            guard let first = parts.first, parts.count <= 2 else {
                return .failure(Refusal("\"\(word)\" is not a vote; type e.g. S1 S1 S3 or S1=2 S3=1."))
            }
            guard let statement = session.statement(first) else {
                return .failure(Refusal(unknownStatementMessage(first, in: session)))
            }
            var count = 1
            if parts.count == 2 {
                guard let number = Int(parts[1]), number >= 0 else {
                    return .failure(Refusal("\"\(word)\": the number of votes must be a whole number, e.g. \(statement.id)=2."))
                }
                count = number
            }
            counts[statement.id, default: 0] += count
        }
        return .success(session.statements.compactMap { statement in
            counts[statement.id].flatMap { $0 > 0 ? (statement.id, $0) : nil }
        })
    }

    static func unknownStatementMessage(_ word: String, in session: Session) -> String {
        let ids = session.statements.map(\.id)
        var message = "\"\(word)\" is not a statement."
        if !looksLikeID(word), let guess = Suggestion.closest(to: word.uppercased(), among: ids) { message += " Did you mean \(guess)?" }
        if let retired = session.retiredStatementIDs?.first(where: { $0.caseInsensitiveCompare(word) == .orderedSame }) {
            message = "\(retired) was deleted or merged."
        }
        return message + (ids.isEmpty ? " There are no statements yet." : " Statements: \(ids.joined(separator: ", ")).")
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
    }

    static func combined(_ votes: [Vote]) -> [Vote] {
        var result: [Vote] = []
        for vote in votes {
            if let existing = result.firstIndex(where: { $0.participant == vote.participant && $0.statement == vote.statement }) {
                result[existing].count += vote.count
            } else {
                result.append(vote)
            }
        }
        return result
    }

}
