import Foundation
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

// stepchange-bench: generates synthetic session archives and sessions and times stepchange's commands
// on them, every figure beside its floor measured in the same run (alternating, so both see the same load).

let usage = """
usage: stepchange-bench [--sizes 10,100,1000,10000] [--runs 5] [--dir PATH]
       stepchange-bench room   (the room under load: see RoomBenchmark)

Times the release `stepchange` built next to it (run `swift run -c release stepchange-bench`):
  - `sessions` on archives of each size, cold (no index), stale (every file touched) and warm, beside `cat` of the same files;
  - every single-session command on a 1.9 MB session (200 items, 12 people, 3 rounds, 30 statements,
    100 actions with 20 updates each), beside `cat` of that file;
  - autosave after a real changed answer, beside the disk floor (write, fsync, rename, directory fsync
    of the same bytes);
  - the first answer after starting `run` on a 1.9 MB session and on a 1,000-item session.
Generated archives are kept in --dir (default $TMPDIR/stepchange-bench) and reused: each archive has files
of its own, so listing one never invalidates another's index.

  --sizes LIST   archive sizes to list (default 10,100,1000,10000)
  --runs N       timed runs per figure, after one warm-up; the median is shown (default 5)
  --dir PATH     where archives and sessions are generated
  --help         this text

"""

// The benchmark saves sessions in-process, so it runs with the same heap settings as stepchange.
HeapSettings.keepFreedMemory()

// `stepchange-bench room`: the room under load (see RoomBenchmark), then exit.
if CommandLine.arguments.dropFirst().first == "room" {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepchange")
    exit(RoomBenchmark.run(executable: binary, directory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stepchange-bench-room")))
}

var sizes = [10, 100, 1_000, 10_000]
var runs = 5
var workDirectory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stepchange-bench")
var arguments = Array(CommandLine.arguments.dropFirst())
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
        complain("stepchange-bench: \(flag) needs a value (see --help)\n")
        exit(2)
    }
    arguments.removeFirst()
    switch flag {
    case "--sizes":
        sizes = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 1 }
        guard !sizes.isEmpty else {
            complain("stepchange-bench: --sizes needs archive sizes above 1, such as 10,100\n")
            exit(2)
        }
    case "--runs":
        guard let number = Int(value), number >= 1 else {
            complain("stepchange-bench: --runs needs a whole number of 1 or more, not \(value)\n")
            exit(2)
        }
        runs = number
    case "--dir": workDirectory = URL(fileURLWithPath: value)
    default: break
    }
}

/// Writes to stderr with write(2): a failed write (a full disk, a closed pipe) is ignored, never a trap.
func complain(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepchange")
guard FileManager.default.isExecutableFile(atPath: executable.path) else {
    complain("stepchange-bench: no stepchange binary next to the benchmark; run `swift run -c release stepchange-bench`\n")
    exit(1)
}

func log(_ text: String) { complain(text + "\n") }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func ratio(_ seconds: Double, _ floor: Double) -> String { floor > 0 ? String(format: "%.2f×", seconds / floor) : "–" }
func cell(_ result: Result<Double, BenchFailure>) -> String {
    switch result {
    case .success(let seconds): ms(seconds)
    case .failure(let failure): "failed (exit \(failure.status))"
    }
}

/// Times a stepchange command and a floor program alternately; both medians.
@MainActor func paired(_ command: [String], floor: (path: String, arguments: [String]), stdin: String = "/dev/null",
            prepare: () throws -> Void = {}) throws -> (command: Double, floor: Double, status: Int32) {
    try prepare()
    let status = try timer.run(command, stdin: stdin)
    let (a, b) = try Stopwatch.paired(runs: runs, prepare: prepare) {
        try timer.run(command, stdin: stdin)
    } against: {
        try CommandTimer.spawn(floor.path, floor.arguments)
    }
    return (a, b, status)
}

let timer = CommandTimer(executable: executable)
let cat = FileManager.default.isExecutableFile(atPath: "/usr/bin/cat") ? "/usr/bin/cat" : "/bin/cat"
try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)

print("stepchange benchmark — release build, median of \(runs) runs after one warm-up; each figure and its floor timed alternately in the same run.")
print("Machine: \(Machine.description)")
print("")

// MARK: Listing

