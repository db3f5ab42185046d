import Foundation

/// Reads a session file straight from its bytes into a `Session`, field by field, without going
/// through `Decodable`: several times faster than `JSONDecoder`, which every command pays on opening
/// a session. It gives exactly the session `JSONDecoder` would, or steps aside (`StrictJSONReader.Refused`)
/// wherever it is not sure — an unknown or repeated field, a missing one, a value of another type, an
/// unusual number, date or escape — and `SessionCodec` decodes with `JSONDecoder` instead, for its exact
/// result or message. Each model type is read by a method in the file for its area; the tests check
/// that every stored property of every type is read.
struct SessionReader {
    typealias Refused = StrictJSONReader.Refused

    var json: StrictJSONReader
    /// Told each large part of the session as soon as it is read, before the rest of the file (see
    /// `SessionWriter.warmUp`).
    var partRead: ((Part) -> Void)?
    /// Participant ids of up to eight bytes read in scores (`scoreIDs`), by their bytes packed into a word
    /// (`scoreIDKeys`), so that each of a session's few ids is made into text once, not once for each of its
    /// thousands of scores.
    var scoreIDKeys: [UInt64] = []
    var scoreIDs: [String] = []

    /// A large part of a session, as `partRead` is told it.
    enum Part {
        case assessments([ItemAssessment])
        case framework(Framework)
        case plans([OutcomePlan])
    }

    /// The session the bytes hold, or nil where `JSONDecoder` is left to decide.
    static func session(from data: Data, partRead: ((Part) -> Void)? = nil) -> Session? {
        data.withUnsafeBytes { raw -> Session? in
            do {
                var reader = SessionReader(json: try StrictJSONReader(raw.bindMemory(to: UInt8.self)), partRead: partRead)
                reader.json.skipSpace()
                let session = try reader.session()
                try reader.json.finish()
                return session
            } catch {
                return nil
            }
        }
    }

    // MARK: - Values

    mutating func string() throws -> String { try json.string() }
    mutating func int() throws -> Int { try json.integer() }
    mutating func bool() throws -> Bool { try json.bool() }
    mutating func date() throws -> Date { try json.date() }

    /// A value that `decodeIfPresent` reads: `null` is nil (as an absent field is).
    mutating func stringOrNil() throws -> String? { json.null() ? nil : try json.string() }
    mutating func intOrNil() throws -> Int? { json.null() ? nil : try json.integer() }
    mutating func boolOrNil() throws -> Bool? { json.null() ? nil : try json.bool() }
    mutating func dateOrNil() throws -> Date? { json.null() ? nil : try json.date() }

    /// A value read by `read`, or nil for `null`.
    mutating func orNil<T>(_ read: (inout SessionReader) throws -> T) throws -> T? {
        json.null() ? nil : try read(&self)
    }

    /// An enumeration's case by its raw value written plainly, matched byte for byte (for the ones read often).
    mutating func name<N: JSONNames>(_ type: N.Type) throws -> N { try json.name(N.self) }

