/// What a route answers: a response to send now, or one that depends on the session being saved.
/// The server saves once for all the changes that arrived together (group commit), then sends each
/// such request `saved` or, if the save failed, `notSaved`; a device is never told "in" before the file holds it.
public enum HTTPReply: Sendable {
    case response(HTTPResponse)
    case afterSave(saved: HTTPResponse, notSaved: HTTPResponse)
}
