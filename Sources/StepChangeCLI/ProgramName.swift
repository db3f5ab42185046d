import Foundation

/// How to start stepchange again from the same shell, for the commands the program prints
/// ("Resume with: …", "Next: …"): the name on PATH, `swift run stepchange` when started by
/// `swift run` in the package, or the path it was started by.
public enum ProgramName {
    /// The words that start stepchange, derived from `argv[0]` and the working directory:
    /// `stepchange` when found on PATH (no `/` in argv[0]); `swift run stepchange` (with `-c release`
    /// for a release build) when it is the package's own build under `./.build` started by its full
    /// path, as `swift run` does; otherwise the path as typed, quoted for the shell when needed.
    public static func command(argv0: String, currentDirectory: URL) -> String {
        guard argv0.contains("/") else { return argv0.isEmpty ? "stepchange" : ShellQuoting.quoted(argv0) }
        let name = URL(fileURLWithPath: argv0).lastPathComponent
        if argv0.hasPrefix("/") {
            let build = currentDirectory.standardizedFileURL.path + "/.build/"
            let path = URL(fileURLWithPath: argv0).standardizedFileURL.path
            if path.hasPrefix(build),
               FileManager.default.fileExists(atPath: currentDirectory.appendingPathComponent("Package.swift").path) {
                let release = path.dropFirst(build.count).split(separator: "/").contains("release")
                return "swift run " + (release ? "-c release " : "") + ShellQuoting.quoted(name)
            }
        }
        return ShellQuoting.quoted(argv0)
    }
}
