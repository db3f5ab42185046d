import Foundation

/// Decides once what a session's report says, part by part: the self-assessment, the improvement
/// statements, the outcome plans, the action plan and the measures. Non-attributable unless
/// `attributed` is set: no participant names, per-person scores, votes or reviewer names.
public struct ReportBuilder: Sendable {
    public let session: Session
    public let attributed: Bool
    private let summary: AssessmentSummary
    let tally: VoteTally
    /// The day the report's statuses are as at: the latest progress review, or the workshop date.
    let statusDate: String
    /// What is overdue as at `statusDate`.
    let overdue: Overdue

    public init(session: Session, attributed: Bool = false) {
        self.session = session
        self.attributed = attributed
        self.summary = AssessmentSummary(session: session)
        self.tally = VoteTally(session: session)
        self.statusDate = Overdue.statusDate(of: session)
        self.overdue = Overdue(session, asAt: statusDate)
    }

    /// What every attributed export says first, so it never reaches a public board paper by mistake.
    public static let attributedNotice = "Contains names and individual scores — not for publication."

    /// The warning this report carries: `attributedNotice` when attributed, else none.
    public var notice: String? { attributed ? Self.attributedNotice : nil }

    /// The report of one part, or of every part for `.all`.
    public func report(_ part: ReportPart) -> Report {
        Report(title: session.title, notice: notice, metadata: metadata, sections: part.parts.map(section), statusDate: statusDate)
    }

    /// The one table a CSV export of a part holds: the first of `tables(part)`. The outcome plans and
    /// `all` are not single tables and are refused as a usage error.
    public func table(_ part: ReportPart) throws(StepChangeError) -> ReportTable {
        guard part != .plan && part != .all, let first = tables(part).first else {
            throw StepChangeError(.usage, "CSV holds one table, so it exports --part assessment, statements, actions or measures, not --part \(part.rawValue).",
                                  hint: "Use --format markdown, html or docx for the \(part.rawValue) part, --format xlsx for every table at once, or choose --part assessment, statements, actions or measures.")
        }
        return first
    }

    // MARK: - Document facts

    var metadata: [ReportField] {
        var fields: [ReportField] = []
        if !session.partnership.isEmpty { fields.append(ReportField("Partnership", session.partnership)) }
        fields.append(ReportField("Workshop date", DayDate.longForm(session.date)))
        fields.append(ReportField("Status as at", DayDate.longForm(statusDate) + (statusDate == session.date ? " (the workshop; no progress review yet)" : " (the latest progress review)")))
        if !session.facilitator.isEmpty { fields.append(ReportField("Facilitator", session.facilitator)) }
        fields.append(ReportField("Framework", "\(session.framework.title) (version \(session.framework.version))"))
        fields.append(ReportField("Session", session.id))
        return fields
    }

    func section(_ part: ReportPart) -> ReportSection {
        let blocks: [ReportBlock]
        switch part {
        case .assessment: blocks = assessmentBlocks
        case .statements: blocks = statementBlocks
        case .plan: blocks = planBlocks
        case .actions: blocks = actionBlocks
        case .measures: blocks = measureBlocks
        case .all: blocks = []
        }
        return ReportSection(id: part.rawValue, heading: part.heading, blocks: blocks)
    }

    // MARK: - Assessment

