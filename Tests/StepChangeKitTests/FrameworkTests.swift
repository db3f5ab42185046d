import Foundation
import Testing
@testable import StepChangeKit

/// The package root, found from this file's location.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()

@Suite("The built-in child poverty framework")
struct BuiltInFrameworkTests {
    let framework = Framework.childPoverty

    @Test func hasTheFourHeadingsInOrder() {
        #expect(framework.headings.map(\.title) == [
            "Understanding Local Need", "Using a Wide Range of Policy Levers", "Ways of Working", "Understanding Our Progress",
        ])
        #expect(framework.headings.map(\.id) == ["LN", "PL", "WW", "UP"])
    }

    @Test func eachHeadingHasFiveToSevenPromptsWithGuidance() {
        for heading in framework.headings {
            #expect((5...7).contains(heading.items.count), "\(heading.id) has \(heading.items.count) items")
            for (index, item) in heading.items.enumerated() {
                #expect(item.id == "\(heading.id)\(index + 1)")
                #expect(!item.prompt.isEmpty && !item.guidance.isEmpty && !item.evidence.isEmpty)
            }
        }
    }

    @Test func scaleHasFiveLevelsAndDontKnow() {
        #expect(framework.scale.values == [1, 2, 3, 4, 5])
        #expect(framework.scale.levels.first?.label == "Not yet in place")
        #expect(framework.scale.levels.last?.label == "Embedded and making a difference")
        #expect(framework.scale.dontKnow != nil)
    }

    @Test func themesAreTheThreeDriversPlusEnablers() {
        #expect(framework.actionThemes.map(\.id) == ["employment", "costs", "social-security", "enablers"])
        #expect(framework.horizon(.short).toYears == 1 && framework.horizon(.medium).toYears == 3 && framework.horizon(.long).toYears == 10)
    }

    @Test func passesValidation() {
        #expect(FrameworkValidator.problems(in: framework, source: "built-in").isEmpty)
    }

    @Test func exportedFileIsIdenticalToTheBuiltIn() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Frameworks/child-poverty.json"))
        #expect(data == FrameworkCodec.encode(framework), "Frameworks/child-poverty.json differs: run `stepchange framework export child-poverty > Frameworks/child-poverty.json`")
        #expect(try FrameworkReader.read(data, source: "child-poverty.json") == framework)
    }
}

@Suite("Framework files on disk")
struct FrameworkFileTests {
    @Test(arguments: ["child-poverty.json", "child-poverty-survey.json", "strategy-review.json", "partnership-health.json"])
    func shippedFrameworkIsValidAndRoundTrips(name: String) throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Frameworks").appendingPathComponent(name))
        let framework = try FrameworkReader.read(data, source: name)
        #expect(framework.id + ".json" == name)
        #expect(FrameworkCodec.encode(framework) == data, "the file is not in canonical form")
    }

    @Test func strategyReviewUsesFourPointAgreementScale() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Frameworks/strategy-review.json"))
        let framework = try FrameworkReader.read(data, source: "strategy-review.json")
        #expect(framework.scale.levels.count == 4 && framework.scale.dontKnow != nil)
        #expect(framework.headings.map(\.title) == ["Awareness", "Commitment", "Action to support implementation", "Opportunities and barriers"])
    }

    @Test func partnershipHealthUsesSixPointScale() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Frameworks/partnership-health.json"))
        let framework = try FrameworkReader.read(data, source: "partnership-health.json")
        #expect(framework.scale.levels.first?.label == "Unsatisfactory" && framework.scale.levels.last?.label == "Excellent")
        #expect(framework.scale.levels.count == 6)
    }
}

@Suite("Framework validation messages")
struct FrameworkValidationTests {
    static let valid = """
    {"schemaVersion": 1, "id": "mini", "title": "Mini", "version": "1",
     "scale": {"levels": [{"value": 1, "label": "Low", "descriptor": "d"}, {"value": 2, "label": "High", "descriptor": "d"}]},
     "headings": [{"id": "H", "title": "Heading", "summary": "", "items": [{"id": "H1", "prompt": "We do it.", "guidance": "g"}]}]}
    """

