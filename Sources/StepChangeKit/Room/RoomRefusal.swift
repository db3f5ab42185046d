/// Why the room refused a device's request, as a sentence the participant reads.
public struct RoomRefusal: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
