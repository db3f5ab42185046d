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

    /// The median duration in seconds of `runs` runs of `work`, after one warm-up run; `prepare` runs
    /// untimed before each (to remove an index, change an answer).
    static func median(runs: Int, prepare: () throws -> Void = {}, _ work: () throws -> Void) rethrows -> Double {
        try prepare()
        try work()
        var times: [Double] = []
        for _ in 0..<runs {
            try prepare()
            let start = now()
            try work()
            times.append(now() - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Medians of two pieces of work timed alternately, so both see the same machine load.
    static func paired(runs: Int, prepare: () throws -> Void = {}, _ first: () throws -> Void,
                       against second: () throws -> Void) rethrows -> (Double, Double) {
        try prepare(); try first(); try second()
        var a: [Double] = [], b: [Double] = []
        for _ in 0..<runs {
            try prepare()
            var start = now()
            try first()
            a.append(now() - start)
            try prepare()
            start = now()
            try second()
            b.append(now() - start)
        }
        a.sort(); b.sort()
        return (a[a.count / 2], b[b.count / 2])
    }
}

/// Runs the release `stepchange` binary built next to the benchmark, as a user would.
struct CommandTimer {
    let executable: URL
    /// The largest resident set (KiB) of any program run since it was last set to 0.
    nonisolated(unsafe) static var peakKilobytes = 0
    static let environment: [String] = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=" + NSTemporaryDirectory()]

    /// Runs stepchange once with stdin/stdout/stderr on /dev/null; returns its exit status.
    /// Uses posix_spawn directly: Foundation's Process adds tens of milliseconds on Linux,
    /// which would swamp the figures being measured.
    @discardableResult
    func run(_ arguments: [String], stdin: String = "/dev/null") throws -> Int32 {
        try Self.spawn(executable.path, arguments, stdin: stdin)
    }

    /// Runs any program the same way (the benchmark's floors: `cat` of the same files).
    @discardableResult
    static func spawn(_ path: String, _ arguments: [String], stdin: String = "/dev/null") throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, fd == STDIN_FILENO ? stdin : "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        argv.append(nil)
        var envp: [UnsafeMutablePointer<CChar>?] = Self.environment.map { strdup($0) }
        envp.append(nil)
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchFailure(status: spawned, command: arguments.joined(separator: " ")) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        peakKilobytes = max(peakKilobytes, Int(usage.ru_maxrss))
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Median seconds for a command, or the exit status when it fails.
    func time(_ arguments: [String], runs: Int, stdin: String = "/dev/null", prepare: () throws -> Void = {}) throws -> Result<Double, BenchFailure> {
        try prepare()
        let status = try run(arguments, stdin: stdin)
        guard status == 0 else { return .failure(BenchFailure(status: status, command: arguments.joined(separator: " "))) }
        return .success(try Stopwatch.median(runs: runs, prepare: prepare) { try run(arguments, stdin: stdin) })
    }
}

/// A command that did not succeed during the benchmark.
struct BenchFailure: Error {
    var status: Int32
    var command: String
}
