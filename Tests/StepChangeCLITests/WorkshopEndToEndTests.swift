import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// Waits until the running process has written `text` to stdout `times` times (or fails after a while).
func waitFor(_ text: String, times: Int = 1, in running: BinaryRunner.Running, seconds: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if running.stdoutSoFar.components(separatedBy: text).count > times { return true }
        usleep(20_000)
    }
    return false
}

/// Waits for the process to exit; kills it (and reports) if it does not within the time given.
func finish(_ running: BinaryRunner.Running, seconds: Double = 20) -> BinaryRunner.Result {
    let deadline = Date().addingTimeInterval(seconds)
    while running.process.isRunning && Date() < deadline { usleep(20_000) }
    if running.process.isRunning {
        Issue.record("stepchange did not exit within \(seconds) seconds")
        kill(running.process.processIdentifier, SIGKILL)
    }
    return running.wait()
}

@Suite("Workshops through the built binary", .serialized)
struct WorkshopEndToEndTests {
    @Test func aFullFourHeadingWorkshopFromScriptedInput() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        var lines: [String] = []
        for (index, itemID) in Framework.childPoverty.itemIDs.enumerated() {
            let a = 1 + index % 5, b = 1 + (index + 1) % 5
            lines.append("\(a) \(b) -")
            if index == 2 { lines += ["r", "\(a) \(a) \(a)"] }
            lines += ["", "Evidence for \(itemID)", "", "Strength of \(itemID)", "", "Improve \(itemID)", ""]
        }
        lines.append("")
        let result = try BinaryRunner.run(["run", id, "--minutes-per-heading", "30"], stdin: lines.joined(separator: "\n") + "\n", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["LN Understanding Local Need", "PL Using a Wide Range of Policy Levers", "WW Ways of Working", "UP Understanding Our Progress"] {
            #expect(result.stdout.contains("Heading summary — \(heading)"))
        }
        #expect(result.stdout.contains("== Self-assessment summary: Riverside =="))
        #expect(result.stdout.contains("Areas for improvement (24):"))
        #expect(result.stdout.contains("Time on this heading:"))
        let session = try load(file)
        #expect(session.stage > .assessing)
        #expect(session.assessments.count == 24)
        #expect(session.assessments.allSatisfy { $0.isComplete && $0.consensus != nil && $0.areasForImprovement.count == 1 })
        #expect(session.assessment(of: "LN3")?.rounds.count == 2)
        #expect(session.assessmentCursor?.headingStarts.count == 4)
    }

    @Test func emptyLinesAfterImportRecordTheSuggestedConsensusForEveryItem() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Survey")
        var csv = "participant,item,score\n"
        for (index, itemID) in Framework.childPoverty.itemIDs.enumerated() {
            csv += "Ann Lee,\(itemID),\(1 + index % 5)\nRaj Patel,\(itemID),\(5 - index % 3)\nMo Khan,\(itemID),?\n"
        }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let imported = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try BinaryRunner.run(["run", id, "--order", "divergence"], stdin: String(repeating: "\n", count: 400), in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let session = try load(file)
        #expect(session.stage > .assessing)
        for item in AssessmentSummary(session: session).items {
            #expect(item.consensus == item.finalRound?.suggestedConsensus && item.consensus != nil, "\(item.item.id)")
        }
        let firstShown = result.stdout.range(of: "Consensus score for ").map { String(result.stdout[$0.upperBound...].prefix(3)) }
        #expect(firstShown == session.assessmentCursor?.order.first)
        #expect(session.assessmentCursor?.order != Framework.childPoverty.itemIDs)
    }

