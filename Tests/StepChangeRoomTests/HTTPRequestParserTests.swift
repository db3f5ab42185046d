import Testing
@testable import StepChangeRoom

@Suite("HTTP request parser")
struct HTTPRequestParserTests {
    static let simple = "GET /j/ABC123?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: device=abc; other=1\r\n\r\n"

    func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        parser.feed(Array(text.utf8))
        return parser.next()
    }

    func failure(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseError? {
        if case .failure(let error) = parse(text, limits: limits) { return error }
        return nil
    }

    @Test func parsesARequestWithPathQueryHeadersAndCookies() throws {
        guard case .request(let request) = parse(Self.simple) else { Issue.record("no request"); return }
        #expect(request.method == "GET")
        #expect(request.path == "/j/ABC123")
        #expect(request.query == "x=1")
        #expect(request.header("HOST") == "127.0.0.1")
        #expect(request.cookies == ["device": "abc", "other": "1"])
        #expect(request.keepAlive)
    }

    @Test func aRequestSplitAtEveryByteComesOutOnceComplete() {
        let text = "POST /score HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\n\r\nscore=4"
        var parser = HTTPRequestParser()
        var outcomes: [HTTPRequestParser.Outcome] = []
        for byte in text.utf8 {
            parser.feed([byte])
            outcomes.append(parser.next())
        }
        #expect(outcomes.dropLast().allSatisfy { $0 == .needMore })
        guard case .request(let request) = outcomes.last else { Issue.record("no request"); return }
        #expect(request.body == Array("score=4".utf8))
    }

    @Test func pipelinedRequestsComeOutInOrderAndTheRestWaits() {
        var parser = HTTPRequestParser()
        parser.feed(Array(("GET /a HTTP/1.1\r\nHost: h\r\n\r\n" + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok" + "GET /c HT").utf8))
        guard case .request(let first) = parser.next(), case .request(let second) = parser.next() else { Issue.record("missing"); return }
        #expect(first.path == "/a")
        #expect(second.path == "/b" && second.body == Array("ok".utf8))
        #expect(parser.next() == .needMore)
        parser.feed(Array("TP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request(let third) = parser.next() else { Issue.record("third missing"); return }
        #expect(third.path == "/c")
    }

    @Test func bareLineFeedsAndLeadingEmptyLinesAreAccepted() {
        guard case .request(let request) = parse("\r\n\nGET / HTTP/1.1\nHost: h\n\n") else { Issue.record("no request"); return }
        #expect(request.path == "/")
    }

    @Test("bad Content-Length", arguments: ["-1", "abc", "1 2", "+5", "0x10", "99999999999999999999", ""])
    func badContentLength(_ value: String) {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n") == .badContentLength(value))
    }

    @Test func conflictingContentLengthsAreRefused() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")?.status == 400)
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeItArrives() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9000\r\n\r\n") == .bodyTooLarge(9000))
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9000\r\n\r\n")?.status == 413)
    }

    @Test func transferEncodingIsRefused() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n") == .transferEncodingNotSupported)
    }

    @Test func nonASCIIInTheHeadIsRefused() {
        #expect(failure("GET /é HTTP/1.1\r\nHost: h\r\n\r\n") == .forbiddenByte(0xC3))
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX-Name: Zoë\r\n\r\n") == .forbiddenByte(0xC3))
    }

    @Test func nulBytesAreRefusedEvenBeforeTheHeadEnds() {
        #expect(failure("GET /\0 HTTP/1.1\r\nHost: h\r\n\r\n") == .forbiddenByte(0))
        #expect(failure("GET / HTTP/1.1\r\nHost: h\0") == .forbiddenByte(0))
        #expect(failure("GET / HTTP/1.1\r\nX: a\u{1}b\r\nHost: h\r\n\r\n") == .forbiddenByte(1))
    }

    @Test func aHugeRequestLineIsRefusedWithoutWaitingForTheRest() {
        let line = "GET /" + String(repeating: "a", count: 3000)
        #expect(failure(line) == .requestLineTooLong)
        #expect(failure(line)?.status == 414)
    }

    @Test func hugeHeadersAreRefusedWithoutWaitingForTheEnd() {
        let head = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 9000)
        #expect(failure(head) == .headersTooLarge)
        #expect(failure(head)?.status == 431)
    }

    @Test func tooManyHeadersAreRefused() {
        let headers = (0..<41).map { "X-\($0): v\r\n" }.joined()
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\n" + headers + "\r\n") == .tooManyHeaders)
    }

    @Test("malformed request lines", arguments: [
        "GET\r\nHost: h\r\n\r\n", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "get / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET http://evil/ HTTP/1.1\r\nHost: h\r\n\r\n", "GET / FTP/1.0\r\nHost: h\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n",
    ])
    func malformedRequestLines(_ text: String) {
        #expect(failure(text)?.status == 400)
    }

    @Test func otherVersionsGet505() {
        #expect(failure("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == .unsupportedVersion("HTTP/2.0"))
    }

    @Test("malformed headers", arguments: [
        "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n", "GET / HTTP/1.1\r\n\r\n",
    ])
    func malformedHeaders(_ text: String) {
        #expect(failure(text)?.status == 400)
    }

    @Test func afterAnErrorTheParserKeepsFailing() {
        var parser = HTTPRequestParser()
        parser.feed(Array("BAD\r\n\r\n".utf8))
        #expect(parser.next() != .needMore)
        parser.feed(Array(Self.simple.utf8))
        guard case .failure = parser.next() else { Issue.record("recovered from a broken stream"); return }
    }

    @Test func connectionCloseAndHTTP10EndTheConnection() {
        guard case .request(let closing) = parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"),
              case .request(let old) = parse("GET / HTTP/1.0\r\n\r\n") else { Issue.record("no request"); return }
        #expect(!closing.keepAlive)
        #expect(!old.keepAlive)
    }
}

@Suite("Form data")
struct FormDataTests {
    @Test func decodesPlusPercentAndUTF8() {
        let form = FormData("score=4&comment=Zo%C3%AB+says+%22hi%22&empty=&flag")
        #expect(form?["score"] == "4")
        #expect(form?["comment"] == "Zoë says \"hi\"")
        #expect(form?["empty"] == "")
        #expect(form?["flag"] == "")
    }

    @Test func repeatedFieldsKeepTheirOrder() {
        #expect(FormData("v=S1&v=S3&v=S1")?.values("v") == ["S1", "S3", "S1"])
    }

    @Test("broken encodings", arguments: ["a=%", "a=%4", "a=%zz", "a=%C3", "a=%FF%FE"])
    func brokenEncodingsAreRefused(_ text: String) {
        #expect(FormData(text) == nil)
    }
}

@Suite("HTTP responses")
struct HTTPResponseTests {
    @Test func everyResponseCarriesTheSecurityHeaders() {
        let wire = String(decoding: HTTPResponse.html("<p>hi</p>").serialized(keepAlive: true), as: UTF8.self)
        #expect(wire.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(wire.contains("Content-Security-Policy: default-src 'none';"))
        #expect(wire.contains("X-Frame-Options: DENY"))
        #expect(wire.contains("Content-Length: 9\r\n"))
        #expect(wire.hasSuffix("\r\n\r\n<p>hi</p>"))
    }
}
