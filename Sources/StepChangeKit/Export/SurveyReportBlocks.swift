import Foundation

/// The survey's part of the self-assessment report: when and from what it was imported, each item's
/// survey distribution beside the room's, and the respondents' comments, never attributed. Comments
/// that came with imported scores name their author only in an attributed export.
extension ReportBuilder {
    /// The survey's line among the report's facts, if the session has a survey.
    var surveyFacts: [ReportField] {
        guard let survey = session.survey else { return [] }
        return [ReportField("Pre-workshop survey",
                            "\(Self.plural(survey.respondents, "response")) imported from \(survey.source) (anonymous; comments shown without names)")]
    }

    /// The item's survey line for its facts: "31 responses: 1: 5 · 2: 3 · … · don't know: 3".
    func surveyFields(_ itemID: String) -> [ReportField] {
        guard let answers = session.survey?.item(itemID) else { return [] }
        let counts = answers.counts.map { "\($0.value): \($0.count)" }
        let dontKnow = session.framework.scale.dontKnow == nil ? [] : ["don't know: \(answers.dontKnow)"]
        return [ReportField("Survey", "\(Self.plural(answers.responses, "response")): " + (counts + dontKnow).joined(separator: " · "))]
    }

    /// The survey and the room side by side, level by level, and the item's comments.
    func surveyBlocks(_ itemID: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let comparison = SurveyComparison(session: session, itemID: itemID) {
            var header = ["Score", "Level", "Survey (\(comparison.surveyResponses))"]
            if let round = comparison.roomRound {
                header.append("Room, round \(round.number) (\(round.scores.count))")
            }
            blocks.append(.table(ReportTable(caption: comparison.roomRound == nil ? "Survey" : "Survey and room", header: header, rows: comparison.rows.map { row in
                [.text(row.value.map(String.init) ?? "?"), .text(row.label), .text(String(row.survey))] + (row.room.map { [.text(String($0))] } ?? [])
            })))
        }
        var comments = (session.survey?.comments(item: itemID) ?? []).map(\.text)
        for round in session.assessment(of: itemID)?.rounds ?? [] where round.source == .imported {
            for score in round.scores {
                guard let text = score.comment?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
                let author = attributed ? session.participant(score.participant).map { "\($0.name): " } ?? "" : ""
                comments.append(author + text)
            }
        }
        if !comments.isEmpty { blocks.append(.list(title: "Comments from the survey and imported scores", items: comments)) }
        return blocks
    }

    /// The comments respondents wrote in a heading's comment box.
    func surveyHeadingBlocks(_ headingID: String) -> [ReportBlock] {
        let comments = session.survey?.comments(heading: headingID) ?? []
        guard !comments.isEmpty else { return [] }
        return [.list(title: "Survey comments on this heading (\(comments.count))", items: comments.map(\.text))]
    }

    /// The comments not tied to a heading, after the headings.
    var surveyGeneralBlocks: [ReportBlock] {
        let comments = session.survey?.generalComments ?? []
        guard !comments.isEmpty else { return [] }
        return [.heading(level: 2, text: "Other survey comments"), .list(title: nil, items: comments.map(\.text))]
    }

    /// An item the group has not scored yet but the survey asked: its survey results on their own.
    func surveyOnlyBlocks(_ result: AssessmentSummary.ItemResult) -> [ReportBlock] {
        guard session.survey?.item(result.item.id) != nil else { return [] }
        return [.heading(level: 3, text: "\(result.item.id): \(result.item.prompt)"),
                .fields([ReportField("Consensus", "not scored in the workshop yet")] + surveyFields(result.item.id))]
            + surveyBlocks(result.item.id)
    }

    /// Extra columns of the assessment table when the session has a survey.
    var surveyColumns: [String] {
        session.survey == nil ? [] : ["Survey responses", "Survey distribution", "Survey don't know"]
    }

    func surveyCells(_ itemID: String) -> [ReportCell] {
        guard session.survey != nil else { return [] }
        guard let answers = session.survey?.item(itemID) else { return [.text(""), .text(""), .text("")] }
        return [.text(String(answers.responses)), .text(answers.counts.map { "\($0.value): \($0.count)" }.joined(separator: " · ")),
                .text(String(answers.dontKnow))]
    }
}
