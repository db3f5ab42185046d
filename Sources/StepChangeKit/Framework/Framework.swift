import Foundation

/// A self-assessment framework: the headings, prompts and scale a group scores itself against,
/// plus the planning horizons and action themes used when turning findings into a plan.
public struct Framework: Codable, Equatable, Sendable {
    /// The framework file format this value was read from or will be written as.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var title: String
    public var version: String
    public var description: String
    public var scale: Scale
    public var headings: [Heading]
    public var horizons: [PlanningHorizon]
    public var actionThemes: [ActionTheme]

    public init(
        schemaVersion: Int = Framework.currentSchemaVersion,
        id: String, title: String, version: String, description: String,
        scale: Scale, headings: [Heading],
        horizons: [PlanningHorizon] = PlanningHorizon.defaults,
        actionThemes: [ActionTheme]
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.scale = scale
        self.headings = headings
        self.horizons = horizons
        self.actionThemes = actionThemes
    }

    /// Every item in framework order, each with the heading it belongs to.
    public var items: [(heading: Heading, item: Item)] {
        headings.flatMap { heading in heading.items.map { (heading, $0) } }
    }

    /// All item ids in framework order.
    public var itemIDs: [String] { headings.flatMap { $0.items.map(\.id) } }

    /// The item with this id (case-insensitive), if the framework has one.
    public func item(_ id: String) -> Item? {
        headings.lazy.flatMap(\.items).first { $0.id.sameIgnoringCase(id) }
    }

    /// The heading that holds the item with this id.
    public func heading(containing itemID: String) -> Heading? {
        headings.first { $0.items.contains { $0.id.sameIgnoringCase(itemID) } }
    }

    /// The planning horizon of this kind, falling back to the default span when the framework omits it.
    public func horizon(_ kind: HorizonKind) -> PlanningHorizon {
        horizons.first { $0.id == kind } ?? PlanningHorizon.defaults.first { $0.id == kind }!
    }

    /// The action theme with this id (case-insensitive).
    public func theme(_ id: String) -> ActionTheme? {
        actionThemes.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}

/// One of the framework's headings (for example "Understanding Local Need"), grouping related prompts.
public struct Heading: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var items: [Item]

    public init(id: String, title: String, summary: String, items: [Item]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.items = items
    }
}

/// One prompt the group scores: a statement with a stable id, and guidance on what good looks like
/// and what evidence to bring.
public struct Item: Codable, Equatable, Sendable {
    public var id: String
    public var prompt: String
    public var guidance: String
    public var evidence: [String]

    public init(id: String, prompt: String, guidance: String, evidence: [String] = []) {
        self.id = id
        self.prompt = prompt
        self.guidance = guidance
        self.evidence = evidence
    }
}

/// An area actions are filed under in the action plan (e.g. one of the drivers of child poverty).
public struct ActionTheme: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}
