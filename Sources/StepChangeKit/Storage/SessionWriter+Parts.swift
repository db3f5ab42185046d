import Foundation

/// The parts of a session written by hand: each writes exactly the fields its type's synthesized
/// `Encodable` conformance would (an absent optional leaves its key out), in UTF-8 key order, as
/// `CanonicalJSON` lays them out. `SessionWriterTests` checks every part against `CanonicalJSON` and
/// checks, by reflection, that each type still has exactly the fields written here.
extension CanonicalBytes {
    // MARK: Assessments

    func write(_ value: ItemAssessment, _ indent: Int) {
        openObject()
        var first = true
        key("areasForImprovement", indent, &first); strings(value.areasForImprovement, indent + 2)
        if let completedAt = value.completedAt { key("completedAt", indent, &first); date(completedAt) }
        if let consensus = value.consensus { key("consensus", indent, &first); write(consensus, indent + 2) }
        key("evidence", indent, &first); strings(value.evidence, indent + 2)
        key("itemID", indent, &first); string(value.itemID)
        key("rounds", indent, &first); array(value.rounds, indent + 2) { $0.write($1, $2) }
        key("skipped", indent, &first); bool(value.skipped)
        key("strengths", indent, &first); strings(value.strengths, indent + 2)
        closeObject(indent)
    }

    func write(_ value: ScoringRound, _ indent: Int) {
        openObject()
        var first = true
        key("number", indent, &first); int(value.number)
        key("scores", indent, &first); array(value.scores, indent + 2) { $0.write($1, $2) }
        key("source", indent, &first); string(value.source.rawValue)
        closeObject(indent)
    }

    func write(_ value: ParticipantScore, _ indent: Int) {
        openObject()
        var first = true
        if let comment = value.comment { key("comment", indent, &first); string(comment) }
        key("participant", indent, &first); string(value.participant)
        key("score", indent, &first); write(value.score)
        closeObject(indent)
    }

    func write(_ value: Score) {
        switch value {
        case .value(let number): int(number)
        case .dontKnow: raw("\"dont-know\"")
        }
    }

    func write(_ value: ConsensusRecord, _ indent: Int) {
        openObject()
        var first = true
        key("agreedAt", indent, &first); date(value.agreedAt)
        if let reason = value.outsideRangeReason { key("outsideRangeReason", indent, &first); string(reason) }
        key("round", indent, &first); int(value.round)
        key("score", indent, &first); int(value.score)
        if let suggested = value.suggested { key("suggested", indent, &first); int(suggested) }
        closeObject(indent)
    }

    // MARK: People, statements and votes

    func write(_ value: Participant, _ indent: Int) {
        openObject()
        var first = true
        if let absentFrom = value.absentFrom { key("absentFrom", indent, &first); string(absentFrom) }
        key("id", indent, &first); string(value.id)
        key("name", indent, &first); string(value.name)
        key("organisation", indent, &first); string(value.organisation)
        key("sector", indent, &first); string(value.sector.rawValue)
        if let confirm = value.sectorToConfirm { key("sectorToConfirm", indent, &first); bool(confirm) }
        closeObject(indent)
    }

    func write(_ value: ImprovementStatement, _ indent: Int) {
        openObject()
        var first = true
        key("id", indent, &first); string(value.id)
        key("itemIDs", indent, &first); strings(value.itemIDs, indent + 2)
        key("mergedFrom", indent, &first); strings(value.mergedFrom, indent + 2)
        key("rationale", indent, &first); string(value.rationale)
        key("text", indent, &first); string(value.text)
        closeObject(indent)
    }

    func write(_ value: Vote, _ indent: Int) {
        openObject()
        var first = true
        key("count", indent, &first); int(value.count)
        key("participant", indent, &first); string(value.participant)
        key("statement", indent, &first); string(value.statement)
        closeObject(indent)
    }

    func write(_ value: AssessmentCursor, order: [UInt8], _ indent: Int) {
        openObject()
        var first = true
        key("blindScores", indent, &first); array(value.blindScores, indent + 2) { $0.write($1, $2) }
        key("headingStarts", indent, &first); dictionary(value.headingStarts, indent + 2) { out, date, _ in out.date(date) }
        if let heading = value.introducedHeading { key("introducedHeading", indent, &first); string(heading) }
        if let itemID = value.itemID { key("itemID", indent, &first); string(itemID) }
        if let last = value.lastAnswerAt { key("lastAnswerAt", indent, &first); date(last) }
        key("order", indent, &first); raw(order)
        if let pending = value.pendingConsensus { key("pendingConsensus", indent, &first); int(pending) }
        if let pending = value.pendingParticipant { key("pendingParticipant", indent, &first); string(pending) }
        if let pending = value.pendingRemoval { key("pendingRemoval", indent, &first); string(pending) }
        key("round", indent, &first); int(value.round)
        key("step", indent, &first); string(value.step.rawValue)
        key("trail", indent, &first); array(value.trail, indent + 2) { $0.write($1, $2) }
        closeObject(indent)
    }