    var assessmentBlocks: [ReportBlock] {
        let scale = session.framework.scale
        var blocks: [ReportBlock] = []
        var facts = [ReportField("Participants", participantCount)]
        if !session.description.isEmpty { facts.insert(ReportField("About", session.description), at: 0) }
        facts.append(ReportField("Scale", "\(scale.lowest) (\(scale.level(scale.lowest)?.label ?? "")) to \(scale.highest) (\(scale.level(scale.highest)?.label ?? ""))"))
        facts.append(ReportField("Items agreed", "\(summary.agreedCount) of \(summary.items.count)"))
        if let mean = summary.overallMean { facts.append(ReportField("Mean consensus", Self.decimal(mean))) }
        facts += surveyFacts
        blocks.append(.fields(facts))
        if attributed && !session.participants.isEmpty {
            blocks.append(.table(ReportTable(caption: "Participants", header: ["Participant", "Organisation", "Sector"],
                rows: session.participants.map { [.text($0.name), .text($0.organisation), .text($0.sector.label)] })))
        }
        blocks.append(.table(ReportTable(caption: "The scale", header: ["Score", "Level", "What it means"],
            rows: scale.levels.map { [.text(String($0.value)), .text($0.label), .text($0.descriptor)] }
                + (scale.dontKnow.map { [[.text("?"), .text($0.label), .text($0.descriptor + " Counted, not scored.")]] } ?? []))))
        blocks.append(.heading(level: 2, text: "Consensus by heading"))
        guard summary.agreedCount > 0 || !session.assessments.isEmpty || session.survey != nil else {
            blocks.append(.nothingYet("No items have been scored yet."))
            return blocks
        }
        blocks.append(.table(ReportTable(header: ["Heading", "Items agreed", "Mean consensus"], rows: summary.headings.map { result in
            [.text(result.heading.title), .text("\(result.agreedCount) of \(result.items.count)"), .text(result.mean.map(Self.decimal) ?? "not yet agreed")]
        })))
        blocks.append(.barChart(ReportBarChart(title: "Mean consensus by heading (scale \(scale.lowest) to \(scale.highest))",
            maximum: Double(scale.highest), bars: summary.headings.map { result in
                ReportBarChart.Bar(label: result.heading.title, value: result.mean, valueText: result.mean.map(Self.decimal) ?? "not yet agreed")
            }, ticks: [0] + scale.values.filter { $0 > 0 }.map(Double.init))))
        for heading in summary.headings {
            blocks.append(.heading(level: 2, text: "\(heading.heading.id) \(heading.heading.title)"))
            blocks += surveyHeadingBlocks(heading.heading.id)
            var notStarted: [String] = []
            for result in heading.items {
                guard let assessment = result.assessment else {
                    let surveyOnly = surveyOnlyBlocks(result)
                    if surveyOnly.isEmpty { notStarted.append(result.item.id) } else { blocks += surveyOnly }
                    continue
                }
                blocks += itemBlocks(result, assessment)
            }
            if !notStarted.isEmpty {
                blocks.append(.nothingYet("Not scored yet: \(notStarted.joined(separator: ", "))."))
            }
        }
        return blocks + surveyGeneralBlocks
    }

    private func itemBlocks(_ result: AssessmentSummary.ItemResult, _ assessment: ItemAssessment) -> [ReportBlock] {
        let scale = session.framework.scale
        var blocks: [ReportBlock] = [.heading(level: 3, text: "\(result.item.id): \(result.item.prompt)")]
        var fields: [ReportField] = []
        if let record = assessment.consensus {
            let level = scale.level(record.score)
            fields.append(ReportField("Consensus", "\(record.score) — \(level?.label ?? "")" + (level.map { ": \($0.descriptor)" } ?? "")))
            if let reason = record.outsideRangeReason, !reason.isEmpty {
                fields.append(ReportField("Why outside the individual scores", reason))
            }
        } else {
            fields.append(ReportField("Consensus", assessment.skipped ? "not agreed yet (the group will come back to it)" : "not agreed yet"))
        }
        if let statistics = result.finalRound, let round = assessment.latestRound {
            let counts = statistics.distribution.map { "\($0.value): \($0.count)" }
            let abstain = scale.dontKnow == nil ? [] : ["don't know: \(statistics.abstentions)"]
            let roundName = "How many gave each score" + (assessment.rounds.count > 1 ? " (round \(round.number) of \(assessment.rounds.count))" : "")
            fields.append(ReportField(roundName, (counts + abstain).joined(separator: " · ")))
            if let agreement = statistics.agreement {
                let spread = statistics.spreadInLevels.map { " (\(Self.plural($0, "level")) between lowest and highest)" } ?? ""
                fields.append(ReportField("Agreement", agreement.label + spread))
            }
        }
        fields += surveyFields(result.item.id)
        blocks.append(.fields(fields))
        blocks += surveyBlocks(result.item.id)
        if attributed, !assessment.rounds.isEmpty {
            let header = ["Participant"] + assessment.rounds.map { "Round \($0.number)" }
            let ids = session.participants.map(\.id).filter { id in assessment.rounds.contains { $0.score(of: id) != nil } }
            blocks.append(.table(ReportTable(caption: "Individual scores", header: header, rows: ids.map { id in
                [.text(session.participant(id)?.name ?? id)] + assessment.rounds.map { .text($0.score(of: id)?.description ?? "") }
            })))
        }
        if !assessment.evidence.isEmpty { blocks.append(.list(title: "Evidence", items: assessment.evidence)) }
        if !assessment.strengths.isEmpty { blocks.append(.list(title: "Strengths", items: assessment.strengths)) }
        if !assessment.areasForImprovement.isEmpty { blocks.append(.list(title: "Areas for improvement", items: assessment.areasForImprovement)) }
        return blocks
    }

