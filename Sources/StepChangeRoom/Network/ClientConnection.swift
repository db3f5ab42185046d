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

    init(descriptor: Int32, limits: HTTPLimits, now: Double) {
        self.descriptor = descriptor
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    func queue(_ bytes: [UInt8], now: Double) {
        if !hasPendingOutput {
            output = []
            outputOffset = 0
            writeStartedAt = now
        }
        output += bytes
    }
}
