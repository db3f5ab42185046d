import Foundation
import Testing
import StepChangeKit

/// A short workshop on a four-item framework, compared byte for byte with a golden transcript:
/// the prompts, reveal, re-score, skip, goto, out-of-range consensus, notes, heading summaries and
/// the self-assessment summary exactly as a facilitator sees them in a piped run.
@Suite("Workshop transcript")
struct WorkshopTranscriptTests {
    static let golden = BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/assessment/run-transcript.txt")

    @Test func transcriptMatchesTheGoldenFile() throws {
        let dir = try temporaryDirectory()
        var framework = Framework.childPoverty
        framework.id = "child-poverty-short"
        framework.headings = [framework.headings[0], framework.headings[1]].map { heading in
            var heading = heading
            heading.items = Array(heading.items.prefix(2))
            return heading
        }
        try FrameworkCodec.encode(framework).write(to: dir.appendingPathComponent("short.json"))
        let created = runCLI(["new", "--title", "Golden", "--framework", "short.json",
                              "--participants", "Ann Lee (Council, statutory); Raj Patel (CVS, third sector); Mo Khan (NHS, health)"], in: dir)
        #expect(created.status == 0, "\(created.errors)")
        let input = [
            "1 5 2", "r", "3 4 3", "", "Profile refreshed in 2025", "", "Shared figures", "", "Neighbourhood data", "",
            "skip",
            "2 - 2", "5", "y", "A new money advice service opened since the survey", "", "", "",
            "goto LN2", "3 3 4", "", "", "", "",
            "4 4 5", "status", "", "", "", "Better links with housing", "",
            "pause",
        ]
        let run = runCLI(["run", "2026-11-18-golden", "--minutes-per-heading", "20"], input: input, in: dir)
        #expect(run.status == 0, "\(run.errors)")
        if ProcessInfo.processInfo.environment["STEPCHANGE_UPDATE_GOLDEN"] == "1" {
            try Data(run.output.utf8).write(to: Self.golden)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(run.output == expected)
        for line in run.output.split(separator: "\n") where !line.contains("A new money advice service") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }
}
