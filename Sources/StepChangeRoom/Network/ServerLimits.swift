/// The numbers that keep the room's server alive with slow, idle or hostile clients: how many
/// connections, how long a request may take to arrive, how long an idle connection stays open.
public struct ServerLimits: Equatable, Sendable {
    public var http: HTTPLimits
    /// Open connections at once; a connection past this is answered 503 and closed.
    public var maxConnections: Int
    /// Seconds from a request's first byte until its head and body must have arrived (408 after).
    public var requestTimeout: Double
    /// Seconds a kept-alive connection may sit without a request before it is closed.
    public var idleTimeout: Double
    /// Seconds a response may take to be read by the client before the connection is dropped.
    public var writeTimeout: Double

    public init(http: HTTPLimits = HTTPLimits(), maxConnections: Int = 400, requestTimeout: Double = 10,
                idleTimeout: Double = 60, writeTimeout: Double = 10) {
        self.http = http
        self.maxConnections = maxConnections
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
    }
}
