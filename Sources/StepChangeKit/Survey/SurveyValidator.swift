import Foundation

/// The checks a session's survey must pass when a session file is read: items and headings of the
/// framework, values on its scale, counts that are whole, non-negative and bounded (so no sum can
/// overflow), unique comment ids. Locations are spelled out only when a problem is reported.
public enum SurveyValidator {
    public static func problems(in survey: Survey, framework: Framework, source: String) -> [Problem] {
        var problems: [Problem] = []
        func report(_ location: String, _ message: String) {
            problems.append(Problem(source: source, location: "survey." + location, message: message))
        }
        let limit = Survey.maximumRespondents
        if survey.respondents < 0 || survey.respondents > limit {
            report("respondents", "\(survey.respondents) is out of range; expected 0 to \(limit)")
        }
        let scaleValues = framework.scale.values
        var seen = Set<String>()
        for (index, item) in survey.items.enumerated() {
            if framework.item(item.itemID) == nil {
                report("items[\(index)].itemID", "\"\(item.itemID)\" is not an item of the framework \(framework.id)")
            } else if !seen.insert(item.itemID.uppercased()).inserted {
                report("items[\(index)].itemID", "item \"\(item.itemID)\" appears twice")
            }
            if item.dontKnow < 0 || item.dontKnow > limit {
                report("items[\(index)].dontKnow", "\(item.dontKnow) is out of range; expected 0 to \(limit)")
            }
            for (c, count) in item.counts.enumerated() {
                if !scaleValues.contains(count.value) {
                    report("items[\(index)].counts[\(c)].value", "\(count.value) is not on the scale; expected one of \(framework.scale.values.map(String.init).joined(separator: ", "))")
                }
                if count.count < 0 || count.count > limit {
                    report("items[\(index)].counts[\(c)].count", "\(count.count) is out of range; expected 0 to \(limit)")
                }
            }
            if item.counts.count > framework.scale.levels.count {
                report("items[\(index)].counts", "has \(item.counts.count) entries; the scale has \(framework.scale.levels.count) levels")
            }
        }
        var ids = Set<String>()
        for (index, comment) in survey.comments.enumerated() {
            if !ids.insert(comment.id.uppercased()).inserted { report("comments[\(index)].id", "duplicate comment id \"\(comment.id)\"") }
            if let heading = comment.headingID, !framework.headings.contains(where: { $0.id == heading }) {
                report("comments[\(index)].headingID", "\"\(heading)\" is not a heading of the framework \(framework.id)")
            }
            if let item = comment.itemID, framework.item(item) == nil {
                report("comments[\(index)].itemID", "\"\(item)\" is not an item of the framework \(framework.id)")
            }
        }
        return problems
    }
}
