import Foundation

/// Brings an action plan kept in a spreadsheet into a session, in the columns of a council improvement
/// plan: outcome, ref, objective, action, how we will know it has worked, lead, theme, status, milestone,
/// output/impact. Every row is checked first; nothing is imported unless all rows are good. Each distinct
/// outcome becomes an improvement statement with a plan whose long-term outcome it is.
public enum PlanImport {
    /// The columns understood, with the header wordings accepted for each (compared ignoring case,
    /// spaces and punctuation).
    public enum Column: String, CaseIterable, Sendable {
        case outcome, ref, objective, action, measure, lead, theme, status, milestone, outputImpact

        var headers: [String] {
            switch self {
            case .outcome: ["outcome", "outcomes", "the outcomes we are aiming for", "outcome we are aiming for"]
            case .ref: ["ref", "action ref", "reference", "action reference"]
            case .objective: ["objective", "objectives"]
            case .action: ["action", "actions", "the actions we are taking", "the action we are taking", "description"]
            case .measure: ["how we will know it has worked", "how we'll know it has worked", "how will we know", "measure", "measures", "how we will know"]
            case .lead: ["lead", "responsible lead officer", "lead officer", "responsible officer"]
            case .theme: ["theme", "strengthening", "action theme"]
            case .status: ["status", "rag rating", "rag", "progress status", "rag status"]
            case .milestone: ["milestone", "milestones", "due", "deadline"]
            case .outputImpact: ["output/impact", "output/ impact", "output / impact", "output", "impact", "outputs"]
            }
        }
    }

    /// What an import added.
    public struct Imported: Sendable {
        public let session: Session
        public let statementIDs: [String]
        public let actionRefs: [String]
    }

