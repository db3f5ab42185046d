import Foundation

/// Scores gathered before the workshop (a survey each participant filled in), read from CSV with
/// the columns `participant,item,score[,comment]`. Every row is checked first; the scores become
/// round 1 of each item, marked imported, only when every row is good.
public enum ScoreImport {
    /// The session with the imported rounds added, and how many scores and items were imported.
    public static func apply(_ rows: [CSVReader.Row], to session: Session, source: String) throws(StepChangeError) -> (session: Session, scores: Int, items: Int) {
        guard let header = rows.first else {
            throw StepChangeError(.input, "\(source) is empty.", hint: "The first line must be the header participant,item,score (comment optional).")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let participantColumn = column("participant"), let itemColumn = column("item"), let scoreColumn = column("score") else {
            let missing = ["participant", "item", "score"].filter { column($0) == nil }
            throw StepChangeError(.input, "\(source) has no \(missing.joined(separator: ", ")) column.",
                problems: [Problem(source: source, location: header.location, message: "the header is \"\(header.fields.joined(separator: ","))\"; expected participant,item,score (comment optional)")],
                hint: "Put the header participant,item,score,comment on the first line. Nothing was imported.")
        }
        let commentColumn = column("comment")
        let scale = session.framework.scale
        var problems = RowProblems(source: source)
        var imported: [String: [ParticipantScore]] = [:]
        var seen: [String: String] = [:]
        for row in rows.dropFirst() {
            guard problems.keepChecking(at: row) else { break }
            func report(_ message: String) { problems.report(message, at: row) }
            let field = { (index: Int) in index < row.fields.count ? InboundText.clean(row.fields[index], .multiLine).trimmingCharacters(in: .whitespaces) : "" }
            let who = field(participantColumn), itemRef = field(itemColumn), scoreText = field(scoreColumn)
            var rowOK = true
            let participant = session.participant(who)
            if participant == nil {
                rowOK = false
                let guess = Suggestion.closest(to: who, among: session.participants.map(\.name)).map { " Did you mean \($0)?" } ?? ""
                report(who.isEmpty ? "the participant is missing" :
                    "\"\(who)\" is not a participant of this session.\(guess) Participants: \(session.participants.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))")
            }
            let item = session.framework.item(itemRef)
            if item == nil {
                rowOK = false
                let guess = Suggestion.closest(to: itemRef, among: session.framework.itemIDs).map { " Did you mean \($0)?" } ?? ""
                report(itemRef.isEmpty ? "the item is missing" : "\"\(itemRef)\" is not an item of \(session.framework.id).\(guess)")
            } else if let item, session.assessment(of: item.id)?.rounds.isEmpty == false {
                rowOK = false
                report("\(item.id) already has scores in this session; import only items not yet scored")
            }
            let score = Score.parse(scoreText, on: scale)
            if score == nil {
                rowOK = false
                report("score \"\(scoreText)\" is not on the scale; expected one of \(scale.values.map(String.init).joined(separator: ", "))\(scale.dontKnow == nil ? "" : " or dont know")")
            }
            guard rowOK, let participant, let item, let score else { continue }
            let key = participant.id + "\u{0}" + item.id
            if let earlier = seen[key] {
                report("\(participant.name) already has a score for \(item.id) on \(earlier)")
                continue
            }
            seen[key] = row.location
            let comment = commentColumn.map(field).flatMap { $0.isEmpty ? nil : $0 }
            imported[item.id, default: []].append(ParticipantScore(participant: participant.id, score: score, comment: comment))
        }
        guard problems.isEmpty else {
            if problems.uncheckedFrom != nil {
                throw StepChangeError(.input, "\(source) has too many bad rows to list; nothing was imported. The first \(problems.count) problems:",
                                      problems: problems.listed,
                                      hint: "Check that this is the right file, correct the rows named above and import it again.")
            }
            throw StepChangeError(.input, "\(source) has \(problems.count) bad row\(problems.count == 1 ? "" : "s"); nothing was imported:",
                                  problems: problems.listed, hint: "Correct the rows named above and import the file again.")
        }
        guard !imported.isEmpty else {
            throw StepChangeError(.input, "\(source) has a header but no scores.", hint: "Add one row per participant and item.")
        }
        var session = session
        let order = session.participants.map(\.id)
        for itemID in session.framework.itemIDs {
            guard let scores = imported[itemID] else { continue }
            let sorted = scores.sorted { (order.firstIndex(of: $0.participant) ?? 0) < (order.firstIndex(of: $1.participant) ?? 0) }
            var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
            assessment.rounds = [ScoringRound(number: 1, scores: sorted, source: .imported)]
            AssessmentStage.store(assessment, in: &session)
        }
        return (session, imported.values.map(\.count).reduce(0, +), imported.count)
    }
}
