import Foundation

/// The checks a session's survey must pass when a session file is read: items and headings of the
/// framework, values on its scale, counts that are whole, non-negative and bounded (so no sum can
/// overflow), unique comment ids.
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
        var seen = Set<String>()
        for (index, item) in survey.items.enumerated() {
            let path = "items[\(index)]"
            if framework.item(item.itemID) == nil {
                report("\(path).itemID", "\"\(item.itemID)\" is not an item of the framework \(framework.id)")
            } else if !seen.insert(item.itemID.uppercased()).inserted {
                report("\(path).itemID", "item \"\(item.itemID)\" appears twice")
            }
            if item.dontKnow < 0 || item.dontKnow > limit {
                report("\(path).dontKnow", "\(item.dontKnow) is out of range; expected 0 to \(limit)")
            }
            for (c, count) in item.counts.enumerated() {
                if framework.scale.level(count.value) == nil {
                    report("\(path).counts[\(c)].value", "\(count.value) is not on the scale; expected one of \(framework.scale.values.map(String.init).joined(separator: ", "))")
                }
                if count.count < 0 || count.count > limit {
                    report("\(path).counts[\(c)].count", "\(count.count) is out of range; expected 0 to \(limit)")
                }
            }
            if item.counts.count > framework.scale.levels.count {
                report("\(path).counts", "has \(item.counts.count) entries; the scale has \(framework.scale.levels.count) levels")
            }
        }
        var ids = Set<String>()
        for (index, comment) in survey.comments.enumerated() {
            let path = "comments[\(index)]"
            if !ids.insert(comment.id.uppercased()).inserted { report("\(path).id", "duplicate comment id \"\(comment.id)\"") }
            if let heading = comment.headingID, !framework.headings.contains(where: { $0.id == heading }) {
                report("\(path).headingID", "\"\(heading)\" is not a heading of the framework \(framework.id)")
            }
            if let item = comment.itemID, framework.item(item) == nil {
                report("\(path).itemID", "\"\(item)\" is not an item of the framework \(framework.id)")
            }
        }
        return problems
    }
}
