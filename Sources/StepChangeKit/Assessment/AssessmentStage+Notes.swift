import Foundation

/// The three lists recorded for each item — evidence, strengths, areas for improvement — through
/// the one `ListEditor`: shown numbered, corrected with edit N, delete N and move N to another list.
extension AssessmentStage {
    /// The editor for one of the item's lists, with the other two as places to move entries to.
    static func notesEditor(_ step: AssessmentStep, of assessment: ItemAssessment) -> ListEditor {
        let lists: [(AssessmentStep, [String], String)] = [
            (.evidence, ["evidence", "rationale"], "evidence"),
            (.strengths, ["strengths", "strength"], "strengths"),
            (.areas, ["areas", "area", "areas for improvement", "improvement", "improvements"], "areas for improvement"),
        ]
        let destinations = lists.filter { $0.0 != step }.map { (typed: $0.1, name: $0.2) }
        return ListEditor(name: lists.first { $0.0 == step }?.2 ?? "areas for improvement",
                          entries: entries(step, of: assessment), destinations: destinations)
    }

    static func entries(_ step: AssessmentStep, of assessment: ItemAssessment) -> [String] {
        switch step {
        case .evidence: assessment.evidence
        case .strengths: assessment.strengths
        default: assessment.areasForImprovement
        }
    }

    static func setEntries(_ entries: [String], for step: AssessmentStep, in assessment: inout ItemAssessment) {
        switch step {
        case .evidence: assessment.evidence = entries
        case .strengths: assessment.strengths = entries
        default: assessment.areasForImprovement = entries
        }
    }

    static func step(forList name: String) -> AssessmentStep {
        switch name {
        case "evidence": .evidence
        case "strengths": .strengths
        default: .areas
        }
    }

    static func title(_ step: AssessmentStep) -> String {
        switch step {
        case .evidence: "Evidence or rationale"
        case .strengths: "Strengths"
        default: "Areas for improvement"
        }
    }

    func notesPrompt(_ step: AssessmentStep, item: Item, assessment: ItemAssessment) -> WorkshopPrompt {
        let editor = Self.notesEditor(step, of: assessment)
        let title = Self.title(step)
        var notes = [""]
        if editor.entries.isEmpty {
            if step == .evidence {
                notes.append("Consensus for \(item.id): " + (assessment.consensus.map { String($0.score) } ?? "not agreed") + ".")
            }
            notes.append("\(title) for \(item.id): one per line; an empty line ends the list.")
            notes.append("To correct: \(editor.reminder); done ends the item.")
        } else {
            notes += editor.numbered(indent: "").map { TextWrap.wrap($0, width: width, indent: "     ", firstIndent: "  ") }
        }
        return WorkshopPrompt(text: notes.joined(separator: "\n"), question: "\(title) (optional)",
                              defaultHint: editor.entries.isEmpty ? "Enter skips" : "Enter ends the list")
    }

    func notesAnswer(_ typed: String, session: Session, cursor: AssessmentCursor, before: AssessmentPosition, now: Date) -> WorkshopStep {
        guard let itemID = cursor.itemID else { return .refused("No item is open.") }
        var session = session
        var cursor = cursor
        var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
        let step = cursor.step
        if typed.lowercased() == "done" {
            return finishItem(itemID, session: session, cursor: cursor, before: before, now: now)
        }
        guard !typed.isEmpty else {
            switch step {
            case .evidence: cursor.step = .strengths
            case .strengths: cursor.step = .areas
            default: return finishItem(itemID, session: session, cursor: cursor, before: before, now: now)
            }
            cursor.remember(before)
            session.assessmentCursor = cursor
            session.updatedAt = now
            return .accepted(session, message: nil)
        }
        let editor = Self.notesEditor(step, of: assessment)
        var entries = editor.entries
        let message: String?
        switch editor.read(typed) {
        case .refused(let refusal):
            return .refused(refusal)
        case .add(let text):
            entries.append(text)
            message = nil
        case .edit(let index, let text):
            guard !text.isEmpty else { return .refused("Type the new wording after the number: edit \(index + 1) NEW TEXT.") }
            entries[index] = text
            message = "Changed \(editor.name) \(index + 1)."
        case .delete(let index):
            entries.remove(at: index)
            message = "Deleted \(editor.name) \(index + 1)."
        case .move(let index, let list):
            let moved = entries.remove(at: index)
            let target = Self.step(forList: list)
            var others = Self.entries(target, of: assessment)
            others.append(moved)
            Self.setEntries(others, for: target, in: &assessment)
            message = "Moved \(editor.name) \(index + 1) to \(list) (now \(list) \(others.count))."
        }
        Self.setEntries(entries, for: step, in: &assessment)
        Self.store(assessment, in: &session)
        session.assessmentCursor = cursor
        session.updatedAt = now
        return .accepted(session, message: message)
    }
}
