import Foundation
import Testing
@testable import StepChangeKit

@Suite("CSV reader and score import")
struct ScoreImportTests {
    @Test func readsBOMCRLFQuotesAndBlankLines() throws {
        let text = "\u{FEFF}participant,item,score,comment\r\nAnn Lee,LN1,3,\"Good, \"\"shared\"\" data\"\r\n\r\n\"Raj\r\nPatel\",LN2,dont know,\r\nMo,LN3,4"
        let rows = try CSVReader.read(Data(text.utf8), source: "s.csv")
        #expect(rows.map(\.line) == [1, 2, 4, 6])
        #expect(rows[1].fields == ["Ann Lee", "LN1", "3", "Good, \"shared\" data"])
        #expect(rows[2].fields == ["Raj\r\nPatel", "LN2", "dont know", ""])
        #expect(rows[3].fields == ["Mo", "LN3", "4"])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(throws: StepChangeError.self) { try CSVReader.read("a,b\n1,\"open\n2,3\n", source: "s.csv") }
        do {
            _ = try CSVReader.read("a,b\n1,\"open\n2,3\n", source: "s.csv")
        } catch {
            #expect(error.problems.first?.description == "s.csv: line 2: a quoted field is never closed")
        }
    }

    @Test func randomBytesNeverCrashTheReaders() {
        var random = SeededRandom(seed: 7)
        let session = workshopSession()
        let pieces: [UInt8] = Array("\",\r\n ab1?-".utf8) + [0, 0xFF, 0xEF, 0xBB, 0xBF, 0xC3]
        var outcomes = (rows: 0, csvErrors: 0, imported: 0, importErrors: 0, lines: 0, lineErrors: 0)
        for _ in 0..<2000 {
            let count = Int(random.next() % 60)
            let bytes = (0..<count).map { _ in random.next() % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : pieces[Int(random.next() % UInt64(pieces.count))] }
            do {
                let rows = try CSVReader.read(Data(bytes), source: "f.csv")
                outcomes.rows += 1
                #expect(rows.map(\.line) == rows.map(\.line).sorted() && rows.allSatisfy { $0.line >= 1 && !$0.fields.isEmpty })
                do {
                    let imported = try ScoreImport.apply(rows, to: session, source: "f.csv")
                    outcomes.imported += 1
                    #expect(imported.scores >= 1 && imported.scores <= rows.count - 1 && imported.items >= 1)
                } catch {
                    outcomes.importErrors += 1
                    #expect(error.kind == .input && error.description.contains("f.csv"), "\(error.description)")
                }
            } catch {
                outcomes.csvErrors += 1
                #expect(error.kind == .input && error.description.contains("f.csv"), "\(error.description)")
            }
            let line = String(decoding: bytes, as: UTF8.self)
            switch ScoreLine.parse(line, participants: session.participants, scale: session.framework.scale) {
            case .success(let scores):
                outcomes.lines += 1
                #expect(scores.map(\.participant) == session.participants.map(\.id))
                #expect(scores.allSatisfy { $0.score == .dontKnow || session.framework.scale.values.contains($0.score.number ?? .min) })
            case .failure(let error):
                outcomes.lineErrors += 1
                #expect((error.message.hasPrefix("Expected \(session.participants.count) scores") || error.message.hasPrefix("Not on the scale: "))
                        && error.message.hasSuffix("Valid scores: \(session.framework.scale.validAnswersDescription)."), "\(error.message)")
            }
        }
        // The inputs reach every outcome, so each branch's assertions above really ran.
        #expect(outcomes.rows > 0 && outcomes.csvErrors > 0 && outcomes.importErrors > 0 && outcomes.lineErrors > 0, "\(outcomes)")
    }

    @Test func importsRoundOneInParticipantOrder() throws {
        let csv = "participant,item,score,comment\nRaj Patel,ln1,4,\nAnn Lee,LN1,2,Patchy\np3,LN1,dont know,\n"
        let (session, scores, items) = try ScoreImport.apply(try CSVReader.read(csv, source: "s.csv"), to: workshopSession(), source: "s.csv")
        #expect(scores == 3 && items == 1)
        let round = try #require(session.assessment(of: "LN1")?.rounds.first)
        #expect(round.source == .imported)
        #expect(round.scores.map(\.participant) == ["p1", "p2", "p3"])
        #expect(round.scores.map(\.score) == [.value(2), .value(4), .dontKnow])
        #expect(round.scores[0].comment == "Patchy")
        #expect(AssessmentStage.cursor(in: session).step == .consensus)
    }

    @Test func reportsEveryBadRowByLine() {
        let csv = "participant,item,score\nAnn Lee,LN1,3\nAnn Le,LN1,3\nRaj Patel,XX1,3\nMo Khan,LN1,7\nAnn Lee,LN1,2\n"
        do {
            _ = try ScoreImport.apply(try CSVReader.read(csv, source: "s.csv"), to: workshopSession(), source: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s.csv has 4 bad rows; nothing was imported:")
            let lines = error.problems.map(\.description)
            #expect(lines[0].hasPrefix("s.csv: line 3: \"Ann Le\" is not a participant of this session. Did you mean Ann Lee?"))
            #expect(lines[1].hasPrefix("s.csv: line 4: \"XX1\" is not an item of child-poverty."))
            #expect(lines[2] == "s.csv: line 5: score \"7\" is not on the scale; expected one of 1, 2, 3, 4, 5 or dont know")
            #expect(lines[3] == "s.csv: line 6: Ann Lee already has a score for LN1 on line 2")
        }
    }

    @Test func aMissingHeaderColumnIsNamed() {
        do {
            _ = try ScoreImport.apply(try CSVReader.read("name,item,score\nAnn Lee,LN1,3\n", source: "s.csv"), to: workshopSession(), source: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s.csv has no participant column.")
        }
    }

    @Test func participantListParsesOrganisationsAndSectors() throws {
        let parsed = try ParticipantList.parse("Ann Lee (Council, statutory); Raj Patel (CVS, third sector); Mo Khan (NHS); Jo Bell").get()
        #expect(parsed.map(\.id) == ["p1", "p2", "p3", "p4"])
        #expect(parsed[0].organisation == "Council" && parsed[0].sector == .statutory)
        #expect(parsed[1].sector == .thirdSector)
        #expect(parsed[2].sector == .health && parsed[2].organisation == "")
        #expect(parsed[3].name == "Jo Bell" && parsed[3].sector == .other)
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse("Ann (Council, planet)").get() }
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse("Ann; ann").get() }
        let existing = try ParticipantList.parse("Ann; Raj").get()
        #expect(try ParticipantList.parse("Mo; Jo", after: existing).get().map(\.id) == ["p3", "p4"])
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse("Mo; RAJ", after: existing).get() }
        #expect(try ParticipantList.parseOne("Kim (School, education)", after: existing).get().id == "p3")
        let many = (1...2_000).map { "Person \($0)" }.joined(separator: "; ")
        #expect(try ParticipantList.parse(many).get().last?.id == "p2000")
    }
}
