import Foundation

/// The listing cache kept in the sessions directory (`.stepchange-index.json`): one summary (or the
/// reason a file could not be read) per session file, each valid only while the file's stamp —
/// size, inode, modification and change times to the nanosecond — is unchanged. A file changed less
/// than a second ago is never cached, so two same-size writes inside one file-system clock tick
/// (which can be coarser than a nanosecond) cannot fool it. Reasons name the file, not its directory.
public struct SessionIndex: Equatable, Sendable {
    /// The index file's name inside the sessions directory.
    public static let fileName = ".stepchange-index.json"
    /// Bumped whenever `SessionSummary` or the way it is extracted changes, so old caches are dropped.
    public static let currentFormat = 1

    /// What was learned from one file at one stamp.
    public struct Entry: Equatable, Sendable {
        public var stamp: FileStamp
        public var summary: SessionSummary?
        public var problem: String?

        public init(stamp: FileStamp, summary: SessionSummary? = nil, problem: String? = nil) {
            self.stamp = stamp
            self.summary = summary
            self.problem = problem
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

    /// Brings the index up to date with the files present: entries whose stamp still matches are
    /// reused, every other file is read with `read`, and entries of vanished files are dropped.
    /// Files whose status changed less than `settle` seconds before `now` are read but not kept.
    /// Returns the fresh index, one entry per file (in the order given) and how many files were read.
    public func refreshed(files: [(name: String, stamp: FileStamp?)], now: Date, settle: TimeInterval = 1,
                          read: (String) -> Result<SessionSummary, StepChangeError>) -> (index: SessionIndex, entries: [(name: String, entry: Entry)], readCount: Int) {
        var fresh = SessionIndex()
        var listed: [(String, Entry)] = []
        var readCount = 0
        for file in files {
            if let stamp = file.stamp, let cached = entries[file.name], cached.stamp == stamp {
                fresh.entries[file.name] = cached
                listed.append((file.name, cached))
                continue
            }
            readCount += 1
            let entry: Entry
            switch read(file.name) {
            case .success(let summary):
                entry = Entry(stamp: file.stamp ?? .unknown, summary: summary)
            case .failure(let error):
                entry = Entry(stamp: file.stamp ?? .unknown,
                              problem: Self.reason(error))
            }
            listed.append((file.name, entry))
            if let stamp = file.stamp, Double(stamp.changedSeconds) + Double(stamp.changedNanoseconds) / 1e9 < now.timeIntervalSince1970 - settle {
                fresh.entries[file.name] = entry
            }
        }
        return (fresh, listed, readCount)
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
