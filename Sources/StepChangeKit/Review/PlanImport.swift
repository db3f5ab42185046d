import Foundation

/// Brings an action plan kept in a spreadsheet into a session, in the columns of a council improvement
/// plan: outcome, ref, objective, action, how we will know it has worked, lead, theme, status, milestone,
/// output/impact. Every row is checked first; nothing is imported unless all rows are good. Each distinct
/// outcome becomes an improvement statement with a plan whose long-term outcome it is.
public enum PlanImport {
    /// The columns understood, with the header wordings accepted for each (compared ignoring case,
    /// spaces and punctuation). The action-plan export's own headers are among them, so an exported
    /// plan imports back as it was.
    public enum Column: String, CaseIterable, Sendable {
        case outcome, ref, objective, action, measure, lead, theme, status, milestone, outputImpact
        case baseline, target, frequency, additionality, statement, partners, resources, risk

        var headers: [String] {
            switch self {
            case .outcome: ["outcome", "outcomes", "the outcomes we are aiming for", "outcome we are aiming for"]
            case .ref: ["ref", "action ref", "reference", "action reference"]
            case .objective: ["objective", "objectives"]
            case .action: ["action", "actions", "the actions we are taking", "the action we are taking", "actions we are taking", "description"]
            case .measure: ["how we will know it has worked", "how we'll know it has worked", "how will we know", "measure", "measures", "how we will know", "indicator"]
            case .lead: ["lead", "responsible lead officer", "lead officer", "responsible officer"]
            case .theme: ["theme", "strengthening", "action theme"]
            case .status: ["status", "rag rating", "rag", "progress status", "rag status", "status (rag)"]
            case .milestone: ["milestone", "milestones", "due", "deadline"]
            case .outputImpact: ["output/impact", "output/ impact", "output / impact", "output", "impact", "outputs"]
            case .baseline: ["baseline"]
            case .target: ["target", "targets"]
            case .frequency: ["frequency", "review frequency"]
            case .additionality: ["additionality", "new, enhanced or existing"]
            case .statement: ["statement", "improvement statement"]
            case .partners: ["partners", "partner", "key partners"]
            case .resources: ["resources", "resource", "cost"]
            case .risk: ["risk", "risks", "main risk"]
            }
        }
    }

    /// What an import added.
    public struct Imported: Sendable {
        public let session: Session
        public let statementIDs: [String]
        public let actionRefs: [String]
    }

    /// A run of actions that become one improvement statement and its plan.
    struct Group {
        var key: String
        var statementText: String
        var originalID: String?
        var outcomes: [(id: String?, text: String)]
        var actions: [Action]
    }

