import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing for the benchmark: the median of several runs of a piece of work.
enum Stopwatch {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The median duration in seconds of `runs` runs of `work`, after one warm-up run.
    static func median(runs: Int, _ work: () throws -> Void) rethrows -> Double {
        try work()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = now()
            try work()
            times.append(now() - start)
        }
        times.sort()
        return times[times.count / 2]
    }
}

/// Runs the release `stepchange` binary built next to the benchmark, as a user would.
struct CommandTimer {
    let executable: URL
    static let environment: [String] = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=" + NSTemporaryDirectory()]

    /// Runs stepchange once with stdin/stdout/stderr on /dev/null; returns its exit status.
    /// Uses posix_spawn directly: Foundation's Process adds tens of milliseconds on Linux,
    /// which would swamp the figures being measured.
    @discardableResult
    func run(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) }
        argv.append(nil)
        var envp: [UnsafeMutablePointer<CChar>?] = Self.environment.map { strdup($0) }
        envp.append(nil)
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchFailure(status: spawned, command: arguments.joined(separator: " ")) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Median seconds for a command, or nil with the exit status when it fails.
    func time(_ arguments: [String], runs: Int) throws -> Result<Double, BenchFailure> {
        let status = try run(arguments)
        guard status == 0 else { return .failure(BenchFailure(status: status, command: arguments.joined(separator: " "))) }
        return .success(try Stopwatch.median(runs: runs) { try run(arguments) })
    }
}

/// A command that did not succeed during the benchmark.
struct BenchFailure: Error {
    var status: Int32
    var command: String
}
