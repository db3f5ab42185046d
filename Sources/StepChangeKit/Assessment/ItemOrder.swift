import Foundation

/// The order the group takes items in: the framework's, or the most divergent first.
public enum ItemOrder: String, CaseIterable, Sendable {
    case framework, divergence

    /// The item ids of a session in this order. Divergence puts the widest first-round spread first;
    /// among equals (and for items not yet scored) the pre-workshop survey's widest spread of answers
    /// (interquartile range) first; then framework order.
    public func itemIDs(in session: Session) -> [String] {
        let ids = session.framework.itemIDs
        guard self == .divergence else { return ids }
        let scale = session.framework.scale
        let spreads = ids.map { id in
            session.assessment(of: id)?.rounds.first.flatMap { ConsensusStatistics(round: $0, scale: scale).spreadInLevels } ?? -1
        }
        let surveySpreads = ids.map { id in
            session.survey?.item(id).flatMap { ConsensusStatistics(scores: $0.scores, scale: scale).interquartileRange } ?? -1
        }
        return ids.indices.sorted { a, b in
            if spreads[a] != spreads[b] { return spreads[a] > spreads[b] }
            if surveySpreads[a] != surveySpreads[b] { return surveySpreads[a] > surveySpreads[b] }
            return a < b
        }.map { ids[$0] }
    }
}
