import Foundation

/// The listing cache kept in the sessions directory (`.stepchange-index.json`): one summary (or the
/// reason a file could not be read) per session file, each valid only while the file's stamp —
/// size, inode, modification and change times to the nanosecond — is unchanged. File-system clocks
/// can tick more coarsely than a nanosecond, so an entry recorded within a second of the file's last
/// change is not trusted on its stamp alone: until it has settled, the file's bytes are re-read and
/// compared by checksum (cheap) before the summary is reused. A file whose stamp changed but whose bytes
/// did not (an archive copied with its index, a file touched) is recognised the same way, by checksum,
/// without decoding it again. Reasons name the file, not its directory.
public struct SessionIndex: Equatable, Sendable {
    /// The index file's name inside the sessions directory.
    public static let fileName = ".stepchange-index.json"
    /// Bumped whenever `SessionSummary`, the way it is extracted or the checksum changes, so old caches are dropped.
    public static let currentFormat = 3

    /// What was learned from one file at one stamp.
    public struct Entry: Equatable, Sendable {
        public var stamp: FileStamp
        public var summary: SessionSummary?
        public var problem: String?
        /// `SessionIndex.checksum` of the file's bytes when the entry was made (0: not known); consulted while
        /// the entry has not settled and when the file's stamp has changed.
        public var checksum: UInt64
        /// True once the file's last change was at least the settle time before it was recorded or checked.
        public var settled: Bool

        public init(stamp: FileStamp, summary: SessionSummary? = nil, problem: String? = nil, checksum: UInt64 = 0, settled: Bool = true) {
            self.stamp = stamp
            self.summary = summary
            self.problem = problem
            self.checksum = checksum
            self.settled = settled
        }
    }

