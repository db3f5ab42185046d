import Foundation
import Testing
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// Several stepchange processes at once: each session has one writer, and sessions never disturb each other.
@Suite("Concurrent use through the built binary", .serialized)
struct ConcurrentUseTests {
    @Test func twoSessionsRunSideBySideWithoutInterference() throws {
        let dir = try temporaryDirectory()
        let east = try newSession(dir, title: "East")
        let west = try newSession(dir, title: "West")
        let a = try BinaryRunner.start(["run", east.id], in: dir)
        let b = try BinaryRunner.start(["run", west.id], in: dir)
        try #require(waitFor("Scores for LN1", in: a) && waitFor("Scores for LN1", in: b))
        for lock in [east, west].map({ SessionStore.lockPath(for: $0.file) }) {
            #expect(FileManager.default.fileExists(atPath: lock))
        }
        #expect(SessionLock.holder(at: SessionStore.lockPath(for: east.file))?.pid == a.process.processIdentifier)
        #expect(SessionLock.holder(at: SessionStore.lockPath(for: west.file))?.pid == b.process.processIdentifier)
        let items = Array(Framework.childPoverty.itemIDs.prefix(4))
        for (index, item) in items.enumerated() {
            a.send("3 4 2\n")
            b.send("1 1 5\n")
            #expect(waitFor("Consensus score for \(item)", in: a) && waitFor("Consensus score for \(item)", in: b))
            a.send("\n\n")
            b.send("4\nWest evidence \(item)\n\n")
            a.send("\n\n")
            b.send("\n\n")
            if index + 1 < items.count {
                #expect(waitFor("Scores for \(items[index + 1])", in: a) && waitFor("Scores for \(items[index + 1])", in: b))
            }
        }
        #expect(waitFor("Scores for LN5", in: a) && waitFor("Scores for LN5", in: b))
        a.send("pause\n")
        b.send("pause\n")
        #expect(finish(a).status == 0)
        #expect(finish(b).status == 0)
        let eastSession = try load(east.file), westSession = try load(west.file)
        #expect(eastSession.assessments.map(\.itemID) == items && westSession.assessments.map(\.itemID) == items)
        #expect(eastSession.assessments.allSatisfy { $0.consensus?.score == 3 && $0.evidence.isEmpty })
        #expect(westSession.assessments.allSatisfy { $0.consensus?.score == 4 && $0.evidence == ["West evidence \($0.itemID)"] })
        #expect(eastSession.assessments.allSatisfy { $0.rounds.first?.scores.map(\.score) == [.value(3), .value(4), .value(2)] })
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Sessions").path).sorted()
        #expect(left == [east.id + ".json", west.id + ".json"].sorted())
    }

    @Test func importWhileRunningIsRefusedNamingTheHolderAndExportStillReads() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Survey")
        try Data("participant,item,score\nAnn Lee,UP1,3\nRaj Patel,UP1,4\n".utf8).write(to: dir.appendingPathComponent("survey.csv"))
        let runner = try BinaryRunner.start(["run", id], in: dir)
        try #require(waitFor("Scores for LN1", in: runner))
        runner.send("3 4 2\n")
        #expect(waitFor("Consensus score for LN1", in: runner))
        let before = try Data(contentsOf: file)

