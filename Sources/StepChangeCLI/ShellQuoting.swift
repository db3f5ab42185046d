/// Commands printed for people to copy and paste (resume hints and the like), quoted for a POSIX
/// shell so that pasting one runs exactly that command, whatever a session id or path holds.
enum ShellQuoting {
    /// A word as it must be typed: unchanged when it holds only characters no shell treats specially,
    /// otherwise in single quotes, with each single quote inside written as '\''.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && !word.hasPrefix("~") && word.unicodeScalars.allSatisfy(isPlain)
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Words joined into one command line, each quoted as needed.
    static func command(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": true
        default: false
        }
    }
}
