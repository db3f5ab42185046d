/// Byte tests over a string's UTF-8, read through its contiguous storage (a native string's own bytes)
/// so the test runs as a plain loop; a string without contiguous storage is walked through `utf8`.
enum UTF8Scan {
    /// True when every UTF-8 byte of `text` passes `test` (true for "").
    @inline(__always)
    static func all(_ text: String, _ test: (UInt8) -> Bool) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes in
            for byte in bytes where !test(byte) { return false }
            return true
        }) {
            return answer
        }
        return text.utf8.allSatisfy(test)
    }

    /// True when some UTF-8 byte of `text` passes `test`.
    @inline(__always)
    static func any(_ text: String, _ test: (UInt8) -> Bool) -> Bool {
        !all(text) { !test($0) }
    }
}
