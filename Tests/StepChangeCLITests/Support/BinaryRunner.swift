import Foundation
import StepChangeTestSupport

/// Runs the built `stepchange` executable as a user would: arguments, stdin, environment and working
/// directory in; stdout, stderr and exit status out.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output exactly as written (the `stdout` text loses a leading byte-order mark).
        var stdoutBytes = Data()
    }

    /// The package root, found from this file's location.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built binary: the one `STEPCHANGE_TEST_BINARY` names (CI runs the end-to-end suites again on the
    /// statically linked release build that way), else the one next to the test bundle, or in .build/debug.
    static let executable: URL = {
        if let named = ProcessInfo.processInfo.environment["STEPCHANGE_TEST_BINARY"], !named.isEmpty {
            return URL(fileURLWithPath: named, relativeTo: packageRoot).standardizedFileURL
        }
        return built("stepchange")
    }()

    /// A product built with the tests (the benchmark, say): next to the test bundle, or in .build/debug.
    static func built(_ name: String) -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
            packageRoot.appendingPathComponent(".build/debug/" + name),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// Where a binary built with `--enable-code-coverage` writes its profile: a folder of its own, never
    /// the working directory (whose listing tests check) nor the test run's coverage folder, where a
    /// profile cut short by a test (a file-size limit, SIGKILL) would stop `swift test` merging the rest.
    static let profileFile: String = FileManager.default.temporaryDirectory
        .appendingPathComponent("stepchange-coverage/stepchange-%p.profraw").path

    /// Runs stepchange and waits for it. stdin is the given text (closed afterwards, so EOF follows).
    static func run(_ arguments: [String], stdin: String = "", in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: directory, environment: environment)
        // A command that refuses at once (a damaged file) has closed its input before this is written:
        // the write then fails with EPIPE instead of killing the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try? process.input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try? process.input.fileHandleForWriting.close()
        return process.wait()
    }

    /// A running stepchange process, for tests that interrupt it.
    final class Running {
        let process: Process
        let input: Pipe
        let outputFile: URL
        let errorFile: URL

        init(process: Process, input: Pipe, outputFile: URL, errorFile: URL) {
            self.process = process
            self.input = input
            self.outputFile = outputFile
            self.errorFile = errorFile
        }

        /// The scratch folder holding the captured output goes with the process record, so test runs
        /// do not leave a folder per run behind in the temporary directory.
        deinit {
            try? FileManager.default.removeItem(at: outputFile.deletingLastPathComponent())
        }

        func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        var stdoutSoFar: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }

        var stderrSoFar: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

        func wait() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "",
                          stdoutBytes: (try? Data(contentsOf: outputFile)) ?? Data())
        }
    }

    /// The environment stepchange runs in under test: the built binary's folder first on PATH, so it is
    /// started by name as an installed stepchange is and the commands it prints begin `stepchange`.
    static var environment: [String: String] {
        ["PATH": executable.deletingLastPathComponent().path + ":/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
         "LLVM_PROFILE_FILE": profileFile]
    }

    /// `/usr/bin/env`, which starts `stepchange` by name from `environment`'s PATH: give it
    /// `["stepchange"] + arguments`.
    static let byName = URL(fileURLWithPath: "/usr/bin/env")

    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = byName
        process.arguments = ["stepchange"] + arguments
        var env = Self.environment
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = directory ?? Scratch.root
        let input = Pipe()
        let scratch = try Scratch.folder("stepchange-run")
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, input: input, outputFile: out, errorFile: err)
    }
}

/// A fresh empty directory for one test.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    try Scratch.folder(name.filter { $0.isLetter || $0.isNumber })
}
