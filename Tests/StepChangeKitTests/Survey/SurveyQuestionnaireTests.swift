import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

@Suite("The survey to give out")
struct SurveyQuestionnaireTests {
    @Test func theQuestionnaireGroupsStatementsByHeadingWithTickBoxesAndACommentBox() {
        let report = SurveyQuestionnaire.report(surveySession())
        #expect(report.sections.map(\.heading) == ["LN Understanding Local Need", "PL Using a Wide Range of Policy Levers", "WW Ways of Working", "UP Understanding Our Progress"])
        guard case .table(let table)? = report.sections[0].blocks.dropFirst().first else {
            Issue.record("expected the statements table after the heading summary")
            return
        }
        #expect(table.header == ["", "Statement", "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"])
        #expect(table.rows.count == 6)
        #expect(table.rows[0].dropFirst(2).allSatisfy { $0 == .text("☐") })
        guard case .table(let comments)? = report.sections[0].blocks.last else {
            Issue.record("expected a comment box")
            return
        }
        #expect(comments.header == ["Comments on Understanding Local Need (optional)"])
    }

    /// The xlsx template, filled in as a respondent would, reads back with every column recognised.
    @Test func theXLSXTemplateRoundTrips() throws {
        let framework = Framework.childPovertySurvey
        let template = try XLSXReader.read(SurveyQuestionnaire.templateXLSX(framework), source: "template.xlsx")
        #expect(template.rows.map(\.row) == [1, 2])
        var rows = template.rows.map(\.cells)
        let width = rows[1].count
        rows.append((0..<width).map { column in
            if column == 0 { return "" }
            return rows[1][column].hasPrefix("Comments on ") ? "Needs more data" : "4 - Agree"
        })
        rows.append((0..<width).map { column in column == 0 || rows[1][column].hasPrefix("Comments on ") ? "" : "Don’t know" })
        let filled = try XLSXReader.read(XLSXWriter.workbook(sheetName: "Responses", rows: rows), source: "filled.xlsx")
        let plan = try SurveyImport(sheet: filled, session: surveySession(), source: "filled.xlsx", now: Date(timeIntervalSince1970: 0))
        #expect(plan.itemsWithoutColumn.isEmpty)
        #expect(plan.columns[0].use == .name)
        #expect(plan.unreadable.isEmpty)
        #expect(plan.survey.respondents == 2)
        #expect(plan.survey.items.allSatisfy { $0.count(of: 4) == 1 && $0.dontKnow == 1 })
        #expect(plan.survey.comments.map(\.headingID) == ["LN", "PL", "WW", "UP"])
    }

    @Test func theCSVTemplateHasTheSameTwoHeaderRows() throws {
        let framework = Framework.childPovertySurvey
        let rows = try CSVReader.read(SurveyQuestionnaire.templateCSV(framework), source: "t.csv")
        let header = SurveyQuestionnaire.templateHeader(framework)
        #expect(rows.map(\.fields) == [header.sections, header.statements])
        #expect(header.statements.count == 1 + 24 + 4)
    }
}

@Suite("The survey at the reveal and in the exports")
struct SurveyRevealTests {
    func sessionWithSurvey(scoring: ScoringMode = .open) throws -> Session {
        var session = surveySession()
        session.settings.scoring = scoring
        let csv = "LN1,LN2,Comments on understanding local need\nAgree,Disagree,Ann from the council is great\nStrongly agree,,\nDon't know,Agree,\n"
        session = try SurveyImport(sheet: Sheet(csv: try CSVReader.read(csv, source: "s.csv"), name: "s"), session: session,
                                   source: "survey.csv", now: Date(timeIntervalSince1970: 0)).apply(to: session)
        var assessment = ItemAssessment(itemID: "LN1")
        assessment.rounds = [ScoringRound(number: 1, scores: [ParticipantScore(participant: "p1", score: .value(3), comment: "Patchy data"),
                                                             ParticipantScore(participant: "p2", score: .value(4))], source: .imported)]
        session.assessments = [assessment]
        return session
    }

