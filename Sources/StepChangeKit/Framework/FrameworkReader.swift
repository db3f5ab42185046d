import Foundation

/// Turns framework JSON into a `Framework`, reporting every structural and semantic problem with
/// its file and field path — the engine behind `stepchange framework check`.
public enum FrameworkReader {
    /// The largest framework file read: many times any real framework, refused before reading beyond it.
    public static let maximumSize = 4 * 1024 * 1024

    /// Reads and validates a framework file's bytes; throws one error listing every problem found.
    public static func read(_ data: Data, source: String) throws(StepChangeError) -> Framework {
        let root = try JSONValue.parse(data, source: source)
        var reader = FieldReader(source: source)
        let framework = build(root, reader: &reader)
        var problems = reader.problems
        if let framework {
            let located = Set(problems.compactMap(\.location))
            problems += FrameworkValidator.problems(in: framework, source: source).filter { problem in
                !located.contains { problem.location == $0 || problem.location?.hasPrefix($0 + ".") == true }
            }
        }
        guard let framework, problems.isEmpty else {
            let count = problems.count
            throw StepChangeError(.input, "\(source) is not a valid framework (\(count) problem\(count == 1 ? "" : "s")):",
                                  problems: problems)
        }
        return framework
    }

    private static func build(_ root: JSONValue, reader: inout FieldReader) -> Framework? {
        guard let fields = reader.object(root, at: "") else { return nil }
        if let version = reader.integer(fields, "schemaVersion", at: ""), version != Framework.currentSchemaVersion {
            let hint = version > Framework.currentSchemaVersion
                ? "it was written by a newer stepchange; upgrade stepchange to read it"
                : "no migration exists for it"
            reader.report("schemaVersion", "unknown schema version \(version) (this stepchange reads version \(Framework.currentSchemaVersion)); \(hint)")
            return nil
        }
        let id = reader.string(fields, "id", at: "")
        let title = reader.string(fields, "title", at: "")
        let version = reader.string(fields, "version", at: "")
        let description = reader.string(fields, "description", at: "", required: false, allowEmpty: true) ?? ""
        var scale: Scale?
        if let scaleValue = fields["scale"] {
            scale = Self.scale(scaleValue, reader: &reader)
        } else {
            reader.report("scale", "missing; expected an object with levels")
        }

        var headings: [Heading] = []
        for (h, value) in (reader.array(fields, "headings", at: "") ?? []).enumerated() {
            let path = "headings[\(h)]"
            guard let headingFields = reader.object(value, at: path) else { continue }
            var items: [Item] = []
            for (i, itemValue) in (reader.array(headingFields, "items", at: path) ?? []).enumerated() {
                let itemPath = "\(path).items[\(i)]"
                guard let itemFields = reader.object(itemValue, at: itemPath) else { continue }
                items.append(Item(
                    id: reader.string(itemFields, "id", at: itemPath) ?? "",
                    prompt: reader.string(itemFields, "prompt", at: itemPath) ?? "",
                    guidance: reader.string(itemFields, "guidance", at: itemPath, required: false, allowEmpty: true) ?? "",
                    evidence: reader.strings(itemFields, "evidence", at: itemPath)))
            }
            headings.append(Heading(
                id: reader.string(headingFields, "id", at: path) ?? "",
                title: reader.string(headingFields, "title", at: path) ?? "",
                summary: reader.string(headingFields, "summary", at: path, required: false, allowEmpty: true) ?? "",
                items: items))
        }

        var horizons: [PlanningHorizon] = []
        for (index, value) in (reader.array(fields, "horizons", at: "", required: false) ?? []).enumerated() {
            let path = "horizons[\(index)]"
            guard let horizonFields = reader.object(value, at: path) else { continue }
            let idText = reader.string(horizonFields, "id", at: path)
            guard let idText else { continue }
            guard let kind = HorizonKind(rawValue: idText) else {
                reader.report("\(path).id", "unknown horizon \"\(idText)\"; expected short, medium or long")
                continue
            }
            let fallback = PlanningHorizon.defaults.first { $0.id == kind }!
            horizons.append(PlanningHorizon(
                id: kind,
                title: reader.string(horizonFields, "title", at: path, required: false) ?? fallback.title,
                span: reader.string(horizonFields, "span", at: path, required: false) ?? fallback.span,
                fromYears: reader.integer(horizonFields, "fromYears", at: path, required: false) ?? fallback.fromYears,
                toYears: reader.integer(horizonFields, "toYears", at: path, required: false) ?? fallback.toYears))
        }

        var themes: [ActionTheme] = []
        for (index, value) in (reader.array(fields, "actionThemes", at: "", required: false) ?? []).enumerated() {
            let path = "actionThemes[\(index)]"
            guard let themeFields = reader.object(value, at: path) else { continue }
            themes.append(ActionTheme(
                id: reader.string(themeFields, "id", at: path) ?? "",
                title: reader.string(themeFields, "title", at: path) ?? "",
                description: reader.string(themeFields, "description", at: path, required: false, allowEmpty: true) ?? ""))
        }

        return Framework(id: id ?? "", title: title ?? "", version: version ?? "", description: description,
                         scale: scale ?? Scale(levels: [], dontKnow: nil),
                         headings: headings, horizons: horizons.isEmpty ? PlanningHorizon.defaults : horizons,
                         actionThemes: themes)
    }

    private static func scale(_ value: JSONValue, reader: inout FieldReader) -> Scale? {
        guard let fields = reader.object(value, at: "scale") else { return nil }
        var levels: [ScaleLevel] = []
        for (index, levelValue) in (reader.array(fields, "levels", at: "scale") ?? []).enumerated() {
            let path = "scale.levels[\(index)]"
            guard let levelFields = reader.object(levelValue, at: path) else { continue }
            let value = reader.integer(levelFields, "value", at: path)
            let label = reader.string(levelFields, "label", at: path)
            let descriptor = reader.string(levelFields, "descriptor", at: path, required: false, allowEmpty: true) ?? ""
            // A level that cannot be read keeps its place (its problem is already reported), so the
            // levels after it are checked and named at their own positions.
            levels.append(ScaleLevel(value: value ?? levels.last?.value ?? 0, label: label ?? "", descriptor: descriptor))
        }
        var dontKnow: DontKnowOption?
        if let option = fields["dontKnow"], option != .null, let optionFields = reader.object(option, at: "scale.dontKnow") {
            dontKnow = DontKnowOption(
                label: reader.string(optionFields, "label", at: "scale.dontKnow") ?? "Don't know",
                descriptor: reader.string(optionFields, "descriptor", at: "scale.dontKnow", required: false, allowEmpty: true) ?? "")
        }
        return Scale(levels: levels, dontKnow: dontKnow)
    }
}
