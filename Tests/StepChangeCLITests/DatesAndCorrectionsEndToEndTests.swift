import Foundation
import Testing
import StepChangeKit
import StepChangeCLI

/// Dates and names through the built binary: "today" is the local day, review dates outside the
/// workshop-to-today range are refused with the file unchanged, mistakes are corrected or withdrawn by
/// new entries, look-alike names and a --votes below votes already cast are refused.
@Suite(.serialized) struct DatesAndCorrectionsEndToEndTests {
    /// Today in a time zone, as the binary must compute it.
    static func today(in zone: String) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// UTC+14 and UTC−12: at any moment one of them is on another day than UTC, so a UTC "today" fails here.
    @Test(arguments: ["Pacific/Kiritimati", "Etc/GMT+12", "Europe/London"])
    func newSessionsAndReviewsAreDatedOnTheLocalDay(_ zone: String) throws {
        let dir = try temporaryDirectory("tz-\(zone)")
        let expected = try Self.today(in: zone)
        let created = try BinaryRunner.run(["new", "--title", "Local day", "--participants", "Ann Lee"], in: dir, environment: ["TZ": zone])
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let later = try Self.today(in: zone)
        #expect(id == "\(expected)-local-day" || id == "\(later)-local-day", "\(zone): \(id)")
        let session = try load(dir.appendingPathComponent("Sessions/\(id).json"))
        #expect(session.date == String(id.prefix(10)))
    }

