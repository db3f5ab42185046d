#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This laptop's addresses that phones on the same network can reach: interfaces that are up,
/// not loopback, IPv4 (the addresses people can type and that every phone handles).
public enum NetworkInterfaces {
    /// One reachable address and the interface it belongs to, e.g. ("wlan0", "192.168.1.20").
    public struct Address: Equatable, Sendable {
        public let interface: String
        public let address: String
    }

    public static func usableAddresses() -> [Address] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var result: [Address] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let ok = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer -> Bool in
                var address = pointer.pointee.sin_addr
                return inet_ntop(AF_INET, &address, &text, socklen_t(INET_ADDRSTRLEN)) != nil
            }
            guard ok else { continue }
            let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let name = String(cString: entry.pointee.ifa_name)
            if !result.contains(where: { $0.address == address }) { result.append(Address(interface: name, address: address)) }
        }
        return result
    }
}
