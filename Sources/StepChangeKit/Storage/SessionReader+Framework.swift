import Foundation

/// The framework snapshot a session carries: headings, items, scale, horizons and action themes.
extension SessionReader {
    enum FrameworkKey: String, JSONNames {
        case schemaVersion, id, title, version, description, scale, headings, horizons, actionThemes
        static let table = JSONNameTable<Self>()
    }

    mutating func framework() throws -> Framework {
        var object = try json.beginObject()
        var schemaVersion: Int?, id: String?, title: String?, version: String?, description: String?, scale: Scale?
        var headings: [Heading]?, horizons: [PlanningHorizon]?, actionThemes: [ActionTheme]?
        while let field = try json.nextField(&object, FrameworkKey.self) {
            switch field {
            case .schemaVersion: schemaVersion = try int()
            case .id: id = try string()
            case .title: title = try string()
            case .version: version = try string()
            case .description: description = try string()
            case .scale: scale = try self.scale()
            case .headings: headings = try array { try $0.heading() }
            case .horizons: horizons = try array { try $0.horizon() }
            case .actionThemes: actionThemes = try array { try $0.actionTheme() }
            }
        }
        guard let schemaVersion, let id, let title, let version, let description, let scale, let headings, let horizons,
              let actionThemes else { throw Refused() }
        return Framework(schemaVersion: schemaVersion, id: id, title: title, version: version, description: description,
                         scale: scale, headings: headings, horizons: horizons, actionThemes: actionThemes)
    }

    enum ScaleKey: String, JSONNames {
        case levels, dontKnow
        static let table = JSONNameTable<Self>()
    }

    mutating func scale() throws -> Scale {
        var object = try json.beginObject()
        var levels: [ScaleLevel]?, dontKnow: DontKnowOption?
        while let field = try json.nextField(&object, ScaleKey.self) {
            switch field {
            case .levels: levels = try array { try $0.scaleLevel() }
            case .dontKnow: dontKnow = try orNil { try $0.dontKnowOption() }
            }
        }
        guard let levels else { throw Refused() }
        return Scale(levels: levels, dontKnow: dontKnow)
    }

    enum ScaleLevelKey: String, JSONNames {
        case value, label, descriptor
        static let table = JSONNameTable<Self>()
    }

    mutating func scaleLevel() throws -> ScaleLevel {
        var object = try json.beginObject()
        var value: Int?, label: String?, descriptor: String?
        while let field = try json.nextField(&object, ScaleLevelKey.self) {
            switch field {
            case .value: value = try int()
            case .label: label = try string()
            case .descriptor: descriptor = try string()
            }
        }
        guard let value, let label, let descriptor else { throw Refused() }
        return ScaleLevel(value: value, label: label, descriptor: descriptor)
    }

    enum DontKnowKey: String, JSONNames {
        case label, descriptor
        static let table = JSONNameTable<Self>()
    }

    mutating func dontKnowOption() throws -> DontKnowOption {
        var object = try json.beginObject()
        var label: String?, descriptor: String?
        while let field = try json.nextField(&object, DontKnowKey.self) {
            switch field {
            case .label: label = try string()
            case .descriptor: descriptor = try string()
            }
        }
        guard let label, let descriptor else { throw Refused() }
        return DontKnowOption(label: label, descriptor: descriptor)
    }

    enum HeadingKey: String, JSONNames {
        case id, title, summary, items
        static let table = JSONNameTable<Self>()
    }

    mutating func heading() throws -> Heading {
        var object = try json.beginObject()
        var id: String?, title: String?, summary: String?, items: [Item]?
        while let field = try json.nextField(&object, HeadingKey.self) {
            switch field {
            case .id: id = try string()
            case .title: title = try string()
            case .summary: summary = try string()
            case .items: items = try array { try $0.item() }
            }
        }
        guard let id, let title, let summary, let items else { throw Refused() }
        return Heading(id: id, title: title, summary: summary, items: items)
    }

    enum ItemKey: String, JSONNames {
        case id, prompt, guidance, evidence
        static let table = JSONNameTable<Self>()
    }

    mutating func item() throws -> Item {
        var object = try json.beginObject()
        var id: String?, prompt: String?, guidance: String?, evidence: [String]?
        while let field = try json.nextField(&object, ItemKey.self) {
            switch field {
            case .id: id = try string()
            case .prompt: prompt = try string()
            case .guidance: guidance = try string()
            case .evidence: evidence = try strings()
            }
        }
        guard let id, let prompt, let guidance, let evidence else { throw Refused() }
        return Item(id: id, prompt: prompt, guidance: guidance, evidence: evidence)
    }

    enum HorizonKey: String, JSONNames {
        case id, title, span, fromYears, toYears
        static let table = JSONNameTable<Self>()
    }

    mutating func horizon() throws -> PlanningHorizon {
        var object = try json.beginObject()
        var id: HorizonKind?, title: String?, span: String?, fromYears: Int?, toYears: Int?
        while let field = try json.nextField(&object, HorizonKey.self) {
            switch field {
            case .id: id = try name(HorizonKind.self)
            case .title: title = try string()
            case .span: span = try string()
            case .fromYears: fromYears = try int()
            case .toYears: toYears = try int()
            }
        }
        guard let id, let title, let span, let fromYears, let toYears else { throw Refused() }
        return PlanningHorizon(id: id, title: title, span: span, fromYears: fromYears, toYears: toYears)
    }

    enum ActionThemeKey: String, JSONNames {
        case id, title, description
        static let table = JSONNameTable<Self>()
    }

    mutating func actionTheme() throws -> ActionTheme {
        var object = try json.beginObject()
        var id: String?, title: String?, description: String?
        while let field = try json.nextField(&object, ActionThemeKey.self) {
            switch field {
            case .id: id = try string()
            case .title: title = try string()
            case .description: description = try string()
            }
        }
        guard let id, let title, let description else { throw Refused() }
        return ActionTheme(id: id, title: title, description: description)
    }
}
