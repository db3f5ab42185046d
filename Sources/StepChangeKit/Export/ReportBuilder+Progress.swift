import Foundation

/// The board-paper content of a report: milestones with their revisions, measures period by period
/// (target beside actual), what is overdue, and partners, resources and risk.
extension ReportBuilder {
    /// The milestone column of the action plan: each milestone on its own line, marked when overdue or revised.
    func milestoneText(_ action: Action) -> String {
        action.schedule.map { milestone in
            var text = Milestone.label(milestone.date)
            if let earlier = milestone.revisions?.last { text += " (revised from \(Milestone.label(earlier.previousDate)))" }
            if milestone.isOverdue(in: action, asAt: statusDate) { text += " — overdue" }
            return text
        }.joined(separator: "\n")
    }

    /// The overdue list of the action part, as at the status date.
    var overdueBlocks: [ReportBlock] {
        let heading = ReportBlock.heading(level: 2, text: "Overdue as at \(DayDate.longForm(statusDate))")
        guard !overdue.entries.isEmpty else {
            return [heading, .nothingYet("Nothing is overdue: every milestone passed is complete and every measure has been reviewed as often as planned.")]
        }
        return [heading, .list(title: nil, items: overdue.entries.map(\.message))]
    }

    /// Partners, resources and risk of each action that has any, so every format shows them.
    func partnersBlocks(_ actions: [Action]) -> [ReportBlock] {
        let rows: [[ReportCell]] = actions.compactMap { action in
            guard !action.partners.isEmpty || !action.resources.isEmpty || !action.risk.isEmpty else { return nil }
            return [.text(action.ref), .text(action.partners.joined(separator: ", ")), .text(action.resources), .text(action.risk)]
        }
        guard !rows.isEmpty else { return [] }
        return [.heading(level: 2, text: "Partners, resources and risk"),
                .table(ReportTable(header: ["Ref", "Partners", "Resources", "Risk"], rows: rows))]
    }

