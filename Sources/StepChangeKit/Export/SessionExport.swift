import Foundation

/// Exports a session: builds the report (or table, or anonymised session) once and hands it to the
/// format's renderer. The same session, part and options always give the same bytes.
public enum SessionExport {
    /// The exported bytes of one part of a session in one format. CSV holds one table, so it accepts
    /// the `assessment`, `statements`, `actions` and `measures` parts (a usage error otherwise); Excel
    /// holds every table of the part, one sheet each. JSON covers the whole session: with `attributed`, the
    /// session file itself; without, `NonAttributableJSON` (counts and distributions, nobody identifiable).
    public static func export(_ session: Session, format: ExportFormat, part: ReportPart = .all,
                              attributed: Bool = false) throws(StepChangeError) -> Data {
        let builder = ReportBuilder(session: session, attributed: attributed)
        switch format {
        case .markdown: return Data(MarkdownRenderer.document(builder.report(part)))
        case .html: return Data(HTMLRenderer.document(builder.report(part)))
        case .docx: return DocxWriter.document(builder.report(part))
        case .xlsx: return XlsxWriter.workbook(builder.tables(part), title: session.title, notice: builder.notice)
        case .csv: return CSVWriter.render(try builder.table(part), notice: builder.notice)
        case .json:
            guard part == .all else {
                throw StepChangeError(.usage, "JSON export is the whole session, so it takes no --part (got --part \(part.rawValue)).",
                                      hint: "Drop --part, or use --format markdown, html or docx for one part.")
            }
            if attributed { return withNotice(SessionCodec.encode(session)) }
            do {
                var bytes = try NonAttributableJSON.encoded(session)
                bytes.append(UInt8(ascii: "\n"))
                return Data(bytes)
            } catch {
                throw StepChangeError(.input, "\(session.id) could not be exported as JSON: \(error)")
            }
        }
    }

    /// The session file's bytes with `"_notice"` as its first key (it sorts before every session key):
    /// still a session that loads, but one that says on its first lines that it names people.
    static func withNotice(_ sessionJSON: Data) -> Data {
        let opening = Data("{\n".utf8)
        guard sessionJSON.starts(with: opening) else { return sessionJSON }
        var data = opening
        data.append(Data("  \"_notice\" : \"\(ReportBuilder.attributedNotice)\",\n".utf8))
        data.append(sessionJSON.dropFirst(opening.count))
        return data
    }
}