    var participantCount: String {
        let count = session.participants.count
        guard count > 0 else { return "none recorded" }
        let bySector = Sector.allCases.compactMap { sector -> String? in
            let n = session.participants.filter { $0.sector == sector }.count
            return n == 0 ? nil : "\(sector.label) \(n)"
        }
        return "\(count) (\(bySector.joined(separator: ", ")))"
    }

    var assessmentTable: ReportTable {
        let scale = session.framework.scale
        var header = ["Heading", "Item", "Prompt", "Consensus", "Level", "Agreement", "Scores", "Don't know", "Rounds",
                      "Evidence", "Strengths", "Areas for improvement"]
        let people = attributed ? session.participants : []
        header += surveyColumns
        header += people.map { "\($0.name) (final round)" }
        let rows: [[ReportCell]] = summary.items.map { result in
            let assessment = result.assessment
            var row: [ReportCell] = [
                .text(result.heading.title), .text(result.item.id), .text(result.item.prompt),
                .text(result.consensus.map(String.init) ?? ""),
                .text(result.consensus.flatMap { scale.level($0)?.label } ?? ""),
                .text(result.agreement?.label ?? ""),
                .text(result.finalRound.map { String($0.count) } ?? ""),
                .text(result.finalRound.map { String($0.abstentions) } ?? ""),
                .text(assessment.map { String($0.rounds.count) } ?? "0"),
                .text((assessment?.evidence ?? []).joined(separator: "\n")),
                .text((assessment?.strengths ?? []).joined(separator: "\n")),
                .text(result.areasForImprovement.joined(separator: "\n")),
            ]
            row += surveyCells(result.item.id)
            row += people.map { person in .text(assessment?.latestRound?.score(of: person.id)?.description ?? "") }
            return row
        }
        return ReportTable(caption: "Self-assessment", header: header, rows: rows)
    }

    // MARK: - Statements

    var statementBlocks: [ReportBlock] {
        guard !session.statements.isEmpty else {
            return [.nothingYet("No improvement statements have been agreed yet.")]
        }
        var blocks: [ReportBlock] = []
        if !session.votes.isEmpty {
            blocks.append(.paragraph("Each participant had \(Self.plural(session.settings.votesPerParticipant, "vote")) to prioritise the statements."))
        }
        blocks.append(.table(ReportTable(header: ["Statement", "Responds to", "Votes", "Priority"], rows: session.statements.map { statement in
            [.text("Improvement Statement \(statement.number)"), .text(statement.itemIDs.joined(separator: ", ")),
             .text(String(tally.votes(for: statement.id))), .text(priority(of: statement.id))]
        })))
        for statement in session.statements {
            blocks.append(.heading(level: 2, text: "Improvement Statement \(statement.number): \(statement.text)"))
            var fields: [ReportField] = []
            if !statement.itemIDs.isEmpty {
                fields.append(ReportField("Responds to", statement.itemIDs.map(itemReference).joined(separator: "\n")))
            }
            if !statement.rationale.isEmpty { fields.append(ReportField("Why", statement.rationale)) }
            if !statement.mergedFrom.isEmpty { fields.append(ReportField("Merged from", statement.mergedFrom.joined(separator: ", "))) }
            fields.append(ReportField("Votes", String(tally.votes(for: statement.id))))
            if attributed {
                let voters = session.votes.filter { $0.statement == statement.id && $0.count > 0 }
                    .map { "\(session.participant($0.participant)?.name ?? $0.participant) \($0.count)" }
                if !voters.isEmpty { fields.append(ReportField("Votes by participant", voters.joined(separator: ", "))) }
            }
            fields.append(ReportField("Priority", priority(of: statement.id)))
            blocks.append(.fields(fields))
            let actions = session.plan(for: statement.id)?.actions ?? []
            if actions.isEmpty {
                blocks.append(.nothingYet("No actions agreed under this statement yet."))
            } else {
                blocks.append(.table(ReportTable(caption: "Actions agreed", header: ["Ref", "Action", "Lead", "Milestone", "Status"],
                    rows: actions.map { [.text($0.ref), .text($0.description), .text($0.lead), .text(Milestone.label($0.milestone)), statusCell($0)] })))
            }
        }
        return blocks
    }

