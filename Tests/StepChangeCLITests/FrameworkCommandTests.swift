import Foundation
import Testing
import StepChangeKit

@Suite("Framework commands through the built binary")
struct FrameworkCommandTests {
    let root = BinaryRunner.packageRoot

    @Test func listsBuiltInAndFileFrameworks() throws {
        let result = try BinaryRunner.run(["frameworks"], in: root)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.contains { $0.hasPrefix("child-poverty") && $0.contains("built-in") && $0.hasSuffix("4         24") })
        #expect(lines.contains { $0.hasPrefix("strategy-review") && $0.contains("Frameworks/strategy-review.json") })
        #expect(lines.contains { $0.hasPrefix("partnership-health") })
        #expect(result.stderr.isEmpty, "an identical child-poverty.json must not be reported as a clash: \(result.stderr)")
    }

    @Test func aClashingFrameworkDirectoryIsReported() throws {
        let dir = try temporaryDirectory()
        var changed = Framework.childPoverty
        changed.title = "Changed"
        try FrameworkCodec.encode(changed).write(to: dir.appendingPathComponent("cp.json"))
        try Data("not json".utf8).write(to: dir.appendingPathComponent("broken.json"))
        let result = try BinaryRunner.run(["frameworks", "--frameworks", dir.path], in: root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("two different frameworks use the id \"child-poverty\": built-in and \(dir.path)/cp.json"))
        #expect(result.stderr.contains("broken.json is not valid JSON"))
        let show = try BinaryRunner.run(["framework", "show", "child-poverty", "--frameworks=\(dir.path)"], in: root)
        #expect(show.status == 1)
        #expect(show.stderr.contains("Two different frameworks use the id"))
    }

    @Test func showFitsEightyColumns() throws {
        let result = try BinaryRunner.run(["framework", "show", "child-poverty"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("LN  Understanding Local Need"))
        #expect(result.stdout.contains("Embedded and making a difference"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }

    @Test func showReadsAFileByPath() throws {
        let result = try BinaryRunner.run(["framework", "show", "Frameworks/partnership-health.json"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Partnership Health Check"))
    }

    @Test func exportMatchesTheFileFormat() throws {
        let result = try BinaryRunner.run(["framework", "export", "child-poverty"], in: root)
        #expect(result.status == 0)
        let file = try String(contentsOf: root.appendingPathComponent("Frameworks/child-poverty.json"), encoding: .utf8)
        #expect(result.stdout == file)
        #expect(result.stdout.contains("\"id\" : \"LN1\""))
    }

    @Test func checkAcceptsAValidFile() throws {
        let result = try BinaryRunner.run(["framework", "check", "Frameworks/strategy-review.json"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Frameworks/strategy-review.json: valid — strategy-review"))
    }

    @Test func checkListsEveryProblemAndExitsOne() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("bad.json")
        try Data(#"{"schemaVersion": 1, "id": "x", "title": "", "scale": {"levels": [{"value": 2, "label": "a"}, {"value": 1, "label": "b"}]}, "headings": [{"id": "A", "title": "T", "items": [{"id": "A1", "prompt": ""}, {"id": "A1", "prompt": "p"}]}]}"#.utf8).write(to: file)
        let result = try BinaryRunner.run(["framework", "check", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        for expected in ["title: is empty", "version: missing", "headings[0].items[0].prompt: is empty",
                         "scale.levels[1].value: 1 does not increase", "headings[0].items[1].id: duplicate item id"] {
            #expect(result.stderr.contains(expected), "missing \(expected) in \(result.stderr)")
        }
    }

    @Test func checkOfAMissingFileExitsOne() throws {
        let result = try BinaryRunner.run(["framework", "check", "/nonexistent/f.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Cannot read /nonexistent/f.json"))
    }

    @Test func unknownCommandSuggestsAndExitsTwo() throws {
        let result = try BinaryRunner.run(["framwork", "show", "child-poverty"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Did you mean `stepchange framework`?"))
    }

    @Test func escapeSequencesInAFrameworkFileNeverReachTheTerminalRaw() throws {
        let dir = try temporaryDirectory()
        var framework = Framework.childPoverty
        framework.id = "hostile"
        framework.title = "Evil \u{1B}]0;owned\u{07}\u{1B}[2J title \u{202E}txt.exe"
        framework.headings[0].items[0].prompt = "Prompt with \u{1B}[31mcolour\u{1B}[0m and a bell\u{07}"
        let file = dir.appendingPathComponent("hostile.json")
        try FrameworkCodec.encode(framework).write(to: file)
        for arguments in [["framework", "show", file.path], ["framework", "check", file.path]] {
            let result = try BinaryRunner.run(arguments, environment: ["TERM": "xterm"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
            #expect(!result.stdout.contains("\u{07}") && !result.stdout.contains("\u{202E}"))
        }
        let show = try BinaryRunner.run(["framework", "show", file.path])
        // Escape sequences are removed as the file is read; the right-to-left override is shown as a mark.
        #expect(show.stdout.contains("Evil  title \u{FFFD}txt.exe"))
    }
}
