/// One client's connection: bytes waiting to be parsed, the response bytes not yet sent, and the
/// times the timeouts count from.
final class ClientConnection {
    let descriptor: Int32
    var parser: HTTPRequestParser
    var output: [UInt8] = []
    var outputOffset = 0
    /// When the current request's first byte arrived; nil between requests.
    var requestStartedAt: Double?
    var lastActivity: Double
    /// When the response waiting in `output` was queued; nil when nothing waits.
    var writeStartedAt: Double?
    /// Close once `output` is sent.
    var closeAfterWrite = false
    /// Bytes after the last answered request wait in the parser (pipelining): answer them, one per
    /// turn, before reading more from this connection.
    var backlog = false
    /// The other end is this machine: the peer's address is loopback or the connection's own local address.
    var fromThisMachine = false

    init(descriptor: Int32, limits: HTTPLimits, now: Double) {
        self.descriptor = descriptor
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Since when this connection has held its slot without finishing anything: the start of the
    /// request still arriving or of the response still unread, else its last activity.
    var waitingSince: Double {
        min(requestStartedAt ?? lastActivity, hasPendingOutput ? (writeStartedAt ?? lastActivity) : lastActivity)
    }

    func queue(_ bytes: [UInt8], now: Double) {
        if !hasPendingOutput {
            output = []
            outputOffset = 0
            writeStartedAt = now
        }
        output += bytes
    }
}