    public var format: Int
    public var schemaVersion: Int
    /// Entries by file name.
    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        format = Self.currentFormat
        schemaVersion = Session.currentSchemaVersion
        self.entries = entries
    }

    /// Reads an index; anything unreadable, cut short or from another format is an empty index.
    public static func decode(_ data: Data?) -> SessionIndex {
        guard let data, data.last == 0x0A else { return SessionIndex() }
        let bytes = [UInt8](data)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start..<offset])
            start = offset + 1
        }
        guard lines.count >= 2,
              String(decoding: lines[0], as: UTF8.self) == "\(magic)\t\(currentFormat)\t\(Session.currentSchemaVersion)",
              String(decoding: lines[lines.count - 1], as: UTF8.self) == "end\t\(lines.count - 2)" else { return SessionIndex() }
        var index = SessionIndex()
        index.entries.reserveCapacity(lines.count - 2)
        for line in lines[1..<(lines.count - 1)] {
            guard let (name, entry) = IndexLine.parse(line) else { return SessionIndex() }
            index.entries[name] = entry
        }
        return index
    }

    /// The index as stored: a header line, one tab-separated line per file sorted by name, and an end
    /// line with the count, so a cut-short file is recognised and ignored.
    /// A plain line format rather than JSON, because reading it is the listing's whole cost.
    public func encoded() -> Data {
        var text = "\(Self.magic)\t\(format)\t\(schemaVersion)\n"
        for name in entries.keys.sorted() {
            text += IndexLine.line(name: name, entry: entries[name]!) + "\n"
        }
        text += "end\t\(entries.count)\n"
        return Data(text.utf8)
    }

    static let magic = "stepchange-index"

    /// What reading one file gives: its summary or why it is not a readable session, and the checksum of
    /// the bytes read (nil when none could be read).
    public typealias Read = (result: Result<SessionSummary, StepChangeError>, checksum: UInt64?)

    /// A file to read, with the checksum its entry recorded when the file may still hold the same bytes
    /// (the stamp changed but not the size; 0 when there is no such entry).
    public typealias Request = (name: String, knownChecksum: UInt64)

    /// Brings the index up to date with the files present: an entry whose stamp still matches is reused
    /// (after a checksum of the file's bytes, while it has not settled); every other file is read with
    /// `read`, which returns the summary or the failure and the bytes' checksum; entries of vanished
    /// files are dropped. Returns the fresh index, one entry per file in the order given, and how many
    /// files were decoded.
    public func refreshed(files: [(name: String, stamp: FileStamp?)], now: Date, settle: TimeInterval = 1,
                          checksum: (String) -> UInt64?, read: (String) -> Read)
        -> (index: SessionIndex, entries: [(name: String, entry: Entry)], readCount: Int) {
        refreshed(files: files, now: now, settle: settle) { requests in
            requests.map { request in
                if request.knownChecksum != 0, checksum(request.name) == request.knownChecksum { return nil }
                return read(request.name)
            }
        }
    }

    /// The same, with every file that is not trusted on its stamp handed to `readAll` at once, in the
    /// order given. For each request it returns nil when the file's bytes hash to the request's known
    /// checksum (the entry is then kept under the new stamp, without decoding), or else the file's `Read`;
    /// it is free to work on the files concurrently. The entries are put together afterwards in file
    /// order, so the result is the one the one-file-at-a-time form gives.
    public func refreshed(files: [(name: String, stamp: FileStamp?)], now: Date, settle: TimeInterval = 1,
                          readAll: ([Request]) -> [Read?])
        -> (index: SessionIndex, entries: [(name: String, entry: Entry)], readCount: Int) {
        func isSettled(_ stamp: FileStamp) -> Bool { Self.isSettled(stamp, now: now, settle: settle) }
        // First the entries that can be reused on their stamp; nil marks a file to read.
        var reused: [Entry?] = []
        reused.reserveCapacity(files.count)
        var requests: [Request] = []
        for file in files {
            if let stamp = file.stamp, let cached = entries[file.name] {
                if cached.stamp == stamp && cached.settled {
                    reused.append(cached)
                    continue
                }
                // Not trusted on its stamp — not yet settled, or the stamp changed (an archive copied from a
                // shared drive, a file touched or restored): trusted when the bytes are still the same.
                if cached.checksum != 0, cached.stamp.size == stamp.size {
                    reused.append(nil)
                    requests.append((file.name, cached.checksum))
                    continue
                }
            }
            reused.append(nil)
            requests.append((file.name, 0))
        }
        let reads = requests.isEmpty ? [] : readAll(requests)
        var fresh = SessionIndex()
        fresh.entries.reserveCapacity(files.count)
        var listed: [(name: String, entry: Entry)] = []
        listed.reserveCapacity(files.count)
        var requested = 0
        var readCount = 0
        for (file, cached) in zip(files, reused) {
            if let cached {
                fresh.entries[file.name] = cached
                listed.append((file.name, cached))
                continue
            }
            let read: Read? = requested < reads.count ? reads[requested]
                : (.failure(StepChangeError(.input, "\(file.name) could not be read.")), nil)
            requested += 1
            guard let read else {
                // The bytes are the ones the entry was made from: kept under the new stamp.
                if let stamp = file.stamp, var same = entries[file.name] {
                    same.stamp = stamp
                    same.settled = isSettled(stamp)
                    fresh.entries[file.name] = same
                    listed.append((file.name, same))
                } else {
                    listed.append((file.name, Entry(stamp: file.stamp ?? .unknown, problem: "could not be read")))
                }
                continue
            }
            let (result, sum) = read
            readCount += 1
            var entry: Entry
            switch result {
            case .success(let summary):
                entry = Entry(stamp: file.stamp ?? .unknown, summary: summary)
            case .failure(let error):
                entry = Entry(stamp: file.stamp ?? .unknown, problem: Self.reason(error))
            }
            if let stamp = file.stamp, let sum {
                entry.checksum = sum
                entry.settled = isSettled(stamp)
                fresh.entries[file.name] = entry
            }
            listed.append((file.name, entry))
        }
        return (fresh, listed, readCount)
    }

    /// True when the file's last change was at least `settle` seconds before `now`: its entry is then
    /// trusted on its stamp alone while the stamp is unchanged.
    static func isSettled(_ stamp: FileStamp, now: Date, settle: TimeInterval) -> Bool {
        Double(stamp.changedSeconds) + Double(stamp.changedNanoseconds) / 1e9 < now.timeIntervalSince1970 - settle
    }

    /// A 64-bit hash of some bytes, read eight at a time: cheap, and enough to tell two versions of a file
    /// apart. Each word goes through a bijective step (xor, odd multiply, xor-shift) of one of two lanes, so
    /// a change confined to one 8-byte word always changes the hash; the length is mixed in last.
    public static func checksum(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var first: UInt64 = 0x243F_6A88_85A3_08D3
        var second: UInt64 = 0x1319_8A2E_0370_7344
        func step(_ lane: inout UInt64, _ word: UInt64) {
            lane = (lane ^ word) &* multiplier
            lane ^= lane >> 29
        }
        let count = buffer.count
        var offset = 0
        while offset + 16 <= count {
            step(&first, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            step(&second, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            offset += 16
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            if shift == 64 {
                step(&first, tail)
                tail = 0
                shift = 0
            }
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        step(&second, tail)
        step(&first, UInt64(count))
        let spread = second &* 0xBF58_476D_1CE4_E5B9
        var hash = first ^ (spread << 31 | spread >> 33)
        hash = (hash ^ (hash >> 30)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    /// A one-line reason a session file could not be read: the message and the first problem.
    static func reason(_ error: StepChangeError) -> String {
        var text = error.message
        if let first = error.problems.first {
            text += " " + ([first.location, first.message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": "))
            if error.problems.count > 1 { text += " (and \(error.problems.count - 1) more)" }
        }
        return text
    }
}
