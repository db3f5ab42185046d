import Foundation
import Testing
import StepChangeKit

/// A working directory holding a copy of the worked-example archive in `Sessions/`, plus a corrupt file.
func exampleWorkspace(_ name: String = #function, corrupt: Bool = true) throws -> URL {
    let directory = try temporaryDirectory(name)
    let sessions = directory.appendingPathComponent("Sessions")
    try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    let archive = BinaryRunner.packageRoot.appendingPathComponent("Sessions")
    for name in [earlierID + ".json", laterID + ".json"] {
        try FileManager.default.copyItem(at: archive.appendingPathComponent(name), to: sessions.appendingPathComponent(name))
    }
    if corrupt {
        try Data("{\n  \"schemaVersion\" : 1,\n  \"title\" : \"Half a ses".utf8).write(to: sessions.appendingPathComponent("2026-01-15-truncated.json"))
    }
    return directory
}

let earlierID = "2025-11-20-riverside-child-poverty-self-assessment"
let laterID = "2026-11-19-riverside-child-poverty-self-assessment"

func sessionFile(_ workspace: URL, _ id: String) -> URL {
    workspace.appendingPathComponent("Sessions").appendingPathComponent(id + ".json")
}

@Suite("Reviewing past sessions through the built binary")
struct ReviewingCommandTests {
    @Test func sessionsListsNewestFirstAndReportsTheCorruptFile() throws {
        let workspace = try exampleWorkspace()
        let result = try BinaryRunner.run(["sessions", "--as-at", "2026-11-19"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("ID") && lines[0].contains("OPEN ACTIONS") && lines[0].hasSuffix("OVERDUE"))
        #expect(lines[1].hasPrefix(laterID) && lines[1].contains("child-poverty v1.0") && lines[1].contains("complete")
                && lines[1].contains("  11  ") && lines[1].contains("2.58") && lines[1].contains("12 not started  ") && lines[1].hasSuffix(" 0"))
        #expect(lines[2].hasPrefix(earlierID) && lines[2].contains("Riverside Community Planning Partnership")
                && lines[2].contains("2.17") && lines[2].contains("4 on track, 2 some issues  ") && lines[2].hasSuffix(" 6"))
        #expect(result.stdout.contains("Could not read 1 file in Sessions:"))
        #expect(result.stdout.contains("\n  2026-01-15-truncated.json is not valid JSON."))

