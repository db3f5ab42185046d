#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a connected socket's other end is this machine: its address is loopback or the same as
/// the socket's own local address (a browser on the laptop opening the laptop's network address).
enum PeerAddress {
    static func isThisMachine(_ descriptor: Int32) -> Bool {
        guard let peer = address(of: descriptor, peer: true), let local = address(of: descriptor, peer: false) else { return false }
        return peer == local || isLoopback(peer)
    }

    /// The address as 16 bytes (IPv4 as IPv4-mapped IPv6), or nil when it cannot be read.
    static func address(of descriptor: Int32, peer: Bool) -> [UInt8]? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(descriptor, $0, &length) : getsockname(descriptor, $0, &length)
            }
        }
        guard result == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> [UInt8]? in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    let value = UInt32(bigEndian: address.pointee.sin_addr.s_addr)
                    return Array(repeating: 0, count: 10) + [0xFF, 0xFF] + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
                }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    withUnsafeBytes(of: address.pointee.sin6_addr) { Array($0) }
                }
            default:
                return nil
            }
        }
    }

    /// 127.0.0.0/8 (also IPv4-mapped) or ::1.
    static func isLoopback(_ address: [UInt8]) -> Bool {
        let mapped = address.prefix(12) == ArraySlice(Array(repeating: 0, count: 10) + [0xFF, 0xFF])
        if mapped { return address[12] == 127 }
        return address == Array(repeating: 0, count: 15) + [1]
    }
}
