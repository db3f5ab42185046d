import Foundation

/// The rules a framework must follow to be scored and planned against: unique ids, real prompts,
/// a scale of at least two increasing levels. Applied to files and to the built-in framework alike.
public enum FrameworkValidator {
    /// Every rule the framework breaks, each naming the field it concerns.
    public static func problems(in framework: Framework, source: String) -> [Problem] {
        var problems: [Problem] = []
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: location, message: message))
        }
        if framework.schemaVersion != Framework.currentSchemaVersion {
            report("schemaVersion", "unknown schema version \(framework.schemaVersion); expected \(Framework.currentSchemaVersion)")
        }
        if !isValidID(framework.id) {
            report("id", "\"\(framework.id)\" is not a usable id; use letters, digits and hyphens (e.g. child-poverty)")
        }
        for (field, text) in [("title", framework.title), ("version", framework.version)] where isBlank(text) {
            report(field, "is empty; expected some text")
        }

        let levels = framework.scale.levels
        if levels.count < FileLimits.scaleLevels.lowerBound {
            report("scale.levels", "has \(levels.count) level\(levels.count == 1 ? "" : "s"); a scale needs at least two")
        } else if levels.count > FileLimits.scaleLevels.upperBound {
            report("scale.levels", "has \(levels.count) levels; a scale may have at most \(FileLimits.scaleLevels.upperBound)")
        }
        for (index, level) in levels.enumerated() {
            if let message = FileLimits.outside(level.value, FileLimits.scaleValues, "scale values") {
                report("scale.levels[\(index)].value", message)
            }
        }
        for index in levels.indices.dropFirst() where levels[index].value <= levels[index - 1].value {
            report("scale.levels[\(index)].value",
                   "\(levels[index].value) does not increase on the level before (\(levels[index - 1].value)); list levels from lowest to highest")
        }
        for (index, level) in levels.enumerated() where isBlank(level.label) {
            report("scale.levels[\(index)].label", "is empty; expected a short label")
        }

        if framework.headings.isEmpty { report("headings", "is empty; a framework needs at least one heading") }
        var headingIDs: [String: Int] = [:]
        var itemIDs: [String: (heading: Int, item: Int)] = [:]
        headingIDs.reserveCapacity(framework.headings.count)
        itemIDs.reserveCapacity(framework.headings.reduce(0) { $0 + $1.items.count })
        for (h, heading) in framework.headings.enumerated() {
            if !isValidID(heading.id) {
                report("headings[\(h)].id", "\"\(heading.id)\" is not a usable id; use letters, digits and hyphens")
            } else if let first = headingIDs[heading.id.uppercased()] {
                report("headings[\(h)].id", "duplicate heading id \"\(heading.id)\" (also used by headings[\(first)])")
            } else {
                headingIDs[heading.id.uppercased()] = h
            }
            if isBlank(heading.title) { report("headings[\(h)].title", "is empty; expected the heading's title") }
            if heading.items.isEmpty { report("headings[\(h)].items", "is empty; a heading needs at least one item") }
            for (i, item) in heading.items.enumerated() {
                if !isValidID(item.id) {
                    report("headings[\(h)].items[\(i)].id", "\"\(item.id)\" is not a usable id; use letters, digits, dots and hyphens (e.g. LN1)")
                } else if let first = itemIDs[item.id.uppercased()] {
                    report("headings[\(h)].items[\(i)].id", "duplicate item id \"\(item.id)\" (also used by headings[\(first.heading)].items[\(first.item)])")
                } else {
                    itemIDs[item.id.uppercased()] = (h, i)
                }
                if isBlank(item.prompt) { report("headings[\(h)].items[\(i)].prompt", "is empty; expected a statement the group can score") }
            }
        }

        var kinds: [HorizonKind] = []
        for (index, horizon) in framework.horizons.enumerated() {
            if kinds.contains(horizon.id) {
                report("horizons[\(index)].id", "duplicate horizon \"\(horizon.id.rawValue)\"")
            } else {
                kinds.append(horizon.id)
            }
            for (field, years) in [("fromYears", horizon.fromYears), ("toYears", horizon.toYears)] {
                if let message = FileLimits.outside(years, FileLimits.horizonYears, "years after the workshop") {
                    report("horizons[\(index)].\(field)", message)
                }
            }
            if horizon.toYears < horizon.fromYears {
                report("horizons[\(index)]", "toYears (\(horizon.toYears)) is before fromYears (\(horizon.fromYears))")
            }
        }
        var themeIDs = Set<String>()
        for (index, theme) in framework.actionThemes.enumerated() {
            if !isValidID(theme.id) {
                report("actionThemes[\(index)].id", "\"\(theme.id)\" is not a usable id; use letters, digits and hyphens")
            } else if !themeIDs.insert(theme.id.lowercased()).inserted {
                report("actionThemes[\(index)].id", "duplicate action theme id \"\(theme.id)\"")
            }
        }
        return problems
    }

    /// Ids appear in commands, exports and file names: letters, digits, dots, hyphens and underscores only.
    /// An all-ASCII id is decided byte by byte (for ASCII, `CharacterSet.alphanumerics` is A–Z, a–z and 0–9,
    /// and no allowed byte joins another into one character); any other id goes through the Unicode rule.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isValidIDByCharacters(id) }
        guard let first = bytes.first, bytes.count <= 64, first != UInt8(ascii: "."), first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }
    }

    /// The rule for ids as first written, over characters and Unicode scalars.
    static func isValidIDByCharacters(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_.".unicodeScalars.contains($0)
        } && id.first != "." && id.first != "-"
    }

    /// True when the text is empty or only white space. Text that starts with a visible ASCII character
    /// (most text) cannot be, so it is answered without trimming.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