    func priority(of statementID: String) -> String {
        guard let index = session.planned.firstIndex(of: statementID) else { return "not planned now" }
        return "\(index + 1) of \(session.planned.count) planned"
    }

    func itemReference(_ id: String) -> String {
        guard let item = session.framework.item(id) else { return id }
        return "\(item.id): \(item.prompt)"
    }

    // MARK: - Outcome plans

    var planBlocks: [ReportBlock] {
        let plans = orderedPlans
        guard !plans.isEmpty else {
            return [.nothingYet("No outcome plans yet: planning has not started.")]
        }
        var blocks: [ReportBlock] = []
        for plan in plans {
            let statement = session.statement(plan.statementID)
            blocks.append(.heading(level: 2, text: statement.map { "Improvement Statement \($0.number): \($0.text)" } ?? plan.statementID))
            if plan.outcomes.isEmpty {
                blocks.append(.nothingYet("No outcomes agreed yet."))
            } else {
                let rows: [[ReportCell]] = HorizonKind.allCases.reversed().flatMap { kind in
                    plan.outcomes(at: kind).map { [.text(horizonText(kind)), .text($0.id), .text($0.text)] }
                }
                blocks.append(.table(ReportTable(caption: "Outcomes, worked back from the long term", header: ["Horizon", "Ref", "Outcome"], rows: rows)))
            }
            blocks.append(plan.existingProvision.isEmpty ? .nothingYet("No existing provision mapped yet.")
                : .list(title: "Existing provision", items: plan.existingProvision.map { linked($0.text, $0.outcomeIDs) }))
            blocks.append(plan.gaps.isEmpty ? .nothingYet("No gaps named yet.")
                : .list(title: "Gaps", items: plan.gaps.map { linked($0.text, $0.outcomeIDs) }))
            if !plan.assumptions.isEmpty { blocks.append(.list(title: "Assumptions", items: plan.assumptions)) }
            guard !plan.actions.isEmpty else {
                blocks.append(.nothingYet("No actions agreed yet."))
                continue
            }
            var shown = Set<String>()
            for outcome in HorizonKind.allCases.flatMap({ plan.outcomes(at: $0) }) {
                let serving = plan.actions.filter { action in
                    !shown.contains(action.ref) && action.outcomeIDs.contains { $0.caseInsensitiveCompare(outcome.id) == .orderedSame }
                }
                guard !serving.isEmpty else { continue }
                shown.formUnion(serving.map(\.ref))
                blocks.append(.heading(level: 3, text: "Actions towards \(outcome.id): \(outcome.text)"))
                blocks += actionSummary(serving)
            }
            let unlinked = plan.actions.filter { !shown.contains($0.ref) }
            if !unlinked.isEmpty {
                blocks.append(.heading(level: 3, text: "Actions not linked to an outcome"))
                blocks += actionSummary(unlinked)
            }
        }
        return blocks
    }

    /// Planned statements first in priority order, then any other plans in the order they were made.
    var orderedPlans: [OutcomePlan] {
        let planned = session.planned.compactMap { session.plan(for: $0) }
        return planned + session.plans.filter { !session.planned.contains($0.statementID) }
    }

