import Foundation
import StepChangeKit

/// The room's routes: maps each request to a page or to an event on the session, and nothing else
/// answers. It never owns the session: the caller passes the current one and an `update` that takes
/// a changed one into memory; the reply to a change waits for the server's save (`HTTPReply.afterSave`),
/// so a device is told "saved" only after the file holds it. Identity comes only from the device
/// cookie; the join code gates claiming a name.
public final class Room {
    /// Routes that answer, and the methods each accepts.
    public static let routes: [String: Set<String>] = [
        "/": ["GET", "HEAD"], "/join": ["POST"], "/claim": ["POST"], "/p": ["GET", "HEAD"], "/score": ["POST"],
        "/vote": ["POST"], "/leave": ["POST"], "/screen": ["GET", "HEAD"], "/v": ["GET", "HEAD"],
    ]
    public static let cookieName = "stepchange_device"

    public let joinCode: String
    public private(set) var devices: DeviceRegistry
    /// Addresses phones can use, e.g. http://192.168.1.20:8765 — the first is shown on the projector
    /// when it is opened through the loopback address.
    public var baseURLs: [String]
    /// Goes up whenever the session or the devices change; pages reload when it differs from theirs.
    public private(set) var version = 1

    public init(joinCode: String, devices: DeviceRegistry, baseURLs: [String]) {
        self.joinCode = joinCode
        self.devices = devices
        self.baseURLs = baseURLs
    }

    /// Marks that the session changed, so open pages reload.
    public func noteChange() { version += 1 }

    /// The link a phone opens (or scans) to join: the join code is part of it.
    public func joinLink(base: String) -> String { "\(base)/j/\(joinCode)" }

    /// Frees a participant's name for another device (the facilitator's `release NAME`).
    public func release(_ participantID: String, save: (DeviceRegistry) -> Bool) -> Bool {
        var next = devices
        guard next.release(participantID), save(next) else { return false }
        devices = next
        version += 1
        return true
    }

    public func respond(to request: HTTPRequest, session: Session, now: Date,
                        update: (Session) -> Void, saveDevices: (DeviceRegistry) -> Bool) -> HTTPReply {
        let path = request.path
        switch path {
        case "/score", "/vote":
            guard request.method == "POST", Self.isAllowedHost(request.header("host")),
                  let participant = device(of: request, in: session) else { break }
            return change(request, participant: participant, session: session, now: now, update: update)
        default:
            break
        }
        return .response(page(for: request, session: session, now: now, saveDevices: saveDevices))
    }

    private func page(for request: HTTPRequest, session: Session, now: Date, saveDevices: (DeviceRegistry) -> Bool) -> HTTPResponse {
        guard Self.isAllowedHost(request.header("host")) else {
            return .text("Open the room by the address shown by the facilitator.", status: 400)
        }
        let path = request.path
        if path.hasPrefix("/j/"), request.method == "GET" || request.method == "HEAD" {
            return joinPage(code: String(path.dropFirst(3)), request: request, session: session)
        }
        guard let methods = Self.routes[path] else { return .text("Not found.", status: 404) }
        guard methods.contains(request.method) else {
            var response = HTTPResponse.text("Method not allowed.", status: 405)
            response.headers.append(("Allow", methods.sorted().joined(separator: ", ")))
            return response
        }
        let participant = device(of: request, in: session)
        switch path {
        case "/":
            return participant == nil ? .html(ParticipantPages.joinCode(error: nil, version: version)) : .redirect("/p")
        case "/v":
            return .text(String(version), status: 200)
        case "/screen":
            return .html(ScreenPage.render(session, joinURL: screenJoinLink(host: request.header("host")), joinCode: joinCode, now: now, version: version))
        case "/join":
            let code = FormData(request.body)?["code"].map(Self.normalisedCode) ?? ""
            guard code == joinCode else {
                return .html(ParticipantPages.joinCode(error: "That join code is not right; check the screen and try again.", version: version), status: 403)
            }
            return .redirect("/j/\(code)")
        case "/claim":
            return claim(request, session: session, saveDevices: saveDevices)
        case "/leave":
            if let participant {
                var next = devices
                next.release(participant.id)
                if saveDevices(next) { devices = next; version += 1 }
            }
            return .redirect("/", headers: [("Set-Cookie", "\(Self.cookieName)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")])
        default:
            break
        }
        guard let participant, path == "/p" else { return .redirect("/") }
        let changing = FormData(request.query)?["change"] == "1"
        return .html(ParticipantPages.current(session, participant: participant, notice: nil, changing: changing, now: now, version: version))
    }

    /// A device's change taken, or the page that says why not.
    private enum Change {
        case accepted(Session)
        case refused(HTTPResponse)
    }

    /// A score or votes from a device: refused at once, or taken into memory with the reply waiting for the save.
    private func change(_ request: HTTPRequest, participant: Participant, session: Session, now: Date, update: (Session) -> Void) -> HTTPReply {
        let outcome = request.path == "/score" ? score(request, participant: participant, session: session, now: now)
                                               : vote(request, participant: participant, session: session, now: now)
        switch outcome {
        case .refused(let response):
            return .response(response)
        case .accepted(let next):
            update(next)
            let what = request.path == "/score" ? "Your score" : "Your votes"
            return .afterSave(saved: .redirect("/p"),
                              notSaved: page(session, participant, notice: "\(what) could not be saved on the facilitator's laptop. Try again.", now: now, status: 503))
        }
    }

