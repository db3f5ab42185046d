import Foundation

/// Where "now" comes from, so the core never reads the clock itself and tests can fix the time.
public protocol TimeSource: Sendable {
    var now: Date { get }
}

/// The machine's clock, truncated to whole seconds so stored times round-trip exactly.
public struct SystemTime: TimeSource {
    public init() {}
    public var now: Date { Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }
}

/// A clock that always says the same time; for tests and reproducible examples.
public struct FixedTime: TimeSource {
    public var now: Date
    public init(_ now: Date) { self.now = now }
}
