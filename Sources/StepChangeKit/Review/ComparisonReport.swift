import Foundation

/// A comparison of two sessions as a format-free `Report`, so `compare --format` reuses the export
/// renderers (Markdown, HTML) and `CSVWriter` for the item table. Content is decided here, once.
public enum ComparisonReport {
    /// The whole comparison: headings then and now, items that moved, statements and the old actions.
    public static func report(_ comparison: SessionComparison) -> Report {
        let old = comparison.old, new = comparison.new
        let scale = new.framework.scale
        var metadata = [ReportField("Partnership", new.partnership.isEmpty ? old.partnership : new.partnership)]
        metadata.append(ReportField("Then", "\(DayDate.longForm(old.date)) — \(old.title) (\(old.framework.id) v\(old.framework.version), \(old.participants.count) participants)"))
        metadata.append(ReportField("Now", "\(DayDate.longForm(new.date)) — \(new.title) (\(new.framework.id) v\(new.framework.version), \(new.participants.count) participants)"))
        metadata.append(ReportField("Overall mean consensus", "\(SessionComparison.mean(comparison.oldMean)) → \(SessionComparison.mean(comparison.newMean)) \(change(comparison.overallChange))"))

        var consensus: [ReportBlock] = []
        consensus.append(.paragraph("Mean consensus by heading on the \(scale.lowest) to \(scale.highest) scale, then and now. Items are matched by id; a change is shown as ▲ ▼ = and as +1 / -2."))
        consensus.append(.barChart(ReportBarChart(
            title: "Mean consensus by heading, then and now",
            maximum: Double(scale.highest),
            bars: comparison.headings.flatMap { heading in
                [ReportBarChart.Bar(label: "\(heading.headingID) \(DayDate.longForm(old.date))", value: heading.oldMean, valueText: SessionComparison.mean(heading.oldMean), earlier: true),
                 ReportBarChart.Bar(label: "\(heading.headingID) \(DayDate.longForm(new.date))", value: heading.newMean, valueText: SessionComparison.mean(heading.newMean))]
            })))
        for heading in comparison.headings {
            consensus.append(.heading(level: 2, text: "\(heading.headingID) \(heading.title)"))
            consensus.append(.fields([ReportField("Mean consensus", "\(SessionComparison.mean(heading.oldMean)) → \(SessionComparison.mean(heading.newMean)) \(change(heading.change))")]))
            consensus.append(.table(ReportTable(
                header: ["Item", "Prompt", "Then", "Now", "Change", "Agreement then", "Agreement now"],
                rows: heading.items.map(row))))
        }

        var movement: [ReportBlock] = []
        movement.append(.list(title: "Improved most", items: comparison.improvedMost.prefix(5).map(mover)))
        if comparison.improvedMost.isEmpty { movement.append(.nothingYet("No item's consensus rose.")) }
        movement.append(.list(title: "Fell most", items: comparison.fellMost.prefix(5).map(mover)))
        if comparison.fellMost.isEmpty { movement.append(.nothingYet("No item's consensus fell.")) }
        if !comparison.onlyInOld.isEmpty {
            movement.append(.list(title: "Only in \(old.framework.id) v\(old.framework.version) (\(DayDate.longForm(old.date)))",
                                  items: comparison.onlyInOld.map { "\($0.itemID): \($0.prompt)" }))
        }
        if !comparison.onlyInNew.isEmpty {
            movement.append(.list(title: "Only in \(new.framework.id) v\(new.framework.version) (\(DayDate.longForm(new.date)))",
                                  items: comparison.onlyInNew.map { "\($0.itemID): \($0.prompt)" }))
        }

        let statements = comparison.statements
        var statementBlocks: [ReportBlock] = []
        if statements.carriedForward.isEmpty && statements.new.isEmpty && statements.completed.isEmpty && statements.dropped.isEmpty {
            statementBlocks.append(.nothingYet("Neither session has improvement statements."))
        } else {
            statementBlocks.append(.list(title: "Carried forward", items: statements.carriedForward.map { "\($0.old.id) → \($0.new.id): \($0.new.text)" }))
            statementBlocks.append(.list(title: "New", items: statements.new.map { "\($0.id): \($0.text)" }))
            if !statements.completed.isEmpty {
                statementBlocks.append(.list(title: "Completed (every action complete)", items: statements.completed.map { "\($0.id): \($0.text)" }))
            }
            statementBlocks.append(.list(title: "Dropped", items: statements.dropped.map { "\($0.id): \($0.text)" }))
        }

        var actionBlocks: [ReportBlock] = []
        if comparison.oldActions.isEmpty {
            actionBlocks.append(.nothingYet("The earlier session has no actions."))
        } else {
            actionBlocks.append(.fields(comparison.oldActionCounts.map { ReportField("\($0.status.rag.label): \($0.status.label)", String($0.count)) }))
            actionBlocks.append(.table(ReportTable(
                header: ["Ref", "Action", "Lead", "Milestone", "Status", "Last reviewed", "Latest note"],
                rows: comparison.oldActions.map { progress in
                    [.text(progress.action.ref), .text(progress.action.description), .text(progress.action.lead),
                     .text(Milestone.label(progress.action.milestone)), .status(progress.rag, label: progress.status.label),
                     .text(progress.latestUpdate.map { DayDate.longForm($0.date) } ?? "not reviewed"), .text(progress.latestUpdate?.note ?? "")]
                })))
        }

        return Report(title: "What changed: \(old.title) (\(DayDate.longForm(old.date))) and \(new.title) (\(DayDate.longForm(new.date)))", metadata: metadata, sections: [
            ReportSection(id: "consensus", heading: "Consensus then and now", blocks: consensus),
            ReportSection(id: "movement", heading: "What moved most", blocks: movement),
            ReportSection(id: "statements", heading: "Improvement statements", blocks: statementBlocks),
            ReportSection(id: "actions", heading: "Actions from \(DayDate.longForm(old.date))", blocks: actionBlocks),
        ], statusDate: Overdue.statusDate(of: new))
    }

