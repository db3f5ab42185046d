import Foundation
import Testing
import StepChangeKit

/// A full workshop replayed through the CLI and compared byte for byte with a golden transcript:
/// 24 items (six taken from an imported survey, agreed in one Enter each), corrections in every kind
/// of list, a late arrival and someone who leaves, seven statements, eleven actions (ten in one line),
/// deletions that ask first, the next steps, then next year's session started with `new --from`.
@Suite("Workshop replay")
struct WorkshopReplayTests {
    static let golden = BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeKitTests/Fixtures/workshop/replay-transcript.txt")

    static let survey = """
        participant,item,score,comment
        Ann Lee,UP1,2,
        Raj Patel,UP1,2,
        Mo Khan,UP1,3,
        Jo Bell,UP1,2,
        Ann Lee,UP2,3,
        Raj Patel,UP2,3,
        Mo Khan,UP2,3,
        Jo Bell,UP2,4,
        Ann Lee,UP3,2,
        Raj Patel,UP3,2,
        Mo Khan,UP3,2,
        Jo Bell,UP3,2,
        Ann Lee,UP4,3,
        Raj Patel,UP4,2,
        Mo Khan,UP4,3,
        Jo Bell,UP4,3,
        Ann Lee,UP5,2,
        Raj Patel,UP5,3,
        Mo Khan,UP5,2,
        Jo Bell,UP5,2,
        Ann Lee,UP6,1,
        Raj Patel,UP6,4,
        Mo Khan,UP6,2,
        Jo Bell,UP6,5,

        """

    /// What the facilitator types, stage by stage.
    static let assessment = [
        // LN1: an area typed a line late, as a strength, moved where it belongs
        "3 4 2 3", "", "Profile refreshed in 2025", "", "Shared figures across partners", "Neighbourhood data is missing",
        "move 2 to areas", "", "",
        // LN2: a stray line deleted, never stored as "delete 2"
        "2 2 3 2", "", "Family survey 2024", "Wrong line", "delete 2", "", "", "Priority groups are not counted", "",
        "skip",
        "1 2 1 2", "", "done",
        // LN4 finished with done; LN5: someone arrives late and is asked their sector
        "add participant Kit Ray (Clydesdale Housing)", "third sector",
        "3 3 3 4 3", "", "done",
        "2 3 2 2 3", "", "", "", "Families' views are gathered once and not used", "",
        // LN3 comes back at the end of its heading, before the heading summary
        "3 3 2 3 3", "", "done",
        "2 2 3 2 2", "", "done",
        "2 1 2 2 3", "", "", "", "Benefit take-up work is patchy", "",
        "3 3 3 3 3", "", "done",
        "4 3 4 4 3", "", "done",
        "2 2 1 2 2", "", "done",
        "3 3 3 2 3", "", "done",
        // WW1: Raj leaves; his earlier scores stay
        "absent Raj Patel",
        "2 1 2 2", "", "", "", "Third sector not at the strategic table", "",
        "3 3 3 3", "", "done",
        "2 3 3 2", "", "done",
        "3 4 3 3", "", "done",
        "2 2 2 3", "", "done",
        "3 3 4 3", "", "done",
        // UP1–UP5 were imported and agree: one Enter each; UP6 diverges
        "", "", "", "", "",
        "", "", "", "Measures of progress are not shared", "",
        "",
    ]

    static let statements = [
        "The partnership should develop mechanisms for ongoing dialogue with families.", "LN4", "Raised under LN4",
        "The partnership should count the priority family groups.", "LN2 LN1", "",
        "The partnership should improve benefit take-up.", "PL2", "",
        "The partnership should share measures of progress.", "UP6", "",
        "The partnership should involve the third sector in decisions.", "WW1", "",
        "The partnership should fix neighbourhood data.", "LN1", "",
        "merge S6 into S2",
        "The partnership should align housing and employability support.", "PL1 PL3", "",
        "edit 5 The partnership should give the third sector a seat at the strategic table.",
        "delete",
        "",
        // Raj left at WW1, so he is not asked to vote
        "S1 S1 S3", "S1 S4 S5", "S1=2 S7", "S2 S3 S4",
        "goto drafting", "delete 7", "no", "goto choosing",
        "S1 S3 S2",
    ]

