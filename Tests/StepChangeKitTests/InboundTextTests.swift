import Foundation
import Testing
@testable import StepChangeKit

/// The one rule for text entering from outside.
@Suite("Text entering from outside")
struct InboundTextTests {
    @Test(arguments: [
        ("Sam \u{1B}[31mLee\u{1B}[0m", "Sam Lee"),
        ("a\u{1B}]52;c;ZWNobyBoaQ==\u{07}b", "ab"),
        ("a\u{1B}]0;title\u{1B}\\b", "ab"),
        ("clear\u{1B}[2J\u{1B}[H", "clear"),
        ("bell\u{07}\u{08}\u{7F}", "bell"),
        ("c1\u{9B}31m\u{85}x", "c1x"),
        ("arrow\u{1B}OA", "arrow"),
        ("tab\there", "tab here"),
        ("two\r\nlines\nthree\rfour", "two lines three four"),
        ("\u{1B}", ""),
        ("\u{200F}مراجعة \u{2067}פרויקט\u{2069}", "\u{200F}مراجعة \u{2067}פרויקט\u{2069}"),
    ])
    func oneLineFields(_ typed: String, _ stored: String) {
        #expect(InboundText.clean(typed) == stored)
        #expect(TerminalSafeText.cleanInput(typed) == stored, "typed answers follow the same rule")
    }

    @Test func multiLineFieldsKeepTabsAndLineBreaks() {
        #expect(InboundText.clean("one\r\ntwo\rthree\tcol\u{1B}[1m\n", .multiLine) == "one\ntwo\nthree\tcol\n")
    }

    @Test func cleanTextIsUnchangedAndCleaningTwiceChangesNothing() {
        for text in ["Ann Lee (Council, statutory)", "£12 — 50%", "\u{1B}[31mx\u{9D}y\u{9C}z"] {
            let once = InboundText.clean(text, .multiLine)
            #expect(InboundText.clean(once, .multiLine) == once)
            #expect(!once.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) })
        }
    }
}

/// Text already in a session (a hand-edited file) never carries an escape sequence into a CSV export.
@Suite("Control characters in CSV exports")
struct CSVControlTests {
    @Test func controlCharactersAreDroppedFromCSVCells() {
        #expect(CSVWriter.field("Sam \u{1B}[31mLee\u{07}\u{9B}") == "Sam [31mLee")
        #expect(CSVWriter.field("two\nlines\tok") == "\"two\nlines\tok\"")
        var session = completeSession()
        session.plans[0].actions[0].description = "Clear \u{1B}]52;c;aGk=\u{07}the screen"
        let csv = text(CSVWriter.render(ReportBuilder(session: session).actionPlanTable(session.actions, detailed: true)))
        #expect(!csv.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
    }
}

/// A framework file is text from outside too.
@Suite("Control characters in framework files")
struct FrameworkTextTests {
    @Test func frameworkTextIsCleanedAsItIsRead() throws {
        let json = """
        {"schemaVersion": 1, "id": "x", "title": "Clear\\u001b[2J title", "version": "1",
         "scale": {"levels": [{"value": 1, "label": "Low\\u0007"}, {"value": 2, "label": "High"}]},
         "headings": [{"id": "H", "title": "H", "items": [{"id": "H1", "prompt": "Two\\nlines\\u009b31m", "evidence": ["a\\u001b]52;c;aGk=\\u0007b"]}]}]}
        """
        let framework = try FrameworkReader.read(Data(json.utf8), source: "x.json")
        #expect(framework.title == "Clear title")
        #expect(framework.scale.levels[0].label == "Low")
        #expect(framework.headings[0].items[0].prompt == "Two\nlines")
        #expect(framework.headings[0].items[0].evidence == ["ab"])
    }
}