    /// Checks every row and, when all are good, returns the session with the imported plan added.
    public static func apply(_ rows: [CSVReader.Row], source: String, to session: Session) throws(StepChangeError) -> Imported {
        guard let header = rows.first else {
            throw StepChangeError(.input, "\(source) is empty.", hint: "Export the action plan from the spreadsheet as CSV with a header row.")
        }
        var columns: [Column: Int] = [:]
        var unknown: [String] = []
        for (index, name) in header.fields.enumerated() {
            let key = normalised(name)
            if key.isEmpty { continue }
            if let column = Column.allCases.first(where: { $0.headers.map(normalised).contains(key) }) {
                if columns[column] == nil { columns[column] = index }
            } else {
                unknown.append(name)
            }
        }
        guard columns[.action] != nil else {
            throw StepChangeError(.input, "\(source) has no action column.",
                problems: [Problem(source: source, location: "line \(header.line)", message: "expected a header row naming the columns, including \"The Actions We Are Taking\" (or \"Action\"); found \(header.fields.map { "\"\($0)\"" }.joined(separator: ", "))")],
                hint: "Columns understood: outcome, ref, objective, action, how we will know it has worked, lead, theme, status, milestone, output/impact.")
        }

        var problems = RowProblems(source: source)
        let sessionRefs = Set(session.actions.map { $0.ref.lowercased() })
        var fileRefs = Set<String>()
        var groups: [(outcome: String, actions: [Action])] = []
        var lastOutcome = ""
        var nextStatement = (session.statements.map(\.number).max() ?? 0) + 1
        func field(_ row: CSVReader.Row, _ column: Column) -> String {
            guard let index = columns[column], index < row.fields.count else { return "" }
            return InboundText.clean(row.fields[index], .multiLine).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for row in rows.dropFirst() {
            guard problems.keepChecking(at: row.line) else { break }
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            func report(_ message: String) { problems.report(message, line: row.line) }
            if row.fields.count > header.fields.count {
                report("\(row.fields.count) fields but the header has \(header.fields.count); check for a stray comma or an unquoted field")
            }
            let text = field(row, .action)
            let ref = field(row, .ref)
            let outcome = field(row, .outcome)
            if !outcome.isEmpty { lastOutcome = outcome }
            if text.isEmpty && ref.isEmpty {
                // A continuation row, as council plans use for a later milestone of the action above.
                guard !groups.isEmpty, !groups[groups.count - 1].actions.isEmpty else {
                    report("no action; the first row of the plan must name an action in the \"The Actions We Are Taking\" column")
                    continue
                }
                let milestone = field(row, .milestone), output = field(row, .outputImpact)
                if !milestone.isEmpty && parseMilestone(milestone) == nil {
                    report("milestone \"\(milestone)\" is not a date; expected \(Milestone.expected)")
                }
                if !field(row, .status).isEmpty && ActionStatus(typed: field(row, .status)) == nil {
                    report(statusMessage(field(row, .status)))
                }
                let when = [milestone, ActionStatus(typed: field(row, .status)).map { "(\($0.label))" } ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                let addition = [when, output].filter { !$0.isEmpty }.joined(separator: ": ")
                if !addition.isEmpty {
                    let last = groups[groups.count - 1].actions.count - 1
                    let previous = groups[groups.count - 1].actions[last].outputImpact
                    groups[groups.count - 1].actions[last].outputImpact = previous.isEmpty ? addition : previous + "\n" + addition
                }
                continue
            }
            if text.isEmpty { report("action \(ref) has no text in the \"The Actions We Are Taking\" column") }
            if lastOutcome.isEmpty && columns[.outcome] != nil { report("no outcome; name the outcome this action serves (or put it on an earlier row)") }
            let statusText = field(row, .status)
            let status = statusText.isEmpty ? ActionStatus.notStarted : ActionStatus(typed: statusText)
            if status == nil { report(statusMessage(statusText)) }
            let milestoneText = field(row, .milestone)
            let milestone = milestoneText.isEmpty ? "" : parseMilestone(milestoneText)
            if milestone == nil { report("milestone \"\(milestoneText)\" is not a date; expected \(Milestone.expected)") }
            let themeText = field(row, .theme)
            let theme = session.framework.actionThemes.first {
                $0.id.caseInsensitiveCompare(themeText) == .orderedSame || $0.title.caseInsensitiveCompare(themeText) == .orderedSame
            }?.id ?? themeText

            if groups.isEmpty || groups[groups.count - 1].outcome != lastOutcome {
                groups.append((lastOutcome, []))
            }
            let statementNumber = nextStatement + groups.count - 1
            let actionRef = ref.isEmpty ? "A\(statementNumber).\(groups[groups.count - 1].actions.count + 1)" : ref
            if sessionRefs.contains(actionRef.lowercased()) {
                report("action ref \"\(actionRef)\" is already in \(session.id) (refs must be unique in a session; was this plan imported before?)")
            } else if !fileRefs.insert(actionRef.lowercased()).inserted {
                report("action ref \"\(actionRef)\" is used on an earlier row too (refs must be unique)")
            }
            groups[groups.count - 1].actions.append(Action(
                ref: actionRef, outcomeIDs: ["S\(statementNumber).LT1"], objective: field(row, .objective), description: text,
                lead: field(row, .lead), milestone: milestone ?? "", measure: Measure(indicator: field(row, .measure)),
                theme: theme, additionality: .existing, status: status ?? .notStarted, outputImpact: field(row, .outputImpact)))
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
        for group in groups {
            let id = "S\(nextStatement)"
            nextStatement += 1
            statementIDs.append(id)
            let text = group.outcome.isEmpty ? "Imported action plan" : group.outcome
            result.statements.append(ImprovementStatement(id: id, text: text, rationale: "Imported from \(URL(fileURLWithPath: source).lastPathComponent)."))
            result.planned.append(id)
            result.plans.append(OutcomePlan(statementID: id, outcomes: [Outcome(id: "\(id).LT1", horizon: .long, text: text)],
                                            actions: group.actions))
        }
        return Imported(session: result, statementIDs: statementIDs, actionRefs: groups.flatMap { $0.actions.map(\.ref) })
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
