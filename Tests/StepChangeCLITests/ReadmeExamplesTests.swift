import Foundation
import Testing

/// The README's `console` blocks: each `$ stepchange …` line is run against a temporary copy of the
/// shipped `Sessions/` and `Frameworks/`, and what it prints must be what the README shows under it.
/// A line that is only `…` stands for lines left out; today's date is written `YYYY-MM-DD`.
enum ReadmeExamples {
    /// One command with the output shown under it.
    struct Example: Sendable, CustomStringConvertible {
        var line: Int
        var command: String
        var expected: [String]
        var description: String { "README.md line \(line): $ \(command)" }
    }

    /// The examples of one block, run in order in one workspace.
    struct Block: Sendable, CustomStringConvertible {
        var line: Int
        var examples: [Example]
        var description: String { "README.md line \(line)" }
    }

    static let readme = BinaryRunner.packageRoot.appendingPathComponent("README.md")

    /// Every ```console block of the text, split into commands and their shown output.
    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        var continuing = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            if current == nil {
                if line == "```console" { current = Block(line: number, examples: []) }
                continue
            }
            if line == "```" {
                blocks.append(current!)
                current = nil
                continuing = false
                continue
            }
            if continuing, var last = current!.examples.popLast() {
                last.command = String(last.command.dropLast()) + line.trimmingCharacters(in: .whitespaces)
                continuing = last.command.hasSuffix("\\")
                current!.examples.append(last)
            } else if line.hasPrefix("$ ") {
                current!.examples.append(Example(line: number, command: String(line.dropFirst(2)), expected: []))
                continuing = line.hasSuffix("\\")
            } else if var last = current!.examples.popLast() {
                last.expected.append(line)
                current!.examples.append(last)
            }
        }
        return blocks
    }

    static var readmeBlocks: [Block] {
        blocks(in: (try? String(contentsOf: readme, encoding: .utf8)) ?? "")
    }

    /// A command line split into words as the shell would (single and double quotes, backslash
    /// escapes), with a final `> FILE` taken as where standard output goes.
    static func words(_ command: String) -> (words: [String], output: String?) {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped { word.append(character); escaped = false; inWord = true; continue }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { word.append(character) }
                continue
            }
            switch character {
            case "\\": escaped = true
            case "'", "\"": quote = character; inWord = true
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(character); inWord = true
            }
        }
        if inWord { words.append(word) }
        if words.count >= 2, words[words.count - 2] == ">" {
            let file = words.removeLast()
            words.removeLast()
            return (words, file)
        }
        return (words, nil)
    }

    /// True when `actual` is what `expected` shows: the same lines (trailing spaces aside), where a
    /// line `…` stands for any number of lines.
    static func matches(expected: [String], actual: [String]) -> Bool {
        let trim = { (line: String) in String(line.reversed().drop { $0 == " " }.reversed()) }
        // Blank lines at the end are layout (the space before the next `$` line), not output.
        let tidy = { (lines: [String]) in Array(lines.map(trim).reversed().drop { $0.isEmpty }.reversed()) }
        let expected = tidy(expected), actual = tidy(actual)
        var segments: [[String]] = [[]]
        for line in expected {
            if line == "…" { segments.append([]) } else { segments[segments.count - 1].append(line) }
        }
        if segments.count == 1 { return expected == actual }
        guard actual.starts(with: segments[0]), actual.count >= segments[0].count + segments.last!.count,
              Array(actual.suffix(segments.last!.count)) == segments.last! else { return false }
        var position = segments[0].count
        let end = actual.count - segments.last!.count
        for segment in segments.dropFirst().dropLast() where !segment.isEmpty {
            var found: Int?
            var start = position
            while start + segment.count <= end {
                if Array(actual[start..<(start + segment.count)]) == segment { found = start; break }
                start += 1
            }
            guard let found else { return false }
            position = found + segment.count
        }
        return position <= end
    }

    /// Today as the README writes it.
    static func normalised(_ text: String) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "yyyy-MM-dd"
        return text.replacingOccurrences(of: formatter.string(from: Date()), with: "YYYY-MM-DD")
    }

    /// A fresh folder holding copies of the shipped sessions (with their samples) and frameworks.
    static func workspace() throws -> URL {
        let directory = try temporaryDirectory("readme")
        for folder in ["Sessions", "Frameworks"] {
            try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        return directory
    }

    /// Runs one example in `directory`: what it printed (standard output, then standard error) as lines.
    static func run(_ example: Example, in directory: URL) throws -> [String] {
        let (words, output) = words(example.command)
        guard words.first == "stepchange" else { return ["not a stepchange command: \(example.command)"] }
        let result = try BinaryRunner.run(Array(words.dropFirst()), in: directory)
        var shown = result.stdout
        if let output {
            try Data(result.stdout.utf8).write(to: directory.appendingPathComponent(output))
            shown = ""
        }
        // Today's date is written YYYY-MM-DD only where an example shows it, so a shipped session dated
        // today is never mistaken for it.
        let printed = shown + result.stderr
        let usesToday = example.expected.contains { $0.contains("YYYY-MM-DD") }
        var lines = (usesToday ? normalised(printed) : printed).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

@Suite("README examples")
struct ReadmeExamplesTests {
    @Test func theReadmeHasRunnableExamples() {
        let blocks = ReadmeExamples.readmeBlocks
        #expect(blocks.count >= 8, "README.md has \(blocks.count) console blocks")
        #expect(blocks.allSatisfy { !$0.examples.isEmpty })
    }

    @Test(arguments: ReadmeExamples.readmeBlocks)
    func everyExamplePrintsWhatTheReadmeShows(_ block: ReadmeExamples.Block) throws {
        let directory = try ReadmeExamples.workspace()
        for example in block.examples {
            let actual = try ReadmeExamples.run(example, in: directory)
            #expect(ReadmeExamples.matches(expected: example.expected, actual: actual),
                    "\(example) printed:\n\(actual.joined(separator: "\n"))\n--- the README shows:\n\(example.expected.joined(separator: "\n"))")
        }
    }

    /// The comparison itself: any changed, added or missing line fails, and `…` covers only what it stands for.
    @Test func aChangedExampleFails() {
        let actual = ["a", "b", "c", "d"]
        #expect(ReadmeExamples.matches(expected: ["a", "b", "c", "d"], actual: actual))
        #expect(ReadmeExamples.matches(expected: ["a", "…", "d"], actual: actual))
        #expect(ReadmeExamples.matches(expected: ["a", "…", "c", "…"], actual: actual))
        #expect(ReadmeExamples.matches(expected: ["a  ", "b", "c", "d"], actual: actual))
        #expect(!ReadmeExamples.matches(expected: ["a", "b", "x", "d"], actual: actual))
        #expect(!ReadmeExamples.matches(expected: ["a", "b", "c"], actual: actual))
        #expect(!ReadmeExamples.matches(expected: ["a", "b", "c", "d", "e"], actual: actual))
        #expect(!ReadmeExamples.matches(expected: ["a", "…", "b", "a"], actual: actual))
        #expect(!ReadmeExamples.matches(expected: ["…", "x", "…"], actual: actual))
        #expect(ReadmeExamples.words(#"stepchange new --title "Riverside self-assessment" --x 'a b' > out.json"#)
                == (["stepchange", "new", "--title", "Riverside self-assessment", "--x", "a b"], "out.json"))
        let blocks = ReadmeExamples.blocks(in: "text\n```console\n$ stepchange a \\\n    --b c\nout 1\n\n$ stepchange d\n```\n```sh\n$ stepchange e\n```\n")
        #expect(blocks.count == 1)
        #expect(blocks.first?.examples.map(\.command) == ["stepchange a --b c", "stepchange d"])
        #expect(blocks.first?.examples.map(\.expected) == [["out 1", ""], []])
        #expect(ReadmeExamples.matches(expected: ["out 1", ""], actual: ["out 1"]))
        let today = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let iso = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
        #expect(ReadmeExamples.normalised("Created Sessions/\(iso)-x.json") == "Created Sessions/YYYY-MM-DD-x.json")
    }
}
