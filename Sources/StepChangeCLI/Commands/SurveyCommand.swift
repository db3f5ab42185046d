import Foundation
import StepChangeKit

extension Command {
    /// `stepchange survey SESSION`: the pre-workshop survey to give out, or the template to collect it in.
    static let survey = Command(
        name: "survey",
        summary: "Make the pre-workshop survey: a printable questionnaire or an empty response template.",
        usage: "stepchange survey SESSION --format docx|html|csv|xlsx [--output FILE] [--force] [--sessions DIR]",
        discussion: """
        docx and html give the printable questionnaire: the statements grouped by heading, the scale as tick
        boxes and a comment box after each heading. csv and xlsx give an empty response template, one row per
        respondent, which `stepchange import-scores SESSION FILE` reads back. Word and Excel files need --output.
        """,
        examples: [
            "stepchange survey 2026-11-23-riverside --format docx --output survey.docx",
            "stepchange survey 2026-11-23-riverside --format xlsx --output survey-responses.xlsx",
            "stepchange import-scores 2026-11-23-riverside survey-responses.xlsx",
        ],
        options: [
            OptionSpec("format", value: "FORMAT", short: "f", help: "docx or html (questionnaire), csv or xlsx (response template); required."),
            OptionSpec("output", value: "FILE", short: "o", help: "Write to FILE instead of standard output (required for docx and xlsx)."),
            OptionSpec("force", help: "Replace FILE if it exists."),
            .sessions,
        ],
        arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let formats = ["docx", "html", "csv", "xlsx"]
        guard let format = invocation.value("format")?.lowercased() else {
            throw StepChangeError(.usage, "`stepchange survey` needs --format: docx, html, csv or xlsx.", hint: "Usage: stepchange survey SESSION --format docx|html|csv|xlsx [--output FILE]")
        }
        guard formats.contains(format) else {
            var hint = "Formats: docx or html (questionnaire), csv or xlsx (response template)."
            if let guess = Suggestion.closest(to: format, among: formats) { hint = "Did you mean \(guess)? " + hint }
            throw StepChangeError(.usage, "Unknown format \"\(format)\".", hint: hint)
        }
        if (format == "docx" || format == "xlsx") && invocation.value("output") == nil {
            throw StepChangeError(.usage, "A \(format == "docx" ? "Word document" : "workbook") cannot be written to the terminal: give --output FILE.\(format).",
                                  hint: "For example: stepchange survey \(invocation.positionals[0]) --format \(format) --output survey.\(format)")
        }
        let output = try OutputFile.checked(invocation, context: context, fileExtension: format)
        let (session, _) = try context.sessionStore(invocation).load(invocation.positionals[0])
        let data: Data
        switch format {
        case "docx": data = DocxWriter.document(SurveyQuestionnaire.report(session))
        case "html": data = Data(HTMLRenderer.render(SurveyQuestionnaire.report(session)).utf8)
        case "csv": data = SurveyQuestionnaire.templateCSV(session.framework)
        default: data = SurveyQuestionnaire.templateXLSX(session.framework)
        }
        guard let output else {
            context.terminal.write(String(decoding: data, as: UTF8.self))
            return 0
        }
        try output.write(data, context: context)
        let kind = format == "docx" || format == "html" ? "questionnaire" : "response template"
        context.terminal.writeLine("Wrote \(context.displayPath(output.url)) (survey \(kind), \(format), \(data.count) bytes).")
        if kind == "response template" {
            context.terminal.writeLine("Collect one row per respondent, then: stepchange import-scores \(session.id) \(context.displayPath(output.url))")
        }
        return 0
    }

