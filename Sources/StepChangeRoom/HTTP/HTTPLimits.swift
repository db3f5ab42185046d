/// The sizes a request may reach before the server refuses it. Each limit has its own answer:
/// 414 for the request line, 431 for the header section or header count, 413 for the body.
public struct HTTPLimits: Equatable, Sendable {
    /// Bytes in the request line, without its line ending.
    public var requestLine: Int
    /// Bytes in the whole head: request line, headers and the empty line ending them.
    public var headerBytes: Int
    /// Header fields in one request.
    public var headerCount: Int
    /// Bytes in a body (Content-Length).
    public var body: Int

    public init(requestLine: Int = 2048, headerBytes: Int = 8192, headerCount: Int = 40, body: Int = 8192) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.body = body
    }
}