    @Test func killedMidSessionKeepsEveryAcknowledgedAnswer() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)

        let first = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: first))
        first.send("3 4 2\n")
        #expect(waitFor("Consensus score for LN1", in: first))
        kill(first.process.processIdentifier, SIGKILL)
        _ = first.wait()
        #expect(try load(file).assessment(of: "LN1")?.rounds.first?.scores.map(\.score) == [.value(3), .value(4), .value(2)])

        // The kernel released the killed runner's lock: the next run takes it without --break-lock.
        let looked = try BinaryRunner.run(["run", id], in: dir)
        #expect(looked.status == 0, "\(looked.stderr)")
        #expect(looked.stderr.contains("Cleared the lock left by process \(first.process.processIdentifier)"), "\(looked.stderr)")

        let second = try BinaryRunner.start(["run", id], in: dir)
        #expect(waitFor("Consensus score for LN1", in: second))
        second.send("\n")
        #expect(waitFor("Evidence or rationale (optional) [", in: second))
        second.send("Profile refreshed in 2025\n")
        #expect(waitFor("Evidence or rationale (optional) [Enter ends the list]", in: second))
        kill(second.process.processIdentifier, SIGKILL)
        _ = second.wait()
        var session = try load(file)
        #expect(session.assessment(of: "LN1")?.consensus?.score == 3)
        #expect(session.assessment(of: "LN1")?.evidence == ["Profile refreshed in 2025"])

        let third = try BinaryRunner.start(["run", id, "--break-lock"], in: dir)
        #expect(waitFor("Evidence or rationale (optional) [Enter ends the list]", in: third))
        third.send("\nStrong data team\n")
        #expect(waitFor("Strengths (optional) [Enter ends the list]", in: third))
        kill(third.process.processIdentifier, SIGKILL)
        _ = third.wait()
        session = try load(file)
        #expect(session.assessment(of: "LN1")?.strengths == ["Strong data team"])
        #expect(session.assessment(of: "LN1")?.evidence == ["Profile refreshed in 2025"])
        #expect(session.assessment(of: "LN1")?.rounds.count == 1)
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func signalsStopWithTheResumeCommandAndASavedFile(signal: Int32, status: Int32) throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let running = try BinaryRunner.start(["run", id], in: dir)
        #expect(waitFor("Scores for LN1", in: running))
        running.send("2 2 3\n")
        #expect(waitFor("Consensus score for LN1", in: running))
        kill(running.process.processIdentifier, signal)
        let result = finish(running)
        #expect(result.status == status)
        #expect(result.stderr.contains("Stopped. Every answer given is saved in Sessions/\(id).json.\nResume with: stepchange run \(id)\n"))
        #expect(try load(file).assessment(of: "LN1")?.rounds.count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sessions/\(id).lock").path))
    }

    @Test func underNohupClosingTheTerminalDoesNotStopTheRun() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' HUP; exec \"$0\" run \(id)", "stepchange"]
        process.environment = BinaryRunner.environment
        process.currentDirectoryURL = dir
        let input = Pipe()
        let transcript = dir.appendingPathComponent("transcript.txt")
        _ = FileManager.default.createFile(atPath: transcript.path, contents: nil)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: transcript)
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("2 2 3\n".utf8))
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !((try? String(contentsOf: transcript, encoding: .utf8)) ?? "").contains("Consensus score for LN1") {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGHUP)
        usleep(300_000)
        #expect(process.isRunning, "a run started with SIGHUP ignored must keep going when the terminal closes")
        input.fileHandleForWriting.write(Data("pause\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try load(file).assessment(of: "LN1")?.rounds.count == 1)
    }

    @Test func aSecondRunnerIsRefusedNamingTheHolder() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let holder = try BinaryRunner.start(["run", id], in: dir)
        #expect(waitFor("Scores for LN1", in: holder))
        let second = try BinaryRunner.run(["run", id, "--break-lock"], in: dir)
        #expect(second.status == 1)
        #expect(second.stderr.contains("The session is already open: locked by process \(holder.process.processIdentifier) on \(LockHolder.thisHost), since 20"))
        holder.send("pause\n")
        #expect(finish(holder).status == 0)
    }

    /// A runner killed with SIGKILL cannot release its lock, but the kernel does: the next run simply
    /// takes it, without --break-lock, and says whose it was.
    @Test func aKilledRunnersLockNeedsNoBreaking() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let lock = dir.appendingPathComponent("Sessions/\(id).lock")
        let killed = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: killed))
        let pid = killed.process.processIdentifier
        kill(pid, SIGKILL)
        _ = killed.wait()
        #expect(FileManager.default.fileExists(atPath: lock.path), "a killed runner leaves its lock file")
        let next = try BinaryRunner.run(["run", id], stdin: "pause\n", in: dir)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("Cleared the lock left by process \(pid) on \(LockHolder.thisHost), since "), "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
    }

    @Test func aFailedSaveKeepsThePreviousFileAndSaysWhatWasNotSaved() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let before = try Data(contentsOf: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 8; exec \"$0\" run \(id)", "stepchange"]
        process.environment = BinaryRunner.environment
        process.currentDirectoryURL = dir
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("3 4 2\n\n".utf8))
        try input.fileHandleForWriting.close()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(err)")
        #expect(err.contains("Could not save \(file.path)"))
        #expect(err.contains("could NOT be saved to Sessions/\(id).json"))
        #expect(err.contains("- Scores for LN1, one per participant (- or ? for don't know): \"3 4 2\""))
        let listed = err.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(listed.count == 2, "only the answers typed are listed as not saved, not the final retry: \(listed)")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func randomBytesOnStdinNeverCrashTheRunner() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        var random = SeededRandom(seed: 2026)
        var bytes: [UInt8] = []
        for _ in 0..<4000 {
            bytes.append(random.next() % 4 == 0 ? UInt8(ascii: "\n") : UInt8(truncatingIfNeeded: random.next()))
        }
        let process = try BinaryRunner.start(["run", id], in: dir)
        process.input.fileHandleForWriting.write(Data(bytes))
        try process.input.fileHandleForWriting.close()
        let result = process.wait()
        #expect(result.status == 0, "\(result.stderr)")
        _ = try load(file)
    }
}
