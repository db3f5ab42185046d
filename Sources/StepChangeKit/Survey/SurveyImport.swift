import Foundation

/// Reads a survey tool's wide export — one row per respondent, one column per statement, answers as
/// labels, comment and metadata columns, one or two header rows — into a `Survey` for the session, and
/// says exactly what it found before anything is written: which column became which item, which answer
/// became which level, what was ignored, and every cell it could not read, by spreadsheet row and column.
public struct SurveyImport: Equatable, Sendable {
    /// What one column of the export is used for.
    public enum Use: Equatable, Sendable {
        case item(String)
        case comment(headingID: String?, itemID: String?)
        case name
        case ignored(String)
    }

    /// A column, its header as shown, and its use.
    public struct Column: Equatable, Sendable {
        public var index: Int
        public var header: String
        public var use: Use
    }

    /// One distinct answer text, the level it became, and how many cells gave it.
    public struct Answer: Equatable, Sendable {
        public var text: String
        public var score: Score
        public var cells: Int
    }

    public let source: String
    /// The spreadsheet rows read as headers (one or two).
    public let headerRows: [Int]
    public let columns: [Column]
    public let answers: [Answer]
    /// Cells that could not be read; they are left out of the survey.
    public let unreadable: [Problem]
    public let survey: Survey
    /// Items of the framework no column was matched to.
    public let itemsWithoutColumn: [String]
    /// Round 1 scores from respondents who are the workshop's own participants, by item.
    public let namedScores: [String: [ParticipantScore]]
    /// Items whose named scores are not used because the group has already scored them.
    public let alreadyScored: [String]
    /// The survey this import replaces, if the session has one.
    public let replaces: Survey?
    /// What to do when most unreadable answers belong to another built-in framework's scale
    /// (an agree/disagree survey imported into a session scored on development levels).
    public let scaleHint: String?

    /// The most unreadable cells listed one by one; the rest are counted.
    public static let unreadableListed = 20