    /// `stepchange survey-comments SESSION [list | edit ID TEXT | remove ID]`: the facilitator's
    /// control over what respondents wrote (a comment that names someone).
    static let surveyComments = Command(
        name: "survey-comments",
        summary: "List, edit or remove the comments imported with the survey.",
        usage: "stepchange survey-comments SESSION [list | edit ID \"TEXT\" | remove ID] [--break-lock] [--sessions DIR]",
        discussion: """
        Survey comments are shown at the reveal and in the exports without names. Before the workshop, read
        them with `list`; a comment that names or could identify someone can be reworded with `edit` or taken
        out with `remove`. Other comments keep their ids. Edits are saved in the session at once.
        """,
        examples: [
            "stepchange survey-comments 2026-11-23-riverside",
            "stepchange survey-comments 2026-11-23-riverside edit C4 \"A colleague in housing said the referral route is slow.\"",
            "stepchange survey-comments 2026-11-23-riverside remove C7",
        ],
        options: [.breakLock, .sessions],
        arguments: 1...4
    ) { invocation, context throws(StepChangeError) in
        let arguments = invocation.positionals
        let action = arguments.count > 1 ? arguments[1].lowercased() : "list"
        let store = context.sessionStore(invocation)
        let url = try store.resolve(arguments[0])
        let usage = "Usage: stepchange survey-comments SESSION [list | edit ID \"TEXT\" | remove ID]"
        switch action {
        case "list":
            guard arguments.count <= 2 else { throw StepChangeError(.usage, "`list` takes no more arguments.", hint: usage) }
            let session = try store.load(url)
            guard let survey = session.survey else {
                context.terminal.writeLine("\(session.id) has no survey yet. Import one with: stepchange import-scores \(session.id) FILE")
                return 0
            }
            context.terminal.writeLine("Survey comments in \(session.id) (\(survey.comments.count), from \(survey.source); shown without names):")
            for comment in survey.comments {
                let place = comment.itemID ?? comment.headingID ?? "general"
                let edited = comment.editedAt == nil ? "" : " (edited)"
                context.terminal.writeLine(TextWrap.wrap("“\(comment.text.replacingOccurrences(of: "\n", with: " "))”\(edited)", width: context.width,
                                                          indent: "           ", firstIndent: "  " + "\(comment.id) \(place)".padding(toLength: 9, withPad: " ", startingAt: 0)))
            }
            return 0
        case "edit", "remove":
            guard arguments.count >= 3 else { throw StepChangeError(.usage, "`\(action)` needs a comment id, e.g. C3.", hint: usage) }
            let id = arguments[2]
            var text: String?
            if action == "edit" {
                guard arguments.count == 4 else { throw StepChangeError(.usage, "`edit` needs the new text in quotes after the id.", hint: usage) }
                let cleaned = InboundText.clean(arguments[3]).trimmingCharacters(in: .whitespaces)
                guard !cleaned.isEmpty else {
                    throw StepChangeError(.usage, "The new text is empty.", hint: "To take the comment out, use: stepchange survey-comments \(arguments[0]) remove \(id)")
                }
                text = cleaned
            } else if arguments.count != 3 {
                throw StepChangeError(.usage, "`remove` takes only the comment id.", hint: usage)
            }
            let lock = try WorkshopLaunch.lock(url, store: store, context: context, breakLock: invocation.flag("break-lock"))
            defer { lock.release() }
            var session = try store.load(url)
            guard var survey = session.survey, let index = survey.comments.firstIndex(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
                let known = session.survey?.comments.map(\.id) ?? []
                throw StepChangeError(.input, "\(session.id) has no survey comment \(id).",
                                      hint: known.isEmpty ? "The session has no survey comments." : "Run `stepchange survey-comments \(arguments[0])` to list them (ids \(known.first ?? "")…\(known.last ?? "")).")
            }
            let commentID = survey.comments[index].id
            if let text {
                survey.comments[index].text = text
                survey.comments[index].editedAt = context.time.now
            } else {
                survey.comments.remove(at: index)
            }
            session.survey = survey
            session.updatedAt = context.time.now
            try store.save(session, to: url)
            context.terminal.writeLine(text == nil ? "Removed survey comment \(commentID) from \(session.id)." : "Edited survey comment \(commentID) in \(session.id).")
            return 0
        default:
            throw StepChangeError(.usage, "Unknown action \"\(arguments[1])\"; expected list, edit or remove.", hint: usage)
        }
    }
}
