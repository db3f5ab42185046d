import Foundation

/// Why a ZIP archive (an `.xlsx` file is one) could not be read; each case says what is wrong.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnArchive
    case truncated
    case unsupported(String)
    case missingEntry(String)
    case tooLarge(entry: String, limit: Int)
    case damaged(entry: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive: "it is not a ZIP archive (an .xlsx file is one)"
        case .truncated: "the archive ends too early; the file may be incomplete"
        case .unsupported(let what): "it uses \(what), which stepchange cannot read"
        case .missingEntry(let name): "it has no \(name) inside"
        case .tooLarge(let entry, let limit): "\(entry) inside it would expand to more than \(limit / 1024 / 1024) MB"
        case .damaged(let entry, let reason): "\(entry) inside it is damaged: \(reason)"
        }
    }
}

/// Reads the entries of a ZIP archive held in memory: stored and DEFLATE-compressed files, names in
/// UTF-8 or code page 437, checked against their CRC-32. Sizes are checked before anything is
/// decompressed, and no entry may expand past `entryLimit`, so a zip bomb is refused rather than unpacked.
public struct ZipReader: Sendable {
    /// One file in the archive, as its central directory describes it.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var method: Int
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var crc: UInt32
        public var localHeaderOffset: Int
        public var flags: Int
    }

    /// The largest size one entry may expand to: far above any survey spreadsheet.
    public static let defaultEntryLimit = 50 * 1024 * 1024

    public let entries: [Entry]
    private let bytes: [UInt8]
    private let entryLimit: Int

    /// Reads the central directory; the entries' contents are only decompressed when asked for.
    public init(_ data: Data, entryLimit: Int = ZipReader.defaultEntryLimit) throws(ZipError) {
        bytes = [UInt8](data)
        self.entryLimit = entryLimit
        guard bytes.count >= 22 else { throw bytes.starts(with: [0x50, 0x4B]) ? .truncated : .notAnArchive }
        var end: Int?
        let earliest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= earliest {
            if Self.u32(bytes, index) == 0x0605_4B50 { end = index; break }
            index -= 1
        }
        guard let end else { throw bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .truncated : .notAnArchive }
        let count = Self.u16(bytes, end + 10)
        let directorySize = Int(Self.u32(bytes, end + 12))
        let directoryOffset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .unsupported("the ZIP64 format") }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw .truncated }
        var entries: [Entry] = []
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= end, Self.u32(bytes, offset) == 0x0201_4B50 else { throw .truncated }
            let flags = Self.u16(bytes, offset + 8)
            let nameLength = Self.u16(bytes, offset + 28)
            let extraLength = Self.u16(bytes, offset + 30)
            let commentLength = Self.u16(bytes, offset + 32)
            guard offset + 46 + nameLength <= end else { throw .truncated }
            let nameBytes = Array(bytes[offset + 46..<offset + 46 + nameLength])
            let name = flags & 0x800 != 0 ? String(decoding: nameBytes, as: UTF8.self)
                : String(nameBytes.map { Character(Unicode.Scalar($0)) })
            entries.append(Entry(name: name, method: Self.u16(bytes, offset + 10),
                                 compressedSize: Int(Self.u32(bytes, offset + 20)), uncompressedSize: Int(Self.u32(bytes, offset + 24)),
                                 crc: Self.u32(bytes, offset + 16), localHeaderOffset: Int(Self.u32(bytes, offset + 42)), flags: flags))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The entry with this name (exact, then ignoring case and a leading slash).
    public func entry(_ name: String) -> Entry? {
        let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return entries.first { $0.name == wanted } ?? entries.first { $0.name.lowercased() == wanted.lowercased() }
    }

    /// The decompressed contents of an entry, checked against its CRC-32.
    public func contents(of name: String) throws(ZipError) -> Data {
        guard let entry = entry(name) else { throw .missingEntry(name) }
        return try contents(of: entry)
    }

    public func contents(of entry: Entry) throws(ZipError) -> Data {
        if entry.flags & 0x1 != 0 { throw .unsupported("encryption (a password-protected file)") }
        guard entry.uncompressedSize <= entryLimit else { throw .tooLarge(entry: entry.name, limit: entryLimit) }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else {
            throw .damaged(entry: entry.name, reason: "its local header is missing")
        }
        let start = header + 30 + Self.u16(bytes, header + 26) + Self.u16(bytes, header + 28)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw .truncated }
        let stored = Data(bytes[start..<start + entry.compressedSize])
        let data: Data
        switch entry.method {
        case 0:
            data = stored
        case 8:
            do {
                data = try Inflate.raw(stored, limit: entry.uncompressedSize)
            } catch .outputTooLarge {
                throw .damaged(entry: entry.name, reason: "it expands to more than the \(entry.uncompressedSize) bytes its header declares")
            } catch {
                throw .damaged(entry: entry.name, reason: error.description)
            }
        default:
            throw .unsupported("compression method \(entry.method)")
        }
        guard data.count == entry.uncompressedSize else {
            throw .damaged(entry: entry.name, reason: "it holds \(data.count) bytes, not the \(entry.uncompressedSize) its header declares")
        }
        guard CRC32.checksum(data) == entry.crc else { throw .damaged(entry: entry.name, reason: "its checksum does not match") }
        return data
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