        let refused = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("The session is already open: locked by process \(runner.process.processIdentifier) on \(LockHolder.thisHost)"), "\(refused.stderr)")
        #expect(try Data(contentsOf: file) == before)

        let exported = try BinaryRunner.run(["export", id, "--format", "json"], in: dir)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("\"itemID\" : \"LN1\""))
        let checked = try BinaryRunner.run(["check", id], in: dir)
        #expect(!checked.stderr.contains("locked"), "\(checked.stderr)")
        #expect(SessionLock.holder(at: SessionStore.lockPath(for: file))?.pid == runner.process.processIdentifier)

        runner.send("pause\n")
        #expect(finish(runner).status == 0)
        let imported = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        let session = try load(file)
        #expect(session.assessment(of: "UP1")?.rounds.first?.scores.count == 2)
        #expect(session.assessment(of: "LN1")?.rounds.first?.scores.count == 3)
    }

    /// Four runners started at the same moment, with --break-lock and (when `stale`) a lock file left
    /// by a dead process: exactly one runs, the others are refused naming it — never two writers.
    @Test(arguments: [true, false])
    func runnersStartedTogetherNeverBothRun(stale: Bool) throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Race")
        let lock = SessionStore.lockPath(for: file)
        for attempt in 1...6 {
            if stale { try Data("4000000\n\(LockHolder.thisHost)\n2026-11-18T09:00:00Z\n".utf8).write(to: URL(fileURLWithPath: lock)) }
            let runners = try (0..<4).map { _ in try BinaryRunner.start(["run", id, "--break-lock"], in: dir) }
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline && !runners.allSatisfy({ !$0.process.isRunning || $0.stdoutSoFar.contains("Scores for LN1") }) {
                usleep(20_000)
            }
            let running = runners.filter { $0.process.isRunning }
            #expect(running.count == 1, "attempt \(attempt): \(running.count) runners on one session")
            #expect(SessionLock.holder(at: lock)?.pid == running.first?.process.processIdentifier)
            for runner in running { runner.send("pause\n") }
            let results = runners.map { finish($0) }
            let refused = results.filter { $0.status == 1 }
            #expect(results.filter { $0.status == 0 }.count == 1 && refused.count == 3, "attempt \(attempt): \(results.map(\.stderr))")
            if let winner = running.first {
                for loser in refused {
                    #expect(loser.stderr.contains("locked by process \(winner.process.processIdentifier) on \(LockHolder.thisHost)"), "attempt \(attempt): \(loser.stderr)")
                    #expect(loser.stderr.contains("A lock held by a running process cannot be broken."))
                }
            }
            #expect(!FileManager.default.fileExists(atPath: lock))
        }
    }

    @Test func importScoresTakesOverALockFileLeftBehind() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Stale")
        try Data("participant,item,score\nAnn Lee,LN1,3\n".utf8).write(to: dir.appendingPathComponent("survey.csv"))
        try Data("4000000\n\(LockHolder.thisHost)\n2026-11-18T09:00:00Z\n".utf8).write(to: URL(fileURLWithPath: SessionStore.lockPath(for: file)))
        let imported = try BinaryRunner.run(["import-scores", id, "survey.csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("Cleared the lock left by process 4000000"))
        #expect(try load(file).assessment(of: "LN1")?.rounds.first?.source == .imported)
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
    }

    /// After a restart the process number in a lock file can belong to another program. The kernel
    /// lock, not the number, decides: the file is taken over and the other program left alone.
    @Test func aLockFileNamingAnotherRunningProgramIsNoLock() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir, title: "Rebooted")
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["30"]
        try other.run()
        defer { kill(other.processIdentifier, SIGKILL); other.waitUntilExit() }
        let pid = other.processIdentifier
        try Data("\(pid)\n\(LockHolder.thisHost)\n2026-11-18T09:00:00Z\n".utf8).write(to: URL(fileURLWithPath: SessionStore.lockPath(for: file)))
        let run = try BinaryRunner.run(["run", id], stdin: "pause\n", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Cleared the lock left by process \(pid)"))
        #expect(other.isRunning)
    }

    /// Ctrl-C, SIGTERM or a closed terminal during an interactive progress review stop it like a run:
    /// what was entered is saved, the continue command is shown and the lock is not left behind.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalDuringAReviewLeavesNoLock(signal: Int32) throws {
        let workspace = try exampleWorkspace(corrupt: false)
        let file = sessionFile(workspace, earlierID)
        let running = try BinaryRunner.start(["review", "2025-11", "--reviewer", "Sam", "--date", "2026-11-26"], in: workspace)
        try #require(waitFor("Reviewer: Sam", in: running))
        // A1.1 on track with a note, no actual; its milestone, now passed, left as it is.
        running.send("2\nBus pilot agreed\n\n\n")
        #expect(waitFor("New status", times: 2, in: running))
        kill(running.process.processIdentifier, signal)
        let result = finish(running)
        #expect(result.status == 128 + signal)
        #expect(result.stderr.contains("Stopped. Every update entered is saved in Sessions/\(earlierID).json.\nContinue with: stepchange review \(earlierID)\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: SessionStore.lockPath(for: file)))
        let session = try load(file)
        #expect(session.actions.contains { $0.updates.last?.note == "Bus pilot agreed" && $0.updates.last?.date == "2026-11-26" })
    }

    @Test func newSessionsWithTheSameTitleAtTheSameMomentAllKeepTheirFiles() throws {
        let dir = try temporaryDirectory()
        let processes = try (1...6).map { n in
            try BinaryRunner.start(["new", "--title", "Same title", "--participants", "Person \(n)"], in: dir)
        }
        let results = processes.map { finish($0) }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let ids = results.map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(Set(ids).count == 6, "\(ids)")
        for (n, id) in zip(1..., ids) {
            let session = try load(dir.appendingPathComponent("Sessions/\(id).json"))
            #expect(session.id == id && session.participants.map(\.name) == ["Person \(n)"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Sessions").path)
        #expect(names.count == 6, "\(names)")
    }
}
