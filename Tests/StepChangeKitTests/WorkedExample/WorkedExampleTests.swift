import Foundation
import Testing
@testable import StepChangeKit

/// The package's `Sessions/` directory, found from this file's location.
let exampleSessionsDirectory: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.appendingPathComponent("Sessions")
        }
    }
    return URL(fileURLWithPath: "Sessions")
}()

@Suite("The worked-example archive")
struct WorkedExampleTests {
    /// Writes the archive from the builder. Run with STEPCHANGE_WRITE_EXAMPLES=1 to regenerate `Sessions/`;
    /// on any other run it is reported as skipped, never as passed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STEPCHANGE_WRITE_EXAMPLES"] == "1",
                   "regenerates Sessions/ only when STEPCHANGE_WRITE_EXAMPLES=1"))
    func regenerateWhenAsked() throws {
        let store = SessionStore(directory: exampleSessionsDirectory)
        for session in WorkedExampleBuilder.all {
            try store.save(session)
            #expect(try store.load(store.url(for: session.id)) == session)
        }
    }

    @Test func everyFileLoadsAndReencodesByteForByte() throws {
        let store = SessionStore(directory: exampleSessionsDirectory)
        let files = try store.sessionFiles()
        #expect(Set(WorkedExampleBuilder.all.map { $0.id + ".json" }).isSubset(of: files.map(\.lastPathComponent)))
        for file in files {
            let data = try Data(contentsOf: file)
            let session = try SessionCodec.decode(data, source: file.lastPathComponent)
            #expect(SessionCodec.encode(session) == data, "\(file.lastPathComponent) is not in canonical form")
            #expect(session.id == file.deletingPathExtension().lastPathComponent)
        }
    }

    @Test func theFilesHoldWhatTheBuilderMakes() throws {
        let store = SessionStore(directory: exampleSessionsDirectory)
        for built in WorkedExampleBuilder.all {
            #expect(try store.load(store.url(for: built.id)) == built, "\(built.id) differs from its builder")
        }
    }

    @Test func theArchiveIsTheRealisticExampleTheReadmeTours() {
        for session in WorkedExampleBuilder.all {
            #expect((8...12).contains(session.participants.count))
            #expect(Set(session.participants.map(\.sector)).isSuperset(of: [.thirdSector, .livedExperience, .statutory, .health]))
            #expect(session.assessments.count == session.framework.itemIDs.count)
            #expect(session.assessments.contains { $0.rounds.count > 1 })
            let summary = AssessmentSummary(session: session)
            #expect(summary.items.contains { $0.firstRound?.agreement == .divergent })
            #expect((5...7).contains(session.statements.count))
            #expect(session.actions.count >= 10)
            #expect(session.actions.allSatisfy { !$0.measure.isEmpty })
            #expect(session.description.contains("Fictional"))
            #expect(session.stage == .complete)
        }
        let reviewDates = Set(WorkedExample2025.session.actions.flatMap { $0.updates.map(\.date) })
        #expect(reviewDates.count >= 2)
    }
}
