import Foundation
import StepChangeKit

extension Command {
    /// `stepchange frameworks`: every framework a session can use, and where it was found.
    static let frameworks = Command(
        name: "frameworks",
        summary: "List the frameworks you can run a workshop on.",
        usage: "stepchange frameworks [--frameworks DIR]",
        discussion: "Frameworks are found in this order: built in, ./Frameworks, $STEPCHANGE_FRAMEWORKS, --frameworks DIR.",
        examples: ["stepchange frameworks", "stepchange frameworks --frameworks ~/our-frameworks"],
        options: [.frameworks]
    ) { invocation, context throws(StepChangeError) in
        let catalog = context.frameworkCatalog(invocation)
        let rows = catalog.entries.map { entry in
            [entry.framework.id, entry.framework.title + " (v\(entry.framework.version))", entry.source.description,
             String(entry.framework.headings.count), String(entry.framework.itemIDs.count)]
        }
        context.terminal.write(TextTable.render(header: ["ID", "TITLE", "SOURCE", "HEADINGS", "ITEMS"], rows: rows))
        for override in catalog.overrides where !catalog.clashes.contains(where: { $0.id == override.id }) {
            context.terminal.writeErrorLine("note: " + override.notice)
        }
        for clash in catalog.clashes {
            context.terminal.writeErrorLine("warning: two different frameworks use the id \"\(clash.id)\": \(clash.first) and \(clash.second); the second is not used. Give one another id.")
        }
        for error in catalog.invalidFiles {
            context.terminal.writeErrorLine("warning: skipped " + error.description)
        }
        return 0
    }

    /// `stepchange framework show`: the headings, prompts, guidance and scale, readable at 80 columns.
    static let frameworkShow = Command(
        name: "framework show",
        summary: "Show a framework's headings, prompts, guidance and scale.",
        usage: "stepchange framework show ID|FILE [--frameworks DIR]",
        examples: ["stepchange framework show child-poverty", "stepchange framework show Frameworks/strategy-review.json"],
        options: [.frameworks], arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let (framework, source) = try context.framework(invocation.positionals[0], invocation)
        context.terminal.write(FrameworkText.render(framework, source: source, width: context.width, style: context.style))
        return 0
    }

    /// `stepchange framework export`: the framework as JSON, in the same format as the files.
    static let frameworkExport = Command(
        name: "framework export",
        summary: "Print a framework as JSON, to copy and adapt.",
        usage: "stepchange framework export ID|FILE [--frameworks DIR]",
        examples: ["stepchange framework export child-poverty > Frameworks/our-framework.json"],
        options: [.frameworks], arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let (framework, _) = try context.framework(invocation.positionals[0], invocation)
        context.terminal.writeDocument(FrameworkCodec.encode(framework))
        return 0
    }

    /// `stepchange framework check`: validates a framework file and lists every problem.
    static let frameworkCheck = Command(
        name: "framework check",
        summary: "Check a framework file and list every problem in it.",
        usage: "stepchange framework check FILE [--frameworks DIR]",
        discussion: "Also warns when the file's id is taken: by the built-in framework (which the file would replace) or by another framework file.",
        examples: ["stepchange framework check Frameworks/our-framework.json"],
        options: [.frameworks], arguments: 1...1
    ) { invocation, context throws(StepChangeError) in
        let path = invocation.positionals[0]
        let data = try context.readFile(path, limit: FrameworkReader.maximumSize, what: "a framework file")
        let framework = try FrameworkReader.read(data, source: path)
        let items = framework.itemIDs.count
        context.terminal.writeLine("\(path): valid — \(framework.id) \"\(framework.title)\" v\(framework.version): \(framework.headings.count) headings, \(items) items, \(framework.scale.levels.count)-level scale\(framework.scale.dontKnow == nil ? "" : " with don't know"), \(framework.actionThemes.count) action themes.")
        for other in context.frameworkCatalog(invocation).others(sharingIDWith: framework, in: context.displayPath(context.url(path))) {
            switch other {
            case .builtIn:
                context.terminal.writeErrorLine("warning: \(path) uses the id \"\(framework.id)\" of the built-in framework: in a frameworks folder it replaces the built-in one, and every command that uses it says so. Give it another id to keep both.")
            case .file(let file):
                context.terminal.writeErrorLine("warning: \(file) also uses the id \"\(framework.id)\" for a different framework: neither can be chosen by id until one of them gets another id.")
            }
        }
        return 0
    }
}

/// The terminal rendering of a framework for `framework show`.
enum FrameworkText {
    static func render(_ framework: Framework, source: FrameworkSource, width: Int, style: Style) -> String {
        var out: [String] = []
        out.append(style.bold("\(framework.title) (\(framework.id), version \(framework.version))"))
        out.append("Source: \(source)")
        if !framework.description.isEmpty { out += ["", TextWrap.wrap(framework.description, width: width)] }
        out += ["", style.bold("Scale")]
        for level in framework.scale.levels {
            out.append(TextWrap.wrap("\(level.label) — \(level.descriptor)", width: width, indent: "      ", firstIndent: "  \(level.value)   ".padding(toLength: 6, withPad: " ", startingAt: 0)))
        }
        if let dontKnow = framework.scale.dontKnow {
            out.append(TextWrap.wrap("\(dontKnow.label) — \(dontKnow.descriptor) (counted, not scored)", width: width, indent: "      ", firstIndent: "  ?   "))
        }
        for heading in framework.headings {
            out += ["", style.bold("\(heading.id)  \(heading.title)")]
            if !heading.summary.isEmpty { out.append(TextWrap.wrap(heading.summary, width: width, indent: "    ")) }
            for item in heading.items {
                out.append("")
                let label = "  \(item.id)".padding(toLength: max(8, item.id.count + 3), withPad: " ", startingAt: 0)
                out.append(TextWrap.wrap(item.prompt, width: width, indent: String(repeating: " ", count: label.count), firstIndent: label))
                let indent = String(repeating: " ", count: label.count)
                if !item.guidance.isEmpty {
                    out.append(TextWrap.wrap("Good looks like: " + item.guidance, width: width, indent: indent))
                }
                if !item.evidence.isEmpty {
                    out.append(TextWrap.wrap("Evidence to bring: " + item.evidence.joined(separator: "; "), width: width, indent: indent))
                }
            }
        }
        out += ["", style.bold("Planning horizons")]
        for kind in HorizonKind.allCases.reversed() {
            let horizon = framework.horizon(kind)
            out.append("  \(horizon.title): \(horizon.span)")
        }
        if !framework.actionThemes.isEmpty {
            out += ["", style.bold("Action themes")]
            for theme in framework.actionThemes {
                out.append(TextWrap.wrap("\(theme.title) (\(theme.id))" + (theme.description.isEmpty ? "" : " — \(theme.description)"), width: width, indent: "    ", firstIndent: "  "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
