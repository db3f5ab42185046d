import Foundation

/// Which device speaks for which participant: a random token (the device's cookie) bound to one
/// participant id. Kept beside the session file, not in it, so exports and copies of the session
/// never carry a credential; a resumed `run --room` loads it so the same devices carry on.
public struct DeviceRegistry: Codable, Equatable, Sendable {
    /// Participant id by device token.
    public var devices: [String: String]

    public init(devices: [String: String] = [:]) { self.devices = devices }

    public func participant(for token: String?) -> String? {
        token.flatMap { devices[$0] }
    }

    /// Participant ids claimed by some device.
    public var claimed: Set<String> { Set(devices.values) }

    /// Binds a token to a participant, unless another device holds that participant.
    public mutating func claim(_ participantID: String, token: String) -> Bool {
        if let holder = devices.first(where: { $0.value == participantID })?.key, holder != token { return false }
        devices[token] = participantID
        return true
    }

    /// Frees a participant's name for another device; true when some device held it.
    @discardableResult
    public mutating func release(_ participantID: String) -> Bool {
        let before = devices.count
        devices = devices.filter { $0.value != participantID }
        return devices.count != before
    }

    /// A new unguessable token: 32 random bytes from the system's secure generator, as hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// A new join code for a run: six characters without look-alikes (no 0/O, 1/I/L).
    public static func newJoinCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
