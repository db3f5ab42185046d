import Foundation
import Testing
@testable import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// A file of secrets (the room's device tokens) written with its permissions set before it is
/// renamed into place, so it is never readable by others for a moment, new or replacing a wider one.
@Suite("Writing a private file")
struct PrivateFileWriteTests {
    func mode(_ url: URL) -> Int {
        var info = stat()
        stat(url.path, &info)
        return Int(info.st_mode & 0o777)
    }

    @Test(arguments: [nil, 0o644, 0o666, 0o600])
    func theFileIsPrivateFromTheMomentItExists(existing: Int?) throws {
        let directory = try freshDirectory()
        let target = directory.appendingPathComponent(".s.devices.json")
        if let existing {
            try Data("old".utf8).write(to: target)
            chmod(target.path, mode_t(existing))
        }
        let calls = RecordingCalls(target: target)
        let previous = umask(0o022)
        defer { umask(previous) }
        try DurableFile.write(Data("new".utf8), to: target, permissions: 0o600, calls: calls)
        #expect(mode(target) == 0o600)
        let events = calls.events
        let fchmod = try #require(events.firstIndex(of: "fchmod temporary"))
        let rename = try #require(events.firstIndex(of: "rename temporary target"))
        #expect(fchmod < rename)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    }
}
