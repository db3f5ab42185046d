import Foundation
import Testing
import StepChangeKit

/// `--attributed` reaches every format through the command line, and only then do names appear.
@Suite("Attribution through the built binary")
struct AttributionEndToEndTests {
    static let notice = "Contains names and individual scores — not for publication."

    @Test(arguments: [["--format", "csv", "--part", "assessment"], ["--format", "csv", "--part", "actions"],
                      ["--format", "markdown"], ["--format", "html"], ["--format", "json"]])
    func attributedChangesEveryFormatAndSaysSoFirst(_ format: [String]) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let plain = try BinaryRunner.run(["export", laterID] + format, in: workspace)
        let attributed = try BinaryRunner.run(["export", laterID, "--attributed"] + format, in: workspace)
        #expect(plain.status == 0 && attributed.status == 0, "\(plain.stderr) \(attributed.stderr)")
        #expect(plain.stdoutBytes != attributed.stdoutBytes, "\(format): --attributed is ignored")
        #expect(!plain.stdout.contains(Self.notice) && !plain.stdout.contains("Fiona MacLeod"))
        let opening = attributed.stdout.split(separator: "\n").prefix(2).joined(separator: "\n")
        if format[1] != "html" { #expect(opening.contains(Self.notice), "\(format): \(opening)") }
        #expect(attributed.stdout.contains(Self.notice))
    }
}