let archive = SyntheticArchive()
let largest = sizes.max() ?? 10
let source = workDirectory.appendingPathComponent("archive-\(largest)")
log("Generating \(largest) synthetic sessions in \(source.path) (kept between runs)…")
try archive.write(count: largest, to: source)
print("Archives: sessions of \(Framework.childPoverty.itemIDs.count) items, 8–12 participants, 2 rounds, 6 statements, 15 actions, 4 reviews (~126 KB each).")
print("Cold = no index (removed before each run); stale = an index whose every entry has a changed stamp (each file touched")
print("before each run, as after copying an archive with its index); warm = the index the previous run left. Peak memory is the cold run's.")
print("")
print("| sessions | `cat` of the files (floor) | cold `sessions` | cold ÷ floor | stale `sessions` | stale ÷ floor | warm `sessions` | warm ÷ floor | peak memory (cold) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for size in sizes.sorted() {
    // Each archive has its own copies (own inodes): a hard link would change the shared inode's ctime
    // and so invalidate the index of every other archive holding it.
    let directory = size == largest ? source : workDirectory.appendingPathComponent("archive-\(size)")
    var fresh = false
    if size != largest {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<size {
            let name = archive.session(index).id + ".json"
            let target = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            try Data(contentsOf: source.appendingPathComponent(name)).write(to: target)
            fresh = true
        }
    }
    let files = try SessionStore(directory: directory).sessionFiles().map(\.path)
    if fresh || size == largest {
        // Files changed within the last second are checked by checksum until they settle; wait that out.
        Thread.sleep(forTimeInterval: 1.2)
    }
    let indexPath = directory.appendingPathComponent(SessionIndex.fileName).path
    let command = ["sessions", "--sessions=\(directory.path)"]
    guard files.joined().utf8.count < 1_500_000 else {
        log("Skipping \(size): too many files to pass to cat in one command line.")
        continue
    }
    CommandTimer.peakKilobytes = 0
    let cold = try paired(command, floor: (cat, files)) { unlink(indexPath) }
    let peak = CommandTimer.peakKilobytes
    let stale = try paired(command, floor: (cat, files)) { for file in files { utimes(file, nil) } }
    // Let the touched files settle so the warm run trusts every entry on its stamp.
    Thread.sleep(forTimeInterval: 1.2)
    _ = try timer.run(command, stdin: "/dev/null")
    let warm = try paired(command, floor: (cat, files))
    guard cold.status == 0, stale.status == 0, warm.status == 0 else { print("| \(size) | `sessions` failed (exit \(max(cold.status, stale.status, warm.status))) |"); continue }
    print("| \(size) | \(ms(cold.floor)) | \(ms(cold.command)) | \(ratio(cold.command, cold.floor)) | \(ms(stale.command)) | \(ratio(stale.command, stale.floor)) | \(ms(warm.command)) | \(ratio(warm.command, warm.floor)) | \(peak / 1024) MiB |")
}

// MARK: One large session

log("Generating the 1.9 MB session and the 1,000-item session…")
var largeShape = SyntheticArchive.Shape()
largeShape.participants = 12...12
largeShape.rounds = 3
largeShape.statements = 30
largeShape.actions = 100
largeShape.reviews = 20
largeShape.noteDetail = " Referrals rose in two localities; the data-sharing agreement is signed and the first joint case reviews are booked for next quarter."
largeShape.framework = SyntheticArchive.largeFramework(headings: 20, itemsPerHeading: 10)
let largeDirectory = workDirectory.appendingPathComponent("large")
try? FileManager.default.removeItem(at: largeDirectory)
try SyntheticArchive(shape: largeShape).write(count: 2, to: largeDirectory)
let largeStore = SessionStore(directory: largeDirectory)
let largeFiles = try largeStore.sessionFiles()
let largeIDs = largeFiles.map { $0.deletingPathExtension().lastPathComponent }
let largeSize = (try? FileManager.default.attributesOfItem(atPath: largeFiles[0].path)[.size] as? Int) ?? 0
let output = workDirectory.appendingPathComponent("export").path
print("")
print(String(format: "Single-session commands on a %.1f MB session (200 items × 12 people × 3 rounds, 30 statements, 100 actions × 20 updates); target < 50 ms each.", Double(largeSize) / 1e6))
print("Floor: `cat` of the session file (a process start plus reading the bytes).")
print("")
print("| command | time | `cat` floor |")
print("|---|---:|---:|")
let dir = "--sessions=\(largeDirectory.path)"
let largeCommands: [[String]] = [
    ["show", largeIDs[0], dir],
    ["check", largeIDs[0], dir],
    ["compare", largeIDs[1], largeIDs[0], dir],
    ["export", largeIDs[0], "--format", "markdown", dir],
    ["export", largeIDs[0], "--format", "markdown", "--part", "actions", dir],
    ["export", largeIDs[0], "--format", "html", "--output", output + ".html", "--force", dir],
    ["export", largeIDs[0], "--format", "docx", "--output", output + ".docx", "--force", dir],
    ["export", largeIDs[0], "--format", "csv", "--part", "actions", dir],
    ["export", largeIDs[0], "--format", "json", dir],
]
for command in largeCommands {
    let label = "`" + command.filter { !$0.hasPrefix("--sessions") && !$0.hasPrefix("/") && $0 != "--output" && $0 != "--force" }.joined(separator: " ")
        .replacingOccurrences(of: largeIDs[0], with: "SESSION").replacingOccurrences(of: largeIDs[1], with: "OLD") + "`"
    let timed = try paired(command, floor: (cat, [largeFiles[0].path]))
    print("| \(label) | \(timed.status == 0 ? ms(timed.command) : "failed (exit \(timed.status))") | \(ms(timed.floor)) |")
}