    @Test func theComparisonPutsSurveyAndRoomSideBySide() throws {
        let comparison = try #require(SurveyComparison(session: try sessionWithSurvey(), itemID: "LN1"))
        #expect(comparison.surveyResponses == 3)
        #expect(comparison.rows.map(\.survey) == [0, 0, 0, 1, 1, 1])
        #expect(comparison.rows.map(\.room) == [0, 0, 1, 1, 0, 0])
        #expect(comparison.surveyHeadline == "Survey: 3 responses · median 4.5 · consensus")
        #expect(SurveyComparison(session: surveySession(), itemID: "LN1") == nil)
        for width in [40, 60, 80, 120] {
            #expect(comparison.lines(width: width).allSatisfy { $0.count <= width }, "width \(width): \(comparison.lines(width: width))")
        }
    }

    @Test func revealCommentsAreUnattributedUnlessTheSessionIsOpen() throws {
        let open = AssessmentText(width: 80).reveal(try sessionWithSurvey().assessment(of: "LN1") ?? ItemAssessment(itemID: "LN1"), session: try sessionWithSurvey())
        #expect(open.contains("Comments on this statement (1):"))
        #expect(open.contains("  - Ann Lee: “Patchy data”"))
        #expect(open.contains("  - “Ann from the council is great”"))
        let blindSession = try sessionWithSurvey(scoring: .blind)
        let blind = AssessmentText(width: 80).reveal(blindSession.assessment(of: "LN1") ?? ItemAssessment(itemID: "LN1"), session: blindSession)
        #expect(blind.contains("  - “Patchy data”"))
        #expect(!blind.joined().contains("Ann Lee"))
        var later = try sessionWithSurvey()
        later.assessments = [ItemAssessment(itemID: "LN2", rounds: [ScoringRound(number: 1, scores: [ParticipantScore(participant: "p1", score: .value(2))])])]
        let second = AssessmentText(width: 80).reveal(later.assessments[0], session: later)
        #expect(second.contains("Survey comments on Understanding Local Need: 1, shown with LN1."))
    }

    @Test func theReportShowsBothAndNamesNobodyUnlessAttributed() throws {
        let session = try sessionWithSurvey()
        let markdown = MarkdownRenderer.render(ReportBuilder(session: session).report(.assessment))
        #expect(markdown.contains("**Survey:** 3 responses: 1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1 · don't know: 1"))
        #expect(markdown.contains("| Score | Level | Survey (3) | Room, round 1 (2) |"))
        #expect(markdown.contains("Patchy data") && !markdown.contains("Ann Lee: Patchy data"))
        #expect(markdown.contains("Ann from the council is great"))
        // LN2 is not scored yet, but the survey's answers to it are reported.
        #expect(markdown.contains("### LN2: "))
        let attributed = MarkdownRenderer.render(ReportBuilder(session: session, attributed: true).report(.assessment))
        #expect(attributed.contains("Ann Lee: Patchy data"))
        let json = String(decoding: try SessionExport.export(session, format: .json), as: UTF8.self)
        #expect(json.contains("\"respondents\" : 3") && json.contains("\"source\" : \"survey.csv\""))
        #expect(!json.contains("Ann from the council") && !json.contains("Patchy data"))
    }
}

@Suite("The survey-scale framework in the workshop")
struct SurveyScaleWorkshopTests {
    /// Two years on the agree/disagree scale: the reveal statistics, the comparison and every export work as on the development scale.
    @Test func consensusComparisonAndExportsWorkOnTheAgreeScale() throws {
        func year(_ id: String, _ date: String, consensus: Int) -> Session {
            var session = Session(id: id, title: "Riverside", date: date, createdAt: Date(timeIntervalSince1970: 1_795_000_000),
                                  framework: .childPovertySurvey, participants: [Participant(id: "p1", name: "Ann Lee"), Participant(id: "p2", name: "Raj Patel")])
            let round = ScoringRound(number: 1, scores: [ParticipantScore(participant: "p1", score: .value(consensus)), ParticipantScore(participant: "p2", score: .dontKnow)])
            let stats = ConsensusStatistics(round: round, scale: session.framework.scale)
            session.assessments = [ItemAssessment(itemID: "LN1", rounds: [round],
                                                  consensus: ConsensusRecord(score: stats.suggestedConsensus ?? 0, suggested: stats.suggestedConsensus, round: 1,
                                                                             agreedAt: Date(timeIntervalSince1970: 1_795_000_100)))]
            return session
        }
        let last = year("2025-11-20-riverside", "2025-11-20", consensus: 2)
        let now = year("2026-11-23-riverside", "2026-11-23", consensus: 4)
        let comparison = try SessionComparison(old: last, new: now)
        let ln1 = try #require(comparison.headings.first?.items.first)
        #expect(ln1.old == 2 && ln1.new == 4 && ln1.change == 2)
        let markdown = MarkdownRenderer.render(ReportBuilder(session: now).report(.assessment))
        #expect(markdown.contains("4 — Agree: This is mostly true of our partnership."))
        for format in ExportFormat.allCases {
            #expect(try !SessionExport.export(now, format: format, part: format == .csv ? .assessment : .all).isEmpty)
        }
    }
}