    func problems(_ json: String) -> [String] {
        do {
            _ = try FrameworkReader.read(Data(json.utf8), source: "f.json")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func edited(_ from: String, _ to: String) -> String { Self.valid.replacingOccurrences(of: from, with: to) }

    @Test func aValidFileHasNoProblems() {
        #expect(problems(Self.valid).isEmpty)
    }

    @Test(arguments: [
        ("{\"id\": ", "f.json: JSON syntax error"),
        ("", "f.json: the file is empty; expected a JSON object"),
        ("[]", "f.json: expected an object, found a list"),
    ])
    func malformedJSON(text: String, expected: String) {
        #expect(problems(text).first?.hasPrefix(expected) == true, "\(problems(text))")
    }

    @Test func syntaxErrorNamesTheLine() {
        let text = "{\n  \"id\": \"x\",\n  \"title\": oops\n}"
        #expect(problems(text).first?.contains("line 3, column") == true, "\(problems(text))")
    }

    @Test(arguments: [
        (#""title": "Mini", "#, "", "f.json: title: missing; expected text"),
        (#""prompt": "We do it.""#, #""prompt": """#, "f.json: headings[0].items[0].prompt: is empty; expected some text"),
        (#""value": 2"#, #""value": 1"#, "f.json: scale.levels[1].value: 1 does not increase on the level before (1); list levels from lowest to highest"),
        (#""value": 2"#, #""value": "two""#, "f.json: scale.levels[1].value: expected a whole number, found text (\"two\")"),
        (#", {"value": 2, "label": "High", "descriptor": "d"}"#, "", "f.json: scale.levels: has 1 level; a scale needs at least two"),
        (#""schemaVersion": 1"#, #""schemaVersion": 7"#, "f.json: schemaVersion: unknown schema version 7 (this stepchange reads version 1); it was written by a newer stepchange; upgrade stepchange to read it"),
        (#""headings": ["#, #""headings": [{"id": "H", "title": "Again", "items": [{"id": "H2", "prompt": "p"}]}, "#, "f.json: headings[1].id: duplicate heading id \"H\" (also used by headings[0])"),
        (#"{"id": "H1", "prompt""#, #"{"id": "H1", "prompt": "x"}, {"id": "h1", "prompt""#, "f.json: headings[0].items[1].id: duplicate item id \"h1\" (also used by headings[0].items[0])"),
        (#""items": [{"#, #""items": [], "x": [{"#, "f.json: headings[0].items: is empty; a heading needs at least one item"),
        (#""id": "mini""#, #""id": "no spaces allowed""#, "f.json: id: \"no spaces allowed\" is not a usable id; use letters, digits and hyphens (e.g. child-poverty)"),
    ])
    func eachRuleHasAPreciseMessage(from: String, to: String, expected: String) {
        let found = problems(edited(from, to))
        #expect(found.contains(expected), "\(found)")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = edited(#""title": "Mini", "#, "").replacingOccurrences(of: #""prompt": "We do it.""#, with: #""prompt": """#)
        #expect(problems(text).count == 2)
    }
}

@Suite("The built-in survey-scale variant")
struct ChildPovertySurveyFrameworkTests {
    let framework = Framework.childPovertySurvey

    @Test func sameHeadingsAndStatementsOnTheAgreeScale() {
        #expect(framework.id == "child-poverty-survey")
        #expect(framework.headings == Framework.childPoverty.headings)
        #expect(framework.scale.levels.map(\.label) == ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"])
        #expect(framework.scale.dontKnow?.label == "Don't know")
        #expect(FrameworkValidator.problems(in: framework, source: "built-in").isEmpty)
    }

    @Test func exportedFileIsIdenticalToTheBuiltIn() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Frameworks/child-poverty-survey.json"))
        #expect(data == FrameworkCodec.encode(framework), "run `stepchange framework export child-poverty-survey > Frameworks/child-poverty-survey.json`")
    }
}

@Suite("Finding frameworks")
struct FrameworkCatalogTests {
    @Test func anIdenticalFileIsTheSameFramework() {
        let catalog = FrameworkCatalog(files: [("Frameworks/child-poverty.json", FrameworkCodec.encode(.childPoverty))])
        #expect(catalog.entries.count == FrameworkCatalog.builtIns.count && catalog.clashes.isEmpty)
        #expect(catalog.entries.allSatisfy { $0.source == .builtIn })
    }

    @Test func aFileUnderABuiltInIdReplacesItWithANotice() throws {
        var changed = Framework.childPoverty
        changed.title = "Our own version"
        let catalog = FrameworkCatalog(files: [("Frameworks/child-poverty.json", FrameworkCodec.encode(.childPoverty)),
                                               ("mine/ours.json", FrameworkCodec.encode(changed))])
        #expect(catalog.clashes.isEmpty)
        #expect(catalog.overrides == [FrameworkCatalog.Override(id: "child-poverty", source: .file("mine/ours.json"))])
        let entry = try catalog.framework(id: "child-poverty")
        #expect(entry.framework == changed && entry.source == .file("mine/ours.json"))
        #expect(catalog.overrideNotice(id: "child-poverty")?.hasPrefix("mine/ours.json replaces the built-in framework \"child-poverty\"") == true)
        #expect(catalog.others(sharingIDWith: changed, in: "mine/ours.json") == [.builtIn])
        #expect(catalog.others(sharingIDWith: .childPoverty, in: "Frameworks/child-poverty.json").isEmpty)
    }

    @Test func twoDifferentFilesUnderOneIdAreAClashNamingBothSources() throws {
        var changed = Framework.childPoverty
        changed.title = "Our own version"
        var other = changed
        other.title = "Another version"
        let catalog = FrameworkCatalog(files: [("mine/child-poverty.json", FrameworkCodec.encode(changed)),
                                               ("theirs/child-poverty.json", FrameworkCodec.encode(other))])
        #expect(catalog.clashes == [FrameworkCatalog.Clash(id: "child-poverty", first: .file("mine/child-poverty.json"), second: .file("theirs/child-poverty.json"))])
        #expect(catalog.overrideNotice(id: "child-poverty") == nil)
        #expect(throws: StepChangeError.self) { try catalog.framework(id: "child-poverty") }
        do {
            _ = try catalog.framework(id: "child-poverty")
        } catch {
            #expect(error.message.contains("theirs/child-poverty.json") && error.message.contains("mine/child-poverty.json"))
        }
    }

    @Test func invalidFilesAreReportedNotLoaded() {
        let catalog = FrameworkCatalog(files: [("bad.json", Data("{".utf8))])
        #expect(catalog.entries.count == FrameworkCatalog.builtIns.count)
        #expect(catalog.invalidFiles.count == 1)
    }

    @Test func unknownIdSuggestsTheClosest() {
        let catalog = FrameworkCatalog(files: [])
        do {
            _ = try catalog.framework(id: "child-povrty")
            Issue.record("expected an error")
        } catch {
            #expect(error.hint?.contains("Did you mean \"child-poverty\"?") == true)
        }
    }
}