    private func actionSummary(_ actions: [Action]) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.table(ReportTable(header: ["Ref", "Action", "Serves", "Lead", "Milestone", "How we will know it has worked", "Status"],
            rows: actions.map { [.text($0.ref), .text($0.description), .text($0.outcomeIDs.joined(separator: ", ")), .text($0.lead),
                                 .text(Milestone.label($0.milestone)), .text(measureText($0.measure)), statusCell($0)] }))]
        if let progress = progressTable(actions) { blocks.append(.table(progress)) }
        return blocks
    }

    func horizonText(_ kind: HorizonKind) -> String {
        let horizon = session.framework.horizon(kind)
        let to = DayDate.adding(years: horizon.toYears, to: session.date).map(DayDate.longForm) ?? ""
        let from = DayDate.adding(years: horizon.fromYears, to: session.date).map(DayDate.longForm) ?? ""
        let dates = horizon.fromYears == 0 ? "by \(to)" : "\(from) to \(to)"
        let name = horizon.title.replacingOccurrences(of: " outcomes", with: "").replacingOccurrences(of: " outcome", with: "")
        return "\(name) (\(dates))"
    }

    func linked(_ text: String, _ outcomeIDs: [String]) -> String {
        outcomeIDs.isEmpty ? text : "\(text) (\(outcomeIDs.joined(separator: ", ")))"
    }

    // MARK: - Actions

    var actionBlocks: [ReportBlock] {
        let actions = session.actions
        guard !actions.isEmpty else { return [.nothingYet("No actions have been agreed yet.")] }
        var blocks: [ReportBlock] = [ragKey] + groupedActionPlan
        let counts = ActionStatus.counts(of: actions, in: ActionStatus.allCases).map { "\($0.status.rag.label) (\($0.status.shortLabel)) \($0.count)" }
        blocks.insert(.fields([ReportField("Actions", String(actions.count)), ReportField("Latest status", counts.joined(separator: ", ")),
                               ReportField("Additionality", additionalityCounts(actions)), ReportField("Overdue", overdueCounts)]), at: 0)
        blocks += overdueBlocks + partnersBlocks(actions)
        blocks.append(.heading(level: 2, text: "Progress updates"))
        if var progress = progressTable(actions) {
            progress.caption = nil
            blocks.append(.table(progress))
        } else {
            blocks.append(.nothingYet("No progress reviews recorded yet."))
        }
        return blocks
    }

    /// "1 milestone, no reviews" as at the status date.
    var overdueCounts: String {
        let milestones = overdue.milestoneCount, reviews = overdue.reviewCount
        return "\(milestones == 0 ? "no" : String(milestones)) milestone\(milestones == 1 ? "" : "s"), \(reviews == 0 ? "no" : String(reviews)) review\(reviews == 1 ? "" : "s") (as at \(DayDate.longForm(statusDate)))"
    }

    func additionalityCounts(_ actions: [Action]) -> String {
        Additionality.allCases.map { kind in "\(kind.rawValue) \(actions.filter { $0.additionality == kind }.count)" }.joined(separator: ", ")
    }

    /// The action plan in the shape council improvement plans use; `detailed` adds the columns a spreadsheet wants.
    func actionPlanTable(_ actions: [Action], detailed: Bool) -> ReportTable {
        var header = ["Outcome", "Ref", "Objective", "Action", "How we will know it has worked", "Lead", "Theme",
                      "Additionality", "Status (RAG)", "Milestone", "Output/Impact"]
        if detailed {
            header[4] = "Indicator"
            header += ["Baseline", "Target", "Frequency", "Statement", "Partners", "Resources", "Risk", "Latest review", "Latest actual",
                       "Latest actual date", "Overdue"]
        }
        let rows: [[ReportCell]] = actions.flatMap { action -> [[ReportCell]] in
            let plan = session.plans.first { $0.actions.contains { $0.ref == action.ref } }
            let outcomes = action.outcomeIDs.map { id in plan?.outcome(id).map { "\($0.id): \($0.text)" } ?? id }
            var row: [ReportCell] = [
                .text(outcomes.isEmpty ? Self.noOutcome : outcomes.joined(separator: "\n")), .text(action.ref), .text(action.objective), .text(action.description),
                .text(detailed ? action.measure.indicator : measureText(action.measure)), .text(action.lead),
                .text(session.framework.theme(action.theme)?.title ?? action.theme), .text(action.additionality.rawValue),
                statusCell(action), detailed ? .day(action.schedule.first?.date) : .text(milestoneText(action)), .text(action.outputImpact),
            ]
            if detailed {
                let measure = action.measure
                row += [.value(measure.baseline), .value(measure.target), .text(measure.frequency),
                        .text(plan.map { plan in session.statement(plan.statementID).map { "\($0.id): \($0.text)" } ?? plan.statementID } ?? ""),
                        .text(action.partners.joined(separator: ", ")), .text(action.resources),
                        .text(action.risk), .day(action.latestUpdate?.date), .value(action.latestActual?.value ?? ""),
                        .day(action.latestActual?.date), .text(overdue.entries(for: action.ref).map(\.kind.rawValue).joined(separator: ", "))]
                // Later milestones on rows of their own with the other cells blank, as council plans lay them out.
                let later: [[ReportCell]] = action.schedule.dropFirst().map { milestone in
                    let status = milestone.status(in: action)
                    var cells = [ReportCell](repeating: .text(""), count: header.count)
                    cells[8] = .status(status.rag, label: status.label)
                    cells[9] = .date(milestone.date)
                    cells[10] = .text(milestone.output)
                    return cells
                }
                return [row] + later
            }
            return [row]
        }
        return ReportTable(caption: "Action plan", header: header, rows: rows)
    }

    /// The outcome cell of an action serving no outcome, so a blank cell can mean "as the row above"
    /// (a merged cell) in the grouped plan and when the plan is imported again.
    static let noOutcome = "Not linked to an outcome"

    func statusCell(_ action: Action) -> ReportCell {
        .status(action.currentStatus.rag, label: action.currentStatus.label)
    }

    func measureText(_ measure: Measure) -> String {
        guard !measure.isEmpty else { return "" }
        var lines = [measure.indicator]
        if !measure.baseline.isEmpty { lines.append("Baseline: \(measure.baseline)") }
        if !measure.target.isEmpty { lines.append("Target: \(measure.target)") }
        return lines.joined(separator: "\n")
    }

    /// Every progress update of these actions, oldest first per action; corrected and withdrawn ones stay,
    /// marked as such in the note.
    func progressTable(_ actions: [Action]) -> ReportTable? {
        let rows: [[ReportCell]] = actions.flatMap { action in
            action.numberedHistory.map { number, update in
                let standing = ProgressReview.standing(of: number, in: action).map { "[Update \(number): \($0)]" }
                let note = [standing, update.note.isEmpty ? nil : update.note].compactMap { $0 }.joined(separator: " ")
                let status: ReportCell = update.withdrawal == true ? .text("Withdrawn") : .status(update.status.rag, label: update.status.label)
                var row: [ReportCell] = [.text(action.ref), .date(update.date),
                                         status, .value(update.withdrawal == true ? "" : update.actual ?? ""), .text(note)]
                if attributed { row.append(.text(update.reviewer)) }
                return row
            }
        }
        guard !rows.isEmpty else { return nil }
        return ReportTable(caption: "Progress updates", header: ["Ref", "Review", "Status", "Actual", "Note"] + (attributed ? ["Reviewer"] : []), rows: rows)
    }

    func latestActual(_ action: Action) -> String? {
        action.latestActual.map { "\($0.value) (\(DayDate.longForm($0.date)))" }
    }

    // MARK: - Measures

    var measureBlocks: [ReportBlock] {
        let actions = session.actions
        let measured = actions.filter { !$0.measure.isEmpty }
        guard !measured.isEmpty else {
            return [.nothingYet(actions.isEmpty ? "No actions, so no measures, have been agreed yet." : "No measures have been set for the actions yet.")]
                + actions.flatMap(milestonesAndMeasuresBlocks)
        }
        var blocks: [ReportBlock] = [.table(ReportTable(header: ["Ref", "Measure", "Frequency", "Baseline", "Target", "Latest actual"], rows: measured.map { action in
            [.text(action.ref), .text(action.measure.indicator), .text(action.measure.frequency), .text(action.measure.baseline),
             .text(action.measure.target), .text(latestActual(action) ?? "not yet reported")]
        }))]
        let unmeasured = actions.filter { $0.measure.isEmpty }.map(\.ref)
        if !unmeasured.isEmpty {
            blocks.append(.paragraph("Actions without a measure yet: \(unmeasured.joined(separator: ", "))."))
        }
        return blocks + actions.flatMap(milestonesAndMeasuresBlocks)
    }

    // MARK: - Wording

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
