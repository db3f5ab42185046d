import Foundation

/// Upgrades older session files one schema version at a time, before they are decoded: each step
/// is a pure function on the file's JSON object, from one version to the next.
public enum SessionMigrations {
    /// Every upgrade step, oldest first. Empty: version 1 is the first format, and every field
    /// added since is optional, so files from before those fields existed decode as they are.
    public static let steps: [SessionMigration] = []

    /// Applies the steps from `version` up to `target` in order, setting `schemaVersion` after each.
    /// A version stepchange never wrote, or a gap in the steps, is refused naming `schemaVersion`.
    public static func migrate(_ fields: [String: JSONValue], from version: Int, to target: Int = Session.currentSchemaVersion,
                               steps: [SessionMigration] = steps, source: String) throws(StepChangeError) -> [String: JSONValue] {
        guard version >= 1 else {
            throw StepChangeError(.input, "\(source) has schema version \(version), which stepchange never wrote.",
                                  problems: [Problem(source: source, location: "schemaVersion", message: "expected 1 or later")])
        }
        var fields = fields
        var current = version
        while current < target {
            guard let step = steps.first(where: { $0.from == current }), step.to > current, step.to <= target else {
                throw StepChangeError(.input, "\(source) has schema version \(version), which this stepchange cannot upgrade.",
                                      problems: [Problem(source: source, location: "schemaVersion",
                                                         message: "no upgrade from version \(current) to \(target)")])
            }
            fields = step.upgrade(fields)
            fields["schemaVersion"] = .number(Double(step.to))
            current = step.to
        }
        return fields
    }
}

/// One upgrade of a session file's JSON object from schema version `from` to `to`.
public struct SessionMigration: Sendable {
    public let from: Int
    public let to: Int
    public let upgrade: @Sendable ([String: JSONValue]) -> [String: JSONValue]

    public init(from: Int, to: Int, upgrade: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue]) {
        self.from = from
        self.to = to
        self.upgrade = upgrade
    }
}