    func write(_ value: AssessmentPosition, _ indent: Int) {
        openObject()
        var first = true
        if let itemID = value.itemID { key("itemID", indent, &first); string(itemID) }
        if let pending = value.pendingConsensus { key("pendingConsensus", indent, &first); int(pending) }
        key("step", indent, &first); string(value.step.rawValue)
        closeObject(indent)
    }

    func write(_ value: SessionSettings, _ indent: Int) {
        openObject()
        var first = true
        if let minutes = value.minutesPerHeading { key("minutesPerHeading", indent, &first); int(minutes) }
        key("scoring", indent, &first); string(value.scoring.rawValue)
        key("votesPerParticipant", indent, &first); int(value.votesPerParticipant)
        closeObject(indent)
    }

    // MARK: Framework

    func write(_ value: Framework, _ indent: Int) {
        openObject()
        var first = true
        key("actionThemes", indent, &first); array(value.actionThemes, indent + 2) { $0.write($1, $2) }
        key("description", indent, &first); string(value.description)
        key("headings", indent, &first); array(value.headings, indent + 2) { $0.write($1, $2) }
        key("horizons", indent, &first); array(value.horizons, indent + 2) { $0.write($1, $2) }
        key("id", indent, &first); string(value.id)
        key("scale", indent, &first); write(value.scale, indent + 2)
        key("schemaVersion", indent, &first); int(value.schemaVersion)
        key("title", indent, &first); string(value.title)
        key("version", indent, &first); string(value.version)
        closeObject(indent)
    }

    func write(_ value: ActionTheme, _ indent: Int) {
        openObject()
        var first = true
        key("description", indent, &first); string(value.description)
        key("id", indent, &first); string(value.id)
        key("title", indent, &first); string(value.title)
        closeObject(indent)
    }

    func write(_ value: Heading, _ indent: Int) {
        openObject()
        var first = true
        key("id", indent, &first); string(value.id)
        key("items", indent, &first); array(value.items, indent + 2) { $0.write($1, $2) }
        key("summary", indent, &first); string(value.summary)
        key("title", indent, &first); string(value.title)
        closeObject(indent)
    }

    func write(_ value: Item, _ indent: Int) {
        openObject()
        var first = true
        key("evidence", indent, &first); strings(value.evidence, indent + 2)
        key("guidance", indent, &first); string(value.guidance)
        key("id", indent, &first); string(value.id)
        key("prompt", indent, &first); string(value.prompt)
        closeObject(indent)
    }

    func write(_ value: PlanningHorizon, _ indent: Int) {
        openObject()
        var first = true
        key("fromYears", indent, &first); int(value.fromYears)
        key("id", indent, &first); string(value.id.rawValue)
        key("span", indent, &first); string(value.span)
        key("title", indent, &first); string(value.title)
        key("toYears", indent, &first); int(value.toYears)
        closeObject(indent)
    }

    func write(_ value: Scale, _ indent: Int) {
        openObject()
        var first = true
        if let dontKnow = value.dontKnow {
            key("dontKnow", indent, &first)
            openObject()
            var inner = true
            key("descriptor", indent + 2, &inner); string(dontKnow.descriptor)
            key("label", indent + 2, &inner); string(dontKnow.label)
            closeObject(indent + 2)
        }
        key("levels", indent, &first); array(value.levels, indent + 2) { $0.write($1, $2) }
        closeObject(indent)
    }

    func write(_ value: ScaleLevel, _ indent: Int) {
        openObject()
        var first = true
        key("descriptor", indent, &first); string(value.descriptor)
        key("label", indent, &first); string(value.label)
        key("value", indent, &first); int(value.value)
        closeObject(indent)
    }

    // MARK: Plans and actions

