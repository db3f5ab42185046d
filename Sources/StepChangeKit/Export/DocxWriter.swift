import Foundation

/// Writes a `Report` as a Word document (Office Open XML, `.docx`) with our own stored ZIP: the title
/// and headings use Word's Title and Heading 1–3 styles, tables have borders and a repeating header row,
/// RAG cells are shaded in their colour and carry their label. Each section starts a new page, turned
/// to landscape when it holds a wide table. Every page's footer gives the title, the "status as at" day
/// and "Page N of M"; bullets are real Word list numbering; charts are bars drawn by cell shading;
/// the document properties carry the title, subject and date.
public enum DocxWriter {
    public static func document(_ report: Report) -> Data {
        // The document part is made in pieces of about `piece` bytes in one reused buffer, each copied into the
        // package (its CRC taken while the piece is still in cache) as it is done: the part is never held whole
        // twice, and the package is the `Data` handed back. Copying pieces on the other core was tried: with both
        // threads faulting pages in, it cost 20 ms more processor time and was slower.
        let piece = 1 << 18
        let zip = ZipWriter(capacity: estimatedSize(report))
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", packageRelationships)
        zip.begin("word/document.xml")
        var pending = ByteText(capacity: piece + piece / 2)
        writeDocument(report, into: &pending) { pending in
            guard pending.count >= piece else { return }
            pending.bytes.withUnsafeBytes { zip.write($0) }
            pending.removeAll()
        }
        pending.bytes.withUnsafeBytes { zip.write($0) }
        zip.end()
        zip.add("word/styles.xml", styles)
        zip.add("word/_rels/document.xml.rels", documentRelationships)
        zip.add("word/footer1.xml", footer(report))
        zip.add("word/numbering.xml", numbering)
        zip.add("docProps/core.xml", coreProperties(report))
        return zip.finished()
    }

    /// About how many bytes the package will hold (a little more for most reports), so its buffer is made once:
    /// the markup of each table cell and row with its text, and of every other block.
    static func estimatedSize(_ report: Report) -> Int {
        var total = 32 << 10
        for section in report.sections {
            total += 1_000 + section.heading.utf8.count
            for block in section.blocks {
                switch block {
                case .table(let table):
                    total += 2_000 + 300 * table.header.count
                    for row in table.rows {
                        total += 50
                        for cell in row {
                            switch cell {
                            case .text(let text), .number(_, let text): total += 170 + text.utf8.count
                            case .status(_, let label): total += 370 + label.utf8.count
                            case .date: total += 190
                            }
                        }
                    }
                case .list(let title, let items):
                    total += 200 + (title?.utf8.count ?? 0) + items.reduce(0) { $0 + 200 + $1.utf8.count }
                case .fields(let fields):
                    total += fields.reduce(0) { $0 + 200 + $1.label.utf8.count + $1.value.utf8.count }
                case .heading(_, let text), .paragraph(let text), .nothingYet(let text):
                    total += 200 + text.utf8.count
                case .barChart, .lineChart:
                    total += 50_000
                }
            }
        }
        return total + total / 8
    }

    // MARK: - Document

    static func documentXML(_ report: Report) -> String { String(decoding: documentBytes(report), as: UTF8.self) }

    /// The document part as UTF-8: tables, nearly all of a large report, are written straight into one buffer.
    static func documentBytes(_ report: Report) -> [UInt8] {
        var out = ByteText(capacity: 1 << 16)
        writeDocument(report, into: &out) { _ in }
        return out.bytes
    }

