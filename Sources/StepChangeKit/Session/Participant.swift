import Foundation

/// Someone taking part in the workshop. Names stay in the session file; exports are
/// non-attributable unless asked otherwise.
public struct Participant: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var organisation: String
    public var sector: Sector
    /// The item from which the participant was marked absent (they left the room); nil while present.
    /// Scores they gave before stay in the session.
    public var absentFrom: String?

    /// True while the participant is in the room and asked to score.
    public var isPresent: Bool { absentFrom == nil }

    public init(id: String, name: String, organisation: String = "", sector: Sector = .other) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.sector = sector
    }
}

/// The part of the partnership a participant comes from.
public enum Sector: String, Codable, CaseIterable, Sendable {
    case statutory
    case health
    case education
    case thirdSector = "third-sector"
    case livedExperience = "lived-experience"
    case `private`
    case other

    /// The sector as people say it ("third sector").
    public var label: String {
        switch self {
        case .thirdSector: "third sector"
        case .livedExperience: "lived experience"
        default: rawValue
        }
    }

    /// Reads a sector as typed: "third sector", "Third-Sector", "lived experience", "NHS" → health.
    public init?(typed text: String) {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch key {
        case "nhs": self = .health
        case "voluntary", "third", "tsi", "cvs": self = .thirdSector
        case "lived", "community": self = .livedExperience
        case "business": self = .private
        default:
            guard let sector = Sector(rawValue: key) else { return nil }
            self = sector
        }
    }
}
