import Foundation

/// The order the group takes items in: the framework's, or the most divergent first.
public enum ItemOrder: String, CaseIterable, Sendable {
    case framework, divergence

    /// The item ids of a session in this order. Divergence puts the widest first-round spread first,
    /// framework order among equals, items without scores last.
    public func itemIDs(in session: Session) -> [String] {
        let ids = session.framework.itemIDs
        guard self == .divergence else { return ids }
        let scale = session.framework.scale
        let spreads = ids.map { id in
            session.assessment(of: id)?.rounds.first.flatMap { ConsensusStatistics(round: $0, scale: scale).spreadInLevels } ?? -1
        }
        return ids.indices.sorted { (spreads[$1], $0) < (spreads[$0], $1) }.map { ids[$0] }
    }
}
