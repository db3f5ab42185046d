import Foundation

/// A comparison of two sessions as a format-free `Report`, so `compare --format` reuses the export
/// renderers (Markdown, HTML) and `CSVWriter` for the item table. Content is decided here, once.
public enum ComparisonReport {
    /// The whole comparison: headings then and now, items that moved, statements and the old actions.
    public static func report(_ comparison: SessionComparison) -> Report {
        let old = comparison.old, new = comparison.new
        let scale = new.framework.scale
        var metadata = [ReportField("Partnership", new.partnership.isEmpty ? old.partnership : new.partnership)]
        metadata.append(ReportField("Then", "\(old.date) — \(old.title) (\(old.framework.id) v\(old.framework.version), \(old.participants.count) participants)"))
        metadata.append(ReportField("Now", "\(new.date) — \(new.title) (\(new.framework.id) v\(new.framework.version), \(new.participants.count) participants)"))
        metadata.append(ReportField("Overall mean consensus", "\(SessionComparison.mean(comparison.oldMean)) → \(SessionComparison.mean(comparison.newMean)) \(change(comparison.overallChange))"))

        var consensus: [ReportBlock] = []
        consensus.append(.paragraph("Mean consensus by heading on the \(scale.lowest) to \(scale.highest) scale, then and now. Items are matched by id; a change is shown as ▲ ▼ = and as +1 / -2."))
        consensus.append(.barChart(ReportBarChart(
            title: "Mean consensus by heading, then and now",
            maximum: Double(scale.highest),
            bars: comparison.headings.flatMap { heading in
                [ReportBarChart.Bar(label: "\(heading.headingID) \(old.date)", value: heading.oldMean, valueText: SessionComparison.mean(heading.oldMean), earlier: true),
                 ReportBarChart.Bar(label: "\(heading.headingID) \(new.date)", value: heading.newMean, valueText: SessionComparison.mean(heading.newMean))]
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
            movement.append(.list(title: "Only in \(old.framework.id) v\(old.framework.version) (\(old.date))",
                                  items: comparison.onlyInOld.map { "\($0.itemID): \($0.prompt)" }))
        }
        if !comparison.onlyInNew.isEmpty {
            movement.append(.list(title: "Only in \(new.framework.id) v\(new.framework.version) (\(new.date))",
                                  items: comparison.onlyInNew.map { "\($0.itemID): \($0.prompt)" }))
        }

        let statements = comparison.statements
        var statementBlocks: [ReportBlock] = []
        if statements.carriedForward.isEmpty && statements.new.isEmpty && statements.dropped.isEmpty {
            statementBlocks.append(.nothingYet("Neither session has improvement statements."))
        } else {
            statementBlocks.append(.list(title: "Carried forward", items: statements.carriedForward.map { "\($0.old.id) → \($0.new.id): \($0.new.text)" }))
            statementBlocks.append(.list(title: "New", items: statements.new.map { "\($0.id): \($0.text)" }))
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
                     .text(progress.action.milestone), .status(progress.rag, label: progress.status.label),
                     .text(progress.latestUpdate?.date ?? "not reviewed"), .text(progress.latestUpdate?.note ?? "")]
                })))
        }

        return Report(title: "What changed: \(old.title) (\(old.date)) and \(new.title) (\(new.date))", metadata: metadata, sections: [
            ReportSection(id: "consensus", heading: "Consensus then and now", blocks: consensus),
            ReportSection(id: "movement", heading: "What moved most", blocks: movement),
            ReportSection(id: "statements", heading: "Improvement statements", blocks: statementBlocks),
            ReportSection(id: "actions", heading: "Actions from \(old.date)", blocks: actionBlocks),
        ])
    }

    /// One row per item, for CSV: heading, item, prompt, then, now, change and agreement then and now.
    /// The change is in words ("up 1", "down 2", "same") so no cell starts like a spreadsheet formula.
    public static func table(_ comparison: SessionComparison) -> ReportTable {
        ReportTable(header: ["Heading", "Item", "Prompt", "Then", "Now", "Change", "Agreement then", "Agreement now"],
                    rows: comparison.headings.flatMap { heading in
                        heading.items.map { [.text("\(heading.headingID) \(heading.title)")] + row($0, inWords: true) }
                    })
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
