import Foundation

/// One line of the session index: the file name, its stamp, checksum and settled flag, and either the session's summary or the
/// reason it could not be read, as tab-separated fields. Text fields escape backslash, tab, line feed
/// and carriage return, so every entry stays on one line.
enum IndexLine {
    static func line(name: String, entry: SessionIndex.Entry) -> String {
        let stamp = entry.stamp
        var fields = [escape(name), String(stamp.size), String(stamp.inode), String(stamp.modifiedSeconds),
                      String(stamp.modifiedNanoseconds), String(stamp.changedSeconds), String(stamp.changedNanoseconds),
                      String(entry.checksum), entry.settled ? "1" : "0"]
        if let summary = entry.summary {
            let actions = summary.actionsByStatus.keys.sorted().map { "\($0)=\(summary.actionsByStatus[$0]!)" }.joined(separator: ",")
            fields += ["S", escape(summary.id), escape(summary.date), escape(summary.title), escape(summary.partnership),
                       escape(summary.frameworkID), escape(summary.frameworkVersion), summary.stage.rawValue,
                       String(summary.participants), summary.meanConsensus.map { String($0) } ?? "",
                       String(summary.agreedItems), String(summary.items), escape(actions), escape(summary.latestReview ?? ""),
                       summary.overdueFrom.map { $0.joined(separator: ",") } ?? "-"]
        } else {
            fields += ["P", escape(entry.problem ?? "")]
        }
        return fields.joined(separator: "\t")
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> (String, SessionIndex.Entry)? {
        let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self)[...] }
        guard fields.count >= 10, let size = Int64(fields[1]), let inode = UInt64(fields[2]),
              let modified = Int64(fields[3]), let modifiedNano = Int64(fields[4]),
              let changed = Int64(fields[5]), let changedNano = Int64(fields[6]),
              let checksum = UInt64(fields[7]), fields[8] == "0" || fields[8] == "1" else { return nil }
        let settled = fields[8] == "1"
        let stamp = FileStamp(size: size, inode: inode, modifiedSeconds: modified, modifiedNanoseconds: modifiedNano,
                              changedSeconds: changed, changedNanoseconds: changedNano)
        let name = unescape(fields[0])
        switch fields[9] {
        case "P" where fields.count == 11:
            return (name, SessionIndex.Entry(stamp: stamp, problem: unescape(fields[10]), checksum: checksum, settled: settled))
        case "S" where fields.count == 24:
            guard let stage = Stage(rawValue: String(fields[16])), let participants = count(fields[17]),
                  let agreed = count(fields[19]), let items = count(fields[20]), agreed <= items,
                  DayDate.isValid(unescape(fields[11])) else { return nil }
            let mean: Double?
            if fields[18].isEmpty {
                mean = nil
            } else if let value = Double(fields[18]), value.isFinite, Double(FileLimits.scaleValues.lowerBound)...Double(FileLimits.scaleValues.upperBound) ~= value {
                mean = value
            } else { return nil }
            var actions: [String: Int] = [:]
            for pair in unescape(fields[21]).split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, ActionStatus(rawValue: String(parts[0])) != nil, let number = Self.count(parts[1]),
                      actions[String(parts[0])] == nil else { return nil }
                actions[String(parts[0])] = number
            }
            let latest = unescape(fields[22])
            guard latest.isEmpty || DayDate.isValid(latest) else { return nil }
            let summary = SessionSummary(id: unescape(fields[10]), date: unescape(fields[11]), title: unescape(fields[12]),
                                         partnership: unescape(fields[13]), frameworkID: unescape(fields[14]),
                                         frameworkVersion: unescape(fields[15]), stage: stage, participants: participants,
                                         meanConsensus: mean, agreedItems: agreed, items: items, actionsByStatus: actions,
                                         latestReview: latest.isEmpty ? nil : latest,
                                         overdueFrom: fields[23] == "-" ? nil : fields[23].split(separator: ",").map(String.init))
            return (name, SessionIndex.Entry(stamp: stamp, summary: summary, checksum: checksum, settled: settled))
        default:
            return nil
        }
    }

    /// A count as the index may hold it: a whole number from 0 to `maximumCount`, so no sum of counts can overflow.
    static func count(_ text: Substring) -> Int? {
        guard let value = Int(text), (0...maximumCount).contains(value) else { return nil }
        return value
    }

    /// The largest count an index line may hold; a larger one marks the index as damaged, and it is rebuilt.
    static let maximumCount = 10_000_000

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var out = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                switch character {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
