import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stored ZIP (no compression) written entry by entry into one buffer of its own: an entry's bytes may be
/// handed over piece by piece as they are made, its CRC-32 kept up to date as they arrive, so a large part is
/// never held whole twice; `finished()` gives the buffer to `Data` without copying it. `ZipArchive` writes
/// through it, so both lay out the same bytes: local header and data per entry, the central directory, its end.
final class ZipWriter {
    private var base: UnsafeMutableRawPointer
    private var count = 0
    private var capacity: Int
    private var central: [UInt8] = []
    private var entries = 0
    /// The entry being written: its name, where its local header starts, and its CRC so far (not yet inverted).
    private var open: (name: [UInt8], offset: Int, crc: UInt32)?
    private var taken = false

    /// A writer whose buffer holds `capacity` bytes before it has to grow (it grows as needed).
    /// On Linux a buffer of 4 MiB or more is aligned to 2 MiB and offered transparent huge pages, so the
    /// 9 MB of a large Word document fault in a few pages at a time instead of 2,200 (about 4 ms here).
    init(capacity: Int) {
        var size = max(capacity, 4096)
        var memory: UnsafeMutableRawPointer?
        #if os(Linux)
        let hugePage = 2 << 20
        if size >= 2 * hugePage {
            size = (size + hugePage - 1) / hugePage * hugePage
            if posix_memalign(&memory, hugePage, size) == 0, let memory {
                _ = madvise(memory, size, MADV_HUGEPAGE)
            }
        } else {
            memory = malloc(size)
        }
        #else
        memory = malloc(size)
        #endif
        guard let base = memory else { fatalError("Out of memory for a \(size)-byte ZIP") }
        self.base = base
        self.capacity = size
    }

    deinit {
        if !taken { free(base) }
    }

    /// One whole entry.
    func add(_ name: String, _ bytes: UnsafeRawBufferPointer) {
        begin(name)
        write(bytes)
        end()
    }

    func add(_ name: String, _ text: String) {
        var text = text
        text.withUTF8 { add(name, UnsafeRawBufferPointer($0)) }
    }

    /// Starts an entry: its local header, with the CRC and sizes filled in by `end()`.
    func begin(_ name: String) {
        let nameBytes = Array(name.utf8)
        open = (nameBytes, count, 0xFFFF_FFFF)
        var header: [UInt8] = []
        header.reserveCapacity(30 + nameBytes.count)
        Self.le32(0x0403_4B50, &header)
        Self.le16(20, &header)                 // version needed to extract
        Self.le16(0x0800, &header)             // names are UTF-8
        Self.le16(0, &header)                  // stored
        Self.le16(0, &header)                  // time 00:00
        Self.le16(0x21, &header)               // date 1980-01-01
        Self.le32(0, &header)                  // CRC, set by end()
        Self.le32(0, &header)                  // compressed size, set by end()
        Self.le32(0, &header)                  // size, set by end()
        Self.le16(UInt16(truncatingIfNeeded: nameBytes.count), &header)
        Self.le16(0, &header)
        header.append(contentsOf: nameBytes)
        header.withUnsafeBytes { copy($0) }
    }

    /// The next bytes of the open entry.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let entry = open else { return }
        copy(bytes)
        open = (entry.name, entry.offset, CRC32.update(entry.crc, bytes))
    }

    /// Ends the open entry: its CRC and sizes go into its local header and its record into the central directory.
    func end() {
        guard let entry = open else { return }
        open = nil
        let dataStart = entry.offset + 30 + entry.name.count
        let size = UInt32(truncatingIfNeeded: count - dataStart)
        let crc = entry.crc ^ 0xFFFF_FFFF
        var sizes: [UInt8] = []
        Self.le32(crc, &sizes)
        Self.le32(size, &sizes)
        Self.le32(size, &sizes)
        sizes.withUnsafeBytes { (base + entry.offset + 14).copyMemory(from: $0.baseAddress!, byteCount: 12) }

        Self.le32(0x0201_4B50, &central)
        Self.le16(20, &central)                // made by
        Self.le16(20, &central)
        Self.le16(0x0800, &central)
        Self.le16(0, &central)
        Self.le16(0, &central)
        Self.le16(0x21, &central)
        Self.le32(crc, &central)
        Self.le32(size, &central)
        Self.le32(size, &central)
        Self.le16(UInt16(truncatingIfNeeded: entry.name.count), &central)
        Self.le16(0, &central)                 // extra
        Self.le16(0, &central)                 // comment
        Self.le16(0, &central)                 // disk
        Self.le16(0, &central)                 // internal attributes
        Self.le32(0, &central)                 // external attributes
        Self.le32(UInt32(truncatingIfNeeded: entry.offset), &central)
        central.append(contentsOf: entry.name)
        entries += 1
    }

    /// The archive: the entries, the central directory and its end record. The writer is spent after this.
    func finished() -> Data {
        end()
        let centralOffset = UInt32(truncatingIfNeeded: count)
        var tail = central
        Self.le32(0x0605_4B50, &tail)
        Self.le16(0, &tail)
        Self.le16(0, &tail)
        Self.le16(UInt16(truncatingIfNeeded: entries), &tail)
        Self.le16(UInt16(truncatingIfNeeded: entries), &tail)
        Self.le32(UInt32(truncatingIfNeeded: central.count), &tail)
        Self.le32(centralOffset, &tail)
        Self.le16(0, &tail)
        tail.withUnsafeBytes { copy($0) }
        taken = true
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }

    private func copy(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity {
            var size = capacity
            while size < count + bytes.count { size *= 2 }
            guard let grown = realloc(base, size) else { fatalError("Out of memory for a \(size)-byte ZIP") }
            base = grown
            capacity = size
        }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    private static func le16(_ value: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private static func le32(_ value: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8((value >> 8) & 0xFF))
        out.append(UInt8((value >> 16) & 0xFF))
        out.append(UInt8(value >> 24))
    }
}
