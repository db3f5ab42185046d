import Foundation

/// Writes a session file's bytes — exactly `CanonicalJSON.bytes(session, newline: true)` — fast enough to
/// save after every answer: the large parts (framework, assessments, plans and their actions, the
/// assessment order) are written by hand (`SessionWriter+Parts`), the small rest by `CanonicalJSON`, and
/// the bytes of every part that is *the very same value* as at the previous save are reused.
///
/// "The very same value" is decided by storage identity, never by `==` (which calls two texts equal that
/// differ only in Unicode normalisation, though their bytes differ): a text or array is the same when it
/// points at the same storage, which the cache keeps alive, so it cannot have been changed or reused —
/// Swift copies shared storage before any change. Numbers, dates and flags are compared by value, as they
/// encode the same whenever they are equal. A part that is not provably the same is written again.
final class SessionWriter: @unchecked Sendable {
    static let shared = SessionWriter()

    /// Whose turn it is to use the remembered parts: one save at a time, or the warm-up `warmUp` starts.
    /// A semaphore rather than a lock, because a warm-up's turn is taken on the thread that asks for it
    /// (so every later save waits for it) and given back on the thread that does the work.
    private let turn = DispatchSemaphore(value: 1)
    private var framework: (value: Framework, bytes: RememberedBytes)?
    private var assessments = Parts<ItemAssessment>()
    private var plans = Parts<OutcomePlan>()
    private var planActions: [Parts<Action>] = []
    private var carriedForward = Parts<Action>()
    private var order: (value: [String], bytes: [UInt8])?
    private var participants: (value: [Participant], bytes: [UInt8])?
    private var statements: (value: [ImprovementStatement], bytes: [UInt8])?
    private var votes: (value: [Vote], bytes: [UInt8])?
    private var survey: (value: Survey, bytes: [UInt8])?
    private var deviceScores: (value: [DeviceScores], bytes: [UInt8])?
    private var lastSize = 0

    /// The session's file bytes, ending in a line feed.
    func bytes(_ session: Session) throws -> [UInt8] {
        try file(session).joined()
    }

    /// The same bytes, the remembered parts left where they are (see `SessionFileBytes`).
    func file(_ session: Session) throws -> SessionFileBytes {
        turn.wait()
        defer { turn.signal() }
        return try fileInTurn(session)
    }

    /// Remembers the parts of a session being loaded, on another core, so that the first save after
    /// loading writes again only what has changed since, as every later save does. The warm-up's thread is
    /// started now, before the session it will remember has been read, and waits for it: a second core can
    /// take a millisecond or more to start running a new thread, which then passes while the file is read
    /// and parsed instead of after. The turn is taken before this returns, so a save asked for afterwards
    /// waits until the warm-up is done and then sees all it remembered; the bytes it writes are the same
    /// either way (see the type's comment). Give the warm-up each large part as soon as it is read (`partRead`: it remembers it while
    /// the rest of the file is read), then the session with `start`, or `abandon` it if there is none.
    func warmUp() -> WarmUp {
        turn.wait()
        let warmUp = WarmUp()
        // A thread of its own, started at once (Dispatch's pool may start its first worker only later).
        Thread.detachNewThread {
            defer { self.turn.signal() }
            while true {
                switch warmUp.next() {
                case .part(.assessments(let values)): self.updateAssessments(values)
                case .part(.framework(let value)): self.updateFramework(value)
                case .part(.plans(let values)): self.updatePlans(values)
                case .session(let session): _ = try? self.fileInTurn(session); return
                case .nothing: return
                }
            }
        }
        return warmUp
    }

    /// What a warm-up started by `warmUp()` is given, in order: the large parts of the session as they
    /// are read, then the session, or nothing.
    final class WarmUp: @unchecked Sendable {
        fileprivate enum Handover {
            case part(SessionReader.Part)
            case session(Session)
            case nothing
        }

        private let given = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var waiting: [Handover] = []
        /// Set once the session or nothing has been given (only by the thread that called `warmUp()`).
        private var ended = false

        /// Gives the waiting thread a large part of the session, just read, to remember while the rest of
        /// the file is read. It is reused for the session only where it holds the very same values.
        func partRead(_ part: SessionReader.Part) {
            guard !ended else { return }
            hand(.part(part))
        }

        /// Gives the waiting thread the session to remember (from the thread that called `warmUp()`).
        func start(_ session: Session) {
            guard !ended else { return }
            ended = true
            hand(.session(session))
        }

        /// Lets the waiting thread go with nothing more to do, giving the writer's turn back; nothing once
        /// started.
        func abandon() {
            guard !ended else { return }
            ended = true
            hand(.nothing)
        }

        private func hand(_ handover: Handover) {
            lock.lock()
            waiting.append(handover)
            lock.unlock()
            given.signal()
        }

        /// Waits for the next thing given (on the warm-up's thread).
        fileprivate func next() -> Handover {
            given.wait()
            lock.lock()
            defer { lock.unlock() }
            return waiting.removeFirst()
        }
    }

    /// Waits until a warm-up started by `warmUp` is done (for tests).
    func settle() {
        turn.wait()
        turn.signal()
    }