    /// An enumeration's case by its raw value, as its synthesized `Decodable` reads it.
    mutating func value<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try json.string()) else { throw Refused() }
        return value
    }

    /// An array whose elements `element` reads.
    mutating func array<T>(_ element: (inout SessionReader) throws -> T) throws -> [T] {
        var container = try json.beginArray()
        var result: [T] = []
        while try json.nextElement(&container) {
            if result.isEmpty { result.reserveCapacity(8) }  // once, instead of growing from 1 to 2, 4 and 8
            result.append(try element(&self))
        }
        return result
    }

    mutating func strings() throws -> [String] {
        var container = try json.beginArray()
        var result: [String] = []
        while try json.nextElement(&container) { result.append(try json.string()) }
        return result
    }

    /// A dictionary keyed by text, each value read by `value`.
    mutating func dictionary<V>(_ value: (inout SessionReader) throws -> V) throws -> [String: V] {
        var container = try json.beginObject()
        var result: [String: V] = [:]
        while let key = try json.nextKey(&container, in: result) { result[key] = try value(&self) }
        return result
    }

    // MARK: - Session

    enum SessionKey: String, JSONNames {
        case schemaVersion, id, title, description, partnership, facilitator, date, createdAt, updatedAt
        case framework, participants, settings, stage, assessments, statements, votes, planned, plans
        case assessmentCursor, statementsCursor, planningCursor, retiredStatementIDs, tieBreakOrder, survey
        case previousSessionID, previousConsensus, carriedForwardActions, reviewProgress, deviceScores
        static let table = JSONNameTable<Self>()
    }

    mutating func session() throws -> Session {
        var object = try json.beginObject()
        var schemaVersion: Int?, id: String?, title: String?, description: String?, partnership: String?
        var facilitator: String?, date: String?, createdAt: Date?, updatedAt: Date?, framework: Framework?
        var participants: [Participant]?, settings: SessionSettings?, stage: Stage?, assessments: [ItemAssessment]?
        var statements: [ImprovementStatement]?, votes: [Vote]?, planned: [String]?, plans: [OutcomePlan]?
        var assessmentCursor: AssessmentCursor?, statementsCursor: StatementsCursor?, planningCursor: PlanningCursor?
        var retiredStatementIDs: [String]?, tieBreakOrder: [String]?, survey: Survey?, previousSessionID: String?
        var previousConsensus: [String: Int]?, carriedForwardActions: [Action]?, reviewProgress: ReviewProgress?
        var deviceScores: [DeviceScores]?
        while let field = try json.nextField(&object, SessionKey.self) {
            switch field {
            case .schemaVersion: schemaVersion = try int()
            case .id: id = try string()
            case .title: title = try string()
            case .description: description = try string()
            case .partnership: partnership = try string()
            case .facilitator: facilitator = try string()
            case .date: date = try string()
            case .createdAt: createdAt = try self.date()
            case .updatedAt: updatedAt = try self.date()
            case .framework:
                let read = try self.framework()
                framework = read
                partRead?(.framework(read))
            case .participants: participants = try array { try $0.participant() }
            case .settings: settings = try self.settings()
            case .stage: stage = try name(Stage.self)
            case .assessments:
                let read = try array { try $0.itemAssessment() }
                assessments = read
                partRead?(.assessments(read))
            case .statements: statements = try array { try $0.statement() }
            case .votes: votes = try array { try $0.vote() }
            case .planned: planned = try strings()
            case .plans:
                let read = try array { try $0.plan() }
                plans = read
                partRead?(.plans(read))
            case .assessmentCursor: assessmentCursor = try orNil { try $0.assessmentCursor() }
            case .statementsCursor: statementsCursor = try orNil { try $0.statementsCursor() }
            case .planningCursor: planningCursor = try orNil { try $0.planningCursor() }
            case .retiredStatementIDs: retiredStatementIDs = try orNil { try $0.strings() }
            case .tieBreakOrder: tieBreakOrder = try orNil { try $0.strings() }
            case .survey: survey = try orNil { try $0.survey() }
            case .previousSessionID: previousSessionID = try stringOrNil()
            case .previousConsensus: previousConsensus = try orNil { try $0.dictionary { try $0.int() } }
            case .carriedForwardActions: carriedForwardActions = try orNil { try $0.array { try $0.action() } }
            case .reviewProgress: reviewProgress = try orNil { try $0.reviewProgress() }
            case .deviceScores: deviceScores = try orNil { try $0.array { try $0.deviceScores() } }
            }
        }
        guard let schemaVersion, let id, let title, let description, let partnership, let facilitator, let date,
              let createdAt, let updatedAt, let framework, let participants, let settings, let stage, let assessments,
              let statements, let votes, let planned, let plans else { throw Refused() }
        var session = Session(id: id, title: title, description: description, partnership: partnership, facilitator: facilitator,
                              date: date, createdAt: createdAt, framework: framework, participants: participants, settings: settings)
        session.schemaVersion = schemaVersion
        session.updatedAt = updatedAt
        session.stage = stage
        session.assessments = assessments
        session.statements = statements
        session.votes = votes
        session.planned = planned
        session.plans = plans
        session.assessmentCursor = assessmentCursor
        session.statementsCursor = statementsCursor
        session.planningCursor = planningCursor
        session.retiredStatementIDs = retiredStatementIDs
        session.tieBreakOrder = tieBreakOrder
        session.survey = survey
        session.previousSessionID = previousSessionID
        session.previousConsensus = previousConsensus
        session.carriedForwardActions = carriedForwardActions
        session.reviewProgress = reviewProgress
        session.deviceScores = deviceScores
        return session
    }

    enum SettingsKey: String, JSONNames {
        case scoring, minutesPerHeading, votesPerParticipant
        static let table = JSONNameTable<Self>()
    }

    mutating func settings() throws -> SessionSettings {
        var object = try json.beginObject()
        var scoring: ScoringMode?, minutesPerHeading: Int?, votesPerParticipant: Int?
        while let field = try json.nextField(&object, SettingsKey.self) {
            switch field {
            case .scoring: scoring = try value(ScoringMode.self)
            case .minutesPerHeading: minutesPerHeading = try intOrNil()
            case .votesPerParticipant: votesPerParticipant = try int()
            }
        }
        guard let scoring, let votesPerParticipant else { throw Refused() }
        return SessionSettings(scoring: scoring, minutesPerHeading: minutesPerHeading, votesPerParticipant: votesPerParticipant)
    }

    enum ParticipantKey: String, JSONNames {
        case id, name, organisation, sector, absentFrom, sectorToConfirm
        static let table = JSONNameTable<Self>()
    }

    mutating func participant() throws -> Participant {
        var object = try json.beginObject()
        var id: String?, name: String?, organisation: String?, sector: Sector?, absentFrom: String?, sectorToConfirm: Bool?
        while let field = try json.nextField(&object, ParticipantKey.self) {
            switch field {
            case .id: id = try string()
            case .name: name = try string()
            case .organisation: organisation = try string()
            case .sector: sector = try self.name(Sector.self)
            case .absentFrom: absentFrom = try stringOrNil()
            case .sectorToConfirm: sectorToConfirm = try boolOrNil()
            }
        }
        guard let id, let name, let organisation, let sector else { throw Refused() }
        var participant = Participant(id: id, name: name, organisation: organisation, sector: sector)
        participant.absentFrom = absentFrom
        participant.sectorToConfirm = sectorToConfirm
        return participant
    }

    enum ReviewProgressKey: String, JSONNames {
        case date, lastRef
        static let table = JSONNameTable<Self>()
    }

    mutating func reviewProgress() throws -> ReviewProgress {
        var object = try json.beginObject()
        var date: String?, lastRef: String?
        while let field = try json.nextField(&object, ReviewProgressKey.self) {
            switch field {
            case .date: date = try string()
            case .lastRef: lastRef = try string()
            }
        }
        guard let date, let lastRef else { throw Refused() }
        return ReviewProgress(date: date, lastRef: lastRef)
    }
}

/// The enumerations read often enough to be matched as bytes rather than made into text first.
extension Stage: JSONNames { static let table = JSONNameTable<Self>() }
extension Sector: JSONNames { static let table = JSONNameTable<Self>() }
extension RoundSource: JSONNames { static let table = JSONNameTable<Self>() }
extension HorizonKind: JSONNames { static let table = JSONNameTable<Self>() }
extension Additionality: JSONNames { static let table = JSONNameTable<Self>() }
extension ActionStatus: JSONNames { static let table = JSONNameTable<Self>() }
