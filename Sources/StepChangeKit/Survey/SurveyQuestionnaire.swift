import Foundation

/// The pre-workshop survey made from a session's framework, for partnerships without a survey tool:
/// a printable questionnaire (statements grouped by heading, the scale as tick boxes, a comment box per
/// heading) as a `Report` every format renders, and an empty response template whose layout
/// `import-scores` reads back — section row, statement row, one row per respondent.
public enum SurveyQuestionnaire {
    /// The questionnaire as a report: one section per heading.
    public static func report(_ session: Session) -> Report {
        let framework = session.framework
        let scale = framework.scale
        var metadata: [ReportField] = []
        if !session.partnership.isEmpty { metadata.append(ReportField("Partnership", session.partnership)) }
        metadata.append(ReportField("Workshop date", DayDate.longForm(session.date)))
        metadata.append(ReportField("How to answer",
            "For each statement, tick the one box that best matches how far it is true of the partnership today. "
            + (scale.dontKnow.map { "Tick \"\($0.label)\" if you cannot say. " } ?? "")
            + "There is a box for comments after each section."))
        metadata.append(ReportField("Privacy", "The survey is anonymous: write your name only if you are coming to the workshop and want your answers to start its scoring. "
            + "Comments are shown to the workshop without names; the facilitator may edit a comment that names someone."))
        let columns = scale.levels.map(\.label) + (scale.dontKnow.map { [$0.label] } ?? [])
        let sections = framework.headings.map { heading -> ReportSection in
            var blocks: [ReportBlock] = []
            if !heading.summary.isEmpty { blocks.append(.paragraph(heading.summary)) }
            blocks.append(.table(ReportTable(caption: "Tick one box for each statement", header: ["", "Statement"] + columns,
                rows: heading.items.map { item in [.text(item.id), .text(item.prompt)] + columns.map { _ in .text("☐") } })))
            blocks.append(.table(ReportTable(header: ["Comments on \(heading.title) (optional)"], rows: [[.text("\n\n\n")]])))
            return ReportSection(id: heading.id.lowercased(), heading: "\(heading.id) \(heading.title)", blocks: blocks)
        }
        return Report(title: "\(framework.title): survey before the workshop", metadata: metadata, sections: sections)
    }

    /// The template's two header rows: sections (each heading's title over its first column) and
    /// statements ("LN1 We have…", "Comments on …"), after a Name column.
    public static func templateHeader(_ framework: Framework) -> (sections: [String], statements: [String]) {
        var sections = [""], statements = ["Name"]
        for heading in framework.headings {
            for (index, item) in heading.items.enumerated() {
                sections.append(index == 0 ? heading.title : "")
                statements.append("\(item.id) \(item.prompt)")
            }
            sections.append("")
            statements.append("Comments on \(heading.title)")
        }
        return (sections, statements)
    }

    /// The empty template as CSV (UTF-8 with a byte-order mark, CRLF), for a spreadsheet or email.
    public static func templateCSV(_ framework: Framework) -> Data {
        let header = templateHeader(framework)
        let text = "\u{FEFF}" + [header.sections, header.statements].map { $0.map(CSVWriter.field).joined(separator: ",") + "\r\n" }.joined()
        return Data(text.utf8)
    }

    /// The empty template as an Excel workbook, with each answer column offering the scale's labels.
    public static func templateXLSX(_ framework: Framework) -> Data {
        let header = templateHeader(framework)
        let labels = framework.scale.levels.map(\.label) + (framework.scale.dontKnow.map { [$0.label] } ?? [])
        let answerColumns = header.statements.indices.filter { index in
            index > 0 && !header.statements[index].hasPrefix("Comments on ")
        }
        return XLSXWriter.workbook(sheetName: "Responses", rows: [header.sections, header.statements],
                                   choices: (columns: answerColumns, firstRow: 3, lastRow: 502, values: labels))
    }
}
