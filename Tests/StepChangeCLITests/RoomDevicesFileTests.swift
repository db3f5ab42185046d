import Foundation
import StepChangeKit
import Testing

/// The device tokens kept beside a session (`.<id>.devices.json`): a link planted at its name, a
/// token nobody could have been given, and the file's permissions.
@Suite("Room devices file", .serialized)
struct RoomDevicesFileTests {
    func devicesFile(_ dir: URL, _ id: String) -> URL { dir.appendingPathComponent("Sessions/.\(id).devices.json") }

    @Test func aSymbolicLinkAtTheDevicesFileStopsTheRunBeforeAnythingIsServed() throws {
        let dir = try temporaryDirectory()
        let (id, file) = try newSession(dir)
        let planted = dir.appendingPathComponent("planted.json")
        try Data(#"{"devices":{"\#(String(repeating: "ab", count: 32))":"p1"}}"#.utf8).write(to: planted)
        try FileManager.default.createSymbolicLink(at: devicesFile(dir, id), withDestinationURL: planted)
        let before = try Data(contentsOf: file)
        let result = try BinaryRunner.run(["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"], stdin: "pause\n", in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(".\(id).devices.json is a symbolic link"), "\(result.stderr)")
        #expect(result.stderr.contains("Delete it"))
        #expect(!result.stdout.contains("The room is open"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aDevicesFileThatIsNotAFileOrTooLargeIsNamed() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        try FileManager.default.createDirectory(at: devicesFile(dir, id), withIntermediateDirectories: false)
        let directory = try BinaryRunner.run(["run", id, "--room", "--bind", "127.0.0.1", "--port", "0"], stdin: "pause\n", in: dir)
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("is a directory"), "\(directory.stderr)")
        try FileManager.default.removeItem(at: devicesFile(dir, id))
        try Data(repeating: 0x20, count: 2_000_000).write(to: devicesFile(dir, id))
        let large = try BinaryRunner.run(["run", id, "--room", "--bind", "127.0.0.1", "--port", "0"], stdin: "pause\n", in: dir)
        #expect(large.status == 1)
        #expect(large.stderr.contains("1 MB"), "\(large.stderr)")
    }

    @Test func aHandEditedShortTokenNeverIdentifiesADevice() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        try Data(#"{"devices":{"1":"p1","":"p2"}}"#.utf8).write(to: devicesFile(dir, id))
        let running = try BinaryRunner.start(["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"], in: dir)
        defer { running.send("pause\n"); _ = running.wait() }
        let room = try #require(AnnouncedRoom.wait(for: running))
        let http = LoopbackHTTP(port: room.port)
        let page = try #require(http.send("GET", "/p", token: "1"))
        #expect(page.status == 303 && page.header("Location") == "/")
        #expect(http.send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 303)
    }

    @Test func theDevicesFileIsWrittenReadableOnlyByTheUser() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let running = try BinaryRunner.start(["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"], in: dir)
        defer { running.send("pause\n"); _ = running.wait() }
        let room = try #require(AnnouncedRoom.wait(for: running))
        #expect(LoopbackHTTP(port: room.port).send("POST", "/claim", form: "code=\(room.code)&participant=p1")?.status == 303)
        let attributes = try FileManager.default.attributesOfItem(atPath: devicesFile(dir, id).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}

@Suite("Resuming a room", .serialized)
struct RoomResumeHintTests {
    /// The printed resume command must serve the room again, on the same port, or the phones that
    /// joined have nothing to talk to.
    @Test func pauseAndStopsPrintAResumeCommandThatServesTheRoomAgain() throws {
        let dir = try temporaryDirectory()
        let (id, _) = try newSession(dir)
        let running = try BinaryRunner.start(["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"], in: dir)
        let room = try #require(AnnouncedRoom.wait(for: running))
        running.send("pause\n")
        let result = running.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("Resume with: stepchange run \(id) --room --port \(room.port) --bind 127.0.0.1"),
                "\(result.stdout)\(result.stderr)")

        let plain = try BinaryRunner.run(["run", id], stdin: "pause\n", in: dir)
        #expect((plain.stdout + plain.stderr).contains("Resume with: stepchange run \(id)\n"))
    }
}
