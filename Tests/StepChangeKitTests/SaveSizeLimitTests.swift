import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// A save never leaves a session file that no command can open: one that would be larger than the
/// largest file `load` reads is refused before anything is written.
@Suite("Saves stay readable")
struct SaveSizeLimitTests {
    @Test func aSessionTooLargeToReadAgainIsNotSaved() throws {
        let session = completeSession()
        let url = URL(fileURLWithPath: "/tmp/\(session.id).json")
        let size = SessionCodec.encode(session).count
        #expect(try SessionStore.readableBytes(of: session, file: url, limit: size).count == size)
        let error = try #require(throws: StepChangeError.self) { try SessionStore.readableBytes(of: session, file: url, limit: size - 1) }
        #expect(error.message.contains("no command could open it again"))
        #expect(error.hint?.contains("Nothing was written") == true)
    }

    @Test func aRefusedSaveLeavesTheFileAsItWas() throws {
        let directory = try Scratch.folder("stepchange-size")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(directory: directory)
        var session = try store.create(completeSession())
        let before = try Data(contentsOf: store.url(for: session.id))
        // Each note is cleaned text of the size a pasted document could have; enough of them pass 64 MB.
        let page = String(repeating: "A long pasted note. ", count: 50_000)
        for index in session.plans[0].actions.indices {
            session.plans[0].actions[index].updates += (0..<35).map { _ in
                ProgressUpdate(date: session.date, reviewer: "Ann Lee", status: .onTrack, note: page, actual: nil, recordedAt: Date())
            }
        }
        #expect(throws: StepChangeError.self) { try store.save(session) }
        #expect(try Data(contentsOf: store.url(for: session.id)) == before)
        #expect(try store.load(store.url(for: session.id)).id == session.id)
    }
}