    /// Checks every row and, when all are good, returns the session with the imported plan added.
    /// Blank cells under a filled one (merged cells in the council's spreadsheet) carry the outcome,
    /// statement and objective down; a row with no action and no ref is a further milestone of the action above.
    public static func apply(_ rows: [CSVReader.Row], source: String, to session: Session) throws(StepChangeError) -> Imported {
        guard let header = rows.first else {
            throw StepChangeError(.input, "\(source) is empty.", hint: "Export the action plan from the spreadsheet as CSV with a header row.")
        }
        var columns: [Column: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = normalised(name)
            if key.isEmpty { continue }
            if let column = Column.allCases.first(where: { $0.headers.map(normalised).contains(key) }), columns[column] == nil {
                columns[column] = index
            }
        }
        guard columns[.action] != nil else {
            throw StepChangeError(.input, "\(source) has no action column.",
                problems: [Problem(source: source, location: header.location, message: "expected a header row naming the columns, including \"The Actions We Are Taking\" (or \"Action\"); found \(header.fields.map { "\"\($0)\"" }.joined(separator: ", "))")],
                hint: "Columns understood: outcome, ref, objective, action, how we will know it has worked (or indicator), baseline, target, frequency, lead, partners, resources, risk, theme, additionality, status, milestone, output/impact, statement.")
        }

        var problems = RowProblems(source: source)
        let sessionRefs = Set(session.actions.map { $0.ref.lowercased() })
        var fileRefs = Set<String>()
        var groups: [Group] = []
        var lastOutcome = "", lastStatement = "", lastObjective = "", lastRef: (base: String, count: Int)?
        let nextStatement = (session.statements.map(\.number).max() ?? 0) + 1
        func field(_ row: CSVReader.Row, _ column: Column) -> String {
            guard let index = columns[column], index < row.fields.count else { return "" }
            return InboundText.clean(row.fields[index], .multiLine).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for row in rows.dropFirst() {
            guard problems.keepChecking(at: row) else { break }
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            // The header repeated on every printed page of a plan copied from a document.
            if row.fields.map(normalised) == header.fields.map(normalised) { continue }
            func report(_ message: String) { problems.report(message, at: row) }
            if row.fields.count > header.fields.count {
                report("\(row.fields.count) fields but the header has \(header.fields.count); check for a stray comma or an unquoted field")
            }
            let text = field(row, .action)
            let ref = field(row, .ref)
            let unlinked = field(row, .outcome) == ReportBuilder.noOutcome
            let outcome = unlinked ? "" : field(row, .outcome)
            if unlinked { lastOutcome = "" }
            let statement = field(row, .statement)
            if !outcome.isEmpty { lastOutcome = outcome }
            if !statement.isEmpty { lastStatement = statement }
            let statusText = field(row, .status)
            let status = statusText.isEmpty ? nil : ActionStatus(typed: statusText)
            if !statusText.isEmpty && status == nil { report(statusMessage(statusText)) }
            let milestoneText = field(row, .milestone)
            let milestone = milestoneText.isEmpty ? "" : parseMilestone(milestoneText)
            if milestone == nil { report("milestone \"\(milestoneText)\" is not a date; expected \(Milestone.expected)") }
            if text.isEmpty && ref.isEmpty {
                // A continuation row, as council plans use for a later milestone of the action above.
                guard !groups.isEmpty, !groups[groups.count - 1].actions.isEmpty else {
                    report("no action; the first row of the plan must name an action in the \"The Actions We Are Taking\" column")
                    continue
                }
                let last = groups[groups.count - 1].actions.count - 1
                var action = groups[groups.count - 1].actions[last]
                let output = field(row, .outputImpact), measure = field(row, .measure)
                if !measure.isEmpty && !action.measure.indicator.contains(measure) {
                    action.measure.indicator = action.measure.indicator.isEmpty ? measure : action.measure.indicator + "\n" + measure
                }
                if let milestone, !milestone.isEmpty {
                    action.milestones = action.schedule + [ActionMilestone(date: milestone, status: status, output: output)]
                } else if !output.isEmpty || status != nil {
                    let addition = [status.map { "(\($0.label))" } ?? "", output].filter { !$0.isEmpty }.joined(separator: " ")
                    action.outputImpact = action.outputImpact.isEmpty ? addition : action.outputImpact + "\n" + addition
                }
                groups[groups.count - 1].actions[last] = action
                continue
            }
            if text.isEmpty { report("action \(ref) has no text in the \"The Actions We Are Taking\" column") }
            if lastOutcome.isEmpty && !unlinked && columns[.outcome] != nil { report("no outcome; name the outcome this action serves (or put it on an earlier row)") }
            let themeText = field(row, .theme)
            let theme = session.framework.actionThemes.first {
                $0.id.caseInsensitiveCompare(themeText) == .orderedSame || $0.title.caseInsensitiveCompare(themeText) == .orderedSame
            }?.id ?? themeText
            let additionalityText = field(row, .additionality)
            let additionality = additionalityText.isEmpty ? .existing : additionalityValue(additionalityText)
            if additionality == nil { report("additionality \"\(additionalityText)\" is not one of new, enhanced or existing") }

            let key = columns[.statement] != nil && !lastStatement.isEmpty ? lastStatement : lastOutcome
            if groups.isEmpty || groups[groups.count - 1].key != key {
                let (originalID, statementText) = splitStatement(columns[.statement] != nil ? lastStatement : "")
                groups.append(Group(key: key, statementText: statementText, originalID: originalID, outcomes: [], actions: []))
                lastRef = nil
            }
            let statementNumber = nextStatement + groups.count - 1
            let objective = field(row, .objective).isEmpty && ref.isEmpty ? lastObjective : field(row, .objective)
            lastObjective = objective
            let actionRef: String
            if !ref.isEmpty {
                actionRef = ref
                lastRef = (ref, 1)
            } else if let carried = lastRef {
                // The ref is a merged cell: later actions under it get b, c, … after it.
                let letters = Array("bcdefghijklmnopqrstuvwxyz")
                actionRef = carried.base + String(letters[min(carried.count - 1, letters.count - 1)])
                lastRef = (carried.base, carried.count + 1)
            } else {
                actionRef = "A\(statementNumber).\(groups[groups.count - 1].actions.count + 1)"
            }
            if sessionRefs.contains(actionRef.lowercased()) {
                report("action ref \"\(actionRef)\" is already in \(session.id) (refs must be unique in a session; was this plan imported before?)")
            } else if !fileRefs.insert(actionRef.lowercased()).inserted {
                report("action ref \"\(actionRef)\" is used on an earlier row too (refs must be unique)")
            }
            var outcomeIDs: [String] = []
            for (id, text) in outcomeLines(lastOutcome) {
                if !groups[groups.count - 1].outcomes.contains(where: { $0.id == id && $0.text == text }) {
                    groups[groups.count - 1].outcomes.append((id, text))
                }
                outcomeIDs.append(id ?? "LT1")
            }
            let partners = field(row, .partners).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            groups[groups.count - 1].actions.append(Action(
                ref: actionRef, outcomeIDs: outcomeIDs, objective: objective, description: text,
                lead: field(row, .lead), partners: partners, resources: field(row, .resources), risk: field(row, .risk),
                milestone: milestone ?? "",
                measure: Measure(indicator: field(row, .measure), baseline: field(row, .baseline), target: field(row, .target), frequency: field(row, .frequency)),
                theme: theme, additionality: additionality ?? .existing, status: status ?? .notStarted, outputImpact: field(row, .outputImpact)))
        }
        if problems.uncheckedFrom != nil {
            throw StepChangeError(.input, "\(source) was not imported: too many problems to list; the first \(problems.count) (nothing has been changed):",
                                  problems: problems.listed,
                                  hint: "Check that this is the right file, correct the rows named above and re-run the import.")
        }
        if !problems.isEmpty {
            throw StepChangeError(.input, "\(source) was not imported: \(problems.count) problem\(problems.count == 1 ? "" : "s") (nothing has been changed):",
                                  problems: problems.listed, hint: "Correct the rows named above in the spreadsheet, save it as CSV again and re-run the import.")
        }
        guard !groups.isEmpty else {
            throw StepChangeError(.input, "\(source) has a header row but no actions.", hint: "Add one row per action below the header.")
        }
        var result = session
        var statementIDs: [String] = []
        for (offset, group) in groups.enumerated() {
            let id = "S\(nextStatement + offset)"
            statementIDs.append(id)
            // Outcome ids written as the export writes them (S1.ST1) keep their horizon and number under the new statement.
            func newID(_ original: String?) -> String {
                guard let original, let dot = original.firstIndex(of: ".") else { return "\(id).LT1" }
                return id + original[dot...]
            }
            let outcomes = group.outcomes.reduce(into: [Outcome]()) { list, outcome in
                let outcomeID = newID(outcome.id)
                guard !list.contains(where: { $0.id == outcomeID }) else { return }
                list.append(Outcome(id: outcomeID, horizon: horizon(of: outcomeID), text: outcome.text))
            }
            let actions = group.actions.map { action in
                var action = action
                action.outcomeIDs = action.outcomeIDs.map { $0 == "LT1" ? "\(id).LT1" : newID($0) }
                return action
            }
            let text = !group.statementText.isEmpty ? group.statementText : (group.outcomes.first?.text ?? "Imported action plan")
            result.statements.append(ImprovementStatement(id: id, text: text, rationale: "Imported from \(URL(fileURLWithPath: source).lastPathComponent)."))
            result.planned.append(id)
            result.plans.append(OutcomePlan(statementID: id, outcomes: outcomes.isEmpty ? [Outcome(id: "\(id).LT1", horizon: .long, text: text)] : outcomes,
                                            actions: actions))
        }
        return Imported(session: result, statementIDs: statementIDs, actionRefs: groups.flatMap { $0.actions.map(\.ref) })
    }

    /// "S1: The partnership should…" → ("S1", text); any other wording is the statement's text.
    static func splitStatement(_ cell: String) -> (id: String?, text: String) {
        if let colon = cell.range(of: ": "), isStatementID(String(cell[..<colon.lowerBound])) {
            return (String(cell[..<colon.lowerBound]), String(cell[colon.upperBound...]))
        }
        return (isStatementID(cell) ? cell : nil, isStatementID(cell) ? "" : cell)
    }

    static func isStatementID(_ text: String) -> Bool {
        text.count >= 2 && text.first == "S" && text.dropFirst().allSatisfy(\.isNumber)
    }

    /// The outcomes in an outcome cell: lines "S1.ST1: text" as the export writes them, with their ids;
    /// anything else is one outcome without an id (it becomes the statement's long-term outcome).
    static func outcomeLines(_ cell: String) -> [(id: String?, text: String)] {
        let lines = cell.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let parsed = lines.compactMap { line -> (String, String)? in
            guard let colon = line.range(of: ": ") else { return nil }
            let id = String(line[..<colon.lowerBound])
            let parts = id.split(separator: ".")
            guard parts.count == 2, isStatementID(String(parts[0])),
                  ["LT", "MT", "ST"].contains(where: { parts[1].hasPrefix($0) && parts[1].dropFirst(2).allSatisfy(\.isNumber) && parts[1].count > 2 }) else { return nil }
            return (id, String(line[colon.upperBound...]))
        }
        if !lines.isEmpty && parsed.count == lines.count { return parsed.map { ($0.0, $0.1) } }
        return cell.isEmpty ? [] : [(nil, cell)]
    }

    static func horizon(of outcomeID: String) -> HorizonKind {
        if outcomeID.contains(".ST") { return .short }
        if outcomeID.contains(".MT") { return .medium }
        return .long
    }

    static func additionalityValue(_ text: String) -> Additionality? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "new": .new
        case "enhanced", "enhancement", "enhance": .enhanced
        case "existing", "existing activity": .existing
        default: nil
        }
    }

    static func statusMessage(_ text: String) -> String {
        "status \"\(text)\" is not one the plan uses; expected \"Action complete\", \"Action not yet completed, but on track\", \"Some issues, recovery plan in place\" or \"Action not on track, risk to implementation\" (or complete, on-track, some-issues, not-on-track)"
    }

    static func normalised(_ header: String) -> String {
        String(header.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Reads a milestone as plans write it: every form `Milestone.parse` reads ("March 2027", 2027-03,
    /// 2027-03-31), plus the slashed forms spreadsheets produce (`31/03/2027`, `03/2027`, `2027/3`).
    /// Returns the stored form (`2027-03` or `2027-03-31`), or nil.
    public static func parseMilestone(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let milestone = Milestone.parse(trimmed) { return milestone }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            return String(format: "%04d-%02d", year, month)
        }
        if parts.count == 2, parts[1].count == 4, let year = Int(parts[1]), let month = Int(parts[0]), (1...12).contains(month) {
            return String(format: "%04d-%02d", year, month)
        }
        if parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) {
            let candidate = String(format: "%04d-%02d-%02d", year, month, day)
            if DayDate.isValid(candidate) { return candidate }
        }
        return nil
    }
}