    /// The document part appended to `out`, with `spill` called after each block and each table row (where
    /// nothing written later refers back), so a caller can move what is done elsewhere.
    static func writeDocument(_ report: Report, into out: inout ByteText, spill: (inout ByteText) -> Void) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"")
        out.append(mainNamespace)
        out.append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>")
        if let notice = report.notice {
            out.append("<w:p>")
            run(notice, properties: "<w:b/><w:color w:val=\"B3261E\"/><w:sz w:val=\"28\"/>", into: &out)
            out.append("</w:p>")
        }
        paragraph(report.title, style: "Title", into: &out)
        if !report.metadata.isEmpty { fields(report.metadata, into: &out) }
        let orientations = report.sections.map(isWide)
        for (index, section) in report.sections.enumerated() {
            if index > 0 {
                out.append("<w:p><w:pPr>\(sectionProperties(landscape: orientations[index - 1]))</w:pPr></w:p>")
            }
            paragraph(section.heading, style: "Heading1", into: &out)
            for block in section.blocks {
                render(block, landscape: orientations[index], into: &out, spill: spill)
                spill(&out)
            }
        }
        out.append(sectionProperties(landscape: orientations.last ?? false))
        out.append("</w:body></w:document>")
    }

    /// A section holding a table of eight or more columns is printed landscape.
    static func isWide(_ section: ReportSection) -> Bool {
        section.blocks.contains { block in
            if case .table(let table) = block { return table.header.count >= 8 }
            return false
        }
    }

    /// Page setup for the section that ends here: A4 portrait or landscape, 2 cm margins.
    static func sectionProperties(landscape: Bool) -> String {
        let size = landscape ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>\(size)<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>"
    }

    /// The block's XML appended to `out`: the bytes `render(_:landscape:)` returns, with headings, paragraphs,
    /// fields, lists and tables written straight into the buffer.
    static func render(_ block: ReportBlock, landscape: Bool, into out: inout ByteText, spill: (inout ByteText) -> Void = { _ in }) {
        switch block {
        case .heading(let level, let text):
            paragraph(text, style: level <= 2 ? "Heading2" : "Heading3", into: &out)
        case .paragraph(let text):
            paragraph(text, into: &out)
        case .fields(let fields):
            Self.fields(fields, into: &out)
        case .list(let title, let items):
            if let title {
                out.append("<w:p><w:pPr><w:pStyle w:val=\"ListTitle\"/></w:pPr>")
                run(title, properties: "<w:b/>", into: &out)
                out.append("</w:p>")
            }
            for item in items {
                out.append("<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>")
                run(item, into: &out)
                out.append("</w:p>")
            }
        case .table(let table):
            Self.table(table, landscape: landscape, into: &out, spill: spill)
        case .nothingYet(let text):
            paragraph(text, style: "NothingYet", into: &out)
        case .barChart, .lineChart:
            out.append(render(block, landscape: landscape))
        }
    }

    static func render(_ block: ReportBlock, landscape: Bool) -> String {
        switch block {
        case .heading(let level, let text):
            return paragraph(text, style: "Heading\(min(3, max(2, level)))")
        case .paragraph(let text):
            return paragraph(text)
        case .fields(let fields):
            return Self.fields(fields)
        case .list(let title, let items):
            let heading = title.map { "<w:p><w:pPr><w:pStyle w:val=\"ListTitle\"/></w:pPr>\(run($0, properties: "<w:b/>"))</w:p>" } ?? ""
            return heading + items.map {
                "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\(run($0))</w:p>"
            }.joined()
        case .table(let table):
            return Self.table(table, landscape: landscape)
        case .barChart(let chart):
            return barChart(chart, landscape: landscape)
        case .lineChart(let chart):
            // Drawn as DrawingML lines, then the numbers as a table.
            var values = chart.table
            values.caption = nil
            return DocxLineChart(chart: chart, widthTwips: landscape ? 14570 : 9638).xml() + Self.table(values, landscape: landscape)
        case .nothingYet(let text):
            return paragraph(text, style: "NothingYet")
        }
    }

    /// A bar chart as a table: label, value, and a bar drawn as a shaded cell whose width is the value's
    /// share of the axis (lighter for an earlier year's bar), so nothing is read out as block characters.
    static func barChart(_ chart: ReportBarChart, landscape: Bool) -> String {
        let total = landscape ? 14570 : 9638
        let widths = [total * 40 / 100, total * 14 / 100, total - total * 40 / 100 - total * 14 / 100]
        let barWidth = widths[2] - 170
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\""
        var xml = "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>\(run(chart.title))</w:p>"
            + "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(total)\" w:type=\"dxa\"/>"
            + "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
            + "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            + "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + ["Heading", "Score", "Chart (0 to \(ReportBuilder.decimal(chart.maximum)))"].enumerated().map {
                cell(run($0.element, properties: "<w:b/><w:color w:val=\"FFFFFF\"/>"), width: widths[$0.offset], fill: "0B3D5C")
            }.joined() + "</w:tr>"
        for bar in chart.bars {
            let filled = bar.value.map { max(0, min(barWidth, Int(Double(barWidth) * $0 / max(chart.maximum, 1)))) } ?? 0
            var inner = "<w:tbl><w:tblPr><w:tblW w:w=\"\(barWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                + "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
            let parts = [filled, barWidth - filled].filter { $0 > 0 }
            inner += parts.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr><w:trPr><w:trHeight w:val=\"200\" w:hRule=\"exact\"/></w:trPr>"
            for (index, width) in parts.enumerated() {
                let shaded = index == 0 && filled > 0
                let fill = shaded ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(bar.earlier ? "8FB3CC" : "0B3D5C")\"/>" : ""
                inner += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(fill)</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>"
            }
            inner += "</w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>"
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(run(bar.label, properties: "<w:b/>"), width: widths[0], fill: nil)
                + cell(run(bar.valueText), width: widths[1], fill: nil)
                + "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[2])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>\(inner)</w:tc></w:tr>"
        }
        return xml + "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>"
    }

    /// The footer on every page: title · status as at · Page N of M.
    static func footer(_ report: Report) -> String {
        let status = report.statusDate.map { " · Status as at \(DayDate.longForm($0))" } ?? ""
        func field(_ name: String) -> String {
            "<w:fldSimple w:instr=\" \(name) \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:ftr xmlns:w=\"\(mainNamespace)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\(run(report.title + status + " · Page "))\(field("PAGE"))\(run(" of "))\(field("NUMPAGES"))</w:p></w:ftr>"
    }

    /// Title, subject (the parts the document holds) and date, as Word's File › Properties shows them.
    static func coreProperties(_ report: Report) -> String {
        let subject = report.sections.map(\.heading).joined(separator: ", ")
        let date = report.statusDate.map { "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\($0)T00:00:00Z</dcterms:created>" } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            + "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(escape(report.title))</dc:title><dc:subject>\(escape(subject))</dc:subject><dc:creator>stepchange</dc:creator>\(date)"
            + "</cp:coreProperties>"
    }

    /// One bulleted list definition that every bullet paragraph uses.
    static let numbering = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<w:numbering xmlns:w=\"\(mainNamespace)\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
        + "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"

    static func fields(_ fields: [ReportField]) -> String {
        fields.map { field in
            "<w:p><w:pPr><w:pStyle w:val=\"Field\"/></w:pPr>\(run(field.label + ": ", properties: "<w:b/>"))\(run(field.value))</w:p>"
        }.joined()
    }

    /// The fields' XML appended to `out`: the bytes `fields(_:)` returns.
    static func fields(_ fields: [ReportField], into out: inout ByteText) {
        for field in fields {
            out.append("<w:p><w:pPr><w:pStyle w:val=\"Field\"/></w:pPr>")
            run(field.label + ": ", properties: "<w:b/>", into: &out)
            run(field.value, into: &out)
            out.append("</w:p>")
        }
    }

    /// The paragraph's XML appended to `out`: the bytes `paragraph(_:style:)` returns.
    static func paragraph(_ text: String, style: String? = nil, into out: inout ByteText) {
        out.append("<w:p>")
        if let style {
            out.append("<w:pPr><w:pStyle w:val=\"")
            out.append(style)
            out.append("\"/></w:pPr>")
        }
        run(text, into: &out)
        out.append("</w:p>")
    }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(run(text))</w:p>"
    }

    /// The run's XML appended to `out`: the bytes `run(_:properties:)` returns, without the temporary strings.
    /// Text `runText(_:into:)` cannot be sure of is handed to `run(_:properties:)` itself.
    static func run(_ text: String, properties: String = "", into out: inout ByteText) {
        let mark = out.count
        out.append("<w:r>")
        if !properties.isEmpty {
            out.append("<w:rPr>")
            out.append(properties)
            out.append("</w:rPr>")
        }
        out.append("<w:t xml:space=\"preserve\">")
        if runText(text, into: &out) {
            out.append("</w:t></w:r>")
        } else {
            out.truncate(to: mark)
            out.append(run(text, properties: properties))
        }
    }

    /// The text of a run as `run(_:properties:)` writes it between the first `<w:t xml:space="preserve">` and
    /// the last `</w:t>`: `&`, `<`, `>` and `"` escaped, a tab closing the text for `<w:tab/>` and a line feed
    /// for `<w:br/>`. Every other byte below 0x80 from the space up is a whole character XML allows, and so is
    /// every multi-byte character except those starting 0xEF (U+F000–U+FFFF, which hold the U+FFFE and U+FFFF
    /// that `escape` drops). For text with a carriage return ("\r\n" is joined first), any other control
    /// character, a byte 0xEF, or no contiguous UTF-8, it appends nothing and answers false.
    static func runText(_ text: String, into out: inout ByteText) -> Bool {
        let written = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let mark = out.count
            let count = bytes.count
            var start = 0, index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0xEF {
                    index += 1
                    continue
                }
                if index > start { out.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch byte {
                case 0x26: out.append("&amp;")
                case 0x3C: out.append("&lt;")
                case 0x3E: out.append("&gt;")
                case 0x22: out.append("&quot;")
                case 0x0A: out.append("</w:t><w:br/><w:t xml:space=\"preserve\">")
                case 0x09: out.append("</w:t><w:tab/><w:t xml:space=\"preserve\">")
                default:
                    out.truncate(to: mark)
                    return false
                }
                index += 1
                start = index
            }
            if count > start { out.append(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
            return true
        }
        return written ?? false
    }

    /// A run of text; line breaks become `<w:br/>` and tabs `<w:tab/>`.
    static func run(_ text: String, properties: String = "") -> String {
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        if !UTF8Scan.any(text, { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let content = lines.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>" }.joined(separator: "<w:tab/>")
        }.joined(separator: "<w:br/>")
        return "<w:r>\(rPr)\(content)</w:r>"
    }

    // MARK: - Tables

    static func table(_ table: ReportTable, landscape: Bool, widths fixed: [Int]? = nil) -> String {
        var out = ByteText()
        Self.table(table, landscape: landscape, widths: fixed, into: &out)
        return out.string
    }

    /// The table's XML appended to `out`: the bytes `table(_:landscape:widths:)` returns; `spill` is called after each row.
    static func table(_ table: ReportTable, landscape: Bool, widths fixed: [Int]? = nil, into out: inout ByteText,
                      spill: (inout ByteText) -> Void = { _ in }) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let widths = fixed ?? columnWidths(table, columns: columns, total: landscape ? 14570 : 9638)
        if let caption = table.caption {
            out.append("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>")
            run(caption, into: &out)
            out.append("</w:p>")
        }
        out.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"")
        out.append(widths.reduce(0, +))
        out.append("\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
        for width in widths {
            out.append("<w:gridCol w:w=\"")
            out.append(width)
            out.append("\"/>")
        }
        out.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for index in 0..<columns {
            openCell(width: widths[index], fill: "0B3D5C", into: &out)
            run(index < table.header.count ? table.header[index] : "", properties: "<w:b/><w:color w:val=\"FFFFFF\"/>", into: &out)
            out.append("</w:p></w:tc>")
        }
        out.append("</w:tr>")
        // Each column's plain cell up to its text, written once: the cell, its paragraph and the run (bold in the first column).
        // A table of a row or two (a measure's periods) writes its cells directly instead.
        let openings: [[UInt8]] = table.rows.count < 3 ? [] : (0..<columns).map { index in
            var opening = ByteText()
            openCell(width: widths[index], fill: nil, into: &opening)
            opening.append(index == 0 ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" : "<w:r><w:t xml:space=\"preserve\">")
            return opening.bytes
        }
        /// A text cell: its opening, its text and the closing tags, or as `openCell` and `run` write it when `runText` steps aside.
        func plainCell(_ text: String, _ index: Int) {
            let mark = out.count
            if openings.isEmpty {
                openCell(width: widths[index], fill: nil, into: &out)
                out.append(index == 0 ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" : "<w:r><w:t xml:space=\"preserve\">")
            } else {
                out.append(openings[index])
            }
            if runText(text, into: &out) {
                out.append("</w:t></w:r></w:p></w:tc>")
            } else {
                out.truncate(to: mark)
                openCell(width: widths[index], fill: nil, into: &out)
                run(text, properties: index == 0 ? "<w:b/>" : "", into: &out)
                out.append("</w:p></w:tc>")
            }
        }
        // Each column's status cell of each colour up to its wording, made when first needed: the shaded cell, the
        // colour's name in bold, and the run of " — " and the wording (`runText` of " — " then of the wording
        // writes the same bytes as of the two joined, both being text it does not step aside for).
        var statusOpenings = [[UInt8]?](repeating: nil, count: columns * 5)
        /// A status cell as `openCell` and `run` write it; through its opening when `runText` does not step aside.
        func statusCell(_ rag: RAGStatus, _ label: String, _ index: Int) {
            let colour = ragRunProperties[rag] ?? (fill: "FFFFFF", bold: "<w:b/><w:color w:val=\"000000\"/>", plain: "<w:color w:val=\"000000\"/>")
            let slot = index * 5 + ragOrdinal(rag)
            let opening: [UInt8]
            if let made = statusOpenings[slot] {
                opening = made
            } else {
                var made = ByteText()
                openCell(width: widths[index], fill: colour.fill, into: &made)
                run(rag.label, properties: colour.bold, into: &made)
                made.append("<w:r><w:rPr>")
                made.append(colour.plain)
                made.append("</w:rPr><w:t xml:space=\"preserve\"> — ")
                opening = made.bytes
                statusOpenings[slot] = opening
            }
            let mark = out.count
            out.append(opening)
            if runText(label, into: &out) {
                out.append("</w:t></w:r></w:p></w:tc>")
            } else {
                out.truncate(to: mark)
                openCell(width: widths[index], fill: colour.fill, into: &out)
                run(rag.label, properties: colour.bold, into: &out)
                run(" — " + label, properties: colour.plain, into: &out)
                out.append("</w:p></w:tc>")
            }
        }
        for row in table.rows {
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for index in 0..<columns {
                guard index < row.count else {
                    plainCell("", index)
                    continue
                }
                let value = row[index]
                switch value {
                case .text(let text):
                    plainCell(text, index)
                    continue
                case .number(_, let text):
                    plainCell(text, index)
                    continue
                case .date:
                    plainCell(value.plainText, index)
                    continue
                case .status(let rag, let label):
                    statusCell(rag, label, index)
                }
            }
            out.append("</w:tr>")
            spill(&out)
        }
        out.append("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>")
    }

    /// The opening of a table cell up to its paragraph's properties, as `cell` writes it; the runs and `</w:p></w:tc>` follow.
    @inline(__always)
    static func openCell(width: Int, fill: String?, into out: inout ByteText) {
        out.append("<w:tc><w:tcPr><w:tcW w:w=\"")
        out.append(width)
        out.append("\" w:type=\"dxa\"/>")
        if let fill {
            out.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"")
            out.append(fill)
            out.append("\"/>")
        }
        out.append("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>")
    }

    static func cell(_ runs: String, width: Int, fill: String?) -> String {
        let shading = fill.map { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\($0)\"/>" } ?? ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(shading)</w:tcPr>"
            + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>\(runs)</w:p></w:tc>"
    }

    /// Column widths in twentieths of a point: each column gets room for its longest word, and the
    /// rest of the width is shared out by how much longer its longest line is.
    static func columnWidths(_ table: ReportTable, columns: Int, total: Int) -> [Int] {
        let perCharacter = 95, margins = 200
        var minimum: [Int] = [], desired: [Int] = []
        for index in 0..<columns {
            var longestLine = 0, longestWord = 0
            func measure(_ text: String) {
                let measured = longest(text)
                longestLine = max(longestLine, measured.line)
                longestWord = max(longestWord, measured.word)
            }
            measure(index < table.header.count ? table.header[index] : "")
            for row in table.rows where index < row.count {
                switch row[index] {
                case .text(let text), .number(_, let text):
                    measure(text)
                case .status(let rag, let label):
                    // The plain text is "\(rag.label): \(label)": counted across the three pieces without joining them.
                    var counter = LineAndWordCounter()
                    if counter.count(rag.label), counter.count(": "), counter.count(label) {
                        longestLine = max(longestLine, counter.line)
                        longestWord = max(longestWord, counter.word)
                    } else {
                        measure(row[index].plainText)
                    }
                case .date:
                    measure(row[index].plainText)
                }
            }
            minimum.append(min(max(longestWord, 3), 18) * perCharacter + margins)
            desired.append(min(max(longestLine, longestWord, 3), 70) * perCharacter + margins)
        }
        let floor = minimum.reduce(0, +)
        var widths: [Int]
        if floor >= total {
            widths = minimum.map { $0 * total / floor }
        } else {
            let wanted = zip(desired, minimum).map { max(0, $0 - $1) }
            let extra = total - floor, share = wanted.reduce(0, +)
            widths = zip(minimum, wanted).map { base, want in
                base + (share == 0 ? extra / columns : min(want * extra / share, extra))
            }
        }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// The longest line and the longest word of a text, in characters. ASCII text without carriage
    /// returns (nearly all) is counted byte by byte; other text by Character, as it always was ("\r\n" is one).
    static func longest(_ text: String) -> (line: Int, word: Int) {
        var counter = LineAndWordCounter()
        if counter.count(text) { return (counter.line, counter.word) }
        return longest(in: text, newline: "\n", space: " ")
    }

    /// `longest` over bytes, for text fed to it piece by piece as if joined: each byte below 0x80 other than a
    /// carriage return is one character. `count` answers false for a piece with any other byte (or without
    /// contiguous UTF-8); the counts are then of no use, and the text is counted by Character instead.
    struct LineAndWordCounter {
        private var longestLine = 0, longestWord = 0, currentLine = 0, currentWord = 0

        var line: Int { max(longestLine, currentLine) }
        var word: Int { max(longestWord, currentWord) }

        mutating func count(_ text: String) -> Bool {
            let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                for byte in bytes {
                    if byte == 0x20 {
                        currentLine += 1
                        longestWord = max(longestWord, currentWord)
                        currentWord = 0
                    } else if byte == 0x0A {
                        longestLine = max(longestLine, currentLine)
                        longestWord = max(longestWord, currentWord)
                        currentLine = 0
                        currentWord = 0
                    } else if byte >= 0x80 || byte == 0x0D {
                        return false
                    } else {
                        currentLine += 1
                        currentWord += 1
                    }
                }
                return true
            }
            return counted ?? false
        }
    }

    /// One pass over bytes or Characters: the same maxima as splitting at newlines (lines) and at
    /// spaces or newlines (words).
    private static func longest<Elements: Sequence>(in elements: Elements, newline: Elements.Element, space: Elements.Element)
        -> (line: Int, word: Int) where Elements.Element: Equatable {
        var line = 0, word = 0, currentLine = 0, currentWord = 0
        for element in elements {
            if element == newline {
                line = max(line, currentLine)
                word = max(word, currentWord)
                currentLine = 0
                currentWord = 0
            } else {
                currentLine += 1
                if element == space {
                    word = max(word, currentWord)
                    currentWord = 0
                } else {
                    currentWord += 1
                }
            }
        }
        return (max(line, currentLine), max(word, currentWord))
    }

    /// The colour's place among the five, for tables kept per colour.
    static func ragOrdinal(_ rag: RAGStatus) -> Int {
        switch rag {
        case .blue: 0
        case .green: 1
        case .amber: 2
        case .red: 3
        case .grey: 4
        }
    }

    /// Each RAG colour's fill and the run properties of its label (bold) and its wording, made once.
    static let ragRunProperties: [RAGStatus: (fill: String, bold: String, plain: String)] = ragColours.mapValues { colour in
        (colour.fill, "<w:b/><w:color w:val=\"\(colour.text)\"/>", "<w:color w:val=\"\(colour.text)\"/>")
    }

    static let ragColours: [RAGStatus: (fill: String, text: String)] = [
        .blue: ("1D5FB4", "FFFFFF"), .green: ("1E7B34", "FFFFFF"), .amber: ("F0A500", "000000"),
        .red: ("B3261E", "FFFFFF"), .grey: ("D0D4D8", "000000"),
    ]

    /// Text safe inside XML: markup characters escaped, characters XML 1.0 forbids dropped.
    public static func escape(_ text: String) -> String {
        // Most text has no markup characters, controls or U+FFFE/U+FFFF (the only bytes that can start them
        // are below 0x20 and 0xEF): it is returned as it is, without a walk by scalar.
        if UTF8Scan.all(text, { byte in
            byte >= 0x20 ? byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0xEF
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: - Package parts

    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
    <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>
    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>
    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
    </Relationships>
    """

    static func paragraphStyle(_ id: String, name: String, basedOn: String? = "Normal", next: String? = nil,
                               paragraph: String = "", run: String = "", outline: Int? = nil) -> String {
        var pPr = paragraph
        if let outline { pPr += "<w:outlineLvl w:val=\"\(outline)\"/>" }
        return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")
            + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
            + "<w:qFormat/>"
            + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")
            + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>")
            + "</w:style>"
    }

    static let styles: String = {
        let font = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
        let heading = "<w:keepNext/><w:keepLines/>"
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:styles xmlns:w=\"\(mainNamespace)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + paragraphStyle("Title", name: "Title", next: "Normal", paragraph: "<w:spacing w:after=\"240\"/>",
                             run: "<w:b/><w:color w:val=\"0B3D5C\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>")
            + paragraphStyle("Heading1", name: "heading 1", next: "Normal",
                             paragraph: heading + "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"0B3D5C\"/></w:pBdr><w:spacing w:before=\"240\" w:after=\"160\"/>",
                             run: "<w:b/><w:color w:val=\"0B3D5C\"/><w:sz w:val=\"34\"/><w:szCs w:val=\"34\"/>", outline: 0)
            + paragraphStyle("Heading2", name: "heading 2", next: "Normal", paragraph: heading + "<w:spacing w:before=\"280\" w:after=\"120\"/>",
                             run: "<w:b/><w:color w:val=\"0B3D5C\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", outline: 1)
            + paragraphStyle("Heading3", name: "heading 3", next: "Normal", paragraph: heading + "<w:spacing w:before=\"200\" w:after=\"80\"/>",
                             run: "<w:b/><w:sz w:val=\"23\"/><w:szCs w:val=\"23\"/>", outline: 2)
            + paragraphStyle("Field", name: "Field", paragraph: "<w:keepNext/><w:spacing w:after=\"40\"/>")
            + paragraphStyle("ListTitle", name: "List Title", paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>")
            + paragraphStyle("ListBullet", name: "List Bullet", paragraph: "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"40\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>")
            + paragraphStyle("Footer", name: "footer", paragraph: "<w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>",
                             run: "<w:color w:val=\"555555\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>")
            + paragraphStyle("Caption", name: "caption", paragraph: "<w:spacing w:before=\"120\" w:after=\"60\"/>", run: "<w:b/>")
            + paragraphStyle("TableText", name: "Table Text", paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                             run: "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>")
            + paragraphStyle("AfterTable", name: "After Table", paragraph: "<w:spacing w:after=\"120\"/>")
            + paragraphStyle("NothingYet", name: "Nothing Yet", run: "<w:i/><w:color w:val=\"555555\"/>")
            + "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:tblPr>"
            + "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "</w:tblPr></w:style>"
            + "</w:styles>"
    }()
}
