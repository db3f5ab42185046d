import Foundation
import Testing

/// The README's trend example is what the program prints for the shipped sessions, not made-up numbers.
@Suite("README trend example")
struct ReadmeTrendExampleTests {
    /// The lines of the README's example block that follow `$ COMMAND`, up to the next `$` line or the block's end.
    func shown(after command: String) throws -> [String] {
        let readme = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "$ " + command), "README shows `\(command)`")
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("$ ") && $0 != "```" && $0 != "  …" })
    }

    @Test func theTrendExampleIsTheRealOutputForTheShippedSessions() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let newCommand = "stepchange new --title \"Riverside child poverty self-assessment\" --from 2026-11-19 --date 2027-11-18"
        let created = runCLI(["new", "--title", "Riverside child poverty self-assessment", "--from", "2026-11-19", "--date", "2027-11-18"], in: workspace)
        #expect(created.status == 0, "\(created.errors)")
        #expect(flattened(created.output + created.errors) == flattened(try shown(after: newCommand).joined(separator: "\n")))

        let compared = runCLI(["compare", "2025-11", "2026-11", "2027-11"], in: workspace)
        #expect(compared.status == 0, "\(compared.errors)")
        let expected = try shown(after: "stepchange compare 2025-11 2026-11 2027-11")
        #expect(expected.count >= 10)
        #expect(Array(compared.output.components(separatedBy: "\n").prefix(expected.count)) == expected)
    }
}
