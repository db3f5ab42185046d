#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The room's HTTP server: one thread, one `poll(2)` over the listening socket, every client socket
/// and any descriptors the caller adds (the terminal's stdin). It only moves bytes and enforces the
/// limits; each complete request is handed to the caller's handler, whose response is sent back.
/// A slow or idle client costs one descriptor and never blocks anyone else.
public final class RoomServer {
    public let listener: ListeningSocket
    public let limits: ServerLimits
    private var connections: [Int32: ClientConnection] = [:]

    public init(listener: ListeningSocket, limits: ServerLimits = ServerLimits()) {
        self.listener = listener
        self.limits = limits
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for descriptor in connections.keys { close(descriptor) }
        close(listener.descriptor)
    }

    /// Open client connections.
    public var connectionCount: Int { connections.count }

    /// Replies waiting for the end of this turn of the loop, in arrival order.
    private var batch: [(client: ClientConnection, reply: HTTPReply, keepAlive: Bool, headOnly: Bool)] = []

    /// Waits up to `timeout` seconds for activity, serves every socket that is ready, and returns
    /// which of `watching` (e.g. stdin) are readable or closed. `handler` is called once per complete
    /// request, in arrival order, on this thread. When any reply waits on a save, `save` is called once
    /// for them all before any reply of this turn is sent.
    public func serve(watching: [Int32] = [], timeout: Double, handler: (HTTPRequest) -> HTTPReply,
                      save: () -> Bool = { true }) -> Set<Int32> {
        var descriptors = watching.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        descriptors.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0))
        let clients = Array(connections.values)
        for client in clients {
            descriptors.append(pollfd(fd: client.descriptor, events: Int16(client.hasPendingOutput ? POLLOUT : POLLIN), revents: 0))
        }
        let wait = Int32(max(0, min(timeout, nextDeadline() ?? timeout)) * 1000)
        let count = poll(&descriptors, nfds_t(descriptors.count), wait)
        var ready = Set<Int32>()
        let now = MonotonicClock.now()
        if count > 0 {
            for entry in descriptors where entry.revents != 0 {
                if watching.contains(entry.fd) {
                    ready.insert(entry.fd)
                } else if entry.fd == listener.descriptor {
                    acceptClients(now: now)
                } else if let client = connections[entry.fd] {
                    if entry.revents & Int16(POLLOUT) != 0 { flush(client, now: now) }
                    if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0, connections[entry.fd] != nil {
                        receive(client, now: now, handler: handler)
                    }
                }
            }
        }
        sendBatch(save: save, now: now)
        expire(now: now)
        return ready
    }

    /// Saves once if any reply of this turn depends on it, then queues every reply in order.
    private func sendBatch(save: () -> Bool, now: Double) {
        guard !batch.isEmpty else { return }
        let waiting = batch.contains { if case .afterSave = $0.reply { return true } else { return false } }
        let saved = waiting ? save() : true
        let replies = batch
        batch = []
        var touched: [ClientConnection] = []
        for entry in replies where connections[entry.client.descriptor] === entry.client {
            let response: HTTPResponse
            switch entry.reply {
            case .response(let now): response = now
            case .afterSave(let ok, let failed): response = saved ? ok : failed
            }
            entry.client.queue(response.serialized(keepAlive: entry.keepAlive, headOnly: entry.headOnly), now: now)
            if !entry.keepAlive { entry.client.closeAfterWrite = true }
            if !touched.contains(where: { $0 === entry.client }) { touched.append(entry.client) }
        }
        for client in touched where connections[client.descriptor] === client { flush(client, now: now) }
    }

    /// Closes every client connection (the listener stays open).
    public func closeClients() {
        for descriptor in Array(connections.keys) { drop(descriptor) }
    }

    // MARK: - Connections

    private func acceptClients(now: Double) {
        while true {
            let descriptor = accept(listener.descriptor, nil, nil)
            guard descriptor >= 0 else { return }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            var yes: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            guard connections.count < limits.maxConnections else {
                let busy = HTTPResponse.text("The room is full: too many connections. Try again in a moment.", status: 503)
                _ = busy.serialized(keepAlive: false).withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(descriptor)
                continue
            }
            connections[descriptor] = ClientConnection(descriptor: descriptor, limits: limits.http, now: now)
        }
    }

    private func receive(_ client: ClientConnection, now: Double, handler: (HTTPRequest) -> HTTPReply) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = buffer.withUnsafeMutableBytes { recv(client.descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 { return drop(client.descriptor) }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            return drop(client.descriptor)
        }
        guard !client.closeAfterWrite else { return }
        client.lastActivity = now
        if client.requestStartedAt == nil { client.requestStartedAt = now }
        client.parser.feed(buffer[0..<count])
        while !client.closeAfterWrite {
            switch client.parser.next() {
            case .needMore:
                if client.parser.bufferedCount == 0 { client.requestStartedAt = nil }
                return
            case .failure(let error):
                batch.append((client, .response(HTTPResponse.text(error.message, status: error.status)), false, false))
                client.closeAfterWrite = true
            case .request(let request):
                let reply = handler(request)
                batch.append((client, reply, request.keepAlive, request.method == "HEAD"))
                if !request.keepAlive { client.closeAfterWrite = true }
                client.requestStartedAt = client.parser.bufferedCount > 0 ? now : nil
            }
        }
    }

    private func flush(_ client: ClientConnection, now: Double) {
        while client.hasPendingOutput {
            let sent = client.output[client.outputOffset...].withUnsafeBytes {
                send(client.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
                return drop(client.descriptor)
            }
            client.outputOffset += sent
            client.lastActivity = now
        }
        client.writeStartedAt = nil
        if client.closeAfterWrite { drop(client.descriptor) }
    }

    private func drop(_ descriptor: Int32) {
        connections[descriptor] = nil
        close(descriptor)
    }

    /// Closes connections past their timeouts: a request still arriving after `requestTimeout` gets a
    /// 408, an idle kept-alive connection after `idleTimeout` and an unread response after `writeTimeout`
    /// are closed.
    private func expire(now: Double) {
        for client in Array(connections.values) {
            if let started = client.writeStartedAt, client.hasPendingOutput, now - started > limits.writeTimeout {
                drop(client.descriptor)
            } else if let started = client.requestStartedAt, !client.closeAfterWrite, now - started > limits.requestTimeout {
                client.queue(HTTPResponse.text("The request took too long to arrive.", status: 408).serialized(keepAlive: false), now: now)
                client.closeAfterWrite = true
                flush(client, now: now)
            } else if client.requestStartedAt == nil, !client.hasPendingOutput, now - client.lastActivity > limits.idleTimeout {
                drop(client.descriptor)
            }
        }
    }

    /// Seconds until the next timeout could fire, so poll wakes up in time.
    private func nextDeadline() -> Double? {
        guard !connections.isEmpty else { return nil }
        return min(limits.requestTimeout, limits.idleTimeout, limits.writeTimeout) / 4
    }
}
