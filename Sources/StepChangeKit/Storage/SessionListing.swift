import Foundation

/// Every file in a sessions directory as the `sessions` command lists it: the sessions newest first,
/// then the files that could not be read, each with its reason. Built through the `SessionIndex`
/// so only new or changed files are decoded, those on every core at once.
public struct SessionListing: Sendable {
    /// A session file and its summary.
    public struct Listed: Sendable {
        public var file: String
        public var summary: SessionSummary
    }

    /// A file that is not a readable session, and why.
    public struct Unreadable: Sendable {
        public var file: String
        public var reason: String
    }

    /// Sessions, newest first (by date, then id).
    public var sessions: [Listed]
    public var unreadable: [Unreadable]
    /// How many files had to be decoded because the index had no valid entry for them.
    public var decodedCount: Int

    /// Lists the sessions directory of `store`, reading and updating its index. The index is
    /// rewritten (atomically) only when it changed; an unwritable directory just means no cache.
    public static func list(_ store: SessionStore, now: Date = Date(), settle: TimeInterval = 1) throws(StepChangeError) -> SessionListing {
        try list(store, now: now, settle: settle) { requests, read in readConcurrently(requests, read) }
    }

    /// The listing with the files to read handed to `readAll` with the function that reads one: tests
    /// compare the concurrent reader with `requests.map(read)`, one file at a time.
    static func list(_ store: SessionStore, now: Date, settle: TimeInterval,
                     readAll: ([SessionIndex.Request], @escaping @Sendable (SessionIndex.Request) -> SessionIndex.Read?) -> [SessionIndex.Read?]) throws(StepChangeError) -> SessionListing {
        let names = try store.sessionFileNames()
        let indexURL = store.directory.appendingPathComponent(SessionIndex.fileName)
        let index = SessionIndex.decode(try? BoundedFile.read(indexURL.path, limit: SessionStore.maximumFileSize).get())
        let directory = store.directory.path + "/"
        let stamped = names.map { (name: $0, stamp: FileStamp(path: directory + $0)) }
        let (fresh, entries, readCount) = index.refreshed(files: stamped, now: now, settle: settle) { requests in
            readAll(requests) { summarise(directory: directory, request: $0) }
        }
        if fresh != index {
            DurableFile.removeLeftovers(of: indexURL)
            try? DurableFile.write(fresh.encoded(), to: indexURL)
        }
        var sessions: [Listed] = []
        var unreadable: [Unreadable] = []
        for (name, entry) in entries {
            if let summary = entry.summary {
                sessions.append(Listed(file: name, summary: summary))
            } else {
                unreadable.append(Unreadable(file: name, reason: entry.problem ?? "could not be read"))
            }
        }
        sessions.sort { ($0.summary.date, $0.summary.id) > ($1.summary.date, $1.summary.id) }
        return SessionListing(sessions: sessions, unreadable: unreadable, decodedCount: readCount)
    }

    /// Reads, decodes, validates and summarises one session file, with the checksum of its bytes (which
    /// lets a copied archive's index be reused); the bytes are let go on return. Nil, without decoding,
    /// when the bytes hash to the request's known checksum: its index entry still holds.
    static func summarise(directory: String, request: SessionIndex.Request) -> SessionIndex.Read? {
        let name = request.name
        let data: Data
        switch BoundedFile.read(directory + name, limit: SessionStore.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            return (.failure(StepChangeError(.input, BoundedFile.message(failure, name: name, what: "a session file", limit: SessionStore.maximumFileSize))), nil)
        }
        let sum = SessionIndex.checksum(data)
        if request.knownChecksum != 0, sum == request.knownChecksum { return nil }
        do throws(StepChangeError) {
            let session = try SessionCodec.decode(data, source: name)
            try SessionStore.checkName(of: session, fileName: name, source: name)
            return (.success(SessionSummary(session: session)), sum)
        } catch {
            return (.failure(error), sum)
        }
    }

    /// `read` applied to every request, on as many threads as the machine has cores, each result put in the
    /// name's place. Each thread holds one file's bytes at a time, so memory stays flat however many files.
    static func readConcurrently(_ requests: [SessionIndex.Request], _ read: @escaping @Sendable (SessionIndex.Request) -> SessionIndex.Read?) -> [SessionIndex.Read?] {
        let unread: SessionIndex.Read = (.failure(StepChangeError(.input, "could not be read")), nil)
        var results = [SessionIndex.Read?](repeating: unread, count: requests.count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            nonisolated(unsafe) let slots = base
            DispatchQueue.concurrentPerform(iterations: requests.count) { index in
                // Each index is written by exactly one iteration, and read only after all have finished.
                slots[index] = read(requests[index])
            }
        }
        return results
    }
}