    /// `file`, once this caller has the turn.
    private func fileInTurn(_ session: Session) throws -> SessionFileBytes {
        let out = CanonicalBytes(capacity: max(16 * 1024, lastSize + lastSize / 8))
        var file = SessionFileBytes()
        try write(session, to: out, placing: &file.parts)
        out.byte(UInt8(ascii: "\n"))
        lastSize = out.count
        file.own = out.bytes
        return file
    }

    /// Forgets every remembered part (for tests: the next write starts from nothing).
    func forget() {
        turn.wait()
        defer { turn.signal() }
        framework = nil
        assessments = Parts()
        plans = Parts()
        planActions = []
        carriedForward = Parts()
        order = nil
        participants = nil
        statements = nil
        votes = nil
        survey = nil
        deviceScores = nil
    }

    /// Writes the session into `out`, placing remembered parts (by their position in `out`) in `placed`.
    private func write(_ session: Session, to out: CanonicalBytes, placing placed: inout [(ownEnd: Int, part: RememberedBytes)]) throws {
        let indent = 0
        out.openObject()
        var first = true
        if let cursor = session.assessmentCursor {
            out.key("assessmentCursor", indent, &first)
            out.write(cursor, order: orderBytes(cursor.order), indent + 2)
        }
        out.key("assessments", indent, &first)
        updateAssessments(session.assessments)
        Self.place(assessments.bytes, indent + 2, in: out, placing: &placed)
        if let actions = session.carriedForwardActions {
            out.key("carriedForwardActions", indent, &first)
            carriedForward.update(actions) { $0.write($1, indent + 4) }
            Self.place(carriedForward.bytes, indent + 2, in: out, placing: &placed)
        }
        out.key("createdAt", indent, &first); out.date(session.createdAt)
        out.key("date", indent, &first); out.string(session.date)
        out.key("description", indent, &first); out.string(session.description)
        if let scores = session.deviceScores {
            out.key("deviceScores", indent, &first)
            out.raw(try Self.generic(scores, cached: &deviceScores, indent + 2))
        }
        out.key("facilitator", indent, &first); out.string(session.facilitator)
        out.key("framework", indent, &first)
        placed.append((out.count, updateFramework(session.framework)))
        out.key("id", indent, &first); out.string(session.id)
        out.key("participants", indent, &first)
        out.raw(Self.array(session.participants, cached: &participants, indent + 2) { $0.write($1, $2) })
        out.key("partnership", indent, &first); out.string(session.partnership)
        out.key("planned", indent, &first); out.strings(session.planned, indent + 2)
        if let cursor = session.planningCursor {
            out.key("planningCursor", indent, &first)
            try Self.generic(cursor, indent + 2, to: out)
        }
        out.key("plans", indent, &first)
        updatePlans(session.plans)
        Self.place(plans.bytes, indent + 2, in: out, placing: &placed)
        if let previous = session.previousConsensus {
            out.key("previousConsensus", indent, &first)
            out.dictionary(previous, indent + 2) { out, number, _ in out.int(number) }
        }
        if let previous = session.previousSessionID { out.key("previousSessionID", indent, &first); out.string(previous) }
        if let retired = session.retiredStatementIDs { out.key("retiredStatementIDs", indent, &first); out.strings(retired, indent + 2) }
        if let progress = session.reviewProgress {
            out.key("reviewProgress", indent, &first)
            try Self.generic(progress, indent + 2, to: out)
        }
        out.key("schemaVersion", indent, &first); out.int(session.schemaVersion)
        out.key("settings", indent, &first); out.write(session.settings, indent + 2)
        out.key("stage", indent, &first); out.string(session.stage.rawValue)
        out.key("statements", indent, &first)
        out.raw(Self.array(session.statements, cached: &statements, indent + 2) { $0.write($1, $2) })
        if let cursor = session.statementsCursor {
            out.key("statementsCursor", indent, &first)
            try Self.generic(cursor, indent + 2, to: out)
        }
        if let survey = session.survey {
            out.key("survey", indent, &first)
            if let cached = self.survey, Self.sameStorage(cached.value, survey) {
                out.raw(cached.bytes)
            } else {
                var bytes: [UInt8] = []
                try CanonicalJSON.append(survey, indent: indent + 2, to: &bytes)
                self.survey = (survey, bytes)
                out.raw(bytes)
            }
        }
        if let order = session.tieBreakOrder { out.key("tieBreakOrder", indent, &first); out.strings(order, indent + 2) }
        out.key("title", indent, &first); out.string(session.title)
        out.key("updatedAt", indent, &first); out.date(session.updatedAt)
        out.key("votes", indent, &first)
        out.raw(Self.array(session.votes, cached: &votes, indent + 2) { $0.write($1, $2) })
        out.closeObject(indent)
    }

    /// Brings the remembered assessments up to `values`, each written at indent 4 (in the top-level array).
    private func updateAssessments(_ values: [ItemAssessment]) {
        assessments.update(values) { $0.write($1, 4) }
    }

