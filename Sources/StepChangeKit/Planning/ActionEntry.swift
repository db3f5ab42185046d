import Foundation

/// Entering an action in the room: in one line for the fields that matter there
/// (`action; lead; milestone; measure; additionality; outcomes`), field by field, or the rest on
/// request (`more A1.2`). A required field is never left empty by a stray Enter.
public enum ActionEntry {
    /// The parts of a one-line action, in the order they are typed, separated by `;`.
    public static let oneLineFields: [ActionField] = [.description, .lead, .milestone, .indicator, .additionality, .outcomes]

    /// Fields an action cannot be recorded without: what, who, by when and how we will know.
    public static let required: [ActionField] = [.description, .lead, .milestone, .indicator]

    /// The fields asked by `more A1.2`: everything the one line does not cover.
    public static var moreFields: [ActionField] { ActionField.allCases.filter { !oneLineFields.contains($0) } }

    /// How the one-line form is written, for prompts and help.
    public static let oneLineForm = "action; lead; milestone; measure; new/enhanced/existing; outcomes"

    /// The required fields still empty, in the order they are asked.
    public static func missing(_ action: Action) -> [ActionField] {
        required.filter { value(of: $0, in: action).trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// True when a typed line is a one-line action (it has at least one `;`).
    public static func isOneLine(_ line: String) -> Bool { line.contains(";") }

    /// Reads a one-line action into `action`. Parts left empty keep their value; a milestone before the
    /// session date comes back as pending, to be confirmed.
    static func read(_ line: String, into action: inout Action, plan: OutcomePlan, session: Session) -> Result<String?, Refusal> {
        let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count <= oneLineFields.count else {
            return .failure(Refusal("That is \(parts.count) parts; a one-line action has at most \(oneLineFields.count): \(oneLineForm)."))
        }
        var pending: String?
        for (field, part) in zip(oneLineFields, parts) where !part.isEmpty {
            switch set(field, to: part, action: &action, plan: plan, session: session) {
            case .failure(let refusal): return .failure(Refusal("\(field.label.capitalizedFirst) (part \((oneLineFields.firstIndex(of: field) ?? 0) + 1)): " + refusal.message))
            case .success(let later): pending = later ?? pending
            }
        }
        guard !action.description.isEmpty else {
            return .failure(Refusal("The first part is what will be done; it cannot be empty. Type \(oneLineForm)."))
        }
        return .success(pending)
    }

    /// Sets one field of an action from a typed line. Enter keeps the value; on a required field that
    /// is still empty, Enter is refused with the reason. `-` clears an optional field. A milestone before
    /// the session date comes back as pending, to be confirmed.
    static func set(_ field: ActionField, to line: String, action: inout Action, plan: OutcomePlan, session: Session) -> Result<String?, Refusal> {
        let isRequired = required.contains(field)
        if line.isEmpty || (line == "-" && isRequired) {
            guard isRequired, value(of: field, in: action).isEmpty || line == "-" else { return .success(nil) }
            return .failure(Refusal(requiredReason(field, ref: action.ref)))
        }
        let clear = line == "-"
        let value = clear ? "" : line
        switch field {
        case .description: action.description = value
        case .outcomes:
            if clear { action.outcomeIDs = []; break }
            switch PlanningStage.outcomeIDs(line, in: plan) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let ids): action.outcomeIDs = ids
            }
        case .objective: action.objective = value
        case .lead: action.lead = value
        case .partners:
            action.partners = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .resources: action.resources = value
        case .risk: action.risk = value
        case .milestone:
            if line.contains(";") {
                // Several milestones, as council plans list them: each a month or date, none before the workshop.
                var dates: [String] = []
                for piece in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !piece.isEmpty {
                    guard let date = Milestone.parse(piece) else {
                        return .failure(Refusal("\"\(piece)\" is not a month or a date. Type \(Milestone.expected), several separated by ;."))
                    }
                    guard !Milestone.isBefore(date, sessionDate: session.date) else {
                        return .failure(Refusal("\(Milestone.label(date)) is before the session date \(session.date); give milestones still to come."))
                    }
                    dates.append(date)
                }
                guard let first = dates.first else { return .failure(Refusal("Type \(Milestone.expected).")) }
                action.milestone = first
                action.milestones = dates.count > 1 ? dates.map { ActionMilestone(date: $0) } : nil
                break
            }
            guard let milestone = Milestone.parse(line) else {
                return .failure(Refusal("\"\(line)\" is not a month or a date. Type \(Milestone.expected)."))
            }
            action.milestones = nil
            if Milestone.isBefore(milestone, sessionDate: session.date) { return .success(milestone) }
            action.milestone = milestone
        case .indicator: action.measure.indicator = value
        case .baseline: action.measure.baseline = value
        case .target:
            if let unreadable = MeasureSeries.unreadableTargetDates(in: value).first {
                return .failure(Refusal("\"\(unreadable)\" names a date that is not a month or a date. Write interim targets as \"6 by March 2027; 12 by March 2028\" (\(Milestone.expected))."))
            }
            action.measure.target = value
        case .frequency: action.measure.frequency = value
        case .outputImpact: action.outputImpact = value
        case .theme:
            if clear { action.theme = ""; break }
            let themes = session.framework.actionThemes
            if themes.isEmpty {
                action.theme = value
            } else if let number = Int(line), themes.indices.contains(number - 1) {
                action.theme = themes[number - 1].id
            } else if let theme = session.framework.theme(line) ?? themes.first(where: { $0.title.caseInsensitiveCompare(line) == .orderedSame }) {
                action.theme = theme.id
            } else {
                var message = "\"\(line)\" is not one of the framework's action themes."
                if let guess = Suggestion.closest(to: line, among: themes.map(\.id)) { message += " Did you mean \(guess)?" }
                return .failure(Refusal(message + " Type a number from 1 to \(themes.count) or an id: \(themes.map(\.id).joined(separator: ", "))."))
            }
        case .additionality:
            let key = line.lowercased()
            guard let value = Additionality.allCases.first(where: { key.count >= 1 && $0.rawValue.hasPrefix(key) })
                    ?? (key == "enhancement" ? .enhanced : key == "existing activity" ? .existing : nil) else {
                return .failure(Refusal("\"\(line)\": type new, enhanced or existing."))
            }
            action.additionality = value
        }
        return .success(nil)
    }

