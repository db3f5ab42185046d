import Foundation

/// Renders a `Report` as GitHub-flavoured Markdown. User text cannot break the document: `|` and
/// line breaks inside table cells are escaped, `<` cannot open HTML, and Markdown's own markers are escaped.
public enum MarkdownRenderer {
    public static func render(_ report: Report) -> String { String(decoding: document(report), as: UTF8.self) }

    /// The document as UTF-8 bytes: what `render` returns, written into one buffer.
    public static func document(_ report: Report) -> [UInt8] {
        var out = ByteText(capacity: 1 << 16)
        var first = true
        func separate() {
            if !first { out.append("\n\n") }
            first = false
        }
        func add(_ piece: String) {
            separate()
            out.append(piece)
        }
        if let notice = report.notice { add("> **" + inline(notice) + "**") }
        add("# " + inline(report.title))
        if !report.metadata.isEmpty { add(fields(report.metadata)) }
        for section in report.sections {
            add("## " + inline(section.heading))
            for block in section.blocks {
                if case .table(let table) = block {
                    separate()
                    Self.table(table, into: &out)
                } else {
                    add(render(block))
                }
            }
        }
        out.append("\n")
        return out.bytes
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, level + 1)) + " " + inline(text)
        case .paragraph(let text):
            return inline(text)
        case .fields(let fields):
            return Self.fields(fields)
        case .list(let title, let items):
            let bullets = items.map { "- " + inline($0) }.joined(separator: "\n")
            return title.map { "**\(inline($0))**\n\n" + bullets } ?? bullets
        case .table(let table):
            return Self.table(table)
        case .barChart(let chart):
            let rows = chart.bars.map { [ReportCell.text($0.label), .text($0.valueText), .text(chart.textBar($0))] }
            return Self.table(ReportTable(caption: chart.title, header: ["", "Score", "Chart"], rows: rows))
        case .lineChart(let chart):
            return Self.table(chart.table)
        case .nothingYet(let text):
            return "_" + inline(text) + "_"
        }
    }

    static func fields(_ fields: [ReportField]) -> String {
        fields.map { "- **\(inline($0.label)):** \(inline($0.value))" }.joined(separator: "\n")
    }

    static func table(_ table: ReportTable) -> String {
        var out = ByteText()
        Self.table(table, into: &out)
        return out.string
    }

    /// The table's lines appended to `out`: the caption, the header row, the rule and a row per row, each
    /// row padded with empty cells to the widest.
    static func table(_ table: ReportTable, into out: inout ByteText) {
        if let caption = table.caption {
            out.append("**")
            out.append(inline(caption))
            out.append("**\n\n")
        }
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        out.append("| ")
        for index in 0..<width {
            if index > 0 { out.append(" | ") }
            if index < table.header.count { out.append(cell(table.header[index])) }
        }
        out.append(" |\n|")
        for _ in 0..<width { out.append(" --- |") }
        for cells in table.rows {
            out.append("\n| ")
            for index in 0..<width {
                if index > 0 { out.append(" | ") }
                guard index < cells.count else { continue }
                switch cells[index] {
                case .text(let text):
                    out.append(Self.cell(text))
                case .status(let rag, let label):
                    out.append("**")
                    out.append(Self.cell(rag.label))
                    out.append("**: ")
                    out.append(Self.cell(label))
                case .number, .date:
                    out.append(Self.cell(cells[index].plainText))
                }
            }
            out.append(" |")
        }
    }

    /// A table cell: inline text, whose `|` and line breaks are already escaped.
    static func cell(_ text: String) -> String { inline(text) }

    /// Text that stays text: backslashes, `|`, `<`, emphasis and code markers are escaped; line breaks
    /// become `<br>`; a leading block marker (`#`, `>`, `-`, `+`, `1.`) is escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        if UTF8Scan.all(text, isPlain) {
            // Nothing to escape or drop (the common case): the text as it is, without a walk by Character.
            out = text
        } else {
            out = escaped(text)
        }
        // The first character is an ASCII byte when the second byte is ASCII too (or there is none):
        // then its bytes answer both questions below without reading a Character.
        let lead = out.utf8.prefix(2)
        if let byte = lead.first, byte < 0x80, lead.dropFirst().allSatisfy({ $0 < 0x80 }) {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): return "\\" + out
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let dot = asciiListMarker(out) {
                    if let dot { out.insert("\\", at: out.utf8.index(out.utf8.startIndex, offsetBy: dot)) }
                    return out
                }
            default: return out
            }
        }
        guard let first = out.first else { return out }
        if "#>-+=".contains(first) { return "\\" + out }
        // Only text that starts with a number can look like a numbered list item ("1. ", "12) "): when the
        // first character is not a number, no "." or ")" can have only numbers before it, so there is no walk.
        if first.isNumber, let dot = out.firstIndex(where: { $0 == "." || $0 == ")" }), dot != out.startIndex,
           out[..<dot].allSatisfy(\.isNumber), out[out.index(after: dot)...].first == " " {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// For text starting with an ASCII digit: the byte offset of the "." or ")" of a numbered-list marker
    /// ("12. " → 2), or nil inside when there is none, read from the bytes where they decide it (ASCII around the
    /// marker, so every byte read is a whole Character); nil when they do not, and the Characters are read.
    private static func asciiListMarker(_ text: String) -> Int?? {
        let bytes = text.utf8
        var index = bytes.startIndex, offset = 0
        while index != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            bytes.formIndex(after: &index)
            offset += 1
        }
        guard index != bytes.endIndex else { return .some(nil) }
        let byte = bytes[index]
        guard byte < 0x80 else { return nil }
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") else { return .some(nil) }
        let rest = bytes[bytes.index(after: index)...].prefix(2)
        guard let next = rest.first else { return .some(nil) }
        guard next < 0x80 else { return nil }
        guard next == UInt8(ascii: " ") else { return .some(nil) }
        guard rest.dropFirst().allSatisfy({ $0 < 0x80 }) else { return nil }
        return .some(offset)
    }

    /// True for a byte that `escaped` copies unchanged wherever it stands: not an escaped marker,
    /// `<`, a line break or another control character.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "<"): false
        case 0x09: true
        case 0..<0x20: false
        default: true
        }
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(character)
            case "<": out += "&lt;"
            case "\n", "\r": out += "<br>"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value < 0x20 && $0 != "\t" }) { continue }
                out.append(character)
            }
        }
        return out
    }
}
