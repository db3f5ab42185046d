import Foundation
import Testing
@testable import StepChangeKit

func surveySession(framework: Framework = .childPovertySurvey, participants: [String] = ["Ann Lee", "Raj Patel"]) -> Session {
    Session(id: "2026-11-23-survey", title: "Survey test", date: "2026-11-23", createdAt: Date(timeIntervalSince1970: 1_795_000_000),
            framework: framework,
            participants: participants.enumerated().map { Participant(id: "p\($0.offset + 1)", name: $0.element) })
}

@Suite("Survey import from survey tools' wide exports")
struct SurveyImportTests {
    let now = Date(timeIntervalSince1970: 1_795_100_000)

    func imported(_ sheet: Sheet, _ session: Session = surveySession(), mapping: SurveyMapping = SurveyMapping()) throws(StepChangeError) -> SurveyImport {
        try SurveyImport(sheet: sheet, session: session, source: "export", mapping: mapping, now: now)
    }

    /// The same 31 responses as UTF-8 CSV with two header rows, as Excel's UTF-16 tab-separated
    /// "Unicode text", and as an .xlsx that LibreOffice wrote from the CSV: the same survey from each.
    @Test func theSameDistributionsFromCSVUnicodeTextAndXLSX() throws {
        let csv = Sheet(csv: try CSVReader.read(try fixture("survey", "wide-export.csv"), source: "wide-export.csv"), name: "csv")
        let utf16 = Sheet(csv: try CSVReader.read(try fixture("survey", "wide-export-utf16.txt"), source: "wide-export-utf16.txt"), name: "txt")
        let xlsx = try XLSXReader.read(try fixture("survey", "wide-export.xlsx"), source: "wide-export.xlsx")
        let surveys = try [csv, utf16, xlsx].map { try imported($0).survey }
        #expect(surveys[0] == surveys[1])
        #expect(surveys[0] == surveys[2])
        let survey = surveys[0]
        #expect(survey.respondents == 31)
        #expect(survey.items.count == 24)
        // Counted by the script that wrote the fixture.
        let ln1 = try #require(survey.item("LN1"))
        #expect(ln1.counts.map(\.count) == [5, 3, 7, 6, 6] && ln1.dontKnow == 3 && ln1.responses == 30)
        let pl2 = try #require(survey.item("PL2"))
        #expect(pl2.counts.map(\.count) == [2, 1, 4, 17, 4] && pl2.dontKnow == 1)
        let up6 = try #require(survey.item("UP6"))
        #expect(up6.counts.map(\.count) == [3, 3, 11, 8, 0] && up6.dontKnow == 3)
        #expect(survey.comments(heading: "LN").count == 9)
        #expect(survey.comments(heading: "LN").first?.text == "Respondent 0\u{2019}s view on LN: data is patchy,\nand \"joined up\" work varies.")
    }

    @Test func theDryRunShowsTheMappingAnswersAndUnreadableCells() throws {
        let sheet = Sheet(csv: try CSVReader.read(try fixture("survey", "wide-export.csv"), source: "wide-export.csv"), name: "csv")
        let plan = try imported(sheet)
        #expect(plan.headerRows == [1, 2])
        #expect(plan.columns[0].use == .ignored("about the response, not an answer"))
        #expect(plan.columns[4].use == .item("LN1"))
        #expect(plan.columns[10].use == .comment(headingID: "LN", itemID: nil))
        #expect(plan.itemsWithoutColumn.isEmpty)
        #expect(plan.unreadable.count == 1)
        // Respondent 1007's row starts on a later file line than its spreadsheet row: earlier comments hold line breaks.
        #expect(plan.unreadable[0].location == "row 10 (line 18), column M")
        #expect(plan.unreadable[0].message.hasPrefix("\"Agre\" (PL2) is not an answer on the scale"))
        let text = plan.summary(framework: .childPovertySurvey).joined(separator: "\n")
        #expect(text.contains("header rows 1 and 2 (sections, then statements); 31 responses."))
        #expect(text.contains("  E   LN1   ← \"1.1 We have an up-to-date, shared picture of th…\""))
        #expect(text.contains("\"Don\u{2019}t Know\" → don't know"))
        #expect(text.contains("  A   ignored: \"Respondent ID\" — about the response, not an answer"))
        #expect(text.contains("This import will record the survey: 31 responses to 24 items"))
    }