    // MARK: - Routes

    private func joinPage(code: String, request: HTTPRequest, session: Session) -> HTTPResponse {
        guard Self.normalisedCode(code) == joinCode else {
            return .html(ParticipantPages.joinCode(error: "That join link is from another workshop or run; type the code on the screen.", version: version), status: 403)
        }
        if device(of: request, in: session) != nil { return .redirect("/p") }
        return .html(ParticipantPages.names(session, code: joinCode, claimed: devices.claimed, error: nil, version: version))
    }

    private func claim(_ request: HTTPRequest, session: Session, saveDevices: (DeviceRegistry) -> Bool) -> HTTPResponse {
        guard let form = FormData(request.body), Self.normalisedCode(form["code"] ?? "") == joinCode else {
            return .html(ParticipantPages.joinCode(error: "The join code is missing or not right.", version: version), status: 403)
        }
        guard let id = form["participant"], let participant = session.participants.first(where: { $0.id == id }) else {
            return .html(ParticipantPages.names(session, code: joinCode, claimed: devices.claimed, error: "Choose your name from the list.", version: version), status: 400)
        }
        let existing = request.cookies[Self.cookieName].flatMap { devices.devices[$0] == nil ? nil : $0 }
        let token = existing ?? DeviceRegistry.newToken()
        var next = devices
        if let existing { next.devices[existing] = nil }
        guard next.claim(participant.id, token: token) else {
            return .html(ParticipantPages.names(session, code: joinCode, claimed: devices.claimed,
                                                error: "\(participant.name) has already joined on another device. If that is wrong, ask the facilitator to release the name.", version: version), status: 409)
        }
        guard saveDevices(next) else { return .text("Joining could not be saved on the facilitator's laptop; try again.", status: 503) }
        devices = next
        version += 1
        return .redirect("/p", headers: [("Set-Cookie", "\(Self.cookieName)=\(token); HttpOnly; SameSite=Strict; Path=/; Max-Age=86400")])
    }

    private func score(_ request: HTTPRequest, participant: Participant, session: Session, now: Date) -> Change {
        guard let form = FormData(request.body), let item = form["item"], let round = form["round"].flatMap({ Int($0) }),
              let typed = form["score"] else {
            return .refused(page(session, participant, notice: "Tap one of the score buttons.", now: now, status: 400))
        }
        let score: Score
        if typed == "dont-know" {
            score = .dontKnow
        } else if let value = Int(typed) {
            score = .value(value)
        } else {
            return .refused(page(session, participant, notice: "That is not a score.", now: now, status: 400))
        }
        switch RoomScoring.submit(score, comment: form["comment"], by: participant.id, itemID: item, round: round, to: session, now: now) {
        case .success(let next): return .accepted(next)
        case .failure(let refusal): return .refused(page(session, participant, notice: refusal.message, now: now, status: 409))
        }
    }

    private func vote(_ request: HTTPRequest, participant: Participant, session: Session, now: Date) -> Change {
        guard let form = FormData(request.body) else { return .refused(page(session, participant, notice: "The votes could not be read.", now: now, status: 400)) }
        var counts: [String: Int] = [:]
        for (name, value) in form.fields {
            guard let count = Int(value) else { return .refused(page(session, participant, notice: "Votes must be whole numbers.", now: now, status: 400)) }
            counts[name, default: 0] += count
        }
        switch RoomScoring.vote(counts, by: participant.id, in: session, now: now) {
        case .success(let next): return .accepted(next)
        case .failure(let refusal): return .refused(page(session, participant, notice: refusal.message, now: now, status: 409))
        }
    }

    private func page(_ session: Session, _ participant: Participant, notice: String, now: Date, status: Int) -> HTTPResponse {
        .html(ParticipantPages.current(session, participant: participant, notice: notice, changing: true, now: now, version: version), status: status)
    }

    // MARK: - Identity and addresses

    private func device(of request: HTTPRequest, in session: Session) -> Participant? {
        guard let id = devices.participant(for: request.cookies[Self.cookieName]) else { return nil }
        return session.participants.first { $0.id == id }
    }

    private func screenJoinLink(host: String?) -> String? {
        if let host, !Self.isLoopback(host) { return joinLink(base: "http://" + host) }
        return baseURLs.first.map(joinLink(base:))
    }

    static func normalisedCode(_ code: String) -> String {
        code.trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// Only IP literals and localhost are accepted as Host, so a web page elsewhere cannot reach the
    /// room under a domain name of its own (DNS rebinding).
    static func isAllowedHost(_ host: String?) -> Bool {
        guard let host, !host.isEmpty, host.count <= 64 else { return false }
        var name = host
        if name.hasPrefix("[") {
            guard let end = name.firstIndex(of: "]") else { return false }
            let rest = name[name.index(after: end)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return false }
            return name[name.index(after: name.startIndex)..<end].allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        if let colon = name.lastIndex(of: ":") {
            guard name[name.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
            name = String(name[..<colon])
        }
        if name.lowercased() == "localhost" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && !part.isEmpty && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true }
    }

    static func isLoopback(_ host: String) -> Bool {
        host.hasPrefix("127.") || host.hasPrefix("localhost") || host.hasPrefix("[::1]")
    }
}
