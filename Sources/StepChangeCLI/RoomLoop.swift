import Foundation
import StepChangeKit
import StepChangeRoom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `run --room`: the terminal and the room's server in one `poll(2)` loop on one thread. While the
/// runner waits for a typed line, requests from phones and the projector are served; a device's
/// score or vote is applied by the same stage logic and saved through the runner before the device
/// is answered. Typed lines are read from stdin with read(2) (not stdio), so poll sees every byte.
final class RoomLoop {
    /// What waiting for a typed answer ended with.
    enum Input: Equatable {
        case line(String)
        case end
        /// A device changed what the group is doing (e.g. everyone has scored): show the new prompt.
        case changed
    }

    let server: RoomServer
    let room: Room
    let devicesURL: URL
    private let context: CommandContext
    private var pending: [UInt8] = []
    private var inputClosed = false
    /// The runner whose session the room serves and saves through.
    weak var runner: WorkshopRunner?

    init(server: RoomServer, room: Room, devicesURL: URL, context: CommandContext) {
        self.server = server
        self.room = room
        self.devicesURL = devicesURL
        self.context = context
    }

    /// Listens as asked, loads the devices a previous run of this session registered, and makes a new join code.
    static func open(address: String?, port: Int, sessionURL: URL, context: CommandContext) throws(StepChangeError) -> RoomLoop {
        let listener: ListeningSocket
        do {
            listener = try ListeningSocket.open(address: address, port: port)
        } catch {
            throw StepChangeError(.input, error.message)
        }
        let devicesURL = sessionURL.deletingLastPathComponent()
            .appendingPathComponent("." + sessionURL.deletingPathExtension().lastPathComponent + ".devices.json")
        var devices = DeviceRegistry()
        if let data = try? Data(contentsOf: devicesURL) {
            guard let loaded = try? JSONDecoder().decode(DeviceRegistry.self, from: data) else {
                throw StepChangeError(.input, "\(context.displayPath(devicesURL)) is not a list of devices.",
                                      hint: "Delete it; participants then join again with the new join code.")
            }
            devices = loaded
        }
        let hosts: [String]
        if let address {
            hosts = [address.contains(":") && !address.hasPrefix("[") ? "[\(address)]" : address]
        } else {
            hosts = NetworkInterfaces.usableAddresses().map(\.address)
        }
        let room = Room(joinCode: DeviceRegistry.newJoinCode(), devices: devices,
                        baseURLs: hosts.map { "http://\($0):\(listener.port)" })
        return RoomLoop(server: RoomServer(listener: listener), room: room, devicesURL: devicesURL, context: context)
    }

    /// The join addresses, the join code and a QR code of the first address, for the terminal.
    func announcement() -> String {
        let port = server.listener.port
        var lines = ["", "The room is open. Participants join from their phones on this network:"]
        if room.baseURLs.isEmpty {
            lines.append("  No usable network interface: connect this laptop to the room's Wi-Fi or start a hotspot, then run again.")
            lines.append("  For now the room is reachable only from this laptop: http://127.0.0.1:\(port)/j/\(room.joinCode)")
        }
        for base in room.baseURLs { lines.append("  " + room.joinLink(base: base)) }
        lines.append("Join code: \(room.joinCode)    Projector: open \(room.baseURLs.first ?? "http://127.0.0.1:\(port)")/screen")
        if let first = room.baseURLs.first, let code = try? QRCode(text: room.joinLink(base: first)) {
            lines += code.terminalLines(border: 4).map { "  " + $0 }
        }
        lines.append("Type room to show this again; release NAME frees a name claimed by a device.")
        return lines.joined(separator: "\n")
    }

    /// Waits for a typed line while serving the room. `question` is shown again after a device's
    /// news is printed. Lines `room` and `release NAME` are answered here and never reach the stage.
    func readAnswer(hidden: Bool, question: String) -> Input {
        let terminal = context.terminal
        let echoOff = hidden && terminal.isInteractive ? EchoOff() : nil
        defer { echoOff?.restore() }
        guard let runner else { return .end }
        let before = runner.session
        let activity = RoomActivity.current(in: before)
        var reported = RoomScoring.waitingFor(in: before).count
        var voters = Set(before.votes.map(\.participant)).count
        while true {
            if let line = takeLine() {
                if echoOff != nil { terminal.writeLine() }
                if let answer = roomCommand(line) {
                    if !terminal.isInteractive { terminal.writeLine(line) }
                    terminal.writeLine(answer)
                    terminal.write(question)
                    continue
                }
                return .line(line)
            }
            if inputClosed { return .end }
            let ready = server.serve(watching: [STDIN_FILENO], timeout: 1, handler: { request in
                room.respond(to: request, session: runner.session, now: context.time.now, update: runner.takeFromDevice, saveDevices: saveDevices)
            }, save: runner.saveDeviceChanges)
            if ready.contains(STDIN_FILENO) { readInput() }
            let now = runner.session
            if RoomActivity.current(in: now) != activity { return .changed }
            let waiting = RoomScoring.waitingFor(in: now).count
            if waiting != reported {
                reported = waiting
                terminal.writeLine()
                terminal.writeLine(RoomStage.progress(in: now))
                terminal.write(question)
            }
            let voted = Set(now.votes.map(\.participant)).count
            if voted != voters, activity == .voting {
                voters = voted
                terminal.writeLine()
                terminal.writeLine("votes from phones: \(voted) of \(now.participants.count) have voted; Enter keeps a participant's votes")
                terminal.write(question)
            }
        }
    }

    /// Saves the device registry beside the session, readable only by this user.
    func saveDevices(_ devices: DeviceRegistry) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do throws(StepChangeError) {
            guard let data = try? encoder.encode(devices) else { return false }
            try DurableFile.write(data, to: devicesURL)
            chmod(devicesURL.path, 0o600)
            return true
        } catch {
            context.terminal.writeErrorLine("error: " + error.description)
            return false
        }
    }

    private func roomCommand(_ line: String) -> String? {
        let typed = line.trimmingCharacters(in: .whitespaces)
        let word = typed.lowercased()
        if word == "room" { return announcement() }
        guard word.hasPrefix("release ") else { return nil }
        let reference = String(typed.dropFirst(8)).trimmingCharacters(in: .whitespaces)
        guard let participant = runner?.session.participant(reference) else {
            return "There is no participant \"\(reference.prefix(40))\"."
        }
        return room.release(participant.id, save: saveDevices)
            ? "\(participant.name) is free to join again from another device."
            : "\(participant.name) has no device to release."
    }

    private func takeLine() -> String? {
        if let newline = pending.firstIndex(of: 0x0A) {
            var bytes = Array(pending[..<newline])
            pending.removeFirst(newline + 1)
            if bytes.last == 0x0D { bytes.removeLast() }
            return TerminalSafeText.cleanInput(String(decoding: bytes, as: UTF8.self))
        }
        if inputClosed, !pending.isEmpty {
            defer { pending = [] }
            return TerminalSafeText.cleanInput(String(decoding: pending, as: UTF8.self))
        }
        return nil
    }

    private func readInput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 {
            pending += buffer[0..<count]
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            inputClosed = true
        }
    }
}

/// Echo turned off on the terminal while a hidden score is typed; `restore` turns it back on.
private final class EchoOff {
    private var original = termios()
    private let active: Bool

    init() {
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { active = false; return }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        TerminalRestorer.remember(original)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        active = true
    }

    func restore() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        TerminalRestorer.forget()
    }
}
