import Foundation

/// A ZIP archive of stored (uncompressed) files with CRC-32 checksums, as Office Open XML documents
/// need. Entries keep the order they were added in and carry a fixed timestamp, so the bytes are
/// the same every time for the same content.
public struct ZipArchive: Sendable {
    private var entries: [(name: String, data: Data)] = []

    public init() {}

    public mutating func add(_ name: String, _ data: Data) {
        entries.append((name, data))
    }

    public mutating func add(_ name: String, _ text: String) {
        add(name, Data(text.utf8))
    }

    /// The archive bytes: local headers with data, the central directory and its end record.
    public var data: Data {
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = CRC32.checksum(entry.data)
            let offset = UInt32(out.count)
            out.append(le32(0x0403_4B50))
            out.append(le16(20))                 // version needed to extract
            out.append(le16(0x0800))             // names are UTF-8
            out.append(le16(0))                  // stored
            out.append(le16(0))                  // time 00:00
            out.append(le16(0x21))               // date 1980-01-01
            out.append(le32(crc))
            out.append(le32(UInt32(entry.data.count)))
            out.append(le32(UInt32(entry.data.count)))
            out.append(le16(UInt16(name.count)))
            out.append(le16(0))
            out.append(name)
            out.append(entry.data)

            central.append(le32(0x0201_4B50))
            central.append(le16(20))             // made by
            central.append(le16(20))
            central.append(le16(0x0800))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0x21))
            central.append(le32(crc))
            central.append(le32(UInt32(entry.data.count)))
            central.append(le32(UInt32(entry.data.count)))
            central.append(le16(UInt16(name.count)))
            central.append(le16(0))              // extra
            central.append(le16(0))              // comment
            central.append(le16(0))              // disk
            central.append(le16(0))              // internal attributes
            central.append(le32(0))              // external attributes
            central.append(le32(offset))
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4B50))
        out.append(le16(0))
        out.append(le16(0))
        out.append(le16(UInt16(entries.count)))
        out.append(le16(UInt16(entries.count)))
        out.append(le32(UInt32(central.count)))
        out.append(le32(centralOffset))
        out.append(le16(0))
        return out
    }

    private func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private func le32(_ value: UInt32) -> Data {
        Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
    }
}

/// The CRC-32 checksum ZIP uses (IEEE 802.3, reflected polynomial 0xEDB88320).
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The table is fetched once per call and read through a buffer pointer, so the loop does no
    /// lazy-initialisation check or bounds check per byte.
    public static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            data.withUnsafeBytes { bytes in
                for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
