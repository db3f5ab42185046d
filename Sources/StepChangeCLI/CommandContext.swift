import Foundation
import StepChangeKit

/// What a command may touch: the terminal, the environment, the working directory and the clock.
/// Built once by `StepChangeCLI.main`; tests build their own.
public final class CommandContext: @unchecked Sendable {
    public let terminal: Terminal
    public let environment: [String: String]
    public let currentDirectory: URL
    public let time: TimeSource
    /// The user's time zone: "today" (new session ids, the default review date) is a day on its calendar.
    /// Looked up only when needed: finding the system's zone costs a quarter of a millisecond at start-up,
    /// and most commands never ask.
    public var timeZone: TimeZone { givenTimeZone ?? .current }
    private let givenTimeZone: TimeZone?
    public var colour: Bool
    /// The words that start stepchange again from this shell (see `ProgramName`), used in every
    /// command the program prints for the user to run next.
    public let program: String
    /// Set once a command has told the user about a failed write to stdout or stderr itself, so
    /// `StepChangeCLI.main` does not say it twice.
    public var reportedOutputFailure = false

    public init(terminal: Terminal, environment: [String: String], currentDirectory: URL, time: TimeSource = SystemTime(),
                timeZone: TimeZone? = nil, program: String = "stepchange") {
        self.terminal = terminal
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.time = time
        givenTimeZone = timeZone
        self.program = program
        self.colour = terminal.isOutputTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    public var style: Style { Style(enabled: colour) }

    /// A stepchange command line as the user can run it from here, e.g. `command("review ID")`.
    public func command(_ arguments: String) -> String { program + " " + arguments }

    /// Today's date on the user's calendar, as `YYYY-MM-DD`.
    public var today: String { DayDate.string(from: time.now, in: timeZone) }

    /// Resolves a path the user typed against the working directory.
    public func url(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] {
            return URL(fileURLWithPath: home + path.dropFirst()).standardizedFileURL
        }
        return currentDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// The sessions directory: `--sessions`, then `$STEPCHANGE_SESSIONS`, then `./Sessions`.
    public func sessionStore(_ invocation: Invocation) -> SessionStore {
        SessionStore(directory: invocation.value("sessions").map(url) ?? defaultSessionsDirectory)
    }

    /// Where sessions are kept when no --sessions is given: `$STEPCHANGE_SESSIONS` when set (and not
    /// empty), otherwise `./Sessions`.
    public var defaultSessionsDirectory: URL {
        url(environment["STEPCHANGE_SESSIONS"].flatMap { $0.isEmpty ? nil : $0 } ?? "Sessions")
    }

    /// Built-in frameworks, then `./Frameworks`, then `--frameworks DIR` and `$STEPCHANGE_FRAMEWORKS`.
    public func frameworkCatalog(_ invocation: Invocation) -> FrameworkCatalog {
        var directories = [url("Frameworks")]
        if let extra = environment["STEPCHANGE_FRAMEWORKS"], !extra.isEmpty {
            directories += extra.split(separator: ":").map { url(String($0)) }
        }
        directories += invocation.values("frameworks").map { url($0) }
        var seen = Set<String>()
        var files: [(path: String, data: Data)] = []
        for directory in directories where seen.insert(directory.path).inserted {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let file = directory.appendingPathComponent(name)
                if case .success(let data) = BoundedFile.read(file.path, limit: FrameworkReader.maximumSize) { files.append((displayPath(file), data)) }
            }
        }
        return FrameworkCatalog(files: files)
    }

    /// A framework named by id, or by a path to a framework file.
    public func framework(_ reference: String, _ invocation: Invocation) throws(StepChangeError) -> (framework: Framework, source: FrameworkSource) {
        if reference.contains("/") || reference.hasSuffix(".json") {
            let data = try readFile(reference, limit: FrameworkReader.maximumSize, what: "a framework file",
                                    hint: "Check the path, or give a framework id (see `stepchange frameworks`).")
            return (try FrameworkReader.read(data, source: reference), .file(reference))
        }
        let catalog = frameworkCatalog(invocation)
        let entry = try catalog.framework(id: reference)
        if let notice = catalog.overrideNotice(id: entry.framework.id) { terminal.writeErrorLine("note: " + notice) }
        return (entry.framework, entry.source)
    }

    /// The bytes of a file the user named, read only once it is known to be a regular file within
    /// `limit` bytes (`BoundedFile`), so a huge file, a device or a pipe is refused before any reading.
    public func readFile(_ path: String, limit: Int, what: String, hint: String? = nil) throws(StepChangeError) -> Data {
        switch BoundedFile.read(url(path).path, limit: limit) {
        case .success(let data):
            return data
        case .failure(.unreadable):
            throw StepChangeError(.input, "Cannot read \(path): no such file, or it is not readable.", hint: hint)
        case .failure(let failure):
            throw StepChangeError(.input, BoundedFile.message(failure, name: path, what: what, limit: limit),
                                  hint: "Check that this is the right file. Nothing was changed.")
        }
    }

    /// A path as the user would like to see it: relative to the working directory when inside it.
    public func displayPath(_ url: URL) -> String {
        let base = currentDirectory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }

    /// The width to wrap text to: the terminal window's width (TIOCGWINSZ), else $COLUMNS when set and
    /// sensible, else 80. At most 120 columns, so long lines stay readable on a wide screen.
    public var width: Int {
        if let columns = terminal.columns, columns >= 20 { return min(columns, 120) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return min(columns, 120) }
        return 80
    }
}

/// Terminal emphasis that disappears entirely when colour is off (pipes, NO_COLOR, TERM=dumb).
public struct Style: Sendable {
    public var enabled: Bool

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func blue(_ text: String) -> String { wrap(text, "34") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
