import Foundation
import StepChangeKit

/// The pages a participant's phone shows, as pure functions of the session and who the device is.
/// A device only ever sees its own score before the reveal, and only counts of everyone else's.
enum ParticipantPages {
    static func joinCode(error: String?, version: Int) -> String {
        var body = "<h1>Join the workshop</h1>"
        if let error { body += "<p class=\"error\">\(HTMLRenderer.escape(error))</p>" }
        body += "<form method=\"post\" action=\"/join\"><label for=\"code\">Join code (on the screen)</label>"
        body += "<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"12\" required>"
        body += "<button class=\"primary\" type=\"submit\">Continue</button></form>"
        return PageLayout.page(title: "Join the workshop", body: body, version: version, refresh: .never)
    }

    static func names(_ session: Session, code: String, claimed: Set<String>, error: String?, version: Int) -> String {
        var body = "<p class=\"meta\">\(HTMLRenderer.escape(session.title))</p><h1>Who are you?</h1>"
        if let error { body += "<p class=\"error\">\(HTMLRenderer.escape(error))</p>" }
        if session.participants.isEmpty {
            body += "<p class=\"note\">The facilitator has not added the participants yet. This page updates by itself.</p>"
        }
        body += "<form method=\"post\" action=\"/claim\"><input type=\"hidden\" name=\"code\" value=\"\(HTMLRenderer.escape(code))\">"
        for participant in session.participants {
            let organisation = participant.organisation.isEmpty ? "" : "<small>\(HTMLRenderer.escape(participant.organisation))</small>"
            if claimed.contains(participant.id) {
                body += "<button type=\"submit\" disabled><b>✓</b> \(HTMLRenderer.escape(participant.name)) <small>already joined on another device</small></button>"
            } else {
                body += "<button type=\"submit\" name=\"participant\" value=\"\(HTMLRenderer.escape(participant.id))\">\(HTMLRenderer.escape(participant.name))\(organisation)</button>"
            }
        }
        body += "</form><p class=\"meta\">Not on the list, or someone took your name? Tell the facilitator.</p>"
        return PageLayout.page(title: "Who are you?", body: body, version: version, refresh: .whenUntouched)
    }

    static func current(_ session: Session, participant: Participant, notice: String?, changing: Bool, now: Date, version: Int) -> String {
        var body = "<p class=\"meta\">\(HTMLRenderer.escape(participant.name)) · \(HTMLRenderer.escape(session.title))</p>"
        if let notice { body += "<p class=\"error\">\(HTMLRenderer.escape(notice))</p>" }
        var refresh = PageLayout.Refresh.always
        switch RoomActivity.current(in: session) {
        case .waiting(let text):
            body += "<h1>Please wait</h1><p class=\"note\">\(HTMLRenderer.escape(text.isEmpty ? "The group is talking." : text)) This page updates by itself.</p>"
        case .scoring(let itemID, let round):
            let pending = RoomScoring.currentScores(in: session, itemID: itemID, round: round)
            if let mine = pending.scores.first(where: { $0.participant == participant.id }), !changing {
                body += itemHeader(session, itemID: itemID, round: round)
                let scale = session.framework.scale
                let label = mine.score.number.flatMap { scale.level($0)?.label }.map { " (\($0))" } ?? ""
                body += "<p class=\"ok\">Your score is in — \(pending.scores.count) of \(session.participants.count) have scored.</p>"
                body += "<p>You scored <b>\(mine.score == .dontKnow ? "don't know" : mine.score.description)\(HTMLRenderer.escape(label))</b>."
                body += " Scores stay hidden until the facilitator reveals them.</p>"
                body += "<p><a class=\"button\" href=\"/p?change=1\">Change my score</a></p>"
            } else {
                body += scoringForm(session, itemID: itemID, round: round, current: pending.scores.first { $0.participant == participant.id })
                refresh = .whenUntouched
            }
        case .revealed(let itemID):
            body += revealed(session, itemID: itemID)
        case .voting:
            body += votingForm(session, participant: participant)
            refresh = .whenUntouched
        case .votesClosed:
            body += "<h1>Voting is closed</h1>" + tally(session)
        case .planning(let statementID):
            body += "<h1>Planning</h1>"
            if let statementID, let statement = session.statement(statementID) {
                body += "<p class=\"note\">The group is planning \(HTMLRenderer.escape(statement.id)): \(HTMLRenderer.escape(statement.text))</p>"
            }
            body += "<p>Follow the plan on the screen. Nothing to do on your phone.</p>"
        case .finished:
            body += "<h1>Thank you</h1><p>The workshop is complete.</p>"
        }
        body += "<form method=\"post\" action=\"/leave\"><button class=\"quiet\" type=\"submit\">Not \(HTMLRenderer.escape(participant.name))? Leave this device</button></form>"
        return PageLayout.page(title: "Workshop", body: body, version: version, refresh: refresh)
    }

    static func itemHeader(_ session: Session, itemID: String, round: Int) -> String {
        guard let item = session.framework.item(itemID), let heading = session.framework.heading(containing: itemID) else { return "" }
        let position = (heading.items.firstIndex { $0.id == itemID } ?? 0) + 1
        var out = "<p class=\"meta\">\(HTMLRenderer.escape(heading.title)) · \(HTMLRenderer.escape(item.id)) (\(position) of \(heading.items.count))"
        if round > 1 { out += " · round \(round)" }
        out += "</p><h1>\(HTMLRenderer.escape(item.prompt))</h1>"
        return out
    }

