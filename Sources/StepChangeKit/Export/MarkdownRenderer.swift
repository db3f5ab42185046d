import Foundation

/// Renders a `Report` as GitHub-flavoured Markdown. User text cannot break the document: `|` and
/// line breaks inside table cells are escaped, `<` cannot open HTML, and Markdown's own markers are escaped.
public enum MarkdownRenderer {
    public static func render(_ report: Report) -> String {
        var out: [String] = report.notice.map { ["> **" + inline($0) + "**"] } ?? []
        out.append("# " + inline(report.title))
        if !report.metadata.isEmpty { out.append(fields(report.metadata)) }
        for section in report.sections {
            out.append("## " + inline(section.heading))
            for block in section.blocks { out.append(render(block)) }
        }
        return out.joined(separator: "\n\n") + "\n"
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
        var lines: [String] = []
        if let caption = table.caption { lines += ["**\(inline(caption))**", ""] }
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.joined(separator: " | ") + " |"
        }
        lines.append(row(table.header.map(cell)))
        lines.append("|" + Array(repeating: " --- |", count: width).joined())
        for cells in table.rows {
            lines.append(row(cells.map { cell in
                switch cell {
                case .text(let text): Self.cell(text)
                case .status(let rag, let label): "**\(Self.cell(rag.label))**: \(Self.cell(label))"
                case .number, .date: Self.cell(cell.plainText)
                }
            }))
        }
        return lines.joined(separator: "\n")
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
            case UInt8(ascii: "0")...UInt8(ascii: "9"): break
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
