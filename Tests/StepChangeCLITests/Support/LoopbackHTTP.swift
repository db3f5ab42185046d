import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP request to a room served by the built binary on 127.0.0.1, read until the server
/// closes (the request says Connection: close). Blocking, with a five-second receive timeout.
struct LoopbackHTTP {
    struct Response {
        var status: Int
        var head: String
        var body: String

        func header(_ name: String) -> String? {
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }

        /// The device token from a Set-Cookie header.
        var deviceToken: String? {
            header("Set-Cookie").flatMap { $0.split(separator: ";").first }.flatMap { $0.split(separator: "=", maxSplits: 1).last }.map(String.init)
        }
    }

    let port: Int

    func send(_ method: String, _ path: String, form: String? = nil, token: String? = nil) -> Response? {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let token { request += "Cookie: stepchange_device=\(token)\r\n" }
        if let form {
            request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)"
        } else {
            request += "\r\n"
        }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        _ = Array(request.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Response(status: status, head: head, body: String(text[split.upperBound...]))
    }
}

/// The room a running `stepchange run --room` announced: its port and join code, read from stdout.
struct AnnouncedRoom {
    let port: Int
    let code: String

    /// Waits up to ten seconds for the announcement in the process's output.
    static func wait(for running: BinaryRunner.Running) -> AnnouncedRoom? {
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            let output = running.stdoutSoFar
            if let link = output.range(of: #"http://127\.0\.0\.1:[0-9]+/j/[A-Z0-9]{6}"#, options: .regularExpression) {
                let text = output[link].dropFirst("http://127.0.0.1:".count)
                let parts = text.split(separator: "/")
                if let port = Int(parts[0]) { return AnnouncedRoom(port: port, code: String(parts[2])) }
            }
            if !running.process.isRunning { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}