    @Test func reviewDatesInTheFutureOrBeforeTheWorkshopAreRefused() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let file = sessionFile(workspace, earlierID)
        let before = try Data(contentsOf: file)
        for (date, says) in [("2099-03-01", "The review date 2099-03-01 is in the future"),
                             ("2025-11-19", "The review date 2025-11-19 is before the workshop itself (2025-11-20)")] {
            let result = try BinaryRunner.run(["review", earlierID, "--action", "A1.1", "--status", "complete", "--date", date, "--reviewer", "Sam"], in: workspace)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(says) && result.stderr.contains("Nothing was recorded."), "\(result.stderr)")
            #expect(try Data(contentsOf: file) == before)
        }
        let interactive = try BinaryRunner.run(["review", earlierID, "--date", "2099-03-01", "--reviewer", "Sam"], stdin: "\n", in: workspace)
        #expect(interactive.status == 1 && interactive.stderr.contains("in the future"), "\(interactive.stderr)")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aMistakenUpdateIsCorrectedOrWithdrawnAndTheHistoryShowsBoth() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        func review(_ extra: [String]) throws -> BinaryRunner.Result {
            try BinaryRunner.run(["review", earlierID, "--action", "A1.1", "--reviewer", "Sam"] + extra, in: workspace)
        }
        let history = try review(["--history"])
        #expect(history.status == 0, "\(history.stderr)")
        let count = history.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }.count
        let wrong = try review(["--status", "not-on-track", "--note", "Meant for A1.2", "--date", "2026-11-26"])
        #expect(wrong.status == 0 && wrong.stdout.contains("(update \(count + 1))"), "\(wrong.stdout) \(wrong.stderr)")
        let latestBefore = try #require(try load(sessionFile(workspace, earlierID)).actions.first { $0.ref == "A1.1" })
        #expect(latestBefore.currentStatus == .notOnTrack)

        let corrected = try review(["--corrects", String(count + 1), "--status", "on-track", "--note", "On track after all"])
        #expect(corrected.status == 0 && corrected.stdout.contains("correcting update \(count + 1)"), "\(corrected.stdout) \(corrected.stderr)")
        var action = try #require(try load(sessionFile(workspace, earlierID)).actions.first { $0.ref == "A1.1" })
        #expect(action.currentStatus == .onTrack && action.latestUpdate?.date == "2026-11-26")

        let withdrawn = try review(["--withdraw", String(count + 2), "--note", "No review this quarter"])
        #expect(withdrawn.status == 0 && withdrawn.stdout.contains("update \(count + 2) withdrawn"), "\(withdrawn.stdout) \(withdrawn.stderr)")
        action = try #require(try load(sessionFile(workspace, earlierID)).actions.first { $0.ref == "A1.1" })
        #expect(action.updates.count == count + 3)
        #expect(action.latestUpdate?.date != "2026-11-26")

        let shown = try review(["--history"])
        #expect(shown.stdout.contains("\(count + 1). 2026-11-26  not on track  (Sam)  [corrected by update \(count + 2)]"), "\(shown.stdout)")
        #expect(shown.stdout.contains("[correction of update \(count + 1); withdrawn by update \(count + 3)]"), "\(shown.stdout)")
        let exported = try BinaryRunner.run(["export", earlierID, "--format", "markdown", "--part", "actions"], in: workspace)
        #expect(exported.stdout.contains("withdraws update \(count + 2)\\] No review this quarter"), "\(exported.stdout)")

        let nothing = try review(["--corrects", "99"])
        #expect(nothing.status == 1 && nothing.stderr.contains("A1.1 has no update 99; its updates are numbered 1 to \(count + 3)."), "\(nothing.stderr)")
        let both = try review(["--corrects", "1", "--withdraw", "2"])
        #expect(both.status == 2)
    }

    @Test func lookAlikeNamesAreRefusedWhenASessionIsCreated() throws {
        let dir = try temporaryDirectory()
        let result = try BinaryRunner.run(["new", "--title", "Twins", "--participants", "Sam Lee (Council); Sam\u{A0}Lee (NHS)"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\"Sam Lee\" is already a participant (names are compared ignoring case, spaces and invisible characters)"), "\(result.stderr)")
        let sessions = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Sessions").path)) ?? []
        #expect(sessions.isEmpty)
    }

    @Test func votesCannotBeLoweredBelowVotesAlreadyCast() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let file = sessionFile(workspace, laterID)
        let before = try Data(contentsOf: file)
        let result = try BinaryRunner.run(["run", laterID, "--votes", "1"], stdin: "pause\n", in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("--votes 1 is fewer than the 3 votes"), "\(result.stderr)")
        #expect(result.stderr.contains("Give --votes 3 or more"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func atATerminalAnUnusualReviewDateIsConfirmedFirst() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let now = Date(timeIntervalSince1970: 1_796_040_000)
        let london = try #require(TimeZone(identifier: "Europe/London"))
        for (answer, recorded) in [("n", false), ("y", true)] {
            let terminal = ScriptedTerminal([answer], interactive: true)
            let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: workspace, time: FixedTime(now),
                                         timeZone: london)
            let status = StepChangeCLI.main(["review", earlierID, "--action", "A1.1", "--status", "complete", "--date", "2027-01-05",
                                             "--reviewer", "Sam"], context: context)
            #expect(terminal.output.contains("The review date 2027-01-05 is in the future (today is 2026-11-30). Record the review on 2027-01-05 anyway? [y/N]: "))
            #expect(status == (recorded ? 0 : 1), "\(terminal.errors)")
            let dates = try load(sessionFile(workspace, earlierID)).actions.first { $0.ref == "A1.1" }?.updates.map(\.date) ?? []
            #expect(dates.contains("2027-01-05") == recorded)
        }
    }

    /// 00:30 British Summer Time on 1 July 2026 is 23:30 UTC on 30 June: the session and the review are dated 1 July.
    @Test func halfPastMidnightInBritishSummerTimeIsTheNewDay() throws {
        let dir = try temporaryDirectory()
        let halfPastMidnight = Date(timeIntervalSince1970: 1_782_862_200)
        let london = try #require(TimeZone(identifier: "Europe/London"))
        func run(_ arguments: [String]) -> (Int32, String) {
            let terminal = ScriptedTerminal()
            let context = CommandContext(terminal: terminal, environment: [:], currentDirectory: dir, time: FixedTime(halfPastMidnight), timeZone: london)
            return (StepChangeCLI.main(arguments, context: context), terminal.output + terminal.errors)
        }
        let (created, output) = run(["new", "--title", "Night owls", "--participants", "Ann Lee"])
        #expect(created == 0, "\(output)")
        #expect(output.hasPrefix("2026-07-01-night-owls"), "\(output)")
        let file = dir.appendingPathComponent("Sessions/2026-07-01-night-owls.json")
        var session = try load(file)
        #expect(session.date == "2026-07-01")
        session.plans = [OutcomePlan(statementID: "S1", actions: [Action(ref: "A1.1", description: "Open late")])]
        session.statements = [ImprovementStatement(id: "S1", text: "The partnership should open late")]
        try SessionStore(directory: dir.appendingPathComponent("Sessions")).save(session)
        let (reviewed, said) = run(["review", session.id, "--action", "A1.1", "--status", "on-track", "--reviewer", "Sam"])
        #expect(reviewed == 0, "\(said)")
        #expect(try load(file).actions.first?.updates.first?.date == "2026-07-01")
    }
}

/// The listing's cache is a file like any other: a forged or damaged line is not trusted.
@Suite(.serialized) struct ListingCacheEndToEndTests {
    @Test func aForgedIndexDoesNotCrashTheListingAndIsRebuilt() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let first = try BinaryRunner.run(["sessions"], in: workspace)
        #expect(first.status == 0 && first.stdout.contains("2.58"), "\(first.stdout)")
        let index = workspace.appendingPathComponent("Sessions/.stepchange-index.json")
        let lines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let forged = lines.map { line -> String in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 23 else { return String(line) }
            fields[17] = "9223372036854775807"
            fields[18] = "1e308"
            fields[21] = "on-track=9223372036854775807,complete=9223372036854775807"
            return fields.joined(separator: "\t")
        }
        try forged.joined(separator: "\n").write(to: index, atomically: true, encoding: .utf8)
        let second = try BinaryRunner.run(["sessions"], in: workspace)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout, "the listing is the same as before the forgery")
    }
}
