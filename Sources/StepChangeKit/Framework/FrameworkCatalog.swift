import Foundation

/// Where a framework came from: compiled into stepchange, or a file on disk.
public enum FrameworkSource: Equatable, Sendable, CustomStringConvertible {
    case builtIn
    case file(String)

    public var description: String {
        switch self {
        case .builtIn: "built-in"
        case .file(let path): path
        }
    }
}

/// The frameworks a facilitator can choose from: the built-in ones first, then files found in the
/// framework directories. A file identical to a framework already found is the same framework; a file
/// under a built-in framework's id replaces the built-in one (an adapted copy), with a notice; two
/// different files under one id are a clash, reported with both sources.
public struct FrameworkCatalog: Sendable {
    /// A framework with the place it was found.
    public struct Entry: Sendable {
        public var framework: Framework
        public var source: FrameworkSource
    }

    /// Two different frameworks claiming one id.
    public struct Clash: Sendable, Equatable {
        public var id: String
        public var first: FrameworkSource
        public var second: FrameworkSource
    }

    /// A framework file used instead of the built-in framework with the same id.
    public struct Override: Sendable, Equatable {
        public var id: String
        public var source: FrameworkSource

        /// The notice shown wherever the replacement is listed or used.
        public var notice: String {
            "\(source) replaces the built-in framework \"\(id)\" (it uses the same id); give the file another id to use both."
        }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var clashes: [Clash] = []
    /// Built-in frameworks replaced by a file with the same id.
    public private(set) var overrides: [Override] = []
    /// Files in the framework directories that could not be read as frameworks.
    public private(set) var invalidFiles: [StepChangeError] = []

    /// The frameworks compiled into stepchange.
    public static let builtIns: [Framework] = [.childPoverty, .childPovertySurvey]

    /// Builds the catalog from the built-in frameworks and the framework files' contents, in search order.
    public init(builtIns: [Framework] = FrameworkCatalog.builtIns, files: [(path: String, data: Data)]) {
        self.builtIns = builtIns
        for framework in builtIns { add(framework, from: .builtIn) }
        for file in files {
            do {
                add(try FrameworkReader.read(file.data, source: file.path), from: .file(file.path))
            } catch {
                invalidFiles.append(error)
            }
        }
    }

    private let builtIns: [Framework]

    private mutating func add(_ framework: Framework, from source: FrameworkSource) {
        // A copy of a built-in framework (such as the shipped Frameworks/child-poverty.json) is that framework.
        if source != .builtIn, builtIns.contains(framework) { return }
        if let index = entries.firstIndex(where: { $0.framework.id == framework.id }) {
            let existing = entries[index]
            if existing.source == .builtIn, existing.framework != framework {
                entries[index] = Entry(framework: framework, source: source)
                overrides.append(Override(id: framework.id, source: source))
                return
            }
            if existing.framework != framework, !clashes.contains(where: { $0.id == framework.id && $0.second == source }) {
                clashes.append(Clash(id: framework.id, first: existing.source, second: source))
            }
            return
        }
        entries.append(Entry(framework: framework, source: source))
    }

    /// The notice for a framework file that replaces a built-in one, if `id` names such a file.
    public func overrideNotice(id: String) -> String? {
        overrides.first { $0.id == id && !clashes.contains(where: { $0.id == id }) }?.notice
    }

    /// The frameworks, other than `framework` as found in `file` (a path as the catalog shows it), that
    /// use its id with different content: the built-in one it replaces, or other files it clashes with.
    public func others(sharingIDWith framework: Framework, in file: String) -> [FrameworkSource] {
        // A copy of a built-in framework is that framework: whatever replaces it is reported where it is used.
        if builtIns.contains(framework) { return [] }
        var sources: [FrameworkSource] = []
        if builtIns.contains(where: { $0.id == framework.id }) { sources.append(.builtIn) }
        for entry in entries where entry.framework.id == framework.id && entry.source != .builtIn && entry.framework != framework {
            sources.append(entry.source)
        }
        for clash in clashes where clash.id == framework.id { sources += [clash.first, clash.second] }
        var seen = Set<String>()
        return sources.filter { $0 != .file(file) && seen.insert($0.description).inserted }
    }

    /// The framework with this id; a clash or an unknown id is an error that says what to do.
    public func framework(id: String) throws(StepChangeError) -> Entry {
        if let clash = clashes.first(where: { $0.id == id }) {
            throw StepChangeError(.input,
                "Two different frameworks use the id \"\(id)\": \(clash.first) and \(clash.second).",
                hint: "Give one of them another id, or pass the file you mean as a path.")
        }
        guard let entry = entries.first(where: { $0.framework.id == id })
                ?? entries.first(where: { $0.framework.id.caseInsensitiveCompare(id) == .orderedSame }) else {
            let known = entries.map(\.framework.id).joined(separator: ", ")
            var hint = "Known frameworks: \(known). Run `stepchange frameworks` to list them."
            if let guess = Suggestion.closest(to: id, among: entries.map(\.framework.id)) {
                hint = "Did you mean \"\(guess)\"? " + hint
            }
            throw StepChangeError(.input, "No framework with the id \"\(id)\".", hint: hint)
        }
        return entry
    }
}