    /// A plan, its actions' bytes given (rendered at `indent + 4`, where the elements of its `actions` stand).
    func write(_ value: OutcomePlan, actions: [RememberedBytes], _ indent: Int) {
        openObject()
        var first = true
        key("actions", indent, &first); array(actions, indent + 2) { out, part, _ in out.append(UnsafeRawBufferPointer(part.buffer)) }
        key("assumptions", indent, &first); strings(value.assumptions, indent + 2)
        key("existingProvision", indent, &first)
        array(value.existingProvision, indent + 2) { out, provision, at in out.linked(text: provision.text, outcomeIDs: provision.outcomeIDs, at) }
        key("gaps", indent, &first)
        array(value.gaps, indent + 2) { out, gap, at in out.linked(text: gap.text, outcomeIDs: gap.outcomeIDs, at) }
        key("outcomes", indent, &first); array(value.outcomes, indent + 2) { $0.write($1, $2) }
        if let retired = value.retiredIDs { key("retiredIDs", indent, &first); strings(retired, indent + 2) }
        key("statementID", indent, &first); string(value.statementID)
        closeObject(indent)
    }

    /// A `Provision` or a `Gap`: the same two fields.
    private func linked(text: String, outcomeIDs: [String], _ indent: Int) {
        openObject()
        var first = true
        key("outcomeIDs", indent, &first); strings(outcomeIDs, indent + 2)
        key("text", indent, &first); string(text)
        closeObject(indent)
    }

    func write(_ value: Outcome, _ indent: Int) {
        openObject()
        var first = true
        key("horizon", indent, &first); string(value.horizon.rawValue)
        key("id", indent, &first); string(value.id)
        key("text", indent, &first); string(value.text)
        closeObject(indent)
    }

    func write(_ value: Action, _ indent: Int) {
        openObject()
        var first = true
        key("additionality", indent, &first); string(value.additionality.rawValue)
        key("description", indent, &first); string(value.description)
        key("lead", indent, &first); string(value.lead)
        key("measure", indent, &first); write(value.measure, indent + 2)
        key("milestone", indent, &first); string(value.milestone)
        if let milestones = value.milestones { key("milestones", indent, &first); array(milestones, indent + 2) { $0.write($1, $2) } }
        key("objective", indent, &first); string(value.objective)
        key("outcomeIDs", indent, &first); strings(value.outcomeIDs, indent + 2)
        key("outputImpact", indent, &first); string(value.outputImpact)
        key("partners", indent, &first); strings(value.partners, indent + 2)
        key("ref", indent, &first); string(value.ref)
        key("resources", indent, &first); string(value.resources)
        key("risk", indent, &first); string(value.risk)
        key("status", indent, &first); string(value.status.rawValue)
        key("theme", indent, &first); string(value.theme)
        key("updates", indent, &first); array(value.updates, indent + 2) { $0.write($1, $2) }
        closeObject(indent)
    }

    func write(_ value: Measure, _ indent: Int) {
        openObject()
        var first = true
        key("baseline", indent, &first); string(value.baseline)
        key("frequency", indent, &first); string(value.frequency)
        key("indicator", indent, &first); string(value.indicator)
        key("target", indent, &first); string(value.target)
        closeObject(indent)
    }

    func write(_ value: ProgressUpdate, _ indent: Int) {
        openObject()
        var first = true
        if let actual = value.actual { key("actual", indent, &first); string(actual) }
        key("date", indent, &first); string(value.date)
        key("note", indent, &first); string(value.note)
        if let period = value.period { key("period", indent, &first); string(period) }
        key("recordedAt", indent, &first); date(value.recordedAt)
        key("reviewer", indent, &first); string(value.reviewer)
        key("status", indent, &first); string(value.status.rawValue)
        if let supersedes = value.supersedes { key("supersedes", indent, &first); int(supersedes) }
        if let withdrawal = value.withdrawal { key("withdrawal", indent, &first); bool(withdrawal) }
        closeObject(indent)
    }

    func write(_ value: ActionMilestone, _ indent: Int) {
        openObject()
        var first = true
        key("date", indent, &first); string(value.date)
        key("output", indent, &first); string(value.output)
        if let revisions = value.revisions { key("revisions", indent, &first); array(revisions, indent + 2) { $0.write($1, $2) } }
        if let status = value.status { key("status", indent, &first); string(status.rawValue) }
        closeObject(indent)
    }

    func write(_ value: MilestoneRevision, _ indent: Int) {
        openObject()
        var first = true
        key("previousDate", indent, &first); string(value.previousDate)
        key("reason", indent, &first); string(value.reason)
        key("revisedOn", indent, &first); string(value.revisedOn)
        closeObject(indent)
    }
}