// MARK: Autosave

/// A session in the middle of assessing: the first half of its items agreed, the rest not yet scored.
func midAssessment(_ session: Session) -> Session {
    var session = session
    session.stage = .assessing
    for index in session.assessments.indices where index >= session.assessments.count / 2 {
        session.assessments[index].rounds = []
        session.assessments[index].consensus = nil
        session.assessments[index].completedAt = nil
    }
    return session
}

var thousandShape = SyntheticArchive.Shape()
thousandShape.participants = 8...8
thousandShape.framework = SyntheticArchive.largeFramework(headings: 50, itemsPerHeading: 20)
let thousand = SyntheticArchive(shape: thousandShape).session(0)
let small = archive.session(0)
let large = try largeStore.load(largeIDs[0]).session
print("")
print("Autosave after a changed answer (one score changed, then `SessionStore.save`: encode, write, fsync, rename,")
print("directory fsync), beside the disk floor: the same steps for the same bytes, already encoded. Target ≤ 1.2× at every size.")
print("")
print("| session | bytes | autosave | disk floor | ratio |")
print("|---|---:|---:|---:|---:|")
let saveDirectory = workDirectory.appendingPathComponent("autosave")
try? FileManager.default.removeItem(at: saveDirectory)
try FileManager.default.createDirectory(at: saveDirectory, withIntermediateDirectories: true)
let saveStore = SessionStore(directory: saveDirectory)
for (label, original) in [("126 KB (archive session)", small), ("1.9 MB (200 items)", large), ("1,000 items", thousand)] {
    var session = original
    var turn = 0
    let values = session.framework.scale.values
    let floorURL = saveDirectory.appendingPathComponent("floor.json")
    var bytes = SessionCodec.encode(session)
    try saveStore.save(session)
    let (save, floor) = try Stopwatch.paired(runs: max(runs, 30)) {
        // A real answer: one participant's score on one item changes, as at a prompt.
        turn += 1
        let item = turn % session.assessments.count
        if !session.assessments[item].rounds.isEmpty, !session.assessments[item].rounds[0].scores.isEmpty {
            session.assessments[item].rounds[0].scores[0].score = .value(values[turn % values.count])
        }
        session.updatedAt = Date(timeIntervalSince1970: 1_793_491_200 + Double(turn))
        try saveStore.save(session)
    } against: {
        try DurableFile.write(bytes, to: floorURL)
    }
    bytes = SessionCodec.encode(session)
    print("| \(label) | \(bytes.count) | \(ms(save)) | \(ms(floor)) | \(ratio(save, floor)) |")
}

// MARK: First answer

print("")
print("First answer after start: `stepchange run SESSION` on a session mid-assessment, one line of scores on stdin,")
print("then end of input — start, load, lock, first prompt, the answer saved durably, exit. Target < 16 ms.")
print("The session file is restored (untimed) before each run. Floor: `stepchange --version`-like start-up (`stepchange --help`).")
print("")
print("| session | first answer | process start floor |")
print("|---|---:|---:|")
let runDirectory = workDirectory.appendingPathComponent("first-answer")
try? FileManager.default.removeItem(at: runDirectory)
try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
let runStore = SessionStore(directory: runDirectory)
for (label, original) in [("1.9 MB (200 items)", large), ("1,000 items", thousand)] {
    let session = midAssessment(original)
    let bytes = SessionCodec.encode(session)
    let url = runStore.url(for: session.id)
    let answer = runDirectory.appendingPathComponent("answer.txt")
    try Data((Array(repeating: String(session.framework.scale.values[1]), count: session.participants.count).joined(separator: " ") + "\n").utf8).write(to: answer)
    let restore = { try bytes.write(to: url) }
    try restore()
    let status = try timer.run(["run", session.id, "--sessions=\(runDirectory.path)"], stdin: answer.path)
    let (first, start) = try Stopwatch.paired(runs: runs, prepare: restore) {
        try timer.run(["run", session.id, "--sessions=\(runDirectory.path)"], stdin: answer.path)
    } against: {
        try timer.run(["--help"])
    }
    print("| \(label) | \(status == 0 ? ms(first) : "exit \(status): " + ms(first)) | \(ms(start)) |")
}
