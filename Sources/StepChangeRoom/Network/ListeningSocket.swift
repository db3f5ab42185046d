#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking TCP socket listening on one address and port.
public struct ListeningSocket: Sendable {
    public let descriptor: Int32
    /// The port actually bound (useful when 0 asked the system for a free one).
    public let port: Int
    /// The address as given (or the wildcard chosen).
    public let address: String

    /// Binds and listens. `address` nil listens on every interface (IPv6 and IPv4 when the system has
    /// IPv6, else IPv4 only); otherwise it must be an IPv4 or IPv6 literal of this machine.
    public static func open(address: String?, port: Int) throws(RoomServerError) -> ListeningSocket {
        guard (0...65_535).contains(port) else { throw RoomServerError("--port must be from 1 to 65535, not \(port).") }
        if let address {
            if address.contains(":") { return try bind6(address, port: port, dualStack: false) }
            return try bind4(address, port: port)
        }
        if let dual = try? bind6("::", port: port, dualStack: true) { return dual }
        return try bind4("0.0.0.0", port: port)
    }

    private static func bind4(_ address: String, port: Int) throws(RoomServerError) -> ListeningSocket {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
            throw RoomServerError("--bind \(address) is not an IP address; give one such as 192.168.1.20 or 127.0.0.1.")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RoomServerError("Could not open a network socket (\(errorText())).") }
        prepare(fd)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return try finish(fd, bound: bound, address: address, port: port)
    }

    private static func bind6(_ address: String, port: Int, dualStack: Bool) throws(RoomServerError) -> ListeningSocket {
        var socketAddress = sockaddr_in6()
        socketAddress.sin6_family = sa_family_t(AF_INET6)
        socketAddress.sin6_port = in_port_t(UInt16(port).bigEndian)
        let literal = address.hasPrefix("[") && address.hasSuffix("]") ? String(address.dropFirst().dropLast()) : address
        guard inet_pton(AF_INET6, literal, &socketAddress.sin6_addr) == 1 else {
            throw RoomServerError("--bind \(address) is not an IP address; give one such as 192.168.1.20 or ::1.")
        }
        let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RoomServerError("Could not open an IPv6 network socket (\(errorText())).") }
        prepare(fd)
        var only: Int32 = dualStack ? 0 : 1
        setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &only, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
        return try finish(fd, bound: bound, address: literal, port: port)
    }

    private static func prepare(_ fd: Int32) {
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    private static func finish(_ fd: Int32, bound: Int32, address: String, port: Int) throws(RoomServerError) -> ListeningSocket {
        guard bound == 0 else {
            let code = errno
            close(fd)
            switch code {
            case EADDRINUSE:
                throw RoomServerError("Port \(port) is already in use on this laptop (another room or program). Choose another with --port, e.g. --port \(port == 8765 ? 8766 : 8765).")
            case EADDRNOTAVAIL:
                throw RoomServerError("\(address) is not an address of this laptop. Leave out --bind to listen on every network, or give one of this laptop's addresses.")
            case EACCES:
                throw RoomServerError("Not allowed to listen on port \(port); choose a port above 1023 with --port.")
            default:
                throw RoomServerError("Could not listen on \(address) port \(port) (\(String(cString: strerror(code)))).")
            }
        }
        guard listen(fd, 128) == 0 else {
            let text = errorText()
            close(fd)
            throw RoomServerError("Could not listen on \(address) port \(port) (\(text)).")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        var actual = port
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
            if pointer.pointee.ss_family == sa_family_t(AF_INET) {
                actual = pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            } else {
                actual = pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        }
        return ListeningSocket(descriptor: fd, port: actual, address: address)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