    @Test func labelsAreMatchedByCaseCurlyQuotesAndLeadingNumbers() {
        let scale = Framework.childPovertySurvey.scale
        #expect(SurveyMatching.answer("STRONGLY AGREE", on: scale) == .value(5))
        #expect(SurveyMatching.answer("4 - Agree", on: scale) == .value(4))
        #expect(SurveyMatching.answer("(2) Disagree", on: scale) == .value(2))
        #expect(SurveyMatching.answer("Don\u{2019}t Know", on: scale) == .dontKnow)
        #expect(SurveyMatching.answer("3", on: scale) == .value(3))
        #expect(SurveyMatching.answer("Neither agree or disagree", on: scale) == .value(3))
        #expect(SurveyMatching.answer("Neutral", on: scale) == .value(3))
        #expect(SurveyMatching.answer("9", on: scale) == nil)
        // A number whose label contradicts the scale is not guessed at.
        #expect(SurveyMatching.answer("4 - Agree", on: Framework.childPoverty.scale) == nil)
        #expect(SurveyMatching.answer("3 - Developing", on: Framework.childPoverty.scale) == .value(3))
    }

    @Test func headersAreMatchedByIdTextAndNumbering() {
        let framework = Framework.childPovertySurvey
        #expect(SurveyMatching.items(for: "LN3", in: framework).map(\.id) == ["LN3"])
        #expect(SurveyMatching.items(for: "[WW2] The third sector…", in: framework).map(\.id) == ["WW2"])
        #expect(SurveyMatching.items(for: "Q14. THE THIRD SECTOR IS INVOLVED AT A STRATEGIC LEVEL, NOT ONLY AS A PROVIDER OF SERVICES", in: framework).map(\.id) == ["WW2"])
        #expect(SurveyMatching.items(for: "Ways of Working - 3.2 The third sector is involved at a strategic level, not only as a provider of services.", in: framework).map(\.id) == ["WW2"])
        #expect(SurveyMatching.items(for: "Respondent ID", in: framework).isEmpty)
    }

