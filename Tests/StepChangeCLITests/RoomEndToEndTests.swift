import Foundation
import StepChangeKit
import Testing

/// `run --room` as a facilitator and phones use it: the built binary serving on 127.0.0.1 only.
@Suite("Room end to end", .serialized)
struct RoomEndToEndTests {
    func start(_ id: String, in dir: URL, extra: [String] = []) throws -> (BinaryRunner.Running, AnnouncedRoom) {
        let running = try BinaryRunner.start(["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"] + extra, in: dir)
        guard let room = AnnouncedRoom.wait(for: running) else {
            running.process.terminate()
            let result = running.wait()
            throw RoomTestError("no room announced: \(result.stdout) \(result.stderr)")
        }
        return (running, room)
    }

    @Test func phonesJoinAndScoreAndEveryAcknowledgedScoreSurvivesSIGKILL() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        var (running, room) = try start(id, in: dir)
        let http = LoopbackHTTP(port: room.port)
        let ann = try #require(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.deviceToken)
        let raj = try #require(http.send("POST", "/claim", form: "code=\(room.code)&participant=p2")?.deviceToken)
        #expect(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 409)
        #expect(http.send("POST", "/score", form: "item=LN1&round=1&score=4&comment=Profiles+are+old", token: ann)?.status == 303)
        #expect(http.send("GET", "/p", token: ann)?.body.contains("Your score is in — 1 of 3 have scored.") == true)
        let rajPage = try #require(http.send("GET", "/p", token: raj)?.body)
        #expect(!rajPage.contains("Profiles are old") && !rajPage.contains("You scored"))
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()

        let saved = try load(file)
        #expect(saved.deviceScores?.first?.scores == [ParticipantScore(participant: "p1", score: .value(4), comment: "Profiles are old")])

        (running, room) = try start(id, in: dir, extra: ["--break-lock"])
        let again = LoopbackHTTP(port: room.port)
        #expect(again.send("GET", "/p", token: ann)?.body.contains("Your score is in — 1 of 3 have scored.") == true)
        #expect(again.send("POST", "/score", form: "item=LN1&round=1&score=2", token: raj)?.status == 303)
        running.send("score Mo Khan\n3\n")
        Thread.sleep(forTimeInterval: 0.5)
        let revealed = try #require(again.send("GET", "/screen"))
        #expect(revealed.body.contains("Median 3 · range 2–4"))
        running.send("pause\n")
        let result = running.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("in: 1 of 3 — waiting for Raj Patel, Mo Khan"))
        #expect(result.stdout.contains("in: 2 of 3 — waiting for Mo Khan"))
        #expect(result.stdout.contains("Mo Khan, your score for LN1 [Enter cancels]: (hidden)"))
        let final = try load(file)
        #expect(final.assessment(of: "LN1")?.latestRound?.scores.map(\.score) == [.value(4), .value(2), .value(3)])
        #expect(final.deviceScores == nil)
    }

    @Test func revealingEarlyRecordsOnlyTheScoresIn() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let (running, room) = try start(id, in: dir)
        let http = LoopbackHTTP(port: room.port)
        let ann = try #require(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.deviceToken)
        #expect(http.send("POST", "/score", form: "item=LN1&round=1&score=dont-know", token: ann)?.status == 303)
        running.send("reveal\npause\n")
        let result = running.wait()
        #expect(result.status == 0, "\(result.stderr)")
        let round = try #require(try load(file).assessment(of: "LN1")?.latestRound)
        #expect(round.scores == [ParticipantScore(participant: "p1", score: .dontKnow)])
    }

    @Test func releaseFreesAClaimedName() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let (running, room) = try start(id, in: dir)
        let http = LoopbackHTTP(port: room.port)
        #expect(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 303)
        #expect(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 409)
        running.send("release Ann Lee\n")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 303)
        running.send("pause\n")
        let result = running.wait()
        #expect(result.stdout.contains("Ann Lee is free to join again"))
    }

    @Test func aPortInUseStopsTheRunWithWhatToDoAndChangesNothing() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let (running, room) = try start(id, in: dir)
        let other = try newSession(dir, title: "Second workshop")
        let before = try Data(contentsOf: other.file)
        let refused = try BinaryRunner.run(["run", other.id, "--room", "--blind", "--bind", "127.0.0.1", "--port", String(room.port)], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Port \(room.port) is already in use"))
        #expect(refused.stderr.contains("--port"))
        #expect(try Data(contentsOf: other.file) == before)
        #expect(try Data(contentsOf: file).count > 0)
        running.send("pause\n")
        _ = running.wait()
    }

    @Test func portAndBindNeedRoom() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let result = try BinaryRunner.run(["run", id, "--port", "9000"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port and --bind go with --room"))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("a real browser joins, scores through the form and sees the projector page",
          .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"),
          .enabled(if: python != nil, "python3 is not installed; it drives chromium over the DevTools pipe"))
    func headlessChromium() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let (running, room) = try start(id, in: dir)
        defer { running.send("pause\n"); _ = running.wait() }
        let shots = ProcessInfo.processInfo.environment["STEPCHANGE_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? dir
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let script = BinaryRunner.packageRoot.appendingPathComponent("Tests/StepChangeCLITests/Browser/room_browser.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "python3")
        process.arguments = [script.path, Self.chromium ?? "chromium", "http://127.0.0.1:\(room.port)", room.code, "p2", "4", shots.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Your score is in — 1 of 3 have scored."))
        #expect(text.contains("1 of 3 scores in"))
        let saved = try load(file)
        #expect(saved.deviceScores?.first?.scores == [ParticipantScore(participant: "p2", score: .value(4), comment: "Scored from a real browser")])
        for name in ["phone-item.png", "phone-scored.png", "screen-scoring.png"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path))
        }
    }
}

struct RoomTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