    static let planning = [
        "Fewer children live in poverty in Lanarkshire", "Services are shaped by families", "",
        "Engagement is mapped", "A parents' panel meets monthly", "",
        "Parents' panel -> ST2", "No route from the panel to decisions -> MT1", "move 2 to gaps", "",
        "",
        "Map engagement across services; Lived Experience Sub-Group; March 2027; Services mapped; new; ST1",
        "Pay panel members for their time; Parents' Voice Coordinator; June 2027; Members paid; enhanced; ST2",
        "Publish you said, we did twice a year; Communications Officer; 2027-05; Updates published; new; MT1",
        "Panel reports to the board; ; 2027-09", "", "Board Secretary", "Reports received",
        "",
        "Families keep taking part", "",
        "More families get what they are entitled to", "Take-up rises", "", "Frontline staff ask about money", "",
        "Money advice in GP practices -> ST1", "", "No routine referral from schools -> ST1", "",
        "Train 400 frontline staff; Public Health Principal; October 2027; Staff trained; new; ST1",
        "Referral pathway from schools; Education Services; 2027-08; Referrals made; new; MT1",
        "Auto-award the school clothing grant; Revenues and Benefits; 2027-04; Grants awarded; enhanced; MT1",
        "Benefit checks at nursery", "ST1", "", "Money Advice Team", "", "", "", "2027-06", "Checks done", "", "", "", "", "2", "new",
        "", "",
        "Partners plan from the same picture", "Data is shared routinely", "", "Priority groups are counted", "",
        "", "No data sharing agreement -> MT1", "",
        "Add figures for priority groups to the profile; Public Health Intelligence Analyst; June 2027; Groups counted; enhanced; ST1",
        "Data sharing agreement; Information Governance Lead; 2027-09; Agreement signed; new; MT1",
        "Neighbourhood data refresh; Intelligence Analyst; 2027-03; Refresh done; existing; ST1",
        "goto S2 short", "delete ST1", "no", "goto S2 actions", "", "",
        "",
    ]

    @Test func aFullWorkshopReplayMatchesTheGoldenTranscript() throws {
        let dir = try temporaryDirectory()
        var transcript = ""
        var runOutput = ""
        func record(_ command: [String], input: [String] = [], now: Date = Date(timeIntervalSince1970: 1_795_392_000)) -> Int32 {
            let result = runCLI(command, input: input, in: dir, now: now)
            transcript += "$ stepchange " + command.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ") + "\n"
            transcript += result.output
            if command.first == "run" { runOutput += result.output }
            if !result.errors.isEmpty { transcript += "[stderr]\n" + result.errors }
            transcript += "[exit \(result.status)]\n\n"
            return result.status
        }
        try Self.survey.write(to: dir.appendingPathComponent("survey.csv"), atomically: true, encoding: .utf8)
        #expect(record(["new", "--title", "Lanarkshire replay", "--partnership", "Lanarkshire CPP", "--date", "2026-11-23",
                        "--participants", "Ann Lee (Council, statutory); Raj Patel (VASLan, third sector); Mo Khan (NHS Lanarkshire, health); Jo Bell (Parents' panel, lived experience)"]) == 0)
        let id = "2026-11-23-lanarkshire-replay"
        #expect(record(["import-scores", id, "survey.csv"]) == 0)
        #expect(record(["run", id], input: Self.assessment + Self.statements + Self.planning) == 0)
        #expect(record(["check", id]) == 0)
        let later = Date(timeIntervalSince1970: 1_826_928_000)
        #expect(record(["new", "--from", id, "--title", "Lanarkshire replay 2027", "--date", "2027-11-22"], now: later) == 0)
        #expect(record(["run", "2027-11-22-lanarkshire-replay-2027"], input: ["", "pause"], now: later) == 0)

        if ProcessInfo.processInfo.environment["STEPCHANGE_UPDATE_GOLDEN"] == "1" {
            try Data(transcript.utf8).write(to: Self.golden)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(transcript == expected)

        let session = try load(dir.appendingPathComponent("Sessions/\(id).json"))
        #expect(session.stage == .complete)
        #expect(session.framework.itemIDs.allSatisfy { session.assessment(of: $0)?.isComplete == true })
        #expect(session.statements.count >= 5 && session.actions.count >= 10)
        #expect(session.actions.allSatisfy { ActionEntry.missing($0).isEmpty })
        let typed = session.assessments.flatMap { $0.evidence + $0.strengths + $0.areasForImprovement }
            + session.statements.map(\.text) + session.actions.map(\.description)
        #expect(!typed.contains { ["delete", "edit", "move", "remove"].contains(String($0.lowercased().prefix { $0 != " " })) })
        #expect(session.assessment(of: "LN1")?.areasForImprovement == ["Neighbourhood data is missing"])
        #expect(session.participant("Raj Patel")?.absentFrom == "WW1")
        #expect(session.participant("Kit Ray")?.sector == .thirdSector)
        for line in runOutput.split(separator: "\n") where !Self.typedLines.contains(where: { line.hasSuffix($0) && !$0.isEmpty }) {
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }

    static var typedLines: [String] { assessment + statements + planning }
}