@Suite("Survey golden files")
struct SurveyGoldenTests {
    @Test func questionnaireTemplateAndReport() throws {
        var session = surveySession()
        session.partnership = "Riverside CPP"
        try expectGolden(Data(HTMLRenderer.render(SurveyQuestionnaire.report(session)).utf8), "survey-questionnaire.html")
        try expectGolden(SurveyQuestionnaire.templateCSV(session.framework), "survey-template.csv")
        let withSurvey = try SurveyRevealTests().sessionWithSurvey()
        try expectGolden(Data(MarkdownRenderer.render(ReportBuilder(session: withSurvey).report(.assessment)).utf8), "survey-assessment.md")
        try expectGolden(try SessionExport.export(withSurvey, format: .csv, part: .assessment), "survey-assessment.csv")
    }
}

@Suite("Survey files read by other programs")
struct SurveyFilesReadBackTests {
    func write(_ data: Data, _ name: String) throws -> String {
        let url = Scratch.url("stepchange-survey-\(UUID().uuidString)-\(name)")
        try data.write(to: url)
        return url.path
    }

    /// Python's zipfile and XML parser accept the template; openpyxl (when installed) reads its cells and drop-down.
    @Test func theXLSXTemplateIsAWorkbookOtherProgramsRead() throws {
        let path = try write(SurveyQuestionnaire.templateXLSX(.childPovertySurvey), "template.xlsx")
        let check = """
        import sys, zipfile, xml.dom.minidom
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for name in z.namelist():
            xml.dom.minidom.parseString(z.read(name))
        try:
            import openpyxl
        except ImportError:
            print("no openpyxl"); sys.exit(0)
        ws = openpyxl.load_workbook(sys.argv[1]).active
        print(ws.title, "|", ws["A2"].value, "|", ws["B1"].value, "|", ws["B2"].value[:40], "|", ws.data_validations.dataValidation[0].formula1[:30])
        """
        guard let result = try python(check, arguments: [path]) else { return }
        #expect(result.status == 0, "\(result.output)")
        if result.output != "no openpyxl\n" {
            #expect(result.output == "Responses | Name | Understanding Local Need | LN1 We have an up-to-date, shared pictur | \"Strongly disagree,Disagree,Ne\n")
        }
    }

    @Test func theQuestionnaireIsAWordDocumentPythonDocxReads() throws {
        guard let available = try python("import docx"), available.status == 0 else {
            print("SKIPPED: python-docx is not installed, so the questionnaire's read-back is not checked.")
            return
        }
        let path = try write(DocxWriter.document(SurveyQuestionnaire.report(surveySession())), "questionnaire.docx")
        let script = """
        import sys, docx
        d = docx.Document(sys.argv[1])
        print(len(d.tables), "|", " || ".join(c.text for c in d.tables[0].rows[0].cells), "|", d.tables[0].rows[1].cells[2].text, "|", d.tables[1].rows[0].cells[0].text)
        """
        let result = try #require(try python(script, arguments: [path]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "8 |  || Statement || Strongly disagree || Disagree || Neither agree nor disagree || Agree || Strongly agree || Don't know | ☐ | Comments on Understanding Local Need (optional)\n")
    }
}
