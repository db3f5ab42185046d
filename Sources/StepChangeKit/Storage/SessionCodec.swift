import Foundation

/// Reads and writes session files: stable pretty-printed JSON with sorted keys, ISO 8601 dates
/// (written by `SessionWriter`, which reuses the bytes of unchanged parts so saving after every answer is cheap),
/// explicit schema migrations, and decode failures turned into messages naming the field.
public enum SessionCodec {
    /// The session as stored: the exact bytes `save` writes and `export --format json` prints.
    public static func encode(_ session: Session) -> Data {
        Data(encodedBytes(session))
    }

    /// The same bytes as an array, written straight to the file by `SessionStore.save` (no copy into `Data`):
    /// exactly `CanonicalJSON.bytes(session, newline: true)`, written by `SessionWriter`.
    public static func encodedBytes(_ session: Session) -> [UInt8] {
        do {
            return try SessionWriter.shared.bytes(session)
        } catch {
            preconditionFailure("A Session always encodes: \(error)")
        }
    }

    /// The same bytes in pieces, for `SessionStore.save` to write without joining them (see `SessionFileBytes`).
    static func encodedFile(_ session: Session) -> SessionFileBytes {
        do {
            return try SessionWriter.shared.file(session)
        } catch {
            preconditionFailure("A Session always encodes: \(error)")
        }
    }

    /// Decodes a session file, migrating older schema versions and validating what it holds.
    /// The strict reader (`SessionReader`) is tried first: when it accepts the file, JSONDecoder would
    /// have produced the same session; when it steps aside, JSONDecoder decodes as before. `strict: false`
    /// (for tests) skips it. The strict reader steps aside for a name given twice in an object, so only
    /// the JSONDecoder path needs `refuseRepeatedNames`.
    public static func decode(_ data: consuming Data, source: String, strict: Bool = true) throws(StepChangeError) -> Session {
        try decode(data, source: source, strict: strict, warmUp: nil)
    }

    /// `decode`, handing `warmUp` (see `SessionWriter.warmUp`, started by `SessionStore.load` for a command
    /// that saves after every answer) each large part as soon as the strict reader has it and the session as
    /// soon as it is read, before it is validated. The file's bytes are let go of as soon as the strict reader
    /// has read them, so that later allocations can reuse their memory instead of touching new pages.
    static func decode(_ data: consuming Data, source: String, strict: Bool = true, warmUp: SessionWriter.WarmUp?) throws(StepChangeError) -> Session {
        if strict, let session = SessionReader.session(from: data, partRead: warmUp.map { warmUp in { warmUp.partRead($0) } }),
           session.schemaVersion == Session.currentSchemaVersion {
            _ = consume data
            warmUp?.start(session)
            return try validated(session, source: source)
        }
        if let session = try? decoder.decode(Session.self, from: data), session.schemaVersion == Session.currentSchemaVersion {
            try refuseRepeatedNames(in: data, source: source)
            warmUp?.start(session)
            return try validated(session, source: source)
        }
        return try decode(data, source: source, current: Session.currentSchemaVersion, steps: SessionMigrations.steps)
    }

    /// The careful path, taken when the quick decode fails or the file has another schema version (and by
    /// tests with steps of their own): parses the JSON itself to name the line, field or version that is
    /// wrong, then migrates one step at a time.
    static func decode(_ data: Data, source: String, current: Int, steps: [SessionMigration]) throws(StepChangeError) -> Session {
        let root = try JSONValue.parse(data, source: source)
        try refuseRepeatedNames(in: data, source: source)
        guard case .object(let fields) = root else {
            throw StepChangeError(.input, "\(source) is not a session file.",
                                  problems: [Problem(source: source, message: "expected a JSON object, found \(root.kindDescription)")])
        }
        guard case .number(let rawVersion)? = fields["schemaVersion"], let version = Int(exactly: rawVersion) else {
            throw StepChangeError(.input, "\(source) is not a session file.",
                                  problems: [Problem(source: source, location: "schemaVersion", message: "missing or not a whole number")])
        }
        if version > current {
            throw StepChangeError(.input, "\(source) was written by a newer version of stepchange.",
                problems: [Problem(source: source, location: "schemaVersion",
                                   message: "version \(version); this stepchange reads up to version \(current)")],
                hint: "Upgrade stepchange to open it. The file has not been changed.")
        }
        let migrated: Data
        var migratedRoot = root
        if version == current {
            migrated = data
        } else {
            let upgraded = try SessionMigrations.migrate(fields, from: version, to: current, steps: steps, source: source)
            migratedRoot = .object(upgraded)
            do {
                migrated = try JSONEncoder().encode(JSONValue.object(upgraded))
            } catch {
                throw StepChangeError(.input, "\(source) could not be upgraded from schema version \(version): \(error)")
            }
        }
        let session: Session
        do {
            session = try decoder.decode(Session.self, from: migrated)
        } catch let error as DecodingError {
            throw StepChangeError(.input, "\(source) could not be read as a session.",
                                  problems: [DecodingMessage.problem(for: error, root: migratedRoot, source: source)],
                                  hint: "If the file was edited by hand, correct the field named above. The file has not been changed.")
        } catch {
            throw StepChangeError(.input, "\(source) could not be read as a session: \(error)")
        }
        return try validated(session, source: source)
    }

    /// Refuses a file that gives one field twice in an object (see `DuplicateKeys`).
    static func refuseRepeatedNames(in data: Data, source: String) throws(StepChangeError) {
        guard let repeated = DuplicateKeys.first(in: data) else { return }
        throw StepChangeError(.input, "\(source) gives a field twice.", problems: [DuplicateKeys.problem(repeated, source: source)],
                              hint: "If the file was edited by hand, keep one of the two. The file has not been changed.")
    }

    /// The session, once `SessionValidator` finds it consistent with its own framework snapshot.
    static func validated(_ session: Session, source: String) throws(StepChangeError) -> Session {
        let problems = SessionValidator.problems(in: session, source: source)
        guard problems.isEmpty else {
            throw StepChangeError(.input, "\(source) holds data that does not fit its framework (\(problems.count) problem\(problems.count == 1 ? "" : "s")):",
                                  problems: problems,
                                  hint: "If the file was edited by hand, correct the fields named above. The file has not been changed.")
        }
        return session
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
