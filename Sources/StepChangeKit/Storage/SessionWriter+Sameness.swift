import Foundation

/// When a part is the very same value as the one remembered with its bytes (see `SessionWriter`).
extension SessionWriter {
    /// True when the two values' own bytes are identical: for texts, arrays and dictionaries, the same
    /// storage (with the same length), hence the same contents, as long as one of them is kept alive.
    /// Bytes that differ prove nothing (padding may differ), so that only means "write it again".
    static func sameStorage<T>(_ a: T, _ b: T) -> Bool {
        withUnsafeBytes(of: a) { left in
            withUnsafeBytes(of: b) { right in
                left.count == right.count && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    static func sameStorage(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): sameStorage(a, b)
        default: false
        }
    }

    static func sameStorage<Element>(_ a: [Element]?, _ b: [Element]?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): sameStorage(a, b)
        default: false
        }
    }

    static func same(_ a: ItemAssessment, _ b: ItemAssessment) -> Bool {
        sameStorage(a.itemID, b.itemID) && sameStorage(a.rounds, b.rounds) && same(a.consensus, b.consensus)
            && sameStorage(a.evidence, b.evidence) && sameStorage(a.strengths, b.strengths)
            && sameStorage(a.areasForImprovement, b.areasForImprovement) && a.skipped == b.skipped && a.completedAt == b.completedAt
    }

    static func same(_ a: ConsensusRecord?, _ b: ConsensusRecord?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?):
            a.score == b.score && a.suggested == b.suggested && a.round == b.round
                && sameStorage(a.outsideRangeReason, b.outsideRangeReason) && a.agreedAt == b.agreedAt
        default: false
        }
    }

    static func same(_ a: Framework, _ b: Framework) -> Bool {
        a.schemaVersion == b.schemaVersion && sameStorage(a.id, b.id) && sameStorage(a.title, b.title)
            && sameStorage(a.version, b.version) && sameStorage(a.description, b.description)
            && sameStorage(a.scale.levels, b.scale.levels)
            && sameStorage(a.scale.dontKnow?.label, b.scale.dontKnow?.label)
            && sameStorage(a.scale.dontKnow?.descriptor, b.scale.dontKnow?.descriptor)
            && sameStorage(a.headings, b.headings) && sameStorage(a.horizons, b.horizons) && sameStorage(a.actionThemes, b.actionThemes)
    }

    static func same(_ a: OutcomePlan, _ b: OutcomePlan) -> Bool {
        sameStorage(a.statementID, b.statementID) && sameStorage(a.outcomes, b.outcomes)
            && sameStorage(a.existingProvision, b.existingProvision) && sameStorage(a.gaps, b.gaps)
            && sameStorage(a.actions, b.actions) && sameStorage(a.assumptions, b.assumptions) && sameStorage(a.retiredIDs, b.retiredIDs)
    }

    static func same(_ a: Action, _ b: Action) -> Bool {
        sameStorage(a.ref, b.ref) && sameStorage(a.outcomeIDs, b.outcomeIDs) && sameStorage(a.objective, b.objective)
            && sameStorage(a.description, b.description) && sameStorage(a.lead, b.lead) && sameStorage(a.partners, b.partners)
            && sameStorage(a.resources, b.resources) && sameStorage(a.risk, b.risk) && sameStorage(a.milestone, b.milestone)
            && sameStorage(a.measure.indicator, b.measure.indicator) && sameStorage(a.measure.baseline, b.measure.baseline)
            && sameStorage(a.measure.target, b.measure.target) && sameStorage(a.measure.frequency, b.measure.frequency)
            && sameStorage(a.theme, b.theme) && a.additionality == b.additionality && a.status == b.status
            && sameStorage(a.outputImpact, b.outputImpact) && sameStorage(a.updates, b.updates) && sameStorage(a.milestones, b.milestones)
    }
}

/// A value `SessionWriter` remembers with its bytes, by place in an array, and how it tells that the
/// value at that place is still the very same.
protocol RememberedPart {
    static func isSame(_ a: Self, _ b: Self) -> Bool
}

extension ItemAssessment: RememberedPart {
    static func isSame(_ a: ItemAssessment, _ b: ItemAssessment) -> Bool { SessionWriter.same(a, b) }
}

extension OutcomePlan: RememberedPart {
    static func isSame(_ a: OutcomePlan, _ b: OutcomePlan) -> Bool { SessionWriter.same(a, b) }
}

extension Action: RememberedPart {
    static func isSame(_ a: Action, _ b: Action) -> Bool { SessionWriter.same(a, b) }
}
