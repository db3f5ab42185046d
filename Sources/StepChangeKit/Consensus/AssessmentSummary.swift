import Foundation

/// What a self-assessment produced, heading by heading: each item's consensus and spread, heading
/// means, the weakest and most divergent items and every area for improvement. Built once from a
/// session and shared by the runner's summaries, `show`, `compare` and the exports.
public struct AssessmentSummary: Equatable, Sendable {
    /// One prompt's outcome.
    public struct ItemResult: Equatable, Sendable {
        public let heading: Heading
        public let item: Item
        public let assessment: ItemAssessment?
        /// Statistics of the first round (before discussion) and of the last (the one agreed from).
        public let firstRound: ConsensusStatistics?
        public let finalRound: ConsensusStatistics?

        public var consensus: Int? { assessment?.consensus?.score }
        /// Agreement of the round the consensus was agreed from.
        public var agreement: AgreementClass? { finalRound?.agreement }
        public var areasForImprovement: [String] { assessment?.areasForImprovement ?? [] }
    }

    /// One heading's items and the mean of their consensus scores.
    public struct HeadingResult: Equatable, Sendable {
        public let heading: Heading
        public let items: [ItemResult]

        /// Mean consensus of the items agreed so far; nil when none is agreed.
        public var mean: Double? { AssessmentSummary.mean(items.compactMap(\.consensus)) }
        public var agreedCount: Int { items.filter { $0.consensus != nil }.count }
    }

    public let headings: [HeadingResult]
    public let scale: Scale

    public init(session: Session) {
        scale = session.framework.scale
        let scale = self.scale
        // The first record of each item, as `Session.assessment(of:)` finds it, in one pass.
        var byItem: [String: ItemAssessment] = [:]
        byItem.reserveCapacity(session.assessments.count)
        for assessment in session.assessments where byItem[assessment.itemID] == nil {
            byItem[assessment.itemID] = assessment
        }
        headings = session.framework.headings.map { heading in
            HeadingResult(heading: heading, items: heading.items.map { item in
                let assessment = byItem[item.id]
                return ItemResult(
                    heading: heading, item: item, assessment: assessment,
                    firstRound: assessment?.rounds.first.map { ConsensusStatistics(round: $0, scale: scale) },
                    finalRound: assessment?.latestRound.map { ConsensusStatistics(round: $0, scale: scale) })
            })
        }
    }

    /// Every item in framework order.
    public var items: [ItemResult] { headings.flatMap(\.items) }

    /// Mean consensus over every agreed item.
    public var overallMean: Double? { Self.mean(items.compactMap(\.consensus)) }

    public var agreedCount: Int { items.filter { $0.consensus != nil }.count }

    /// Agreed items, lowest consensus first (framework order among equals).
    public var weakestItems: [ItemResult] {
        items.enumerated()
            .filter { $0.element.consensus != nil }
            .sorted { ($0.element.consensus!, $0.offset) < ($1.element.consensus!, $1.offset) }
            .map(\.element)
    }

    /// Items whose first round spread two levels or more, widest first (framework order among equals).
    public var mostDivergent: [ItemResult] {
        items.enumerated()
            .compactMap { entry in entry.element.firstRound?.spreadInLevels.map { (entry, $0) } }
            .filter { $0.1 >= 2 }
            .sorted { ($1.1, $0.0.offset) < ($0.1, $1.0.offset) }
            .map(\.0.element)
    }

    /// Every area for improvement with the item it came from, in framework order.
    public var areasForImprovement: [(item: Item, text: String)] {
        items.flatMap { result in result.areasForImprovement.map { (result.item, $0) } }
    }

    static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
}