    /// One row per item, for CSV and Excel: heading, item, prompt, then, now and change as numbers (blank
    /// when a score is missing), the change in words ("up 1", "down 2", "same", "new item", "removed"),
    /// and agreement then and now.
    public static func table(_ comparison: SessionComparison) -> ReportTable {
        func score(_ value: Int?) -> ReportCell { value.map { .number(Double($0), text: String($0)) } ?? .text("") }
        return ReportTable(caption: "Items then and now",
                           header: ["Heading", "Item", "Prompt", "Then (\(comparison.old.date))", "Now (\(comparison.new.date))", "Change", "Direction",
                                    "Agreement then", "Agreement now"],
                           rows: comparison.headings.flatMap { heading in
                               heading.items.map { item in
                                   [.text("\(heading.headingID) \(heading.title)"), .text(item.itemID), .text(item.prompt), score(item.old), score(item.new),
                                    score(item.inOld && item.inNew ? item.change : nil), .text(changeInWords(item)),
                                    .text(item.oldAgreement?.label ?? ""), .text(item.newAgreement?.label ?? "")]
                               }
                           })
    }

    /// The spreadsheet tables of a comparison: the items, and each heading's mean then and now with its change.
    public static func tables(_ comparison: SessionComparison) -> [ReportTable] {
        func mean(_ value: Double?) -> ReportCell { value.map { .number(($0 * 100).rounded() / 100, text: SessionComparison.mean($0)) } ?? .text("") }
        let headings = ReportTable(caption: "Headings then and now",
                                   header: ["Heading", "Title", "Mean then (\(comparison.old.date))", "Mean now (\(comparison.new.date))", "Change"],
                                   rows: comparison.headings.map { heading in
                                       [.text(heading.headingID), .text(heading.title), mean(heading.oldMean), mean(heading.newMean),
                                        heading.change.map { .number($0, text: SessionComparison.signed($0)) } ?? .text("")]
                                   } + [[.text("All"), .text("Overall"), mean(comparison.oldMean), mean(comparison.newMean),
                                         comparison.overallChange.map { .number($0, text: SessionComparison.signed($0)) } ?? .text("")]])
        return [headings, table(comparison)]
    }

    static func row(_ item: SessionComparison.ItemChange) -> [ReportCell] { row(item, inWords: false) }

    static func row(_ item: SessionComparison.ItemChange, inWords: Bool) -> [ReportCell] {
        [.text(item.itemID), .text(item.prompt),
         .text(item.inOld ? item.old.map(String.init) ?? "-" : "not in framework"),
         .text(item.inNew ? item.new.map(String.init) ?? "-" : "not in framework"),
         .text(inWords ? changeInWords(item) : itemChange(item)), .text(item.oldAgreement?.label ?? "-"), .text(item.newAgreement?.label ?? "-")]
    }

    /// "▲ +1", "▼ -2", "= 0", "new item", "removed" or "-" when a score is missing.
    public static func itemChange(_ item: SessionComparison.ItemChange) -> String {
        if !item.inOld { return "new item" }
        if !item.inNew { return "removed" }
        guard let change = item.change, let direction = item.direction else { return "-" }
        return "\(direction.symbol) \(SessionComparison.signed(change))"
    }

    /// "up 1", "down 2", "same", "new item", "removed" or "-".
    public static func changeInWords(_ item: SessionComparison.ItemChange) -> String {
        guard item.inOld, item.inNew, let change = item.change else { return itemChange(item) }
        return change > 0 ? "up \(change)" : change < 0 ? "down \(-change)" : "same"
    }

    static func mover(_ item: SessionComparison.ItemChange) -> String {
        "\(item.itemID) \(item.old.map(String.init) ?? "-") → \(item.new.map(String.init) ?? "-") (\(itemChange(item))): \(item.prompt)"
    }

    static func change(_ value: Double?) -> String {
        value == nil ? "" : "(" + SessionComparison.describe(value) + ")"
    }
}
