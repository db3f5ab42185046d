import Foundation

/// Every file in a sessions directory as the `sessions` command lists it: the sessions newest first,
/// then the files that could not be read, each with its reason. Built through the `SessionIndex`
/// so only new or changed files are decoded.
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
        let names = try store.sessionFileNames()
        let indexURL = store.directory.appendingPathComponent(SessionIndex.fileName)
        let index = SessionIndex.decode(try? BoundedFile.read(indexURL.path, limit: SessionStore.maximumFileSize).get())
        let directory = store.directory.path + "/"
        let stamped = names.map { (name: $0, stamp: FileStamp(path: directory + $0)) }
        let (fresh, entries, readCount) = index.refreshed(files: stamped, now: now, settle: settle) { name in
            (try? BoundedFile.read(directory + name, limit: SessionStore.maximumFileSize).get()).map(SessionIndex.checksum)
        } read: { name in
            let data: Data
            switch BoundedFile.read(directory + name, limit: SessionStore.maximumFileSize) {
            case .success(let bytes): data = bytes
            case .failure(.unreadable):
                return (.failure(StepChangeError(.input, "\(name) cannot be read (check its permissions).")), nil)
            case .failure(let failure):
                return (.failure(StepChangeError(.input, BoundedFile.message(failure, name: name, what: "a session file", limit: SessionStore.maximumFileSize))), nil)
            }
            do throws(StepChangeError) {
                let session = try SessionCodec.decode(data, source: name)
                try SessionStore.checkName(of: session, fileName: name, source: name)
                return (.success(SessionSummary(session: session)), SessionIndex.checksum(data))
            } catch {
                return (.failure(error), SessionIndex.checksum(data))
            }
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
}