    static func scoringForm(_ session: Session, itemID: String, round: Int, current: ParticipantScore?) -> String {
        guard let item = session.framework.item(itemID) else { return "" }
        let scale = session.framework.scale
        var out = itemHeader(session, itemID: itemID, round: round)
        if !item.guidance.isEmpty { out += "<p class=\"note\"><b>Good looks like:</b> \(HTMLRenderer.escape(item.guidance))</p>" }
        out += "<form method=\"post\" action=\"/score\"><input type=\"hidden\" name=\"item\" value=\"\(HTMLRenderer.escape(itemID))\">"
        out += "<input type=\"hidden\" name=\"round\" value=\"\(round)\">"
        out += "<label for=\"comment\">Why I scored this (optional, not shown with my name)</label>"
        out += "<input type=\"text\" id=\"comment\" name=\"comment\" maxlength=\"\(RoomScoring.commentLimit)\" value=\"\(HTMLRenderer.escape(current?.comment ?? ""))\">"
        out += "<p class=\"meta\">Tap your score:</p>"
        for level in scale.levels {
            out += "<button type=\"submit\" name=\"score\" value=\"\(level.value)\"><b>\(level.value)</b>\(HTMLRenderer.escape(level.label))<small>\(HTMLRenderer.escape(level.descriptor))</small></button>"
        }
        if let dontKnow = scale.dontKnow {
            out += "<button type=\"submit\" name=\"score\" value=\"dont-know\"><b>?</b>\(HTMLRenderer.escape(dontKnow.label))<small>\(HTMLRenderer.escape(dontKnow.descriptor))</small></button>"
        }
        return out + "</form>"
    }

    static func revealed(_ session: Session, itemID: String) -> String {
        guard let round = session.assessment(of: itemID)?.latestRound else { return "" }
        let stats = ConsensusStatistics(round: round, scale: session.framework.scale)
        var out = itemHeader(session, itemID: itemID, round: round.number)
        out += "<p class=\"ok\">\(HTMLRenderer.escape(ScoreSummary.line(stats)))</p>"
        out += "<p class=\"meta\">\(stats.count) score\(stats.count == 1 ? "" : "s"), \(stats.abstentions) don't know, of \(session.participants.count) participants.</p>"
        let highest = max(1, stats.distribution.map(\.count).max() ?? 1)
        var rows = stats.distribution.map { (String($0.value), $0.count) }
        if session.framework.scale.dontKnow != nil { rows.append(("?", stats.abstentions)) }
        for (label, count) in rows {
            out += "<div class=\"bar\"><span class=\"label\">\(HTMLRenderer.escape(label))</span><span class=\"fill\" style=\"width:\(count * 70 / highest)%\"></span><span>\(count)</span></div>"
        }
        if let consensus = session.assessment(of: itemID)?.consensus {
            out += "<p>The group agreed <b>\(consensus.score)</b>.</p>"
        } else {
            out += "<p class=\"note\">Discuss; the facilitator may open another round of scoring.</p>"
        }
        return out + SurveyBeside.html(session, itemID: itemID)
    }

    static func votingForm(_ session: Session, participant: Participant) -> String {
        let allowance = session.settings.votesPerParticipant
        let mine = Dictionary(session.votes.filter { $0.participant == participant.id }.map { ($0.statement, $0.count) }, uniquingKeysWith: +)
        let given = mine.values.reduce(0, +)
        var out = "<h1>Your votes</h1><p>You have <b>\(allowance)</b> vote\(allowance == 1 ? "" : "s") to give across the statements; more than one may go to the same statement.</p>"
        if given > 0 { out += "<p class=\"ok\">Your \(given) vote\(given == 1 ? " is" : "s are") saved. You can change them until voting closes.</p>" }
        out += "<form method=\"post\" action=\"/vote\"><table>"
        for statement in session.statements {
            out += "<tr><td><b>\(HTMLRenderer.escape(statement.id))</b> \(HTMLRenderer.escape(statement.text))</td><td><select name=\"\(HTMLRenderer.escape(statement.id))\" aria-label=\"Votes for \(HTMLRenderer.escape(statement.id))\">"
            for count in 0...allowance {
                out += "<option value=\"\(count)\"\(mine[statement.id] == count ? " selected" : "")>\(count)</option>"
            }
            out += "</select></td></tr>"
        }
        return out + "</table><button class=\"primary\" type=\"submit\">Save my votes</button></form>"
    }

    static func tally(_ session: Session) -> String {
        let tally = VoteTally(session: session)
        var out = "<table>"
        for entry in tally.entries {
            let text = session.statement(entry.statementID)?.text ?? ""
            out += "<tr><td>\(entry.tied ? "=" : "")\(entry.rank)</td><td><b>\(HTMLRenderer.escape(entry.statementID))</b> \(HTMLRenderer.escape(text))</td><td>\(entry.votes)</td></tr>"
        }
        return out + "</table>"
    }
}