    /// Works out the import of `sheet` into `session` without changing it; `apply` makes the change.
    public init(sheet: Sheet, session: Session, source: String, mapping: SurveyMapping = SurveyMapping(), now: Date) throws(StepChangeError) {
        let framework = session.framework
        self.source = source
        replaces = session.survey
        let candidates = Array(sheet.rows.prefix(2))
        guard let first = candidates.first else {
            throw StepChangeError(.input, "\(source) is empty.", hint: "Export the survey responses with a header row, one row per respondent.")
        }
        func matches(_ row: Sheet.Row) -> Int {
            row.cells.indices.filter { index in
                if case .item? = mapping.target(column: index, header: row[index]) { return true }
                return SurveyMatching.items(for: row[index], in: framework).count == 1
            }.count
        }
        let twoRows = candidates.count == 2 && matches(candidates[1]) > matches(first)
        let header = twoRows ? candidates[1] : first
        let sections: Sheet.Row? = twoRows ? first : nil
        headerRows = twoRows ? [first.row, candidates[1].row] : [first.row]
        let width = max(header.cells.count, sections?.cells.count ?? 0)

        var columns: [Column] = []
        var section = ""
        var lastItemHeading: String?
        var claimed: [String: Int] = [:]
        for index in 0..<width {
            let own = sections?[index] ?? ""
            if !own.trimmingCharacters(in: .whitespaces).isEmpty { section = own }
            let text = header[index].trimmingCharacters(in: .whitespacesAndNewlines)
            let generic = ["response", "open ended response", "answer", ""].contains(SurveyMatching.normalised(text))
            let shown = generic && !own.isEmpty ? own : (text.isEmpty ? section : text)
            let sectionHeading = SurveyMatching.heading(for: section, in: framework)?.id
            var use: Use
            if let target = mapping.target(column: index, header: text) ?? mapping.target(column: index, header: own) {
                switch target {
                case .item(let id): use = .item(id)
                case .comment(let heading): use = .comment(headingID: heading ?? sectionHeading, itemID: nil)
                case .name: use = .name
                case .ignore: use = .ignored("ignored by the mapping file")
                }
            } else if SurveyMatching.isCommentHeader(text) || (generic && SurveyMatching.isCommentHeader(own)) {
                let named = SurveyMatching.items(for: text, in: framework)
                let itemID = named.count == 1 && framework.item(String(text.prefix { !$0.isWhitespace && $0 != ":" })) != nil ? named[0].id : nil
                let heading = SurveyMatching.heading(for: text, in: framework)?.id ?? SurveyMatching.heading(for: own, in: framework)?.id
                    ?? sectionHeading ?? lastItemHeading
                use = .comment(headingID: itemID == nil ? heading : framework.heading(containing: itemID ?? "")?.id, itemID: itemID)
            } else if SurveyMatching.isNameHeader(text.isEmpty ? own : text) {
                use = .name
            } else {
                let found = SurveyMatching.items(for: text, in: framework)
                if found.count == 1 {
                    use = .item(found[0].id)
                } else if found.count > 1 {
                    use = .ignored("matches several items (\(found.map(\.id).joined(separator: ", "))); name one in a mapping file")
                } else if text.isEmpty && own.isEmpty {
                    use = .ignored("no header")
                } else if SurveyMatching.isMetadataHeader(shown) {
                    use = .ignored("about the response, not an answer")
                } else {
                    use = .ignored("not a statement of \(framework.id)")
                }
            }
            if case .item(let id) = use {
                if let earlier = claimed[id] {
                    use = .ignored("\(id) is already read from column \(Sheet.columnName(earlier))")
                } else {
                    claimed[id] = index
                    lastItemHeading = framework.heading(containing: id)?.id
                }
            }
            columns.append(Column(index: index, header: shown, use: use))
        }
        self.columns = columns
        let itemColumns = columns.compactMap { column -> (Int, String)? in
            if case .item(let id) = column.use { return (column.index, id) }
            return nil
        }
        guard !itemColumns.isEmpty else {
            let shown = columns.prefix(12).map { "\(Sheet.columnName($0.index)) \"\($0.header.prefix(40))\"" }.joined(separator: ", ")
            throw StepChangeError(.input, "\(source): no column matches a statement of \(framework.id); nothing was imported.",
                                  problems: [Problem(source: source, location: "row \(header.row)", message: "the headers are \(shown)")],
                                  hint: "Check the session's framework, or write a mapping file (column \"HEADER\" = ITEM) and pass it with --mapping.")
        }
        itemsWithoutColumn = framework.itemIDs.filter { claimed[$0] == nil }

        let scale = framework.scale
        var counts: [String: [Int: Int]] = [:]
        var dontKnows: [String: Int] = [:]
        var answerOrder: [String] = []
        var answerUse: [String: (text: String, score: Score, cells: Int)] = [:]
        var unreadable: [Problem] = []
        var unreadableCount = 0
        let otherScales = FrameworkCatalog.builtIns.filter { $0.scale != framework.scale }
        var otherScaleCounts = [Int](repeating: 0, count: otherScales.count)
        var unlistedTexts: [String: Int] = [:]
        var comments: [SurveyComment] = []
        var respondents = 0
        var named: [String: [ParticipantScore]] = [:]
        var namedRows: [String: Sheet.Row] = [:]
        let nameColumn = columns.first { $0.use == .name }?.index
        for row in sheet.rows.dropFirst(headerRows.count) {
            var answered = false
            var rowScores: [(String, Score)] = []
            for (index, itemID) in itemColumns {
                let text = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                guard let score = SurveyMatching.answer(text, on: scale, extra: mapping.answers) else {
                    unreadableCount += 1
                    for (index, other) in otherScales.enumerated() where SurveyMatching.answer(text, on: other.scale) != nil {
                        otherScaleCounts[index] += 1
                    }
                    if unreadable.count < Self.unreadableListed {
                        unreadable.append(Problem(source: source, location: Sheet.location(row, column: index),
                                                  message: "\"\(text.prefix(60))\" (\(itemID)) is not an answer on the scale: \(Self.scaleWords(scale))"))
                    } else {
                        unlistedTexts[String(text.prefix(40)), default: 0] += 1
                    }
                    continue
                }
                answered = true
                rowScores.append((itemID, score))
                let key = SurveyMatching.normalised(text)
                if answerUse[key] == nil { answerOrder.append(key); answerUse[key] = (text, score, 0) }
                answerUse[key]?.cells += 1
                switch score {
                case .value(let value): counts[itemID, default: [:]][value, default: 0] += 1
                case .dontKnow: dontKnows[itemID, default: 0] += 1
                }
            }
            for column in columns {
                guard case .comment(let headingID, let itemID) = column.use else { continue }
                let text = Self.cleanComment(row[column.index])
                guard !text.isEmpty, !["n a", "na", "none", "no"].contains(SurveyMatching.normalised(text)) || text.count > 4 else { continue }
                answered = true
                comments.append(SurveyComment(id: "C\(comments.count + 1)", headingID: headingID, itemID: itemID, text: text))
            }
            guard answered else { continue }
            respondents += 1
            if let nameColumn, let participant = session.participant(row[nameColumn]) {
                if let earlier = namedRows[participant.id] {
                    unreadableCount += 1
                    unreadable.append(Problem(source: source, location: Sheet.location(row, column: nameColumn),
                                              message: "\(participant.name) also answered in \(Sheet.location(earlier)); only the first is used as their round 1"))
                    continue
                }
                namedRows[participant.id] = row
                for (itemID, score) in rowScores { named[itemID, default: []].append(ParticipantScore(participant: participant.id, score: score)) }
            }
            guard respondents <= Survey.maximumRespondents else {
                throw StepChangeError(.input, "\(source) has more than \(Survey.maximumRespondents) responses; nothing was imported.",
                                      hint: "Check that this is the survey export, not another file.")
            }
        }
        if unreadableCount > unreadable.count {
            let common = unlistedTexts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8)
                .map { "\"\($0.key)\" × \($0.value)" }.joined(separator: ", ")
            unreadable.append(Problem(source: source, message: "and \(unreadableCount - unreadable.count) more cells not read"
                                      + (common.isEmpty ? "" : ", most often: \(common)")))
        }
        self.unreadable = unreadable
        if let best = otherScaleCounts.indices.max(by: { otherScaleCounts[$0] < otherScaleCounts[$1] }),
           otherScaleCounts[best] > 0, otherScaleCounts[best] * 2 >= unreadableCount {
            let other = otherScales[best]
            let example = other.scale.levels.last.map { "answer \"\($0.label)\" = \(scale.highest)" } ?? ""
            scaleHint = "Most answers not read are on the scale of \(other.id) (\(other.scale.levels.map(\.label).joined(separator: ", "))), "
                + "but this session uses \(framework.id). Create the session with --framework \(other.id) to score on the survey's scale, "
                + "or map each answer in a mapping file (e.g. \(example))."
        } else {
            scaleHint = nil
        }
        answers = answerOrder.compactMap { key in answerUse[key].map { Answer(text: $0.text, score: $0.score, cells: $0.cells) } }
            .sorted { Self.order($0.score, scale) < Self.order($1.score, scale) }
        let items = framework.itemIDs.compactMap { itemID -> SurveyItem? in
            guard claimed[itemID] != nil else { return nil }
            return SurveyItem(itemID: itemID, counts: scale.values.map { SurveyCount(value: $0, count: counts[itemID]?[$0] ?? 0) },
                              dontKnow: dontKnows[itemID] ?? 0)
        }
        guard respondents > 0 else {
            throw StepChangeError(.input, "\(source) has headers but no responses that could be read; nothing was imported.",
                                  problems: unreadable, hint: scaleHint ?? "Check that the answers use the scale of \(framework.id): \(Self.scaleWords(scale)).")
        }
        survey = Survey(source: InboundText.clean(source), importedAt: now, respondents: respondents, items: items, comments: comments)
        let order = session.participants.map(\.id)
        alreadyScored = named.keys.filter { session.assessment(of: $0)?.rounds.isEmpty == false }.sorted()
        namedScores = named.filter { session.assessment(of: $0.key)?.rounds.isEmpty != false }.mapValues { scores in
            scores.sorted { (order.firstIndex(of: $0.participant) ?? 0) < (order.firstIndex(of: $1.participant) ?? 0) }
        }
    }

    /// The session with the survey recorded (replacing any earlier one) and, for items not yet scored,
    /// the named participants' answers as an imported round 1.
    public func apply(to session: Session) -> Session {
        var session = session
        session.survey = survey
        for itemID in session.framework.itemIDs {
            guard let scores = namedScores[itemID], !scores.isEmpty else { continue }
            var assessment = session.assessment(of: itemID) ?? ItemAssessment(itemID: itemID)
            guard assessment.rounds.isEmpty else { continue }
            assessment.rounds = [ScoringRound(number: 1, scores: scores, source: .imported)]
            AssessmentStage.store(assessment, in: &session)
        }
        return session
    }

    /// The dry run as lines of text: the mapping found, the answers, what could not be read and what
    /// the import will do.
    public func summary(framework: Framework) -> [String] {
        let scale = framework.scale
        var lines: [String] = []
        let headerText = headerRows.count == 2 ? "header rows \(headerRows[0]) and \(headerRows[1]) (sections, then statements)" : "header row \(headerRows[0])"
        lines.append("\(source): \(headerText); \(survey.respondents) response\(survey.respondents == 1 ? "" : "s").")
        lines.append("")
        lines.append("Columns:")
        for column in columns {
            let letter = Sheet.columnName(column.index).padding(toLength: 3, withPad: " ", startingAt: 0)
            let header = "\"" + Self.shortened(column.header, 48) + "\""
            switch column.use {
            case .item(let id): lines.append("  \(letter) \(id.padding(toLength: 5, withPad: " ", startingAt: 0)) ← \(header)")
            case .comment(let heading, let item):
                let whose = item.map { "comments on \($0)" } ?? heading.map { "comments on heading \($0)" } ?? "general comments"
                lines.append("  \(letter) \(whose) ← \(header)")
            case .name: lines.append("  \(letter) respondent's name (matched to participants) ← \(header)")
            case .ignored(let why): lines.append("  \(letter) ignored: \(header) — \(why)")
            }
        }
        if !itemsWithoutColumn.isEmpty {
            lines.append("No column for: \(itemsWithoutColumn.joined(separator: ", ")).")
        }
        lines.append("")
        lines.append("Answers:")
        for answer in answers {
            let level: String
            switch answer.score {
            case .value(let value): level = "\(value) \(scale.level(value)?.label ?? "")"
            case .dontKnow: level = "don't know"
            }
            lines.append("  \"\(Self.shortened(answer.text, 40))\" → \(level) (\(answer.cells) cell\(answer.cells == 1 ? "" : "s"))")
        }
        if !unreadable.isEmpty {
            lines.append("")
            lines.append("Not read (left out of the survey):")
            lines += unreadable.map { "  " + [$0.location, $0.message].compactMap { $0 }.joined(separator: ": ") }
            if let scaleHint { lines.append(scaleHint) }
        }
        lines.append("")
        var will = ["record the survey: \(survey.respondents) response\(survey.respondents == 1 ? "" : "s") to \(survey.items.count) item\(survey.items.count == 1 ? "" : "s"), \(survey.comments.count) comment\(survey.comments.count == 1 ? "" : "s") (shown without names)"]
        if let replaces { will.append("replace the survey imported from \(replaces.source)") }
        let namedCount = Set(namedScores.values.flatMap { $0.map(\.participant) }).count
        if namedCount > 0 {
            will.append("make round 1 of \(namedScores.count) item\(namedScores.count == 1 ? "" : "s") from \(namedCount) respondent\(namedCount == 1 ? "" : "s") who are this workshop's participants")
        }
        if !alreadyScored.isEmpty { will.append("leave the group's scores of \(alreadyScored.joined(separator: ", ")) as they are") }
        lines.append("This import will " + will.joined(separator: "; ") + ".")
        return lines
    }

    /// A comment as kept: cleaned at the boundary like all text from outside (line breaks kept,
    /// escape sequences and other control characters dropped), outer white space trimmed.
    static func cleanComment(_ text: String) -> String {
        InboundText.clean(text, .multiLine).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func order(_ score: Score, _ scale: Scale) -> Int {
        switch score {
        case .value(let value): scale.index(of: value) ?? 0
        case .dontKnow: scale.levels.count
        }
    }

    static func scaleWords(_ scale: Scale) -> String {
        let levels = scale.levels.map { "\($0.value) \($0.label)" }
        return levels.joined(separator: ", ") + (scale.dontKnow.map { ", or \($0.label)" } ?? "")
    }

    static func shortened(_ text: String, _ length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > length ? String(flat.prefix(length - 1)) + "…" : flat
    }
}
