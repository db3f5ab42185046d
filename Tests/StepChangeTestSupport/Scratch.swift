import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder this test process keeps its temporary files in (`$TMPDIR/stepchange-tests/run-PID`),
/// removed when the process ends; folders left by test processes that are gone (a crash, a kill) are
/// removed when the next one starts. Tests create their own folders and files inside it.
public enum Scratch {
    public static let root: URL = {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stepchange-tests")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix("run-") {
            guard let pid = Int32(name.dropFirst("run-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
        let root = base.appendingPathComponent("run-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A path inside the folder, for a file or folder the test creates.
    public static func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// A new, empty folder inside it, named `prefix` and a random suffix.
    public static func folder(_ prefix: String) throws -> URL {
        let url = url(prefix + "-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
