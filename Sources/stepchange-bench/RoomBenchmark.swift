import Foundation
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

/// `stepchange-bench room`: the room under load, on loopback only. Starts the real binary with
/// `run --room --blind --bind 127.0.0.1`, opens 100 idle connections, then 50 simulated devices join
/// and score every item of the built-in framework, each on its own kept-alive connection; after each
/// item the facilitator accepts the consensus and skips the notes on stdin. Reports score-to-acknowledged
/// latency (median, 99th percentile, worst), scores lost (acknowledged but not in the file), and the
/// server's peak memory. Every request goes to 127.0.0.1; the run is bounded by a timeout per item.
enum RoomBenchmark {
    static let devices = 50
    static let idleConnections = 100

    static func run(executable: URL, directory: URL) -> Int32 {
        do {
            return try measure(executable: executable, directory: directory)
        } catch {
            FileHandle.standardError.write(Data("stepchange-bench room: \(error)\n".utf8))
            return 1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func measure(executable: URL, directory: URL) throws -> Int32 {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Sessions"), withIntermediateDirectories: true)
        let participants = (1...devices).map { String(format: "Participant %02d (Org %d, other)", $0, $0 % 7) }.joined(separator: "; ")
        let create = Process()
        create.executableURL = executable
        create.arguments = ["new", "--title", "Room benchmark", "--participants", participants]
        create.currentDirectoryURL = directory
        let idPipe = Pipe()
        create.standardOutput = idPipe
        try create.run()
        create.waitUntilExit()
        let id = String(decoding: idPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard create.terminationStatus == 0, !id.isEmpty else { throw Failure("could not create the benchmark session") }

        let server = Process()
        server.executableURL = executable
        server.arguments = ["run", id, "--room", "--blind", "--bind", "127.0.0.1", "--port", "0"]
        server.currentDirectoryURL = directory
        let input = Pipe()
        let outputFile = directory.appendingPathComponent("run-output.txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        server.standardInput = input
        server.standardOutput = try FileHandle(forWritingTo: outputFile)
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        var port = 0, code = ""
        let deadline = Date().addingTimeInterval(15)
        while port == 0, Date() < deadline {
            let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"127\.0\.0\.1:[0-9]+/j/[A-Z0-9]{6}"#, options: .regularExpression) {
                let parts = text[range].split(separator: "/")
                port = Int(parts[0].split(separator: ":")[1]) ?? 0
                code = String(parts[2])
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard port > 0 else { throw Failure("the room did not start") }

        let idle = (0..<idleConnections).compactMap { _ in BenchConnection(port: port) }
        let phones = (0..<devices).compactMap { _ in BenchConnection(port: port) }
        guard phones.count == devices else { throw Failure("could not open \(devices) device connections") }
        for (index, phone) in phones.enumerated() {
            let response = phone.request("POST", "/claim", form: "code=\(code)&participant=p\(index + 1)", port: port)
            guard response?.status == 303, let token = response?.token else { throw Failure("device \(index + 1) could not join") }
            phone.token = token
        }

        let items = Framework.childPoverty.itemIDs
        let tally = AckTally()
        let serverPort = port
        let started = Date()
        for (position, item) in items.enumerated() {
            let group = DispatchGroup()
            for (index, phone) in phones.enumerated() {
                group.enter()
                DispatchQueue.global().async {
                    let value = 1 + (index + position) % 5
                    let begin = DispatchTime.now().uptimeNanoseconds
                    let response = phone.request("POST", "/score", form: "item=\(item)&round=1&score=\(value)", port: serverPort)
                    tally.record(acknowledged: response?.status == 303, seconds: Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000_000)
                    group.leave()
                }
            }
            guard group.wait(timeout: .now() + 60) == .success else { throw Failure("scores for \(item) did not finish within 60 s") }
            input.fileHandleForWriting.write(Data("\n\n\n\n".utf8))
            if position + 1 < items.count {
                let next = items[position + 1]
                let until = Date().addingTimeInterval(30)
                var ready = false
                while !ready, Date() < until {
                    ready = phones[0].request("GET", "/p", form: nil, port: port)?.body.contains("name=\"item\" value=\"\(next)\"") == true
                    if !ready { Thread.sleep(forTimeInterval: 0.01) }
                }
                guard ready else { throw Failure("the workshop did not move on to \(next)") }
            }
        }
        let wall = Date().timeIntervalSince(started)
        let peak = peakMemory(of: server.processIdentifier)
        input.fileHandleForWriting.write(Data("pause\n".utf8))
        try? input.fileHandleForWriting.close()
        server.waitUntilExit()
        _ = idle.count

        let file = directory.appendingPathComponent("Sessions/\(id).json")
        let session = try SessionCodec.decode(try Data(contentsOf: file), source: file.path)
        let stored = session.assessments.reduce(0) { $0 + ($1.latestRound?.scores.count ?? 0) }
        let (acknowledged, refused) = (tally.acknowledged, tally.refused)
        let sorted = tally.latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
        print("stepchange room benchmark — debug or release as built, \(ProcessInfo.processInfo.activeProcessorCount) cores, loopback only")
        print("\(devices) devices scoring \(items.count) items (blind), \(idle.count) idle connections open, every score saved (fsync) before its ack")
        print("")
        print("| scores acknowledged | refused | lost (acked, not in file) | median score→ack | p99 score→ack | worst | server peak memory | wall time |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(String(format: "| %d | %d | %d | %.1f ms | %.1f ms | %.1f ms | %@ | %.1f s |", acknowledged, refused, max(0, acknowledged - stored),
                     percentile(0.5) * 1000, percentile(0.99) * 1000, (sorted.last ?? 0) * 1000, peak, wall))
        return acknowledged == stored && refused == 0 ? 0 : 1
    }

    /// VmHWM of a process from /proc, e.g. "14.2 MiB".
    static func peakMemory(of pid: Int32) -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "n/a" }
        return String(format: "%.1f MiB", kilobytes / 1024)
    }
}

/// Acknowledgements and their latencies, recorded from the devices' threads.
final class AckTally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var latencies: [Double] = []
    private(set) var acknowledged = 0
    private(set) var refused = 0

    func record(acknowledged ok: Bool, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if ok {
            acknowledged += 1
            latencies.append(seconds)
        } else {
            refused += 1
        }
    }
}

/// One simulated device: a kept-alive connection to 127.0.0.1 and the device's cookie.
final class BenchConnection: @unchecked Sendable {
    let descriptor: Int32
    var token: String?
    var pending: [UInt8] = []

    struct Response {
        var status: Int
        var token: String?
        var body: String
    }

    init?(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var yes: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        if ok != 0 { close(descriptor); return nil }
    }

    deinit { close(descriptor) }

    /// Sends one request on the kept-alive connection and reads exactly one response (by Content-Length).
    func request(_ method: String, _ path: String, form: String?, port: Int) -> Response? {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        if let token { text += "Cookie: stepchange_device=\(token)\r\n" }
        if let form { text += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n" }
        text += "\r\n" + (form ?? "")
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = pending.indices.dropLast(3).first(where: { pending[$0] == 13 && pending[$0 + 1] == 10 && pending[$0 + 2] == 13 && pending[$0 + 3] == 10 }) {
                let head = String(decoding: pending[..<end], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if pending.count >= end + 4 + length {
                    let body = String(decoding: pending[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                    pending.removeFirst(end + 4 + length)
                    let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
                    let cookie = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }
                        .flatMap { $0.split(separator: "=", maxSplits: 1).last?.split(separator: ";").first }.map(String.init)
                    return Response(status: status, token: cookie, body: body)
                }
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            pending += buffer[0..<count]
        }
    }
}
