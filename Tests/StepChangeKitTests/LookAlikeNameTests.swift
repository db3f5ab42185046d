import Foundation
import Testing
@testable import StepChangeKit

/// Names that look the same on the screen are one name, whatever invisible or look-alike characters
/// make their bytes differ, and a name that shows nothing is no name.
@Suite("Look-alike and invisible participant names")
struct LookAlikeNameTests {
    @Test(arguments: [
        "Sa\u{200B}m Lee",  // zero-width space inside a word
        "Sam\u{200E} Lee",  // left-to-right mark
        "Sam\u{200D} Lee",  // zero-width joiner
        "Sa\u{AD}m Lee",    // soft hyphen
        "Sa\u{34F}m Lee",   // combining grapheme joiner
        "Sam Lee\u{FE0F}",  // variation selector
        "Sam\u{2800}Lee",   // blank Braille pattern
        "Sam\u{3164}Lee",   // Hangul filler
        "\u{405}am Lee",    // Cyrillic capital dze
        "S\u{430}m Lee",    // Cyrillic a
        "\u{391}nn",        // Greek capital alpha, compared with "Ann" below
        "Sam L\u{435}\u{435}", // Cyrillic e
        "sam  lee",         // case and a double space
        "Sam\u{A0}Lee",     // no-break space
        "\u{FB00}Sam Lee",  // not a look-alike: must still be accepted
    ])
    func looksTheSameIsRefused(_ other: String) {
        let existing = [Participant(id: "p1", name: "Sam Lee"), Participant(id: "p2", name: "Ann")]
        let refused = (try? ParticipantList.parseOne(other, after: existing).get()) == nil
        #expect(refused == (other != "\u{FB00}Sam Lee"), "\(other.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func differentNamesInOtherScriptsStayDifferent() throws {
        let people = try ParticipantList.parse("Анна Петрова; Anna Petrova; Ηλίας; Ilias; Sam Lee; Sam Leigh; Jo Anne; Joanne").get()
        #expect(people.count == 8)
    }

    @Test(arguments: ["\u{3164}", "\u{2800}", "\u{200D}", "\u{AD}", "\u{FE0F}", "\u{200E}\u{200F}", " \u{200B} "])
    func aNameThatShowsNothingIsRefused(_ name: String) {
        #expect(throws: ParticipantListError.self) { try ParticipantList.parse("\(name) (Council, statutory)").get() }
        var session = completeSession()
        session.participants[0].name = name
        #expect(SessionValidator.problems(in: session, source: "s").contains { $0.location == "participants[0].name" })
    }

    @Test func aLookAlikeInAHandEditedFileIsNamed() {
        var session = completeSession()
        session.participants[1].name = session.participants[0].name.replacingOccurrences(of: "A", with: "\u{410}")
        #expect(session.participants[1].name != session.participants[0].name)
        #expect(SessionValidator.problems(in: session, source: "s").contains { $0.location == "participants[1].name" })
    }
}
