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
/// framework directories. A file identical to a framework already found is the same framework;
/// a different framework under a taken id is a clash, reported with both sources.
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

    public private(set) var entries: [Entry] = []
    public private(set) var clashes: [Clash] = []
    /// Files in the framework directories that could not be read as frameworks.
    public private(set) var invalidFiles: [StepChangeError] = []

    /// The frameworks compiled into stepchange.
    public static let builtIns: [Framework] = [.childPoverty, .childPovertySurvey]

    /// Builds the catalog from the built-in frameworks and the framework files' contents, in search order.
    public init(builtIns: [Framework] = FrameworkCatalog.builtIns, files: [(path: String, data: Data)]) {
        for framework in builtIns { add(framework, from: .builtIn) }
        for file in files {
            do {
                add(try FrameworkReader.read(file.data, source: file.path), from: .file(file.path))
            } catch {
                invalidFiles.append(error)
            }
        }
    }

    private mutating func add(_ framework: Framework, from source: FrameworkSource) {
        if let existing = entries.first(where: { $0.framework.id == framework.id }) {
            if existing.framework != framework, !clashes.contains(where: { $0.id == framework.id && $0.second == source }) {
                clashes.append(Clash(id: framework.id, first: existing.source, second: source))
            }
            return
        }
        entries.append(Entry(framework: framework, source: source))
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
