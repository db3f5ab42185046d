import Foundation

/// Exports a session: builds the report (or table, or anonymised session) once and hands it to the
/// format's renderer. The same session, part and options always give the same bytes.
public enum SessionExport {
    /// The exported bytes of one part of a session in one format. CSV holds one table, so it accepts
    /// the `assessment`, `statements`, `actions` and `measures` parts (a usage error otherwise); Excel
    /// holds every table of the part, one sheet each. JSON is always the whole session.
    public static func export(_ session: Session, format: ExportFormat, part: ReportPart = .all,
                              attributed: Bool = false) throws(StepChangeError) -> Data {
        let builder = ReportBuilder(session: session, attributed: attributed)
        switch format {
        case .markdown: return Data(MarkdownRenderer.render(builder.report(part)).utf8)
        case .html: return Data(HTMLRenderer.render(builder.report(part)).utf8)
        case .docx: return DocxWriter.document(builder.report(part))
        case .xlsx: return XlsxWriter.workbook(builder.tables(part), title: session.title)
        case .csv: return CSVWriter.render(try builder.table(part))
        case .json:
            guard part == .all else {
                throw StepChangeError(.usage, "JSON export is the whole session, so it takes no --part (got --part \(part.rawValue)).",
                                      hint: "Drop --part, or use --format markdown, html or docx for one part.")
            }
            return SessionCodec.encode(attributed ? session : anonymised(session))
        }
    }

    /// The session with people's names replaced: participants become "Participant 1", "Participant 2"…
    /// in the order they were added, and progress reviewers become "Reviewer 1"… in the order they first
    /// reviewed. Ids, organisations, sectors and every score stay, so the file still loads as a session.
    public static func anonymised(_ session: Session) -> Session {
        var copy = session
        for index in copy.participants.indices {
            copy.participants[index].name = "Participant \(index + 1)"
        }
        var reviewers: [String: String] = [:]
        for planIndex in copy.plans.indices {
            for actionIndex in copy.plans[planIndex].actions.indices {
                for updateIndex in copy.plans[planIndex].actions[actionIndex].updates.indices {
                    let name = copy.plans[planIndex].actions[actionIndex].updates[updateIndex].reviewer
                    let alias = reviewers[name] ?? "Reviewer \(reviewers.count + 1)"
                    reviewers[name] = alias
                    copy.plans[planIndex].actions[actionIndex].updates[updateIndex].reviewer = alias
                }
            }
        }
        return copy
    }
}