        // Files changed less than a second ago are not cached; once settled, the index is written and used.
        Thread.sleep(forTimeInterval: 1.1)
        let again = try BinaryRunner.run(["sessions", "--as-at", "2026-11-19"], in: workspace)
        #expect(again.stdout == result.stdout)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Sessions/.stepchange-index.json").path))
        let cached = try BinaryRunner.run(["sessions", "--as-at", "2026-11-19"], in: workspace)
        #expect(cached.stdout == result.stdout)
    }

    @Test func sessionsAsJSON() throws {
        let workspace = try exampleWorkspace()
        let result = try BinaryRunner.run(["sessions", "--json", "--as-at", "2026-11-19", "--sessions", workspace.appendingPathComponent("Sessions").path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["id"] as? String } == [laterID, earlierID])
        #expect(sessions[1]["latestReview"] as? String == "2026-11-19")
        #expect(sessions.map { $0["overdue"] as? Int } == [0, 6])
        #expect((object["unreadable"] as? [[String: Any]])?.first?["file"] as? String == "2026-01-15-truncated.json")
    }

    @Test func anEmptyOrMissingDirectoryIsExplained() throws {
        let empty = try temporaryDirectory()
        let result = try BinaryRunner.run(["sessions", "--sessions", empty.path])
        #expect(result.status == 0 && result.stdout.hasPrefix("No sessions in"))
        let missing = try BinaryRunner.run(["sessions", "--sessions", empty.appendingPathComponent("nope").path])
        #expect(missing.status == 1 && missing.stderr.contains("Cannot read the sessions directory"))
    }

    @Test func showFitsOneScreen() throws {
        let workspace = try exampleWorkspace()
        let result = try BinaryRunner.run(["show", "2025-11", "--as-at", "2026-11-19"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 30)
        #expect(lines.allSatisfy { $0.count <= 110 })
        #expect(result.stdout.contains("  UP  Understanding Our Progress           ████················  1.83  (6 of 6 agreed)"))
        #expect(result.stdout.contains("  S1  8 votes   planned  The partnership should develop"))
        #expect(result.stdout.contains("5 complete (Blue), 4 on track (Green), 2 some issues (Amber)"))
        #expect(result.stdout.contains("Latest review: 2026-11-19"))
        #expect(result.stdout.contains("Plan check: no errors, 6 warnings, 2 notes — overdue on 19 November 2026: 6 milestones, 0 reviews\n  warning A1.2  A1.2 milestone, September 2026"))
        let unknown = try BinaryRunner.run(["show", "2024"], in: workspace)
        #expect(unknown.status == 1 && unknown.stderr.contains("No session \"2024\""))
        let corrupt = try BinaryRunner.run(["show", "2026-01-15-truncated"], in: workspace)
        #expect(corrupt.status == 1 && corrupt.stderr.contains("is not valid JSON"))
    }

    @Test func compareShowsWhatChanged() throws {
        let workspace = try exampleWorkspace()
        let result = try BinaryRunner.run(["compare", earlierID, laterID], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Overall mean consensus: 2.17 → 2.58  ▲ +0.41"))
        #expect(out.contains("UP  Understanding Our Progress  1.83 → 2.67  ▲ +0.84"))
        #expect(out.contains("  UP2   1     3    ▲ +2    consensus          some disagreement"))
        #expect(out.contains("  WW2   3     2    ▼ -1"))
        #expect(out.contains("  LN1   3     3    = 0"))
        #expect(out.contains("Improved most\n  UP2  1 → 3  ▲ +2"))
        #expect(out.contains("Fell most\n  PL6  3 → 2  ▼ -1"))
        #expect(out.contains("Carried forward: S6 → S5"))
        #expect(out.contains("New: S3"))
        #expect(out.contains("Dropped: S4"))
        #expect(out.contains("  A4.3  Amber  some issues  2026-11-19"))
    }

    @Test func compareWritesAReportWithTheExportRenderers() throws {
        let workspace = try exampleWorkspace()
        let markdown = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "markdown"], in: workspace)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# What changed: Riverside child poverty self-assessment (20 November 2025)"))
        #expect(markdown.stdout.contains("| UP2 | We have a monitoring framework with clear indicators, baselines and targets. | 1 | 3 | ▲ +2 | consensus | some disagreement |"))
        let csv = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "csv"], in: workspace)
        #expect(csv.stdout.contains("Heading,Item,Prompt,Then (2025-11-20),Now (2026-11-19),Change,Direction,Agreement then,Agreement now\r\n"))
        #expect(csv.stdout.contains(",1,3,2,up 2,consensus,some disagreement\r\n"))

        let html = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "html", "--output", "changed.html"], in: workspace)
        #expect(html.status == 0 && html.stdout.contains("Wrote the comparison as html to changed.html."))
        let page = try String(contentsOf: workspace.appendingPathComponent("changed.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("Parents&#39; Voice"))
        #expect(!page.contains("Parents' Voice"), "an apostrophe in the page is not escaped")
        let again = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "html", "--output", "changed.html"], in: workspace)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        let folder = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "html", "--output", "Sessions", "--force"], in: workspace)
        #expect(folder.status == 1 && folder.stderr.contains("Sessions is a directory, not a file."), "\(folder.stderr)")
        let missing = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "csv", "--output", "nowhere/changed.csv"], in: workspace)
        #expect(missing.status == 1 && missing.stderr.contains("Cannot write nowhere/changed.csv: the folder nowhere does not exist."), "\(missing.stderr)")
        let unknown = try BinaryRunner.run(["compare", earlierID, laterID, "--format", "pdf"], in: workspace)
        #expect(unknown.status == 2 && unknown.stderr.contains("Unknown format \"pdf\""))
    }

    @Test func compareRefusesDifferentFrameworks() throws {
        let workspace = try exampleWorkspace()
        let file = sessionFile(workspace, laterID)
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"id\" : \"child-poverty\"", with: "\"id\" : \"child-poverty-wales\"")
        try Data(text.utf8).write(to: file)
        let result = try BinaryRunner.run(["compare", earlierID, laterID], in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("different frameworks"))
        #expect(result.stderr.contains("\"child-poverty-wales\""))
        #expect(result.stdout.isEmpty)
    }

    @Test func reviewOneActionNonInteractively() throws {
        let workspace = try exampleWorkspace()
        let file = sessionFile(workspace, earlierID)
        let before = try SessionCodec.decode(Data(contentsOf: file), source: "before")
        let result = try BinaryRunner.run(["review", "2025-11", "--action", "A4.3", "--status", "on-track", "--actual", "41",
                                           "--note", "Operator scheme agreed", "--date", "2026-11-26", "--reviewer", "Fiona MacLeod"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A4.3: Action not yet completed, but on track (Green) on 2026-11-26, reviewed by Fiona MacLeod; actual 41 (update 5)."))
        let data = try Data(contentsOf: file)
        let after = try SessionCodec.decode(data, source: "after")
        #expect(SessionCodec.encode(after) == data)
        let action = try #require(after.actions.first { $0.ref == "A4.3" })
        let old = try #require(before.actions.first { $0.ref == "A4.3" })
        #expect(action.updates.dropLast() == old.updates[...])
        #expect(action.updates.last?.date == "2026-11-26" && action.updates.last?.reviewer == "Fiona MacLeod"
                && action.updates.last?.actual == "41" && action.updates.last?.status == .onTrack)
        #expect(!FileManager.default.fileExists(atPath: file.deletingPathExtension().path + ".lock"), "the lock is released")

        let wording = try BinaryRunner.run(["review", earlierID, "--action", "a2.2", "--status", "Action complete", "--reviewer", "Aileen Murray"], in: workspace)
        #expect(wording.status == 0 && wording.stdout.contains("A2.2: Action complete (Blue)"))
    }

    @Test func reviewRefusesBadInputAndLeavesTheFileAlone() throws {
        let workspace = try exampleWorkspace()
        let file = sessionFile(workspace, earlierID)
        let original = try Data(contentsOf: file)
        let cases: [([String], Int32, String)] = [
            (["--action", "A9.9", "--status", "on-track", "--reviewer", "X"], 1, "There is no action \"A9.9\""),
            (["--action", "A1.2", "--status", "sort of", "--reviewer", "X"], 2, "is not a status"),
            (["--action", "A1.2", "--reviewer", "X"], 2, "--action needs --status"),
            (["--status", "complete", "--reviewer", "X"], 2, "name it with --action"),
            (["--action", "A1.2", "--status", "complete", "--date", "2027-02-30", "--reviewer", "X"], 2, "is not a date"),
        ]
        for (arguments, status, message) in cases {
            let result = try BinaryRunner.run(["review", earlierID] + arguments, in: workspace)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(try Data(contentsOf: file) == original)
        }
    }

    @Test func reviewTakesTheSessionLock() throws {
        let workspace = try exampleWorkspace()
        let file = sessionFile(workspace, earlierID)
        let lock = file.deletingPathExtension().path + ".lock"
        let held = try SessionLock.acquire(at: lock, now: Date())
        defer { held.release() }
        let original = try Data(contentsOf: file)
        let result = try BinaryRunner.run(["review", earlierID, "--action", "A1.2", "--status", "complete", "--reviewer", "X"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked by process \(getpid())"))
        #expect(try Data(contentsOf: file) == original)
    }

    @Test func aLockFileLeftBehindIsTakenOver() throws {
        let workspace = try exampleWorkspace()
        let lock = sessionFile(workspace, earlierID).deletingPathExtension().path + ".lock"
        try Data("999999\n\(LockHolder.thisHost)\n2026-11-25T10:00:00Z\n".utf8).write(to: URL(fileURLWithPath: lock))
        let result = try BinaryRunner.run(["review", earlierID, "--action", "A1.2", "--status", "complete", "--reviewer", "X"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Cleared the lock left by process 999999"))
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test func reviewInteractivelyFromStandardInput() throws {
        let workspace = try exampleWorkspace()
        // Reviewer; A1.1 kept (Enter ×3); A1.2 → some issues with a note and an actual; then stop.
        let input = "Kenny Walsh\n\n\n\n3\nCoordinator on leave\n12\nq\n"
        let result = try BinaryRunner.run(["review", earlierID, "--date", "2026-11-26"], stdin: input, in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Now: Action complete (Blue), last reviewed 2026-05-28 by Priya Sharma"))
        #expect(result.stdout.contains("Last note: Map reported to the Board in May."))
        #expect(result.stdout.contains("No change recorded."))
        #expect(result.stdout.contains("Saved: Some issues, recovery plan in place (Amber)."))
        #expect(result.stdout.contains("Review stopped: 1 update saved."))
        #expect(result.stdout.contains("Note [Enter for none]: Coordinator on leave\n"), "piped answers are echoed as a transcript")
        let session = try SessionCodec.decode(Data(contentsOf: sessionFile(workspace, earlierID)), source: "s")
        let action = try #require(session.actions.first { $0.ref == "A1.2" })
        #expect(action.latestUpdate == ProgressUpdate(date: "2026-11-26", reviewer: "Kenny Walsh", status: .someIssues,
                                                      note: "Coordinator on leave", actual: "12", recordedAt: action.latestUpdate!.recordedAt))
        #expect(session.actions.first { $0.ref == "A1.1" }?.updates.count == 2)
    }

    @Test func aStoppedReviewNamesTheSessionsDirectoryToContinueFrom() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        try FileManager.default.moveItem(at: workspace.appendingPathComponent("Sessions"), to: workspace.appendingPathComponent("archive"))
        let result = try BinaryRunner.run(["review", "2025-11", "--sessions", "archive", "--reviewer", "Kenny Walsh"], stdin: "q\n", in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Review stopped: 0 updates saved. Run `stepchange review \(earlierID) --sessions archive` to continue."))
    }

    @Test func importPlanFromASpreadsheet() throws {
        let workspace = try exampleWorkspace()
        let csv = "\u{FEFF}The Outcomes We Are Aiming For,Action Ref,Objective,The Actions We Are Taking,How we will know it has worked,Responsible Lead Officer,Strengthening,Rag Rating,Milestones,Output/ Impact\r\n"
            + "Families are better off,B1.1,Raise income,\"Benefit checks\r\nat the school gate\",Take-up of grants,Money Advice Manager,Income from social security and benefits in kind,\"Action not yet completed, but on track\",March 2027,More families claim\r\n"
            + ",,,,,,,Action complete,June 2027,All schools covered\r\n"
            + ",B1.2,Cut costs,Uniform banks,Families using banks,TSI,costs,Action complete,2027-01,Banks open\r\n"
        try Data(csv.utf8).write(to: workspace.appendingPathComponent("plan.csv"))
        let result = try BinaryRunner.run(["import-plan", laterID, "plan.csv"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 2 actions under 1 outcome (S7) from plan.csv"))
        let session = try SessionCodec.decode(Data(contentsOf: sessionFile(workspace, laterID)), source: "s")
        let first = try #require(session.actions.first { $0.ref == "B1.1" })
        #expect(first.description == "Benefit checks\r\nat the school gate" || first.description == "Benefit checks\nat the school gate")
        #expect(first.status == .onTrack && first.milestone == "2027-03" && first.theme == "social-security")
        #expect(first.outputImpact == "More families claim")
        #expect(first.schedule == [ActionMilestone(date: "2027-03", output: "More families claim"),
                                   ActionMilestone(date: "2027-06", status: .complete, output: "All schools covered")])
        #expect(session.statement("S7")?.text == "Families are better off")
        #expect(session.actions.first { $0.ref == "B1.2" }?.currentStatus == .complete)

        let again = try BinaryRunner.run(["import-plan", laterID, "plan.csv"], in: workspace)
        #expect(again.status == 1 && again.stderr.contains("line 2: action ref \"B1.1\" is already in"))
    }

    @Test func importPlanWritesNothingWhenAnyRowIsBad() throws {
        let workspace = try exampleWorkspace()
        let file = sessionFile(workspace, laterID)
        let original = try Data(contentsOf: file)
        let csv = "Outcome,Ref,Action,Status,Milestone\nFamilies,X1,Good row,on track,2027-03\nFamilies,X2,Bad status,sort of,2027-03\nFamilies,X3,Bad date,complete,someday\n"
        try Data(csv.utf8).write(to: workspace.appendingPathComponent("plan.csv"))
        let result = try BinaryRunner.run(["import-plan", laterID, "plan.csv"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("plan.csv was not imported: 2 problems (nothing has been changed)"))
        #expect(result.stderr.contains("plan.csv: line 3: status \"sort of\""))
        #expect(result.stderr.contains("plan.csv: line 4: milestone \"someday\" is not a date"))
        #expect(try Data(contentsOf: file) == original)
        let noAction = try BinaryRunner.run(["import-plan", laterID, "missing.csv"], in: workspace)
        #expect(noAction.status == 1 && noAction.stderr.contains("Cannot read missing.csv"))
    }
}

@Suite("Milestones and overdue through the built binary")
struct OverdueCommandTests {
    @Test func reviseAMilestoneThenCheckWhatIsOverdue() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let before = try BinaryRunner.run(["check", earlierID, "--as-at", "2026-11-19"], in: workspace)
        #expect(before.stdout.contains("warning A1.3  A1.3 milestone, June 2026 (Two updates a year"), "\(before.stdout)")
        let revised = try BinaryRunner.run(["review", earlierID, "--action", "A1.3", "--milestone", "1", "--revise-to", "2027-01",
                                            "--reason", "Parents' Voice paused over summer", "--date", "2026-11-19"], in: workspace)
        #expect(revised.status == 0, "\(revised.stderr)")
        #expect(revised.stdout.contains("1. January 2027 — on track"))
        #expect(revised.stdout.contains("(revised from June 2026)"))
        let after = try BinaryRunner.run(["check", earlierID, "--as-at", "2026-11-19"], in: workspace)
        #expect(!after.stdout.contains("A1.3 milestone"))
        let later = try BinaryRunner.run(["check", earlierID, "--as-at", "2027-02-01", "--json"], in: workspace)
        #expect(later.stdout.contains("\"rule\" : \"milestone-overdue\"") && later.stdout.contains("A1.3 milestone, January 2027"))
        let measures = try BinaryRunner.run(["export", earlierID, "--format", "markdown", "--part", "measures"], in: workspace)
        #expect(measures.stdout.contains("from June 2026 on 19 November 2026: Parents' Voice paused over summer"))
    }

    @Test func badMilestoneOptionsAreExplained() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let noReason = try BinaryRunner.run(["review", earlierID, "--action", "A1.3", "--milestone", "1", "--revise-to", "2027-01"], in: workspace)
        #expect(noReason.status == 2 && noReason.stderr.contains("--reason TEXT"))
        let noSuch = try BinaryRunner.run(["review", earlierID, "--action", "A1.3", "--milestone", "4", "--milestone-status", "complete"], in: workspace)
        #expect(noSuch.status == 2 && noSuch.stderr.contains("A1.3 has no milestone 4"))
        let badDay = try BinaryRunner.run(["check", earlierID, "--as-at", "tomorrow"], in: workspace)
        #expect(badDay.status == 2 && badDay.stderr.contains("--as-at tomorrow is not a date"))
        let badPeriod = try BinaryRunner.run(["review", earlierID, "--action", "A1.3", "--status", "on-track", "--actual", "3", "--period", "soon", "--reviewer", "A"], in: workspace)
        #expect(badPeriod.status == 2 && badPeriod.stderr.contains("--period soon is not a month"))
    }
}

@Suite("Trends through the built binary")
struct TrendCommandTests {
    @Test func threeSessionsShowTheTrendWithSparklines() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/export/complete-session.json"),
                                         to: workspace.appendingPathComponent("Sessions/2026-11-23-riverside-child-poverty.json"))
        let result = try BinaryRunner.run(["compare", "2026-11-23", earlierID, laterID], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Trend across 3 sessions of child-poverty"))
        #expect(result.stdout.contains("  HEADING  2025-11-20  2026-11-19  2026-11-23  TREND  CHANGE"))
        #expect(result.stdout.contains("  All      2.17        2.58        2.33        ▃▄▃    ▲ +0.16"))
        let xlsx = try BinaryRunner.run(["compare", earlierID, laterID, "2026-11-23", "--format", "xlsx"], in: workspace)
        #expect(xlsx.status == 2 && xlsx.stderr.contains("give --output FILE.xlsx"))
        let written = try BinaryRunner.run(["compare", earlierID, laterID, "2026-11-23", "--format", "xlsx", "--output", "trend.xlsx"], in: workspace)
        #expect(written.status == 0 && written.stdout.contains("Wrote the trend across 3 sessions as xlsx"))
    }
}

@Suite("Passed milestones in the interactive review")
struct InteractiveMilestoneReviewTests {
    @Test func aPassedMilestoneCanBeMovedWithItsReasonDuringTheReview() throws {
        let workspace = try exampleWorkspace(corrupt: false)
        // A1.1 and A1.2: Enter through status, note and actual; A1.2's passed milestone marked complete;
        // A1.3: Enter through, its passed milestone moved with a reason; then stop.
        let input = "Fiona\n\n\n\n\n\n\nc\n\n\n\n2027-01\nParents' Voice paused over summer\nq\n"
        let result = try BinaryRunner.run(["review", earlierID, "--date", "2026-11-20"], stdin: input, in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The milestone, June 2026, has passed: c if complete, a new date to move it, Enter to leave it: "))
        #expect(result.stdout.contains("Saved: the milestone moved."))
        #expect(result.stdout.contains("Review stopped: 2 updates saved."))
        let session = try SessionCodec.decode(Data(contentsOf: sessionFile(workspace, earlierID)), source: "s")
        let a13 = try #require(session.actions.first { $0.ref == "A1.3" })
        #expect(a13.schedule.first?.date == "2027-01")
        #expect(a13.schedule.first?.revisions == [MilestoneRevision(previousDate: "2026-06", reason: "Parents' Voice paused over summer", revisedOn: "2026-11-20")])
        #expect(session.actions.first { $0.ref == "A1.2" }?.schedule.first?.status == .complete)
    }
}
