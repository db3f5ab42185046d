import Foundation
import StepChangeKit

extension Command {
    /// `stepchange sessions`: every session in the sessions directory, newest first, one line each.
    static let sessions = Command(
        name: "sessions",
        summary: "List the sessions in the sessions directory, newest first.",
        usage: "stepchange sessions [--sessions DIR] [--as-at YYYY-MM-DD] [--json]",
        discussion: "A file that cannot be read is listed with the reason and never stops the listing. Summaries are cached in DIR/\(SessionIndex.fileName), checked against each file's size and modification time, so the list stays fast as the archive grows. OVERDUE counts the milestones passed without completion and the measure reviews missed, today or --as-at DATE.",
        examples: ["stepchange sessions", "stepchange sessions --sessions ~/workshops --json"],
        options: [.sessions, .asAt, OptionSpec("json", help: "Print the list as JSON.")]
    ) { invocation, context throws(StepChangeError) in
        let store = context.sessionStore(invocation)
        let listing = try SessionListing.list(store, now: context.time.now)
        if invocation.flag("json") {
            context.terminal.write(SessionListText.json(listing, directory: context.displayPath(store.directory), today: try context.asAt(invocation)))
        } else {
            context.terminal.write(SessionListText.render(listing, directory: context.displayPath(store.directory), style: context.style,
                                                          today: try context.asAt(invocation), program: context.program))
        }
        return 0
    }
}

/// The terminal and JSON renderings of a session listing.
enum SessionListText {
    static func render(_ listing: SessionListing, directory: String, style: Style, today: String, program: String) -> String {
        var out = ""
        if listing.sessions.isEmpty && listing.unreadable.isEmpty {
            return "No sessions in \(directory). Start one with `\(program) start`.\n"
        }
        if !listing.sessions.isEmpty {
            let rows = listing.sessions.map { listed -> [String] in
                let summary = listed.summary
                return [summary.id, summary.date, clip(summary.title, 40), clip(summary.partnership, 40),
                        "\(summary.frameworkID) v\(summary.frameworkVersion)", summary.stage.rawValue,
                        String(summary.participants), summary.meanConsensus.map(twoDecimals) ?? "-",
                        openActions(summary), summary.overdueCount(on: today).map(String.init) ?? "-"]
            }
            out += TextTable.render(header: ["ID", "DATE", "TITLE", "PARTNERSHIP", "FRAMEWORK", "STAGE", "PEOPLE", "MEAN", "OPEN ACTIONS", "OVERDUE"], rows: rows)
        }
        if !listing.unreadable.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += style.yellow("Could not read \(listing.unreadable.count) file\(listing.unreadable.count == 1 ? "" : "s") in \(directory):") + "\n"
            for file in listing.unreadable {
                out += "  " + (file.reason.hasPrefix(file.file) ? file.reason : "\(file.file): \(file.reason)") + "\n"
            }
        }
        return out
    }

    /// "3 on track, 1 some issues", "none open", or "no actions".
    static func openActions(_ summary: SessionSummary) -> String {
        if summary.actionCount == 0 { return "no actions" }
        let open = summary.openActions
        if open.isEmpty { return "none open" }
        return open.map { "\($0.count) \($0.status.shortLabel)" }.joined(separator: ", ")
    }

    /// "2.58": a mean to two decimal places, without going through a format string.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths) % 100
        return (hundredths < 0 ? "-" : "") + "\(abs(hundredths) / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The text on one line, cut to `width` characters with an ellipsis (the same rule as `show`).
    static func clip(_ text: String, _ width: Int) -> String { TextWrap.clip(text, to: width) }

    /// The listing as JSON: the directory, each session's summary with its file, and unreadable files.
    static func json(_ listing: SessionListing, directory: String, today: String) -> String {
        struct Listed: Encodable {
            var file: String
            var summary: SessionSummary
            var overdue: Int?
            func encode(to encoder: Encoder) throws {
                try summary.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(file, forKey: Key(stringValue: "file"))
                try container.encodeIfPresent(overdue, forKey: Key(stringValue: "overdue"))
            }
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        struct Unreadable: Encodable { var file: String; var reason: String }
        struct Output: Encodable {
            var directory: String
            var sessions: [Listed]
            var unreadable: [Unreadable]
        }
        let output = Output(directory: directory,
                            sessions: listing.sessions.map { Listed(file: $0.file, summary: $0.summary, overdue: $0.summary.overdueCount(on: today)) },
                            unreadable: listing.unreadable.map { Unreadable(file: $0.file, reason: $0.reason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