    /// Why a required field cannot be left empty, said at the prompt that asks again.
    static func requiredReason(_ field: ActionField, ref: String) -> String {
        switch field {
        case .description: "\(ref) needs a description of what will be done; to drop the action, delete it at the actions prompt."
        case .lead: "\(ref) needs a lead (a person or role): an action nobody leads is not reviewed. Type a name or role."
        case .milestone: "\(ref) needs a milestone so progress can be reviewed: type \(Milestone.expected)."
        default: "\(ref) needs a measure — how we will know it has worked — so progress can be reviewed. Type an indicator."
        }
    }

    /// The stored text of a field, as it is kept or shown ("" when empty).
    static func value(of field: ActionField, in action: Action) -> String {
        switch field {
        case .description: action.description
        case .outcomes: action.outcomeIDs.joined(separator: " ")
        case .objective: action.objective
        case .lead: action.lead
        case .partners: action.partners.joined(separator: ", ")
        case .resources: action.resources
        case .risk: action.risk
        case .milestone: action.schedule.map { Milestone.label($0.date) }.joined(separator: "; ")
        case .indicator: action.measure.indicator
        case .baseline: action.measure.baseline
        case .target: action.measure.target
        case .frequency: action.measure.frequency
        case .outputImpact: action.outputImpact
        case .theme: action.theme
        case .additionality: action.additionality.rawValue
        }
    }

    /// The prompt for one field of an action; required fields say so, optional ones say they are optional.
    static func prompt(_ field: ActionField, action: Action, plan: OutcomePlan, framework: Framework) -> WorkshopPrompt {
        let ref = action.ref
        let current = value(of: field, in: action)
        let isRequired = required.contains(field)
        let hint = current.isEmpty ? (isRequired ? "required" : "optional; Enter leaves it empty") : "Enter keeps \"\(current)\""
        switch field {
        case .description:
            return WorkshopPrompt(text: "\(ref)", question: "\(ref): what will be done?", defaultHint: hint)
        case .outcomes:
            let ids = (plan.outcomes(at: .short) + plan.outcomes(at: .medium) + plan.outcomes(at: .long))
                .map { $0.id.split(separator: ".").last.map(String.init) ?? $0.id }
            return WorkshopPrompt(text: PlanningStage.outcomeLines(plan), question: "Which outcomes does \(ref) serve? (e.g. \(ids.prefix(2).joined(separator: " ")))",
                                  defaultHint: hint)
        case .objective: return WorkshopPrompt(question: "\(ref) objective: what it is for", defaultHint: hint)
        case .lead: return WorkshopPrompt(question: "\(ref) lead (a person or role)", defaultHint: hint)
        case .partners: return WorkshopPrompt(question: "\(ref) partners (separate with commas)", defaultHint: hint)
        case .resources: return WorkshopPrompt(question: "\(ref) resources or cost", defaultHint: hint)
        case .risk: return WorkshopPrompt(question: "\(ref) main risk", defaultHint: hint)
        case .milestone:
            return WorkshopPrompt(question: "\(ref) milestone: by when (e.g. 2027-03, March 2027 or 2027-03-31; several separated by ;)", defaultHint: hint)
        case .indicator: return WorkshopPrompt(question: "How will we know \(ref) has worked? Measure or indicator", defaultHint: hint)
        case .baseline: return WorkshopPrompt(question: "\(ref) baseline: where the measure stands now", defaultHint: hint)
        case .target: return WorkshopPrompt(question: "\(ref) target (interim targets as \"6 by March 2027; 12 by March 2028\")", defaultHint: hint)
        case .frequency: return WorkshopPrompt(question: "\(ref) how often the measure is reviewed", defaultHint: hint)
        case .outputImpact: return WorkshopPrompt(question: "\(ref) expected output or impact", defaultHint: hint)
        case .theme:
            let themes = framework.actionThemes.enumerated().map { "  \($0.offset + 1)  \($0.element.title) (\($0.element.id))" }
            return WorkshopPrompt(text: "Action themes:\n" + themes.joined(separator: "\n"), question: "\(ref) theme (number or id)",
                                  defaultHint: hint)
        case .additionality:
            return WorkshopPrompt(question: "Is \(ref) new, an enhancement of something that exists, or existing activity? (new/enhanced/existing)",
                                  defaultHint: "Enter keeps \(action.additionality.rawValue)")
        }
    }
}

extension String {
    /// The string with its first letter in capitals ("lead" → "Lead").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