    /// One action's "Milestones & measures": its milestones (status, output, revisions) and its measure
    /// period by period, target beside actual, as council plans lay them out. Nothing for an action with neither.
    func milestonesAndMeasuresBlocks(_ action: Action) -> [ReportBlock] {
        let schedule = action.schedule
        guard !schedule.isEmpty || !action.measure.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.heading(level: 2, text: "\(action.ref) milestones and measures")]
        if !schedule.isEmpty {
            blocks.append(.table(ReportTable(caption: "Milestones", header: ["Milestone", "Due", "Status", "Output/Impact", "Revised"],
                rows: schedule.enumerated().map { index, milestone in
                    let status = milestone.status(in: action)
                    let overdue = milestone.isOverdue(in: action, asAt: statusDate)
                    return [.text(String(index + 1)), .text(Milestone.label(milestone.date) + (overdue ? " — overdue" : "")),
                            .status(status.rag, label: status.label), .text(output(of: milestone, at: index, in: action)), .text(revisionText(milestone))]
                })))
        }
        guard !action.measure.isEmpty else { return blocks }
        let series = MeasureSeries(action)
        guard !series.periods.isEmpty else {
            blocks.append(.nothingYet("\(action.measure.indicator): no dated targets or actuals yet (baseline \(action.measure.baseline.isEmpty ? "not set" : action.measure.baseline), target \(action.measure.target.isEmpty ? "not set" : action.measure.target))."))
            return blocks
        }
        var header = ["Measure", "Frequency", "Baseline"]
        var row: [ReportCell] = [.text(action.measure.indicator), .text(action.measure.frequency), .value(action.measure.baseline)]
        for period in series.periods {
            header += ["\(period.label) target", "\(period.label) actual"]
            row += [.value(period.target ?? ""), .value(period.actual.map { $0 + (period.onTrack.map { $0 ? " ✓" : " ✗" } ?? "") } ?? "")]
        }
        if let final = series.finalTarget {
            header.append("Final target")
            row.append(.value(final))
        }
        header.append("On track")
        row.append(.text(series.latest.map { MeasureSeries.mark($0.onTrack) }.flatMap { $0.isEmpty ? nil : $0 } ?? "not yet known"))
        blocks.append(.table(ReportTable(caption: "Measure: target and actual by period (✓ on track, ✗ behind target)", header: header, rows: [row])))
        return blocks
    }

    /// A milestone's output; the first milestone without one of its own shows the action's output/impact.
    func output(of milestone: ActionMilestone, at index: Int, in action: Action) -> String {
        index == 0 && milestone.output.isEmpty ? action.outputImpact : milestone.output
    }

    func revisionText(_ milestone: ActionMilestone) -> String {
        (milestone.revisions ?? []).map { "from \(Milestone.label($0.previousDate)) on \(DayDate.longForm($0.revisedOn)): \($0.reason)" }
            .joined(separator: "\n")
    }

    // MARK: - Tables for spreadsheets

    /// Every table a spreadsheet export of a part holds, one sheet each: the assessment; the statements
    /// and their votes; the action plan, its progress history and milestones; the measures period by period.
    public func tables(_ part: ReportPart) -> [ReportTable] {
        switch part {
        case .assessment: [assessmentTable]
        case .statements: [statementsTable]
        case .actions: [actionPlanTable(session.actions, detailed: true), progressHistoryTable, milestonesTable]
        case .measures: [measuresTable, milestonesTable]
        case .plan: [outcomesTable]
        case .all: [assessmentTable, statementsTable, outcomesTable, actionPlanTable(session.actions, detailed: true),
                    progressHistoryTable, milestonesTable, measuresTable]
        }
    }

    /// The statements with their votes, one row each.
    var statementsTable: ReportTable {
        var header = ["Statement", "Number", "Text", "Responds to", "Votes", "Priority", "Planned", "Actions"]
        let people = attributed ? session.participants : []
        header += people.map { "Votes by \($0.name)" }
        let rows: [[ReportCell]] = session.statements.map { statement in
            let priority = session.planned.firstIndex(of: statement.id)
            var row: [ReportCell] = [.text(statement.id), .number(Double(statement.number), text: String(statement.number)), .text(statement.text),
                                     .text(statement.itemIDs.joined(separator: ", ")),
                                     .number(Double(tally.votes(for: statement.id)), text: String(tally.votes(for: statement.id))),
                                     priority.map { .number(Double($0 + 1), text: String($0 + 1)) } ?? .text(""),
                                     .text(priority == nil ? "no" : "yes"),
                                     .text((session.plan(for: statement.id)?.actions ?? []).map(\.ref).joined(separator: ", "))]
            row += people.map { person in
                let count = session.votes.filter { $0.statement == statement.id && $0.participant == person.id }.map(\.count).reduce(0, +)
                return .number(Double(count), text: String(count))
            }
            return row
        }
        return ReportTable(caption: "Improvement statements", header: header, rows: rows)
    }

    /// Every outcome of every plan, worked back from the long term.
    var outcomesTable: ReportTable {
        let rows: [[ReportCell]] = orderedPlans.flatMap { plan in
            HorizonKind.allCases.reversed().flatMap { kind in
                plan.outcomes(at: kind).map { [.text(plan.statementID), .text(horizonText(kind)), .text($0.id), .text($0.text)] }
            }
        }
        return ReportTable(caption: "Outcomes", header: ["Statement", "Horizon", "Ref", "Outcome"], rows: rows)
    }

    /// Every progress update of every action, oldest first per action.
    var progressHistoryTable: ReportTable {
        var table = progressTable(session.actions)
            ?? ReportTable(caption: "Progress updates", header: ["Ref", "Review", "Status", "Actual", "Note"] + (attributed ? ["Reviewer"] : []), rows: [])
        table.header.insert("Period", at: 4)
        var index = 0
        for action in session.actions {
            for update in action.history {
                table.rows[index].insert(.day(update.actual == nil ? nil : String((update.period ?? update.date).prefix(7))), at: 4)
                index += 1
            }
        }
        return table
    }

    /// Every milestone of every action, with its status, whether it is overdue and its revisions.
    var milestonesTable: ReportTable {
        let rows: [[ReportCell]] = session.actions.flatMap { action in
            action.schedule.enumerated().map { index, milestone in
                let status = milestone.status(in: action)
                return [.text(action.ref), .number(Double(index + 1), text: String(index + 1)), .date(milestone.date),
                        .status(status.rag, label: status.label), .text(output(of: milestone, at: index, in: action)),
                        .text(milestone.isOverdue(in: action, asAt: statusDate) ? "yes" : "no"),
                        .day(milestone.revisions?.first?.previousDate), .text(revisionText(milestone))]
            }
        }
        return ReportTable(caption: "Milestones",
                           header: ["Ref", "Milestone", "Due", "Status", "Output/Impact", "Overdue as at \(DayDate.longForm(statusDate))", "First planned", "Revisions"],
                           rows: rows)
    }

    /// Every measure period by period, one row per action and period: indicator, baseline, target and actual
    /// in their own columns, numbers as numbers, so a spreadsheet can chart and filter them.
    var measuresTable: ReportTable {
        let rows: [[ReportCell]] = session.actions.filter { !$0.measure.isEmpty }.flatMap { action -> [[ReportCell]] in
            let series = MeasureSeries(action)
            let lead: [ReportCell] = [.text(action.ref), .text(action.measure.indicator), .text(action.measure.frequency), .value(action.measure.baseline)]
            guard !series.periods.isEmpty else {
                return [lead + [.text(""), .value(series.finalTarget ?? action.measure.target), .text(""), .text(""), .text("")]]
            }
            return series.periods.map { period in
                lead + [.date(period.month), .value(period.target ?? ""), .value(period.actual ?? ""), .day(period.actualDate),
                        .text(MeasureSeries.mark(period.onTrack))]
            }
        }
        return ReportTable(caption: "Measures", header: ["Ref", "Indicator", "Frequency", "Baseline", "Period", "Target", "Actual", "Actual recorded", "On track"], rows: rows)
    }
}

