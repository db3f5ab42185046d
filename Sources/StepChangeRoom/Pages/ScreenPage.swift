import Foundation
import StepChangeKit

/// The projector's page: what the whole room may see, in large type. The current item and scale
/// with the count of scores in (never who), the heading's agenda time, the reveal chart, the vote
/// tally once voting closes, and the outcome chain of the statement being planned. It never shows
/// facilitator prompts or commands.
enum ScreenPage {
    /// `joinQR` is the QR code of `joinURL`, made once by the caller: encoding it (eight masks scored)
    /// for every load of the page would make each refresh, and each hostile request, costly.
    static func render(_ session: Session, joinURL: String?, joinQR: QRCode?, joinCode: String, now: Date, version: Int) -> String {
        var body = ""
        switch RoomActivity.current(in: session) {
        case .waiting(let text):
            body += "<p class=\"meta\">\(HTMLRenderer.escape(session.title))</p><h1>\(HTMLRenderer.escape(text.isEmpty ? "The group is talking." : text))</h1>"
            body += join(joinURL, qr: joinQR, large: true)
        case .scoring(let itemID, let round):
            let pending = RoomScoring.currentScores(in: session, itemID: itemID, round: round)
            body += "<div class=\"side\"><div class=\"grow\">" + itemHeading(session, itemID: itemID, round: round, now: now)
            body += "<p class=\"count\">\(pending.scores.count) of \(session.participants.count) scores in</p></div>"
            body += join(joinURL, qr: joinQR, large: false) + "</div>"
            body += "<div class=\"scale\">"
            for level in session.framework.scale.levels {
                body += "<div class=\"level\"><b>\(level.value) \(HTMLRenderer.escape(level.label))</b><small>\(HTMLRenderer.escape(level.descriptor))</small></div>"
            }
            body += "</div>"
        case .revealed(let itemID):
            guard let round = session.assessment(of: itemID)?.latestRound else { break }
            let stats = ConsensusStatistics(round: round, scale: session.framework.scale)
            body += itemHeading(session, itemID: itemID, round: round.number, now: now)
            body += DistributionChart.svg(stats, scale: session.framework.scale)
            body += "<p class=\"summary\"><b>\(HTMLRenderer.escape(ScoreSummary.line(stats)))</b> — \(stats.count) score\(stats.count == 1 ? "" : "s"), \(stats.abstentions) don't know</p>"
            if let consensus = session.assessment(of: itemID)?.consensus {
                body += "<p class=\"count\">Agreed: \(consensus.score)</p>"
            }
            body += SurveyBeside.html(session, itemID: itemID)
        case .voting:
            let voters = Set(session.votes.map(\.participant)).count
            body += "<p class=\"meta\">\(HTMLRenderer.escape(session.title))</p><h1>Dot voting is open</h1>"
            body += "<p class=\"count\">\(voters) of \(session.participants.count) have voted</p>"
            body += "<p>Each person has \(session.settings.votesPerParticipant) votes. Vote on your phone; the tally appears when voting closes.</p>"
            body += "<table>" + session.statements.map { "<tr><td><b>\(HTMLRenderer.escape($0.id))</b></td><td>\(HTMLRenderer.escape($0.text))</td></tr>" }.joined() + "</table>"
        case .votesClosed:
            body += "<h1>Vote tally</h1>" + ParticipantPages.tally(session)
        case .planning(let statementID):
            body += chain(session, statementID: statementID)
        case .finished:
            body += "<h1>\(HTMLRenderer.escape(session.title))</h1><p class=\"summary\">The workshop is complete. Thank you.</p>"
        }
        return PageLayout.page(title: session.title, body: body, version: version, refresh: .always, projector: true)
    }

    static func itemHeading(_ session: Session, itemID: String, round: Int, now: Date) -> String {
        guard let item = session.framework.item(itemID), let heading = session.framework.heading(containing: itemID) else { return "" }
        let position = (heading.items.firstIndex { $0.id == itemID } ?? 0) + 1
        var meta = "\(heading.title) · \(item.id) (\(position) of \(heading.items.count))"
        if round > 1 { meta += " · round \(round)" }
        if let planned = session.settings.minutesPerHeading, let start = session.assessmentCursor?.headingStarts[heading.id] {
            let used = max(0, Int(now.timeIntervalSince(start) / 60))
            meta += " · \(used) of \(planned) minutes" + (used > planned ? " (over time)" : "")
        }
        return "<p class=\"meta\">\(HTMLRenderer.escape(meta))</p><h1>\(HTMLRenderer.escape(item.prompt))</h1>"
    }

    static func join(_ url: String?, qr: QRCode?, large: Bool) -> String {
        guard let url, let code = qr else { return "" }
        return "<div class=\"join\">\(code.svg(pixels: large ? 360 : 220, label: "QR code to join"))<br>Join: <code>\(HTMLRenderer.escape(url))</code></div>"
    }

    /// The outcome chain of the statement being planned: long ← medium ← short, then what exists, the gaps and the actions.
    static func chain(_ session: Session, statementID: String?) -> String {
        guard let statementID, let statement = session.statement(statementID) else {
            return "<h1>Outcome-based planning</h1><p class=\"summary\">The group is choosing what to plan.</p>"
        }
        let plan = session.plan(for: statement.id) ?? OutcomePlan(statementID: statement.id)
        func list(_ entries: [String]) -> String {
            entries.isEmpty ? "<p class=\"meta\">—</p>" : "<ul>" + entries.map { "<li>\(HTMLRenderer.escape($0))</li>" }.joined() + "</ul>"
        }
        var out = "<p class=\"meta\">Planning \(HTMLRenderer.escape(statement.id))</p><h1 style=\"font-size:1.35em\">\(HTMLRenderer.escape(statement.text))</h1><div class=\"chain\">"
        out += "<div><h2>Long-term outcome</h2>\(list(plan.outcomes(at: .long).map(\.text)))</div>"
        out += "<div><h2>← Medium-term outcomes</h2>\(list(plan.outcomes(at: .medium).map(\.text)))</div>"
        out += "<div><h2>← Short-term outcomes</h2>\(list(plan.outcomes(at: .short).map(\.text)))</div>"
        out += "<div><h2>What already exists</h2>\(list(plan.existingProvision.map(\.text)))</div>"
        out += "<div><h2>Gaps</h2>\(list(plan.gaps.map(\.text)))</div>"
        out += "<div><h2>Actions</h2>\(list(plan.actions.map { "\($0.ref) \($0.description.isEmpty ? $0.objective : $0.description)" + ($0.lead.isEmpty ? "" : " — \($0.lead)") }))</div>"
        return out + "</div>"
    }
}