    /// The framework's bytes (written at indent 2, a top-level field), remembered while it is the same.
    @discardableResult
    private func updateFramework(_ value: Framework) -> RememberedBytes {
        if let framework, Self.same(framework.value, value) { return framework.bytes }
        let part = CanonicalBytes(capacity: framework?.bytes.buffer.count ?? 16 * 1024)
        part.write(value, 2)
        let length = part.count
        let bytes = RememberedBytes(part.handOver(), 0..<length)
        framework = (value, bytes)
        return bytes
    }

    /// The assessment cursor's item order (as long as the framework), written at indent 4.
    private func orderBytes(_ items: [String]) -> [UInt8] {
        Self.array(items, cached: &order, 4) { out, text, _ in out.string(text) }
    }

    /// Plans written at indent 4 (in the top-level array), each reused whole when it is the same, else
    /// rewritten reusing the bytes of its actions that are the same as the action at the same place before.
    private func updatePlans(_ values: [OutcomePlan]) {
        let indent = 4
        if planActions.count > values.count { planActions.removeLast(planActions.count - values.count) }
        while planActions.count < values.count { planActions.append(Parts()) }
        plans.update(values) { out, plan, index in
            self.planActions[index].update(plan.actions) { $0.write($1, indent + 4) }
            out.write(plan, actions: self.planActions[index].bytes, indent)
        }
    }

    /// Values remembered with their bytes, by place in an array.
    struct Parts<Value: RememberedPart> {
        var values: [Value] = []
        var bytes: [RememberedBytes] = []

        /// Brings the parts up to `new`: a part stays (bytes and all) where the value at its place is the
        /// same, and is written anew where it is not. Changed in place, so an unchanged save copies nothing.
        /// The parts written anew are written one after another into one buffer, which they then share.
        mutating func update(_ new: [Value], write: (CanonicalBytes, Value, Int) -> Void) {
            if values.count > new.count {
                values.removeLast(values.count - new.count)
                bytes.removeLast(bytes.count - new.count)
            }
            var out: CanonicalBytes?
            var written: [(index: Int, range: Range<Int>)] = []
            for index in new.indices {
                if index < values.count, Value.isSame(values[index], new[index]) { continue }
                // Room for the part it replaces and a little more, or (nothing remembered yet: the first
                // save) a kilobyte for each part still to come; the buffer grows in place past that.
                let part = out ?? CanonicalBytes(capacity: index < bytes.count ? bytes[index].buffer.count + 256 : 1024 * (new.count - index))
                out = part
                let start = part.count
                write(part, new[index], index)
                written.append((index, start..<part.count))
                if index < values.count { values[index] = new[index] } else { values.append(new[index]) }
            }
            guard let out else { return }
            let storage = out.handOver()
            for (index, range) in written {
                if index < bytes.count { bytes[index] = RememberedBytes(storage, range) } else { bytes.append(RememberedBytes(storage, range)) }
            }
        }

        mutating func update(_ new: [Value], write: (CanonicalBytes, Value) -> Void) {
            update(new) { out, value, _ in write(out, value) }
        }
    }

    /// An array of remembered parts written at `indent`, as `CanonicalBytes.array` lays it out, each part
    /// placed (not copied) where its element stands.
    private static func place(_ parts: [RememberedBytes], _ indent: Int, in out: CanonicalBytes,
                              placing placed: inout [(ownEnd: Int, part: RememberedBytes)]) {
        out.raw("[\n")
        for (index, part) in parts.enumerated() {
            if index > 0 { out.raw(",\n") }
            out.spaces(indent + 2)
            placed.append((out.count, part))
        }
        out.byte(UInt8(ascii: "\n"))
        out.spaces(indent)
        out.byte(UInt8(ascii: "]"))
    }

    /// An array written by hand at `indent` (as `CanonicalBytes.array` lays it out), reused while its
    /// storage is the same.
    private static func array<Value>(_ values: [Value], cached: inout (value: [Value], bytes: [UInt8])?, _ indent: Int,
                                     _ element: (CanonicalBytes, Value, Int) -> Void) -> [UInt8] {
        if let cached, sameStorage(cached.value, values) { return cached.bytes }
        let part = CanonicalBytes(capacity: max(1024, values.count * 16))
        part.array(values, indent, element)
        let bytes = part.bytes
        cached = (values, bytes)
        return bytes
    }

    /// A part left to `CanonicalJSON`, written at `indent`.
    private static func generic<Value: Encodable>(_ value: Value, _ indent: Int, to out: CanonicalBytes) throws {
        var bytes: [UInt8] = []
        try CanonicalJSON.append(value, indent: indent, to: &bytes)
        out.raw(bytes)
    }

    /// A part left to `CanonicalJSON`, reused while its storage is the same.
    private static func generic<Value: Encodable>(_ value: Value, cached: inout (value: Value, bytes: [UInt8])?, _ indent: Int) throws -> [UInt8] {
        if let cached, sameStorage(cached.value, value) { return cached.bytes }
        var bytes: [UInt8] = []
        try CanonicalJSON.append(value, indent: indent, to: &bytes)
        cached = (value, bytes)
        return bytes
    }
}
