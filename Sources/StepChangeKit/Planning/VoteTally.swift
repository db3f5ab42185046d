import Foundation

/// The dot votes counted: statements ranked by votes (most first), ties shown with a shared rank,
/// and the facilitator's tie-break order applied only among statements with the same count.
public struct VoteTally: Equatable, Sendable {
    /// One statement's place in the ranking.
    public struct Entry: Equatable, Sendable {
        public let statementID: String
        public let votes: Int
        /// Competition rank: 1, 2, 2, 4 … (equal votes share a rank).
        public let rank: Int
        /// True when another statement has the same number of votes.
        public let tied: Bool
    }

    public let entries: [Entry]

    /// Counts the session's votes; `tieBreak` orders statements that have the same count.
    public init(session: Session, tieBreak: [String]? = nil) {
        let order = tieBreak ?? session.tieBreakOrder ?? []
        var counts: [String: Int] = [:]
        for vote in session.votes { counts[vote.statement, default: 0] += vote.count }
        let ranked = session.statements.enumerated().map { (offset: $0.offset, id: $0.element.id, votes: counts[$0.element.id] ?? 0) }
            .sorted { a, b in
                if a.votes != b.votes { return a.votes > b.votes }
                let ai = order.firstIndex(of: a.id) ?? Int.max, bi = order.firstIndex(of: b.id) ?? Int.max
                return ai != bi ? ai < bi : a.offset < b.offset
            }
        entries = ranked.map { entry in
            let rank = 1 + ranked.filter { $0.votes > entry.votes }.count
            let tied = ranked.filter { $0.votes == entry.votes }.count > 1
            return Entry(statementID: entry.id, votes: entry.votes, rank: rank, tied: tied)
        }
    }

    /// The participant who has given the most votes in all, and how many; nil before anyone votes.
    public static func mostVotesCast(in session: Session) -> (participant: String, count: Int)? {
        var cast: [String: Int] = [:]
        for vote in session.votes where vote.count > 0 { cast[vote.participant, default: 0] += vote.count }
        return session.participants.compactMap { person in cast[person.id].map { (person.id, $0) } }.max { $0.1 < $1.1 }
    }

    /// Statement ids, highest priority first.
    public var ranking: [String] { entries.map(\.statementID) }

    /// Groups of statements that received votes and share the same count.
    public var ties: [[String]] {
        var groups: [Int: [String]] = [:]
        for entry in entries where entry.votes > 0 && entry.tied { groups[entry.votes, default: []].append(entry.statementID) }
        return groups.sorted { $0.key > $1.key }.map(\.value)
    }

    public var totalVotes: Int { entries.reduce(0) { $0 + $1.votes } }

    public func votes(for statementID: String) -> Int {
        entries.first { $0.statementID == statementID }?.votes ?? 0
    }

    /// The suggested statements to plan now: the top three that received votes (or the top three when nobody voted).
    public var suggestedPlan: [String] {
        let voted = entries.filter { $0.votes > 0 }
        return Array((voted.isEmpty ? entries : voted).prefix(3).map(\.statementID))
    }

    /// The ranking as a table: rank, statement, votes, with ties marked "=".
    public func lines(statements: [ImprovementStatement]) -> [String] {
        entries.map { entry in
            let rank = (entry.tied ? "=" : " ") + String(entry.rank)
            let text = statements.first { $0.id == entry.statementID }?.text ?? ""
            let plural = entry.votes == 1 ? "vote " : "votes"
            return "  \(rank.leftPadded(3))  \(entry.statementID.padding(toLength: 4, withPad: " ", startingAt: 0))\(String(entry.votes).leftPadded(3)) \(plural)  \(text)"
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
