import Foundation
import StepChangeKit
@testable import StepChangeRoom

/// A session on the built-in framework with three participants and blind scoring, and a room in
/// front of it whose commits and device saves are kept in memory, as the runner would keep them.
final class RoomFixture {
    var session: Session
    let room: Room
    var savedDevices: DeviceRegistry?
    var failSaves = false
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    init(scoring: ScoringMode = .blind) {
        var session = Session(id: "2026-11-30-riverside", title: "Riverside <workshop>", date: "2026-11-30",
                              createdAt: Date(timeIntervalSince1970: 1_795_000_000), framework: .childPoverty,
                              participants: [Participant(id: "p1", name: "Ann Lee"), Participant(id: "p2", name: "Mo Khan"),
                                             Participant(id: "p3", name: "Zoë <script>")])
        session.settings.scoring = scoring
        self.session = AssessmentStage.reopen(session)
        room = Room(joinCode: "ABC234", devices: DeviceRegistry(), baseURLs: ["http://192.168.1.20:8765"])
    }

    func request(_ method: String, _ target: String, body: String = "", cookie: String? = nil, host: String = "192.168.1.20:8765") -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var headers: [(name: String, value: String)] = [("host", host)]
        if let cookie { headers.append(("cookie", "\(Room.cookieName)=\(cookie)")) }
        let request = HTTPRequest(method: method, path: parts[0], query: parts.count > 1 ? parts[1] : "", headers: headers, body: Array(body.utf8))
        let before = session
        let reply = room.respond(to: request, session: session, now: now, update: { self.session = $0 }, saveDevices: { devices in
            guard !self.failSaves else { return false }
            self.savedDevices = devices
            return true
        })
        switch reply {
        case .response(let response):
            return response
        case .afterSave(let saved, let notSaved):
            guard !failSaves else {
                session = before
                return notSaved
            }
            room.noteChange()
            return saved
        }
    }

    /// Claims a participant's name and returns the device token from the cookie.
    func join(_ participantID: String) -> String? {
        let response = request("POST", "/claim", body: "code=ABC234&participant=\(participantID)")
        guard response.status == 303, let cookie = response.header("Set-Cookie") else { return nil }
        return cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).last.map(String.init)
    }

    func score(_ token: String, _ value: String, comment: String = "", item: String = "LN1", round: Int = 1) -> HTTPResponse {
        request("POST", "/score", body: "item=\(item)&round=\(round)&score=\(value)&comment=\(comment)", cookie: token)
    }

    func page(_ token: String?) -> String {
        String(decoding: request("GET", "/p", cookie: token).body, as: UTF8.self)
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
