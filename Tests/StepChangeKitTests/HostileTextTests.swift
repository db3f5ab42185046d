import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// Titles, names and notes come from people and hand-edited files: nothing in them may escape the
/// sessions directory or reach the terminal as a raw escape sequence.
@Suite struct HostileTextTests {
    static let hostileTitles = [
        "../../etc/passwd", "/absolute/path", "a/b\\c", "..", ".", "\u{1B}[2J\u{1B}]0;owned\u{07}",
        "Riverside \u{202E}gnp.exe", "👨‍👩‍👧 Family Hub 🎉", String(repeating: "x", count: 10_000),
        "\0\u{01}\u{7F}", "", "   ", "Ça c'est Perth & Kinross",
    ]

    @Test(arguments: hostileTitles)
    func newSessionIDsStayInsideTheSessionsDirectory(title: String) throws {
        let directory = Scratch.url("hostile-\(UUID().uuidString)")
        let store = SessionStore(directory: directory)
        let id = store.newID(date: "2026-11-25", title: title)
        #expect(!id.contains("/") && !id.contains("\\") && !id.contains(".."))
        #expect(id.count <= 11 + 48)
        #expect(id.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || CharacterSet.alphanumerics.contains($0)) })
        #expect(store.url(for: id).deletingLastPathComponent().path == store.directory.path)
    }

    @Test func escapeSequencesAreShownAsVisibleCharacters() {
        let shown = TerminalSafeText.forDisplay("a\u{1B}[2Jb\u{1B}]0;title\u{07}c\u{9B}d\u{202E}e\nf\tg")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(!shown.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(shown.hasPrefix("a\u{241B}[2Jb"))
        #expect(shown.hasSuffix("e\nf\tg"))
        #expect(TerminalSafeText.forDisplay("a,b\r\nc\rd") == "a,b\r\nc\u{240D}d")
    }

    @Test func onlyStepchangesOwnEmphasisSurvivesWhenColourIsOn() {
        let shown = TerminalSafeText.forDisplay("\u{1B}[1mTitle\u{1B}[0m \u{1B}[2J \u{1B}[38;5;1m", keepingStyle: true)
        #expect(shown == "\u{1B}[1mTitle\u{1B}[0m \u{241B}[2J \u{241B}[38;5;1m")
    }

    @Test func typedLinesLoseArrowKeysAndControlCharacters() {
        #expect(TerminalSafeText.cleanInput("3 4\u{1B}[A 2\u{1B}[D") == "3 4 2")
        #expect(TerminalSafeText.cleanInput("note\twith\u{07}bell\r") == "note withbell")
        #expect(TerminalSafeText.cleanInput("émoji 🎉 and \u{200F}rtl") == "émoji 🎉 and \u{200F}rtl")
    }

    @Test func randomBytesNeverBreakTheTextCleaners() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            let cleaned = TerminalSafeText.cleanInput(text)
            #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 })
            let shown = TerminalSafeText.forDisplay(text)
            #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" })
        }
    }
}
