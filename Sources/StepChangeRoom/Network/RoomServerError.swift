/// Why the room could not start listening, with what to do about it.
public struct RoomServerError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
