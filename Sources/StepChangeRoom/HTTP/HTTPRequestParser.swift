import Foundation

/// An incremental HTTP/1.1 request parser: feed it bytes as they arrive, in any chunks, and ask for
/// the next request. It answers with a request, "need more bytes", or a precise error. Pipelined
/// requests come out one at a time; bytes after a request stay for the next one. Pure: no sockets.
public struct HTTPRequestParser: Sendable {
    /// What the parser has after the bytes fed so far.
    public enum Outcome: Equatable, Sendable {
        case request(HTTPRequest)
        case needMore
        case failure(HTTPParseError)
    }

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// How far the search for the end of the head has already looked, so feeding a byte at a time stays linear.
    private var scanned = 0
    /// Set once the parser failed: the connection is unusable and every later call repeats the error.
    private var failed: HTTPParseError?

    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Bytes received but not yet part of a parsed request.
    public var bufferedCount: Int { buffer.count }

    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, if the bytes fed so far hold one.
    public mutating func next() -> Outcome {
        if let failed { return .failure(failed) }
        let outcome = parse()
        if case .failure(let error) = outcome { failed = error }
        return outcome
    }

    private mutating func parse() -> Outcome {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        while let first = buffer.first, first == 0x0D || first == 0x0A {
            if first == 0x0D && buffer.count < 2 { return .needMore }
            if first == 0x0D && buffer[1] != 0x0A { return .failure(.malformedRequestLine("a stray carriage return")) }
            buffer.removeFirst(first == 0x0D ? 2 : 1)
            scanned = 0
        }
        guard let headEnd = findHeadEnd() else {
            let firstLine = buffer.firstIndex(of: 0x0A) ?? buffer.count
            if firstLine > limits.requestLine { return .failure(.requestLineTooLong) }
            if buffer.count > limits.headerBytes { return .failure(.headersTooLarge) }
            if let bad = buffer.first(where: { $0 == 0 }) { return .failure(.forbiddenByte(bad)) }
            return .needMore
        }
        if headEnd.end > limits.headerBytes {
            let firstLine = buffer.firstIndex(of: 0x0A) ?? buffer.count
            return .failure(firstLine > limits.requestLine ? .requestLineTooLong : .headersTooLarge)
        }
        var lines = splitLines(buffer[..<headEnd.start])
        guard !lines.isEmpty else { return .failure(.malformedRequestLine("it is empty")) }
        let requestLine = lines.removeFirst()
        if requestLine.count > limits.requestLine { return .failure(.requestLineTooLong) }
        var request: HTTPRequest
        switch parseRequestLine(requestLine) {
        case .success(let parsed): request = parsed
        case .failure(let error): return .failure(error)
        }
        if lines.count > limits.headerCount { return .failure(.tooManyHeaders) }
        for line in lines {
            switch parseHeader(line) {
            case .success(let header): request.headers.append(header)
            case .failure(let error): return .failure(error)
            }
        }
        if request.minorVersion >= 1, request.header("host") == nil { return .failure(.malformedHeader("Host is missing")) }
        if request.headers.contains(where: { $0.name == "transfer-encoding" }) { return .failure(.transferEncodingNotSupported) }
        let lengths = request.headers.filter { $0.name == "content-length" }.map(\.value)
        var length = 0
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 12,
                  first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(first) else {
                return .failure(.badContentLength(String(lengths.joined(separator: ", ").prefix(40))))
            }
            length = value
        }
        if length > limits.body { return .failure(.bodyTooLarge(length)) }
        guard buffer.count - headEnd.end >= length else { return .needMore }
        request.body = Array(buffer[headEnd.end..<(headEnd.end + length)])
        buffer.removeFirst(headEnd.end + length)
        scanned = 0
        return .request(request)
    }

    /// Where the head ends: `start` is the index of the blank line's line ending, `end` the first body byte.
    private mutating func findHeadEnd() -> (start: Int, end: Int)? {
        var index = max(0, scanned - 3)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index + 1, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return (index + 1, index + 3) }
            }
            index += 1
        }
        scanned = buffer.count
        return nil
    }

    /// Lines of the head, each without its CRLF or bare LF.
    private func splitLines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        for index in head.indices where head[index] == 0x0A {
            var end = index
            if end > start, head[end - 1] == 0x0D { end -= 1 }
            lines.append(head[start..<end])
            start = index + 1
        }
        if start < head.endIndex { lines.append(head[start...]) }
        return lines
    }

    private func checkBytes(_ line: ArraySlice<UInt8>, allowTab: Bool) -> HTTPParseError? {
        for byte in line where byte >= 0x80 || byte == 0x7F || (byte < 0x20 && !(allowTab && byte == 0x09)) {
            return .forbiddenByte(byte)
        }
        return nil
    }

    private func parseRequestLine(_ line: ArraySlice<UInt8>) -> Result<HTTPRequest, HTTPParseError> {
        if let error = checkBytes(line, allowTab: false) { return .failure(error) }
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(.malformedRequestLine("expected METHOD TARGET VERSION separated by single spaces")) }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard !method.isEmpty, method.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            return .failure(.malformedRequestLine("the method must be capital letters"))
        }
        guard target.hasPrefix("/") else { return .failure(.malformedRequestLine("the target must be a path starting with /")) }
        guard version.hasPrefix("HTTP/") else { return .failure(.malformedRequestLine("the version must look like HTTP/1.1")) }
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default: return .failure(.unsupportedVersion(String(version.prefix(16))))
        }
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return .success(HTTPRequest(method: method, path: String(pieces[0]), query: pieces.count > 1 ? String(pieces[1]) : "",
                                    minorVersion: minor))
    }

    private func parseHeader(_ line: ArraySlice<UInt8>) -> Result<(name: String, value: String), HTTPParseError> {
        if let error = checkBytes(line, allowTab: true) { return .failure(error) }
        if let first = line.first, first == 0x20 || first == 0x09 {
            return .failure(.malformedHeader("a folded (continued) header line"))
        }
        guard let colon = line.firstIndex(of: 0x3A) else { return .failure(.malformedHeader("a line without a colon")) }
        let name = line[line.startIndex..<colon]
        let tokenBytes = Set("!#$%&'*+-.^_`|~".utf8)
        guard !name.isEmpty, name.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || tokenBytes.contains($0) }) else {
            return .failure(.malformedHeader("an invalid header name"))
        }
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return .success((String(decoding: name, as: UTF8.self).lowercased(), value))
    }
}
