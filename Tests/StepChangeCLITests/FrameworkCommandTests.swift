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
        changed.title = "Changed differently"
        try FrameworkCodec.encode(changed).write(to: dir.appendingPathComponent("cp2.json"))
        try Data("not json".utf8).write(to: dir.appendingPathComponent("broken.json"))
        let result = try BinaryRunner.run(["frameworks", "--frameworks", dir.path], in: root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("two different frameworks use the id \"child-poverty\": \(dir.path)/cp.json and \(dir.path)/cp2.json"), "\(result.stderr)")
        #expect(result.stderr.contains("broken.json is not valid JSON"))
        let show = try BinaryRunner.run(["framework", "show", "child-poverty", "--frameworks=\(dir.path)"], in: root)
        #expect(show.status == 1)
        #expect(show.stderr.contains("Two different frameworks use the id"))
        let check = try BinaryRunner.run(["framework", "check", "\(dir.path)/cp.json", "--frameworks", dir.path], in: root)
        #expect(check.status == 0)
        #expect(check.stderr.contains("warning: \(dir.path)/cp2.json also uses the id \"child-poverty\" for a different framework"), "\(check.stderr)")
    }

    /// The README's steps: export the built-in framework, edit the copy, keep its id. The copy is used
    /// instead of the built-in one, with a notice, and `framework check` says it will be.
    @Test func anAdaptedCopyKeepingItsIdReplacesTheBuiltInFramework() throws {
        let dir = try temporaryDirectory()
        let frameworks = dir.appendingPathComponent("Frameworks")
        try FileManager.default.createDirectory(at: frameworks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Frameworks/child-poverty.json"), to: frameworks.appendingPathComponent("child-poverty.json"))
        let exported = try BinaryRunner.run(["framework", "export", "child-poverty"], in: dir)
        #expect(exported.status == 0 && exported.stderr.isEmpty)
        let adapted = exported.stdout.replacingOccurrences(of: "\"title\" : \"Child Poverty Self-Assessment\"", with: "\"title\" : \"Riverside Child Poverty Self-Assessment\"")
        #expect(adapted != exported.stdout)
        try Data(adapted.utf8).write(to: frameworks.appendingPathComponent("our-framework.json"))
        let notice = "note: Frameworks/our-framework.json replaces the built-in framework \"child-poverty\" (it uses the same id); give the file another id to use both."

        let check = try BinaryRunner.run(["framework", "check", "Frameworks/our-framework.json"], in: dir)
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("Frameworks/our-framework.json: valid — child-poverty \"Riverside Child Poverty Self-Assessment\""))
        #expect(check.stderr == "warning: Frameworks/our-framework.json uses the id \"child-poverty\" of the built-in framework: in a frameworks folder it replaces the built-in one, and every command that uses it says so. Give it another id to keep both.\n")
        let copy = try BinaryRunner.run(["framework", "check", "Frameworks/child-poverty.json"], in: dir)
        #expect(copy.status == 0 && copy.stderr.isEmpty, "an unchanged copy shadows nothing: \(copy.stderr)")

        let listed = try BinaryRunner.run(["frameworks"], in: dir)
        #expect(listed.status == 0)
        let row = listed.stdout.split(separator: "\n").first { $0.hasPrefix("child-poverty ") }.map(String.init) ?? ""
        #expect(row.contains("Riverside Child Poverty Self-Assessment (v1.0)") && row.contains(" Frameworks/our-framework.json "), "\(listed.stdout)")
        #expect(listed.stderr == notice + "\n")
        let show = try BinaryRunner.run(["framework", "show", "child-poverty"], in: dir)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Riverside Child Poverty Self-Assessment (child-poverty, version 1.0)\nSource: Frameworks/our-framework.json\n"))
        #expect(show.stderr == notice + "\n")
        let created = try BinaryRunner.run(["new", "--title", "Adapted", "--framework", "child-poverty"], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.hasPrefix(notice + "\n"))
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try load(dir.appendingPathComponent("Sessions/\(id).json")).framework.title == "Riverside Child Poverty Self-Assessment")
        let run = try BinaryRunner.run(["run", id], stdin: "Ann Lee (Council, statutory)\n\npause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
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