    /// The shapes three common survey tools export: metadata first, a question over a grid of statements
    /// with "Open-Ended Response" under a comment, or the statement in brackets after the section.
    @Test func commonSurveyToolLayouts() throws {
        let monkey = "Respondent ID,Start Date,Name,Understanding Local Need,,Any other comments?\n"
            + ",,,We have an up-to-date shared picture of the scale of child poverty in our area and how it is spread across neighbourhoods,\"We know which priority family groups are most affected by poverty in our area, how many of them there are and where they live\",Open-Ended Response\n"
            + "1,2026-11-01,Ann Lee,Agree,Strongly Agree,More data please\n"
        let plan = try imported(Sheet(csv: try CSVReader.read(monkey, source: "m.csv"), name: "m"))
        #expect(plan.columns.map(\.use) == [.ignored("about the response, not an answer"), .ignored("about the response, not an answer"), .name,
                                            .item("LN1"), .item("LN2"), .comment(headingID: "LN", itemID: nil)])
        #expect(plan.namedScores["LN1"]?.first?.participant == "p1")
        let google = "Timestamp,\"Understanding Local Need [We have an up-to-date, shared picture of the scale of child poverty in our area and how it is spread across neighbourhoods.]\"\n2026/11/01 10:00:00,Disagree\n"
        let googlePlan = try imported(Sheet(csv: try CSVReader.read(google, source: "g.csv"), name: "g"))
        #expect(googlePlan.columns.map(\.use) == [.ignored("about the response, not an answer"), .item("LN1")])
        #expect(googlePlan.survey.item("LN1")?.count(of: 2) == 1)
    }

    @Test func aMappingFileNamesColumnsAndAnswers() throws {
        let csv = "When,Q1,Q2,Thoughts,Region\n2026-11-01,Mostly agree,2,Fine,North\n2026-11-02,Strongly agree,N/K,,South\n"
        let mappingText = """
        # our survey's own headings
        column "Q1" = LN1
        column C = LN2
        column "Thoughts" = comment LN
        column "Region" = ignore
        answer "Mostly agree" = 4
        answer "N/K" = dont know
        """
        let mapping = try SurveyMapping.parse(mappingText, source: "map.txt", framework: .childPovertySurvey)
        let plan = try imported(Sheet(csv: try CSVReader.read(csv, source: "s.csv"), name: "s"), mapping: mapping)
        #expect(plan.survey.item("LN1")?.counts.map(\.count) == [0, 0, 0, 1, 1])
        #expect(plan.survey.item("LN2")?.dontKnow == 1)
        #expect(plan.survey.comments.map(\.text) == ["Fine"])
        #expect(plan.columns[4].use == .ignored("ignored by the mapping file"))
        do {
            _ = try SurveyMapping.parse("column \"Q1\" = LN9\nanswer \"x\" = 7\nrow 3 = 4\n", source: "map.txt", framework: .childPovertySurvey)
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.location) == ["line 1", "line 2", "line 3"])
        }
    }

    @Test func namedParticipantsBecomeRoundOneAndOthersStayAnonymous() throws {
        let csv = "Name,LN1,LN2,Comments on understanding local need\nAnn Lee,Agree,Disagree,Raj is wrong\nSomeone Else,Strongly agree,,\nraj patel,Don't know,Agree,\n"
        let plan = try imported(Sheet(csv: try CSVReader.read(csv, source: "s.csv"), name: "s"))
        let session = plan.apply(to: surveySession())
        #expect(session.survey?.respondents == 3)
        let round = try #require(session.assessment(of: "LN1")?.rounds.first)
        #expect(round.source == .imported)
        #expect(round.scores == [ParticipantScore(participant: "p1", score: .value(4)), ParticipantScore(participant: "p2", score: .dontKnow)])
        let encoded = String(decoding: SessionCodec.encode(session), as: UTF8.self)
        #expect(!encoded.contains("Someone Else"))
        #expect(session.survey?.comments.first?.headingID == "LN")
    }

    @Test func aWrongFrameworkIsExplained() throws {
        let csv = "LN1,LN2\nStrongly agree,Agree\n"
        do {
            _ = try imported(Sheet(csv: try CSVReader.read(csv, source: "s.csv"), name: "s"), surveySession(framework: .childPoverty))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "export has headers but no responses that could be read; nothing was imported.")
            #expect(error.problems.first?.location == "row 2, column A")
            #expect(error.hint?.contains("Create the session with --framework child-poverty-survey") == true)
        }
        do {
            _ = try imported(Sheet(csv: try CSVReader.read("a,b\n1,2\n", source: "s.csv"), name: "s"))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("no column matches a statement of child-poverty-survey"))
        }
    }

    @Test func sessionsWithoutASurveyReadAndWriteAsBefore() throws {
        let session = surveySession()
        let data = SessionCodec.encode(session)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"survey\""))
        var broken = try imported(Sheet(csv: try CSVReader.read("LN1\nAgree\n", source: "s.csv"), name: "s")).apply(to: session)
        broken.survey?.items[0].counts[0].count = -3
        #expect(throws: StepChangeError.self) { try SessionCodec.decode(SessionCodec.encode(broken), source: "x.json") }
    }
}

@Suite("Divergence order with a survey")
struct SurveyDivergenceOrderTests {
    @Test func itemsTheSurveyDisagreedOnMostComeFirstWhenTheRoomHasNotScored() throws {
        let csv = "LN1,LN2,LN3\nAgree,Strongly disagree,Agree\nAgree,Strongly agree,Disagree\nAgree,Strongly disagree,Agree\nAgree,Strongly agree,Agree\n"
        let session = try SurveyImport(sheet: Sheet(csv: try CSVReader.read(csv, source: "s.csv"), name: "s"), session: surveySession(),
                                       source: "s.csv", now: Date(timeIntervalSince1970: 0)).apply(to: surveySession())
        #expect(Array(ItemOrder.divergence.itemIDs(in: session).prefix(4)) == ["LN2", "LN3", "LN1", "LN4"])
        #expect(ItemOrder.framework.itemIDs(in: session).first == "LN1")
    }
}
