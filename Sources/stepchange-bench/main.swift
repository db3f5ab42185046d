import Foundation
import StepChangeKit

// stepchange-bench: generates synthetic session archives and times stepchange's commands on them,
// each figure also shown as a ratio to the time it takes just to read the archive's bytes.
// Run with `swift run -c release stepchange-bench [--sizes 10,100,1000,10000] [--runs 5] [--dir PATH]`.

// `stepchange-bench room`: the room under load (see RoomBenchmark), then exit.
if CommandLine.arguments.dropFirst().first == "room" {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepchange")
    exit(RoomBenchmark.run(executable: binary, directory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stepchange-bench-room")))
}

var sizes = [10, 100, 1_000, 10_000]
var runs = 5
var workDirectory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stepchange-bench")
var arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    stepchange-bench — times stepchange's commands on synthetic session archives of growing size.

    Usage: swift run -c release stepchange-bench [--sizes N,N,…] [--runs N] [--dir DIR]

    Options:
      --sizes N,N,…  Archive sizes to time (default 10,100,1000,10000).
      --runs N       Timed runs per figure, after one warm-up; the median is shown (default 5).
      --dir DIR      Where the archives are generated and kept (default $TMPDIR/stepchange-bench).
      -h, --help     Show this help.

    """
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    if flag == "--help" || flag == "-h" {
        let bytes = Array(usage.utf8)
        let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        exit(written == bytes.count ? 0 : 1)
    }
    guard ["--sizes", "--runs", "--dir"].contains(flag) else {
        complain("stepchange-bench: unknown option \(flag); options: --sizes, --runs, --dir, --help\n")
        exit(2)
    }
    guard let value = arguments.first else {
        complain("stepchange-bench: \(flag) needs a value\n")
        exit(2)
    }
    arguments.removeFirst()
    switch flag {
    case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 1 }
    case "--runs": runs = max(1, Int(value) ?? runs)
    case "--dir": workDirectory = URL(fileURLWithPath: value)
    default: break
    }
}

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepchange")
guard FileManager.default.isExecutableFile(atPath: executable.path) else {
    complain("stepchange-bench: no stepchange binary next to the benchmark; run `swift run -c release stepchange-bench`\n")
    exit(1)
}
/// Writes to stderr with write(2): a failed write (a full disk, a closed pipe) is ignored, never a trap.
func complain(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

func log(_ text: String) { complain(text + "\n") }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func cell(_ result: Result<Double, BenchFailure>, floor: Double?) -> String {
    switch result {
    case .success(let seconds):
        guard let floor, floor > 0 else { return ms(seconds) }
        return ms(seconds) + String(format: " (%.1f×)", seconds / floor)
    case .failure(let failure): return "failed (exit \(failure.status))"
    }
}

let archive = SyntheticArchive()
let largest = sizes.max() ?? 10
let all = workDirectory.appendingPathComponent("archive-\(largest)")
log("Generating \(largest) synthetic sessions in \(all.path) (kept between runs)…")
try archive.write(count: largest, to: all)
let timer = CommandTimer(executable: executable)
let output = workDirectory.appendingPathComponent("export.html").path

print("stepchange benchmark — release build, median of \(runs) runs after one warm-up, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("Each session: 8–12 participants, \(Framework.childPoverty.itemIDs.count) items, 2 rounds, 6 statements, 15 actions, 4 reviews.")
print("")
print("| sessions | read all bytes (floor) | `sessions` | `show` | `compare` | `export --format html` | autosave (fsync) |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for size in sizes.sorted() {
    let directory = workDirectory.appendingPathComponent("archive-\(size)-of-\(largest)")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = SessionStore(directory: directory)
    var ids: [String] = []
    for index in 0..<size {
        let id = archive.session(index).id
        ids.append(id)
        link(all.appendingPathComponent(id + ".json").path, store.url(for: id).path)
    }
    let files = try store.sessionFiles()
    // Linking changes every file's ctime; the listing checks files changed in the last second by checksum
    // until they settle. Wait that second out so the table shows an archive at rest, as users have it.
    Thread.sleep(forTimeInterval: 1.2)
    let floor = Stopwatch.median(runs: runs) {
        for file in files { _ = try? Data(contentsOf: file) }
    }
    let sessionsDir = "--sessions=\(directory.path)"
    let list = try timer.time(["sessions", sessionsDir], runs: runs)
    let show = try timer.time(["show", ids[0], sessionsDir], runs: runs)
    let compare = try timer.time(["compare", ids[1], ids[0], sessionsDir], runs: runs)
    let export = try timer.time(["export", ids[0], "--format", "html", "--output", output, "--force", sessionsDir], runs: runs)
    let saveDirectory = workDirectory.appendingPathComponent("autosave")
    try FileManager.default.createDirectory(at: saveDirectory, withIntermediateDirectories: true)
    let session = try store.load(ids[0]).session
    let saveStore = SessionStore(directory: saveDirectory)
    let save = Stopwatch.median(runs: max(runs, 20)) { try? saveStore.save(session) }
    let encode = Stopwatch.median(runs: max(runs, 20)) { _ = SessionCodec.encode(session) }
    print("| \(size) | \(ms(floor)) | \(cell(list, floor: floor)) | \(cell(show, floor: nil)) | \(cell(compare, floor: nil)) | \(cell(export, floor: nil)) | \(ms(save)) (encoding \(ms(encode))) |")
}

let help = try timer.time(["--help"], runs: max(runs, 10))
print("")
print("`stepchange --help`: \(cell(help, floor: nil))")

log("Generating the oversized session…")
var oversizedShape = SyntheticArchive.Shape()
oversizedShape.participants = 60...60
oversizedShape.rounds = 5
oversizedShape.framework = SyntheticArchive.largeFramework(headings: 10, itemsPerHeading: 10)
let oversizedDirectory = workDirectory.appendingPathComponent("oversized")
try? FileManager.default.removeItem(at: oversizedDirectory)
try SyntheticArchive(shape: oversizedShape).write(count: 2, to: oversizedDirectory)
let oversizedFiles = try SessionStore(directory: oversizedDirectory).sessionFiles()
let oversizedIDs = oversizedFiles.map { $0.deletingPathExtension().lastPathComponent }
let size = (try? FileManager.default.attributesOfItem(atPath: oversizedFiles[0].path)[.size] as? Int) ?? 0
print("")
print("Oversized session (60 participants, 100 items, 5 rounds; \(size / 1024) KiB on disk):")
print("")
print("| command | time |")
print("|---|---:|")
let dir = "--sessions=\(oversizedDirectory.path)"
let oversizedCommands: [[String]] = [
    ["sessions", dir],
    ["show", oversizedIDs[0], dir],
    ["check", oversizedIDs[0], dir],
    ["compare", oversizedIDs[1], oversizedIDs[0], dir],
    ["export", oversizedIDs[0], "--format", "markdown", dir],
    ["export", oversizedIDs[0], "--format", "html", "--output", output, "--force", dir],
    ["export", oversizedIDs[0], "--format", "docx", "--output", workDirectory.appendingPathComponent("export.docx").path, "--force", dir],
    ["export", oversizedIDs[0], "--format", "csv", "--part", "actions", dir],
    ["export", oversizedIDs[0], "--format", "json", dir],
    ["review", oversizedIDs[0], "--action", "A1.1", "--status", "on-track", "--reviewer", "Bench", "--date", "2026-11-23", dir],
]
for command in oversizedCommands {
    let label = "`" + command.filter { !$0.hasPrefix("--sessions") }.map { $0.hasPrefix("/") ? "FILE" : $0 }.joined(separator: " ")
        .replacingOccurrences(of: oversizedIDs[0], with: "SESSION").replacingOccurrences(of: oversizedIDs[1], with: "OLD") + "`"
    print("| \(label) | \(cell(try timer.time(command, runs: runs), floor: nil)) |")
}
