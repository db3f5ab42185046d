import Foundation

/// The pre-workshop survey: counts per item and the respondents' comments.
extension SessionReader {
    enum SurveyKey: String, JSONNames {
        case source, importedAt, respondents, items, comments
        static let table = JSONNameTable<Self>()
    }

    mutating func survey() throws -> Survey {
        var object = try json.beginObject()
        var source: String?, importedAt: Date?, respondents: Int?, items: [SurveyItem]?, comments: [SurveyComment]?
        while let field = try json.nextField(&object, SurveyKey.self) {
            switch field {
            case .source: source = try string()
            case .importedAt: importedAt = try date()
            case .respondents: respondents = try int()
            case .items: items = try array { try $0.surveyItem() }
            case .comments: comments = try array { try $0.surveyComment() }
            }
        }
        guard let source, let importedAt, let respondents, let items, let comments else { throw Refused() }
        return Survey(source: source, importedAt: importedAt, respondents: respondents, items: items, comments: comments)
    }

    enum SurveyItemKey: String, JSONNames {
        case itemID, counts, dontKnow
        static let table = JSONNameTable<Self>()
    }

    mutating func surveyItem() throws -> SurveyItem {
        var object = try json.beginObject()
        var itemID: String?, counts: [SurveyCount]?, dontKnow: Int?
        while let field = try json.nextField(&object, SurveyItemKey.self) {
            switch field {
            case .itemID: itemID = try string()
            case .counts: counts = try array { try $0.surveyCount() }
            case .dontKnow: dontKnow = try int()
            }
        }
        guard let itemID, let counts, let dontKnow else { throw Refused() }
        return SurveyItem(itemID: itemID, counts: counts, dontKnow: dontKnow)
    }

    enum SurveyCountKey: String, JSONNames {
        case value, count
        static let table = JSONNameTable<Self>()
    }

    mutating func surveyCount() throws -> SurveyCount {
        var object = try json.beginObject()
        var value: Int?, count: Int?
        while let field = try json.nextField(&object, SurveyCountKey.self) {
            switch field {
            case .value: value = try int()
            case .count: count = try int()
            }
        }
        guard let value, let count else { throw Refused() }
        return SurveyCount(value: value, count: count)
    }

    enum SurveyCommentKey: String, JSONNames {
        case id, headingID, itemID, text, editedAt
        static let table = JSONNameTable<Self>()
    }

    mutating func surveyComment() throws -> SurveyComment {
        var object = try json.beginObject()
        var id: String?, headingID: String?, itemID: String?, text: String?, editedAt: Date?
        while let field = try json.nextField(&object, SurveyCommentKey.self) {
            switch field {
            case .id: id = try string()
            case .headingID: headingID = try stringOrNil()
            case .itemID: itemID = try stringOrNil()
            case .text: text = try string()
            case .editedAt: editedAt = try dateOrNil()
            }
        }
        guard let id, let text else { throw Refused() }
        return SurveyComment(id: id, headingID: headingID, itemID: itemID, text: text, editedAt: editedAt)
    }
}
