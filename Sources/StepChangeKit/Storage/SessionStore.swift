import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory of session files (`Sessions/` by default): finds a session by id, unique id prefix
/// or path, loads it with readable errors, saves it durably, and hands out locks.
public struct SessionStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// The file a session with this id lives in.
    public func url(for id: String) -> URL {
        directory.appendingPathComponent(id + ".json")
    }

    /// Session files in the directory, sorted by name (ids begin with the date).
    public func sessionFiles() throws(StepChangeError) -> [URL] {
        try sessionFileNames().map { directory.appendingPathComponent($0) }
    }

    /// The names of the session files in the directory, sorted (no URLs built, for fast listing).
    public func sessionFileNames() throws(StepChangeError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw StepChangeError(.input, "Cannot read the sessions directory \(directory.path).",
                                  hint: "Create it, or point --sessions (or STEPCHANGE_SESSIONS) at the right place.")
        }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    /// Finds the file for a session reference: a path to a file, an exact id, a unique start of an id, or
    /// failing that a unique part of one (`test-workshop` finds `2026-11-25-test-workshop`).
    public func resolve(_ reference: String) throws(StepChangeError) -> URL {
        guard !reference.isEmpty else {
            throw StepChangeError(.usage, "The session is empty: give a session id, a unique start of one, or a path to a session file.",
                                  hint: "Run `stepchange sessions` to list the sessions in \(directory.path).")
        }
        let fileManager = FileManager.default
        if reference.contains("/") || reference.hasSuffix(".json") {
            let url = URL(fileURLWithPath: reference)
            guard fileManager.fileExists(atPath: url.path) else {
                throw StepChangeError(.input, "No session file at \(reference).")
            }
            return Self.realFile(url)
        }
        let exact = url(for: reference)
        if fileManager.fileExists(atPath: exact.path) { return Self.realFile(exact) }
        let ids = ((try? sessionFileNames()) ?? []).map { String($0.dropLast(".json".count)) }
        let startMatches = ids.filter { $0.hasPrefix(reference) }
        let matches = startMatches.isEmpty
            ? ids.filter { $0.range(of: reference, options: .caseInsensitive) != nil }
            : startMatches
        if matches.count == 1 { return Self.realFile(url(for: matches[0])) }
        if matches.count > 1 {
            throw StepChangeError(.input, "\"\(reference)\" matches \(matches.count) sessions: \(matches.joined(separator: ", ")).",
                                  hint: "Type more of the id.")
        }
        var hint = "Run `stepchange sessions` to list the sessions in \(directory.path)."
        if let guess = Suggestion.closest(to: reference, among: ids) { hint = "Did you mean \(guess)? " + hint }
        throw StepChangeError(.input, "No session \"\(reference)\" in \(directory.path).", hint: hint)
    }

    /// The file a path reaches when the file itself is a symbolic link: a session reached through a
    /// link is read, locked and saved at its real place, so every path to it shares one file and one
    /// lock, and a save never replaces the link with a copy. (A linked folder needs nothing: the lock
    /// beside the file is then the same file whichever way the folder is reached.)
    public static func realFile(_ url: URL) -> URL {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let resolved = realpath(url.path, nil) else { return url }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }

    /// The largest session file read: hundreds of times a real workshop, small enough that a wrong
    /// file is refused at once instead of filling memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Reads and validates a session file, checking its size before reading and its id against its name.
    /// `preparingToSave`: the caller saves it soon (`run`), so the writer starts remembering its parts at
    /// once, on another core (see `SessionWriter.warmUp`).
    public func load(_ url: URL, preparingToSave: Bool = false) throws(StepChangeError) -> Session {
        // The writer's warm-up thread is started before the file is read, so it is running by the time
        // the session is (see `SessionWriter.warmUp`).
        let warmUp = preparingToSave ? SessionWriter.shared.warmUp() : nil
        defer { warmUp?.abandon() }
        let data: Data
        switch BoundedFile.read(url.path, limit: Self.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            throw StepChangeError(.input, BoundedFile.message(failure, name: url.path, what: "a session file", limit: Self.maximumFileSize),
                                  hint: "Check that this is a session file. It has not been changed.")
        }
        let session = try SessionCodec.decode(consume data, source: url.path, warmUp: warmUp)
        try Self.checkName(of: session, fileName: url.lastPathComponent, source: url.path)
        return session
    }

    /// A session's file is named after its id (`<id>.json`). A copy renamed by hand would otherwise
    /// tell people to resume the original and be listed under the original's id, so it is refused
    /// with the two ways to fix it.
    public static func checkName(of session: Session, fileName: String, source: String) throws(StepChangeError) {
        let name = fileName.hasSuffix(".json") ? String(fileName.dropLast(".json".count)) : fileName
        guard session.id != name else { return }
        throw StepChangeError(.input, "\(source) holds the session \"\(session.id)\", but its file name says \"\(name)\".",
                              problems: [Problem(source: source, location: "id", message: "rename the file to \(session.id).json, or set \"id\" to \"\(name)\" if it is a separate copy")],
                              hint: "If this file is a copy meant as a separate session (a rehearsal, say), set its \"id\" to \"\(name)\". If it was only renamed, rename it back to \(session.id).json. The file has not been changed.")
    }

    /// Resolves and loads a session in one step.
    public func load(_ reference: String) throws(StepChangeError) -> (session: Session, url: URL) {
        let url = try resolve(reference)
        return (try load(url), url)
    }

    /// Saves a session durably to its file.
    /// The file's pieces go to the disk where `SessionWriter` keeps them, in one gathered write.
    public func save(_ session: Session, to url: URL? = nil) throws(StepChangeError) {
        let url = url ?? self.url(for: session.id)
        let file = SessionCodec.encodedFile(session)
        try Self.refuseUnreadable(size: file.count, file: url)
        let result = file.withBuffers { pieces -> Result<Void, StepChangeError> in
            do throws(StepChangeError) {
                return .success(try DurableFile.write(gathering: pieces, to: url))
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// The session's bytes, refused when they would make a file larger than `limit` (the largest file
    /// `load` reads): a save that succeeded but left a session no command can open would lose it all.
    static func readableBytes(of session: Session, file url: URL, limit: Int = maximumFileSize) throws(StepChangeError) -> [UInt8] {
        let bytes = SessionCodec.encodedBytes(session)
        try refuseUnreadable(size: bytes.count, file: url, limit: limit)
        return bytes
    }

    static func refuseUnreadable(size: Int, file url: URL, limit: Int = maximumFileSize) throws(StepChangeError) {
        guard size <= limit else {
            throw StepChangeError(.input, "Could not save \(url.path): the session would be \(BoundedFile.megabytes(Int64(size))), more than the \(BoundedFile.megabytes(Int64(limit))) a session file may hold, so no command could open it again.",
                                  hint: "Nothing was written; the file on disk is as it was. Split the work into smaller sessions, or import a shorter plan.")
        }
    }

    /// Saves a new session under a fresh id made from its date and title, never replacing a session
    /// another process created at the same moment; returns the session with the id it was saved under.
    public func create(_ session: Session) throws(StepChangeError) -> Session {
        var session = session
        repeat {
            session.id = newID(date: session.date, title: session.title)
            DurableFile.removeLeftovers(of: url(for: session.id))
        } while try !DurableFile.create(Data(Self.readableBytes(of: session, file: url(for: session.id))), at: url(for: session.id))
        return session
    }

    /// An id for a new session: its date and a slug of its title, made unique in this directory.
    public func newID(date: String, title: String) -> String {
        let base = date + "-" + Slug.make(title)
        var candidate = base
        var counter = 2
        while FileManager.default.fileExists(atPath: url(for: candidate).path) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    /// Takes the lock of the session stored at this file, then clears temporaries of it left by
    /// processes killed in the middle of a save.
    public func lock(_ url: URL, now: Date) throws(StepChangeError) -> SessionLock {
        let lock = try SessionLock.acquire(at: Self.lockPath(for: url), now: now)
        DurableFile.removeLeftovers(of: url)
        return lock
    }

    public static func lockPath(for url: URL) -> String {
        url.deletingPathExtension().path + ".lock"
    }
}

/// A file-name-safe form of a title: lower-case ASCII letters and digits joined by hyphens.
public enum Slug {
    public static func make(_ title: String, maxLength: Int = 48) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
            if slug.count >= maxLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "session" : slug.lowercased()
    }
}
