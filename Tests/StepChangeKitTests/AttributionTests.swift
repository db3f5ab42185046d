import Foundation
import Testing
@testable import StepChangeKit

/// "Non-attributable" means nobody can be identified: without `--attributed` no export in any format carries
/// a name, a person's organisation or anything that links a score, vote or comment to a person. With it, every
/// format says so on its first lines.
@Suite("Attribution in exports")
struct AttributionTests {
    static let notice = "Contains names and individual scores — not for publication."

    /// The example session with a survey comment on a score, which must not leave the file either.
    func session() -> Session {
        var session = completeSession()
        session.assessments[0].rounds[0].scores[1].comment = "Our team never sees the profile"
        return session
    }

    static let exports: [(ExportFormat, ReportPart)] = [
        (.markdown, .all), (.html, .all), (.docx, .all), (.xlsx, .all), (.json, .all), (.csv, .assessment), (.csv, .actions),
    ]

    @Test(arguments: 0..<exports.count)
    func withoutAttributedNoExportIdentifiesAnyone(_ index: Int) throws {
        let (format, part) = Self.exports[index]
        let output = text(try SessionExport.export(session(), format: format, part: part))
        let people = session().participants
        for text in people.map(\.name) + ["Our team never sees the profile", "(final round)", "Individual scores", "Votes by participant"] {
            #expect(!output.contains(text), "\(format) \(part) carries \"\(text)\"")
        }
        for key in ["\"participant\"", "\"organisation\"", "\"reviewer\"", "\"comment\"", "\"votes\" : ["] {
            #expect(!output.contains(key), "\(format) \(part) carries \(key)")
        }
        #expect(!output.contains(Self.notice))
    }

    @Test(arguments: 0..<exports.count)
    func withAttributedEveryFormatSaysSoFirst(_ index: Int) throws {
        let (format, part) = Self.exports[index]
        let output = text(try SessionExport.export(session(), format: format, part: part, attributed: true))
        switch format {
        case .markdown:
            #expect(output.hasPrefix("> **\(Self.notice)**\n\n# Riverside"))
        case .html:
            let notice = try #require(output.range(of: "<p class=\"notice\" role=\"note\">\(Self.notice)</p>"))
            let title = try #require(output.range(of: "<h1>"))
            #expect(notice.lowerBound < title.lowerBound)
        case .docx:
            let notice = try #require(output.range(of: Self.notice))
            let title = try #require(output.range(of: "<w:pStyle w:val=\"Title\"/>"))
            #expect(notice.lowerBound < title.lowerBound, "the warning is the first paragraph of page 1")
        case .xlsx:
            let entries = try unzipStored(try SessionExport.export(session(), format: format, part: part, attributed: true))
            let first = text(entries["xl/worksheets/sheet1.xml"] ?? Data())
            #expect(first.contains("<t xml:space=\"preserve\">\(Self.notice)</t>"), "the warning is the first sheet")
            #expect(text(entries["xl/workbook.xml"] ?? Data()).contains("<sheet name=\"Not for publication\" sheetId=\"1\""))
            #expect(text(entries["xl/worksheets/sheet2.xml"] ?? Data()).contains("<oddHeader>&amp;C\(Self.notice)</oddHeader>"))
        case .csv:
            #expect(output.hasPrefix("\u{FEFF}\(Self.notice)\r\n"))
        case .json:
            #expect(output.hasPrefix("{\n  \"_notice\" : \"\(Self.notice)\",\n"))
        }
    }

    @Test func attributedChangesTheCSVOfBothTables() throws {
        for part in [ReportPart.assessment, .actions] {
            let plain = try SessionExport.export(session(), format: .csv, part: part)
            let attributed = try SessionExport.export(session(), format: .csv, part: part, attributed: true)
            #expect(plain != attributed, "--attributed is ignored for CSV --part \(part)")
        }
        let attributed = text(try SessionExport.export(session(), format: .csv, part: .assessment, attributed: true))
        #expect(attributed.contains("Ann Lee (final round)"))
    }

    @Test func sectorsAreCountedNotListedPerPerson() throws {
        let markdown = text(try SessionExport.export(session(), format: .markdown, part: .assessment))
        #expect(markdown.contains("**Participants:** 5 (statutory 1, health 1, education 1, third sector 1, lived experience 1)"))
        let json = try JSONValue.parse(SessionExport.export(session(), format: .json), source: "export")
        guard case .object(let fields) = json, case .object(let people)? = fields["participants"],
              case .object(let sectors)? = people["bySector"] else {
            Issue.record("no participants summary")
            return
        }
        #expect(sectors["statutory"] == .number(1) && sectors["lived-experience"] == .number(1))
        guard case .array(let assessments)? = fields["assessments"], case .object(let first)? = assessments.first,
              case .array(let rounds)? = first["rounds"], case .object(let round)? = rounds.first else {
            Issue.record("no assessments")
            return
        }
        #expect(round["scores"] == .object(["2": .number(1), "3": .number(2), "4": .number(1)]))
        #expect(round["dontKnow"] == .number(1))
    }
}
