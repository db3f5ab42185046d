import Foundation
import Testing
@testable import StepChangeKit

/// The comparison every session reader test makes: the outcome of `SessionCodec.decode` with the fast
/// reader and without it (the same session, or the same error and message), and, when the reader
/// accepts the bytes, the same session as `JSONDecoder`.
enum SessionReaderComparison {
    static func foundationDecode(_ data: Data) throws -> Session {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Session.self, from: data)
    }

    static func outcome(_ data: Data, strict: Bool) -> Result<Session, StepChangeError> {
        do throws(StepChangeError) {
            return .success(try SessionCodec.decode(data, source: "s.json", strict: strict))
        } catch {
            return .failure(error)
        }
    }

    static func expectSameOutcome(_ data: Data, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let strict = outcome(data, strict: true), plain = outcome(data, strict: false)
        switch (strict, plain) {
        case (.success(let a), .success(let b)): #expect(a == b, comment, sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)): #expect(a == b, comment, sourceLocation: sourceLocation)
        default: Issue.record("one reader accepted and the other refused: \(strict) / \(plain) \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        }
        expectReaderAgrees(data, comment, sourceLocation: sourceLocation)
    }

    /// When the reader accepts the bytes, `JSONDecoder` reads the same session from them.
    static func expectReaderAgrees(_ data: Data, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        if let session = SessionReader.session(from: data) {
            #expect((try? foundationDecode(data)) == session, "the reader accepted what JSONDecoder reads differently \(comment.map { "\($0)" } ?? "")",
                    sourceLocation: sourceLocation)
        }
    }
}