extension ReportBuilder {
    /// What each RAG colour means, as council plans print above their action plan.
    var ragKey: ReportBlock {
        .table(ReportTable(caption: "RAG key", header: ["Colour", "Progress status"],
                           rows: [ActionStatus.complete, .onTrack, .someIssues, .notOnTrack, .notStarted].map { status in
                               [.status(status.rag, label: status.shortLabel), .text(status.label)]
                           }))
    }

    /// The action plan as the council lays it out: under each improvement statement, each outcome shown
    /// once on the first row of the actions towards it, the actions in reference order.
    var groupedActionPlan: [ReportBlock] {
        var blocks: [ReportBlock] = []
        let plans = orderedPlans.filter { !$0.actions.isEmpty }
        for plan in plans {
            let statement = session.statement(plan.statementID)
            blocks.append(.heading(level: 2, text: statement.map { "Improvement Statement \($0.number): \($0.text)" } ?? plan.statementID))
            let ordered = plan.actions.sorted { Self.refOrder($0.ref, $1.ref) }
            let byOutcome = Dictionary(grouping: ordered) { $0.outcomeIDs.first ?? "" }
            let outcomeOrder = HorizonKind.allCases.flatMap { plan.outcomes(at: $0).map(\.id) }
            let keys = byOutcome.keys.sorted { (outcomeOrder.firstIndex(of: $0) ?? .max, $0) < (outcomeOrder.firstIndex(of: $1) ?? .max, $1) }
            var table = actionPlanTable(keys.flatMap { byOutcome[$0] ?? [] }, detailed: false)
            table.caption = nil
            var previous: ReportCell?
            for index in table.rows.indices {
                let outcome = table.rows[index][0]
                if outcome == previous { table.rows[index][0] = .text("") } else { previous = outcome }
            }
            blocks.append(.table(table))
        }
        return blocks
    }

    /// Action refs in the order people read them: A1.2 before A1.10, 1.1.1 before 1.1.1b.
    static func refOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
    }
}
