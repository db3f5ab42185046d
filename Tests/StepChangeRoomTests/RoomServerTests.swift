import Foundation
import Testing
@testable import StepChangeRoom
#if canImport(Glibc)
import Glibc
#endif

/// A loopback client for the server tests: blocking connect to 127.0.0.1, reads without blocking so
/// the test can keep the (single-threaded) server turning between reads.
final class LoopbackClient {
    let descriptor: Int32
    var received: [UInt8] = []
    var closed = false

    init?(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(descriptor); return nil }
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func poll() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count > 0 { received += buffer[0..<count] } else if count == 0 { closed = true }
    }

    var text: String { String(decoding: received, as: UTF8.self) }
}

@Suite("Room server on loopback")
struct RoomServerTests {
    static func server(_ limits: ServerLimits = ServerLimits()) throws -> RoomServer {
        RoomServer(listener: try ListeningSocket.open(address: "127.0.0.1", port: 0), limits: limits)
    }

    static func handler(_ request: HTTPRequest) -> HTTPReply { .response(.text("you asked for \(request.path)", status: 200)) }

    /// Turns the server until `done` holds or `seconds` pass; true when `done` held.
    static func pump(_ server: RoomServer, clients: [LoopbackClient], seconds: Double = 3, until done: () -> Bool) -> Bool {
        let end = MonotonicClock.now() + seconds
        while MonotonicClock.now() < end {
            _ = server.serve(timeout: 0.01, handler: handler)
            clients.forEach { $0.poll() }
            if done() { return true }
        }
        return false
    }

    @Test func aHundredIdleAndHalfSentConnectionsDoNotBlockARealRequest() throws {
        let server = try Self.server()
        var idle: [LoopbackClient] = []
        for index in 0..<100 {
            let client = try #require(LoopbackClient(port: server.listener.port))
            if index % 2 == 0 { client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
            idle.append(client)
        }
        _ = Self.pump(server, clients: [], seconds: 0.3) { false }
        let real = try #require(LoopbackClient(port: server.listener.port))
        let started = MonotonicClock.now()
        real.send("GET /screen HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(Self.pump(server, clients: [real]) { real.text.contains("you asked for /screen") })
        #expect(MonotonicClock.now() - started < 2)
        #expect(server.connectionCount == 101)
    }

    @Test func aRequestThatNeverFinishesGets408AndTheConnectionCloses() throws {
        let server = try Self.server(ServerLimits(requestTimeout: 0.2))
        let slow = try #require(LoopbackClient(port: server.listener.port))
        slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        #expect(Self.pump(server, clients: [slow]) { slow.closed })
        #expect(slow.text.hasPrefix("HTTP/1.1 408"))
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() throws {
        let server = try Self.server(ServerLimits(idleTimeout: 0.2))
        let idle = try #require(LoopbackClient(port: server.listener.port))
        #expect(Self.pump(server, clients: [idle]) { idle.closed })
        #expect(server.connectionCount == 0)
    }

    @Test func pastTheConnectionLimitNewClientsGet503AndOthersCarryOn() throws {
        let server = try Self.server(ServerLimits(maxConnections: 2))
        let first = try #require(LoopbackClient(port: server.listener.port))
        let second = try #require(LoopbackClient(port: server.listener.port))
        _ = Self.pump(server, clients: [], seconds: 0.2) { false }
        let third = try #require(LoopbackClient(port: server.listener.port))
        #expect(Self.pump(server, clients: [third]) { third.closed })
        #expect(third.text.hasPrefix("HTTP/1.1 503"))
        first.send("GET /a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(Self.pump(server, clients: [first, second]) { first.text.contains("you asked for /a") })
    }

    @Test func oversizedHeadersGet431AndTheServerKeepsServing() throws {
        let server = try Self.server()
        let big = try #require(LoopbackClient(port: server.listener.port))
        big.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "x", count: 10_000) + "\r\n\r\n")
        #expect(Self.pump(server, clients: [big]) { big.closed })
        #expect(big.text.hasPrefix("HTTP/1.1 431"))
        let next = try #require(LoopbackClient(port: server.listener.port))
        next.send("GET /b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(Self.pump(server, clients: [next]) { next.text.contains("you asked for /b") })
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws {
        let server = try Self.server()
        let client = try #require(LoopbackClient(port: server.listener.port))
        client.send("GET /one HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /two HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(Self.pump(server, clients: [client]) { client.closed })
        let text = client.text
        let one = try #require(text.range(of: "you asked for /one"))
        let two = try #require(text.range(of: "you asked for /two"))
        #expect(one.lowerBound < two.lowerBound)
    }

    @Test func changesThatArriveTogetherAreSavedOnceAndAnsweredOnlyAfterTheSave() throws {
        let server = try Self.server()
        let clients = try (0..<5).map { _ in try #require(LoopbackClient(port: server.listener.port)) }
        _ = Self.pump(server, clients: [], seconds: 0.2) { false }
        for client in clients { client.send("POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n") }
        Thread.sleep(forTimeInterval: 0.1)
        var saves = 0
        var repliesSentBeforeSave = 0
        let end = MonotonicClock.now() + 3
        while MonotonicClock.now() < end, !clients.allSatisfy({ !$0.received.isEmpty }) {
            _ = server.serve(timeout: 0.01, handler: { _ in
                .afterSave(saved: .text("saved", status: 200), notSaved: .text("not saved", status: 503))
            }, save: {
                saves += 1
                clients.forEach { $0.poll() }
                repliesSentBeforeSave += clients.filter { !$0.received.isEmpty }.count
                return saves > 1
            })
            clients.forEach { $0.poll() }
        }
        #expect(saves == 1)
        #expect(repliesSentBeforeSave == 0)
        #expect(clients.allSatisfy { $0.text.hasPrefix("HTTP/1.1 503") && $0.text.hasSuffix("not saved\n") })
    }

    @Test func aPortInUseIsReportedWithWhatToDo() throws {
        let first = try ListeningSocket.open(address: "127.0.0.1", port: 0)
        defer { close(first.descriptor) }
        #expect(throws: RoomServerError.self) { try ListeningSocket.open(address: "127.0.0.1", port: first.port) }
        do {
            _ = try ListeningSocket.open(address: "127.0.0.1", port: first.port)
        } catch {
            #expect(error.message.contains("already in use"))
            #expect(error.message.contains("--port"))
        }
        #expect(throws: RoomServerError.self) { try ListeningSocket.open(address: "not-an-address", port: 0) }
    }
}
