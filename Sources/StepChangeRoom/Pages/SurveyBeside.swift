import Foundation
import StepChangeKit

/// The pre-workshop survey shown beside the room's scores at the reveal: the two distributions as a
/// table and the survey's comments on the item (and its heading), never attributed on a shared page.
enum SurveyBeside {
    static func html(_ session: Session, itemID: String) -> String {
        var out = ""
        if let comparison = SurveyComparison(session: session, itemID: itemID) {
            out += "<section class=\"survey\"><p class=\"meta\">\(HTMLRenderer.escape(comparison.surveyHeadline))</p>"
            out += "<table><tr><th></th><th>Survey</th><th>Room</th></tr>"
            for row in comparison.rows {
                let key = row.value.map(String.init) ?? "?"
                out += "<tr><td>\(HTMLRenderer.escape(key)) \(HTMLRenderer.escape(row.label))</td><td>\(row.survey)</td><td>\(row.room.map(String.init) ?? "")</td></tr>"
            }
            out += "</table></section>"
        }
        let comments = SurveyRevealComments(session: session, itemID: itemID)
        if !comments.item.isEmpty || !comments.heading.isEmpty {
            out += "<section class=\"comments\">"
            if !comments.item.isEmpty {
                out += "<p class=\"meta\">Comments on this item (\(comments.item.count))</p><ul>"
                out += comments.item.map { "<li>\(HTMLRenderer.escape($0.text))</li>" }.joined() + "</ul>"
            }
            if !comments.heading.isEmpty {
                out += "<p class=\"meta\">Survey comments on \(HTMLRenderer.escape(comments.headingTitle)) (\(comments.heading.count))</p><ul>"
                out += comments.heading.map { "<li>\(HTMLRenderer.escape($0.text))</li>" }.joined() + "</ul>"
            }
            out += "</section>"
        } else if let shown = comments.headingCountShownAt {
            out += "<p class=\"meta\">Survey comments on \(HTMLRenderer.escape(comments.headingTitle)): \(shown.count), shown with \(HTMLRenderer.escape(shown.itemID)).</p>"
        }
        return out
    }
}
