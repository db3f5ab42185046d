import Foundation
import Testing
@testable import StepChangeKit

/// `SessionReader` reads every stored property of every model type a session holds: a property added to
/// a model without a matching field in the reader fails here (the reader itself refuses a file that
/// names a field it does not know, so such a file would still be read correctly, only slowly).
@Suite("The session reader covers every field")
struct SessionReaderCoverageTests {
    /// The fields the reader knows for each model type, by the type's full name.
    static let readerFields: [String: [String]] = {
        func names<N: JSONNames>(_ type: N.Type) -> [String] { N.allCases.map(\.rawValue) }
        return [
            "StepChangeKit.Session": names(SessionReader.SessionKey.self),
            "StepChangeKit.SessionSettings": names(SessionReader.SettingsKey.self),
            "StepChangeKit.Participant": names(SessionReader.ParticipantKey.self),
            "StepChangeKit.ReviewProgress": names(SessionReader.ReviewProgressKey.self),
            "StepChangeKit.Framework": names(SessionReader.FrameworkKey.self),
            "StepChangeKit.Scale": names(SessionReader.ScaleKey.self),
            "StepChangeKit.ScaleLevel": names(SessionReader.ScaleLevelKey.self),
            "StepChangeKit.DontKnowOption": names(SessionReader.DontKnowKey.self),
            "StepChangeKit.Heading": names(SessionReader.HeadingKey.self),
            "StepChangeKit.Item": names(SessionReader.ItemKey.self),
            "StepChangeKit.PlanningHorizon": names(SessionReader.HorizonKey.self),
            "StepChangeKit.ActionTheme": names(SessionReader.ActionThemeKey.self),
            "StepChangeKit.ItemAssessment": names(SessionReader.ItemAssessmentKey.self),
            "StepChangeKit.ScoringRound": names(SessionReader.RoundKey.self),
            "StepChangeKit.ParticipantScore": names(SessionReader.ParticipantScoreKey.self),
            "StepChangeKit.ConsensusRecord": names(SessionReader.ConsensusKey.self),
            "StepChangeKit.DeviceScores": names(SessionReader.DeviceScoresKey.self),
            "StepChangeKit.AssessmentCursor": names(SessionReader.AssessmentCursorKey.self),
            "StepChangeKit.AssessmentPosition": names(SessionReader.AssessmentPositionKey.self),
            "StepChangeKit.ImprovementStatement": names(SessionReader.StatementKey.self),
            "StepChangeKit.Vote": names(SessionReader.VoteKey.self),
            "StepChangeKit.StatementsCursor": names(SessionReader.StatementsCursorKey.self),
            "StepChangeKit.OutcomePlan": names(SessionReader.PlanKey.self),
            "StepChangeKit.Outcome": names(SessionReader.OutcomeKey.self),
            "StepChangeKit.Provision": names(SessionReader.LinkedTextKey.self),
            "StepChangeKit.Gap": names(SessionReader.LinkedTextKey.self),
            "StepChangeKit.PlanningCursor": names(SessionReader.PlanningCursorKey.self),
            "StepChangeKit.Action": names(SessionReader.ActionKey.self),
            "StepChangeKit.Measure": names(SessionReader.MeasureKey.self),
            "StepChangeKit.ProgressUpdate": names(SessionReader.ProgressUpdateKey.self),
            "StepChangeKit.ActionMilestone": names(SessionReader.MilestoneKey.self),
            "StepChangeKit.MilestoneRevision": names(SessionReader.MilestoneRevisionKey.self),
            "StepChangeKit.Survey": names(SessionReader.SurveyKey.self),
            "StepChangeKit.SurveyItem": names(SessionReader.SurveyItemKey.self),
            "StepChangeKit.SurveyCount": names(SessionReader.SurveyCountKey.self),
            "StepChangeKit.SurveyComment": names(SessionReader.SurveyCommentKey.self),
        ]
    }()

    /// Every model struct reached from a session, with its stored properties and whether each was
    /// set (not nil, not empty) somewhere.
    struct Census {
        var properties: [String: [String]] = [:]
        var filled: Set<String> = []
        var unknown: Set<String> = []

        mutating func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection, .set, .tuple:
                for child in mirror.children { visit(child.value) }
            case .dictionary:
                for child in mirror.children { visit(child.value) }
            case .struct:
                let name = String(reflecting: Swift.type(of: value))
                guard name.hasPrefix("StepChangeKit.") else { return }
                guard SessionReaderCoverageTests.readerFields[name] != nil else { unknown.insert(name); return }
                properties[name] = mirror.children.compactMap(\.label)
                for child in mirror.children {
                    if let label = child.label, Self.isFilled(child.value) { filled.insert("\(name).\(label)") }
                    visit(child.value)
                }
            default:
                return
            }
        }

        static func isFilled(_ value: Any) -> Bool {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional: return mirror.children.first.map { isFilled($0.value) } ?? false
            case .collection, .dictionary, .set: return !mirror.children.isEmpty
            default: return true
            }
        }
    }

    @Test func everyStoredPropertyIsAFieldTheReaderKnows() {
        var census = Census()
        census.visit(maximalSession())
        #expect(census.unknown.isEmpty, "model types the reader does not know: \(census.unknown.sorted())")
        for (type, fields) in Self.readerFields {
            guard let properties = census.properties[type] else {
                Issue.record("maximalSession() holds no \(type): add one so its fields are checked")
                continue
            }
            #expect(Set(properties) == Set(fields), "\(type): properties \(properties.sorted()), reader fields \(fields.sorted())")
            for property in properties where !census.filled.contains("\(type).\(property)") {
                Issue.record("maximalSession() never sets \(type).\(property): set it so the reader is checked on it")
            }
        }
    }

    @Test func readsTheMaximalSessionAsJSONDecoderDoes() throws {
        let session = maximalSession()
        let data = SessionCodec.encode(session)
        let read = try #require(SessionReader.session(from: data), "the reader stepped aside for a file it should read")
        #expect(read == session)
        #expect(try SessionReaderComparison.foundationDecode(data) == read)
    }

    @Test func readsEveryShippedAndFixtureSessionAsJSONDecoderDoes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for folder in ["Sessions", "Tests"] {
            let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = walker?.nextObject() as? URL {
                guard file.pathExtension == "json", let data = try? Data(contentsOf: file) else { continue }
                SessionReaderComparison.expectSameOutcome(data, "\(file.path)")
                if let session = try? SessionReaderComparison.foundationDecode(data), session.schemaVersion == Session.currentSchemaVersion {
                    #expect(SessionReader.session(from: data) == session, "\(file.lastPathComponent): the reader stepped aside or read it differently")
                    checked += 1
                }
            }
        }
        #expect(checked >= 3)
    }
}
