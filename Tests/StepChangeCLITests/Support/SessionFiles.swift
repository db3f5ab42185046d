import Foundation
import Testing
import StepChangeKit

/// Three participants from three sectors, as the end-to-end tests create sessions with.
let threeParticipants = "Ann Lee (Council, statutory); Raj Patel (CVS, third sector); Mo Khan (NHS, health)"

/// Creates a session with `stepchange new` in `dir` and returns its id and file.
func newSession(_ dir: URL, title: String = "Riverside", participants: String = threeParticipants) throws -> (id: String, file: URL) {
    let result = try BinaryRunner.run(["new", "--title", title, "--participants", participants], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    return (id, dir.appendingPathComponent("Sessions/\(id).json"))
}

/// Reads a session file the way every command does.
func load(_ file: URL) throws -> Session {
    try SessionCodec.decode(try Data(contentsOf: file), source: file.path)
}
