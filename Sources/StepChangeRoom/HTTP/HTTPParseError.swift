/// Why a request could not be parsed; each case maps to the status the server answers with before
/// it closes the connection.
public enum HTTPParseError: Error, Equatable, Sendable {
    case requestLineTooLong
    case headersTooLarge
    case tooManyHeaders
    case malformedRequestLine(String)
    case unsupportedVersion(String)
    case malformedHeader(String)
    /// A NUL byte, another control character or a byte outside ASCII in the request head.
    case forbiddenByte(UInt8)
    case badContentLength(String)
    case bodyTooLarge(Int)
    case transferEncodingNotSupported

    /// The HTTP status sent back for this error.
    public var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headersTooLarge, .tooManyHeaders: 431
        case .unsupportedVersion: 505
        case .bodyTooLarge: 413
        case .transferEncodingNotSupported: 501
        default: 400
        }
    }

    /// A plain sentence for the response body and the logs.
    public var message: String {
        switch self {
        case .requestLineTooLong: "The request line is too long."
        case .headersTooLarge: "The request headers are too large."
        case .tooManyHeaders: "The request has too many headers."
        case .malformedRequestLine(let why): "The request line is malformed: \(why)."
        case .unsupportedVersion(let version): "HTTP version \(version) is not supported; use HTTP/1.1."
        case .malformedHeader(let why): "A request header is malformed: \(why)."
        case .forbiddenByte(let byte): "The request head holds a forbidden byte (0x\(String(byte, radix: 16, uppercase: true)))."
        case .badContentLength(let value): "Content-Length \"\(value)\" is not a valid length."
        case .bodyTooLarge(let length): "The request body (\(length) bytes) is too large."
        case .transferEncodingNotSupported: "Transfer-Encoding is not supported; send Content-Length."
        }
    }
}
