import Foundation
import Testing
@testable import StepChangeKit

/// The Word export's byte-level writers (issue 15) give byte for byte what the code they replaced gave:
/// runs, table cells, column widths, whole documents and whole packages are compared with copies of that
/// code over the fixtures and over reports full of hostile text.
@Suite("Word export fast paths give the same bytes")
struct DocxFastPathTests {
    // MARK: References: the code as it was

    /// The table as the Word writer wrote it before its cells were written byte by byte.
    static func referenceTable(_ table: ReportTable, landscape: Bool) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let widths = referenceColumnWidths(table, columns: columns, total: landscape ? 14570 : 9638)
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\""
        var xml = ""
        if let caption = table.caption {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>\(FasterPathTests.referenceDocxRun(caption))</w:p>"
        }
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for index in 0..<columns {
            let text = index < table.header.count ? table.header[index] : ""
            xml += DocxWriter.cell(FasterPathTests.referenceDocxRun(text, properties: "<w:b/><w:color w:val=\"FFFFFF\"/>"), width: widths[index], fill: "0B3D5C")
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for index in 0..<columns {
                let value = index < row.count ? row[index] : .text("")
                let bold = index == 0 ? "<w:b/>" : ""
                switch value {
                case .text(let text):
                    xml += DocxWriter.cell(FasterPathTests.referenceDocxRun(text, properties: bold), width: widths[index], fill: nil)
                case .number, .date:
                    xml += DocxWriter.cell(FasterPathTests.referenceDocxRun(value.plainText, properties: bold), width: widths[index], fill: nil)
                case .status(let rag, let label):
                    let colour = DocxWriter.ragColours[rag] ?? (fill: "FFFFFF", text: "000000")
                    xml += DocxWriter.cell(FasterPathTests.referenceDocxRun(rag.rawValue.capitalized, properties: "<w:b/><w:color w:val=\"\(colour.text)\"/>")
                        + FasterPathTests.referenceDocxRun(" — " + label, properties: "<w:color w:val=\"\(colour.text)\"/>"), width: widths[index], fill: colour.fill)
                }
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>"
    }

    static func referenceLongest(_ text: String) -> (line: Int, word: Int) {
        (text.split(separator: "\n").map(\.count).max() ?? 0, text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0)
    }

    static func referenceColumnWidths(_ table: ReportTable, columns: Int, total: Int) -> [Int] {
        let perCharacter = 95, margins = 200
        var minimum: [Int] = [], desired: [Int] = []
        for index in 0..<columns {
            var longestLine = 0, longestWord = 0
            let texts = [index < table.header.count ? table.header[index] : ""]
                + table.rows.filter { index < $0.count }.map { row -> String in
                    if case .status(let rag, let label) = row[index] { return "\(rag.rawValue.capitalized): \(label)" }
                    return row[index].plainText
                }
            for text in texts {
                let measured = referenceLongest(text)
                longestLine = max(longestLine, measured.line)
                longestWord = max(longestWord, measured.word)
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
            widths = zip(minimum, wanted).map { base, want in base + (share == 0 ? extra / columns : min(want * extra / share, extra)) }
        }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// The document part as it was written: every block but tables through the string renderers.
    static func referenceDocument(_ report: Report) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(DocxWriter.mainNamespace)\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
        if let notice = report.notice {
            xml += "<w:p>\(FasterPathTests.referenceDocxRun(notice, properties: "<w:b/><w:color w:val=\"B3261E\"/><w:sz w:val=\"28\"/>"))</w:p>"
        }
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>\(FasterPathTests.referenceDocxRun(report.title))</w:p>"
        xml += referenceFields(report.metadata)
        let orientations = report.sections.map(DocxWriter.isWide)
        for (index, section) in report.sections.enumerated() {
            if index > 0 { xml += "<w:p><w:pPr>\(DocxWriter.sectionProperties(landscape: orientations[index - 1]))</w:pPr></w:p>" }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>\(FasterPathTests.referenceDocxRun(section.heading))</w:p>"
            for block in section.blocks {
                xml += referenceBlock(block, landscape: orientations[index])
            }
        }
        return xml + DocxWriter.sectionProperties(landscape: orientations.last ?? false) + "</w:body></w:document>"
    }

    static func referenceFields(_ fields: [ReportField]) -> String {
        fields.map { "<w:p><w:pPr><w:pStyle w:val=\"Field\"/></w:pPr>\(FasterPathTests.referenceDocxRun($0.label + ": ", properties: "<w:b/>"))\(FasterPathTests.referenceDocxRun($0.value))</w:p>" }.joined()
    }

    static func referenceBlock(_ block: ReportBlock, landscape: Bool) -> String {
        func paragraph(_ text: String, _ style: String?) -> String {
            "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "")\(FasterPathTests.referenceDocxRun(text))</w:p>"
        }
        switch block {
        case .heading(let level, let text): return paragraph(text, "Heading\(min(3, max(2, level)))")
        case .paragraph(let text): return paragraph(text, nil)
        case .fields(let fields): return referenceFields(fields)
        case .list(let title, let items):
            return (title.map { "<w:p><w:pPr><w:pStyle w:val=\"ListTitle\"/></w:pPr>\(FasterPathTests.referenceDocxRun($0, properties: "<w:b/>"))</w:p>" } ?? "")
                + items.map { "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\(FasterPathTests.referenceDocxRun($0))</w:p>" }.joined()
        case .table(let table): return referenceTable(table, landscape: landscape)
        case .nothingYet(let text): return paragraph(text, "NothingYet")
        case .barChart, .lineChart: return DocxWriter.render(block, landscape: landscape)
        }
    }

    /// A stored ZIP as `ZipArchive` wrote it before `ZipWriter`: the local headers and data, then the central directory.
    static func referenceZip(_ entries: [(name: String, data: Data)]) -> Data {
        func le16(_ value: Int) -> Data { Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]) }
        func le32(_ value: UInt32) -> Data { Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]) }
        var out = Data(), central = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = FasterPathTests.referenceCRC32(Array(entry.data))
            let offset = UInt32(out.count), size = UInt32(entry.data.count)
            let local: [Data] = [le32(0x0403_4B50), le16(20), le16(0x0800), le16(0), le16(0), le16(0x21), le32(crc), le32(size), le32(size),
                                 le16(name.count), le16(0), name, entry.data]
            for piece in local { out.append(piece) }
            let record: [Data] = [le32(0x0201_4B50), le16(20), le16(20), le16(0x0800), le16(0), le16(0), le16(0x21), le32(crc), le32(size), le32(size),
                                  le16(name.count), le16(0), le16(0), le16(0), le16(0), le32(0), le32(offset), name]
            for piece in record { central.append(piece) }
        }
        let end: [Data] = [central, le32(0x0605_4B50), le16(0), le16(0), le16(entries.count), le16(entries.count),
                           le32(UInt32(central.count)), le32(UInt32(out.count)), le16(0)]
        for piece in end { out.append(piece) }
        return out
    }

    // MARK: Inputs

    /// The awkward texts of `FasterPathTests`, some very long words and lines, and texts with the marks and dashes reports hold.
    static var texts: [String] {
        FasterPathTests.texts + [String(repeating: "word", count: 5_000), String(repeating: "a b\n", count: 3_000), "12 ✓", "3 ✗", "— dash",
                                 "\u{FEFF}bom", "fullwidth ！", "\u{202E}bidi\u{202C}", "\u{200F}mark", "a\r\r\nb", "\r\n\r\n", "\t\t", "\n"]
    }

    /// A report whose every kind of block and cell holds hostile text, in tables of every shape the writer treats apart.
    static func hostileReport(seed: UInt64) -> Report {
        var random = SeededRandom(seed: seed)
        let texts = Self.texts
        func text() -> String { texts.randomElement(using: &random)! }
        let statuses: [RAGStatus] = [.blue, .green, .amber, .red, .grey]
        let dates = ["2027-03", "2027-03-31", "2027-02-30", "0000-01", "9999-12-31", "2027-13", "March 2027", "", "x"] + ReportFastPathTests.dates.prefix(40)
        func cell() -> ReportCell {
            switch Int.random(in: 0...4, using: &random) {
            case 0: .status(statuses.randomElement(using: &random)!, label: text())
            case 1: .number(Double(Int.random(in: -5...500, using: &random)), text: text())
            case 2: .date(dates.randomElement(using: &random)!)
            default: .text(text())
            }
        }
        func table() -> ReportTable {
            let columns = Int.random(in: 0...9, using: &random)
            let rows = [0, 1, 2, 3, 5, 12].randomElement(using: &random)!
            return ReportTable(caption: Bool.random(using: &random) ? text() : nil, header: (0..<columns).map { _ in text() },
                               rows: (0..<rows).map { _ in (0..<Int.random(in: 0...(columns + 1), using: &random)).map { _ in cell() } })
        }
        let sections = (0..<4).map { index in
            ReportSection(id: "s\(index)", heading: text(), blocks: (0..<12).map { _ in
                switch Int.random(in: 0...6, using: &random) {
                case 0: .heading(level: Int.random(in: 0...4, using: &random), text: text())
                case 1: .paragraph(text())
                case 2: .fields((0..<3).map { _ in ReportField(text(), text()) })
                case 3: .list(title: Bool.random(using: &random) ? text() : nil, items: (0..<3).map { _ in text() })
                case 4: .nothingYet(text())
                default: .table(table())
                }
            })
        }
        return Report(title: text(), notice: Bool.random(using: &random) ? text() : nil,
                      metadata: [ReportField(text(), text())], sections: sections, statusDate: "2027-03-31")
    }

    static var fixtureReports: [Report] {
        [completeSession(), WorkedExample2025.session, WorkedExample2026.session, sampleSession()].flatMap { session in
            [false, true].flatMap { attributed in
                ReportPart.allCases.map { ReportBuilder(session: session, attributed: attributed).report($0) }
            }
        }
    }

    // MARK: Tests

    @Test func runsAreWrittenAsBefore() {
        for text in Self.texts {
            for properties in ["", "<w:b/>"] {
                var out = ByteText()
                out.append("before")
                DocxWriter.run(text, properties: properties, into: &out)
                #expect(out.string == "before" + FasterPathTests.referenceDocxRun(text, properties: properties), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func widthsAreCountedAsBefore() {
        for text in Self.texts {
            let longest = DocxWriter.longest(text), reference = Self.referenceLongest(text)
            #expect(longest.line == reference.line && longest.word == reference.word, "\(Array(text.unicodeScalars))")
        }
        var random = SeededRandom(seed: 20)
        let texts = FasterPathTests.texts
        for _ in 0..<2_000 {
            let pieces = (0..<3).map { _ in texts.randomElement(using: &random)! }
            var counter = DocxWriter.LineAndWordCounter()
            guard pieces.allSatisfy({ counter.count($0) }) else { continue }
            let reference = Self.referenceLongest(pieces.joined())
            #expect(counter.line == reference.line && counter.word == reference.word, "\(pieces)")
        }
    }

    @Test func tablesAreWrittenAsBefore() {
        for seed in 0..<40 {
            for section in Self.hostileReport(seed: UInt64(seed)).sections {
                for case .table(let table) in section.blocks {
                    for landscape in [false, true] {
                        #expect(DocxWriter.table(table, landscape: landscape) == Self.referenceTable(table, landscape: landscape), "seed \(seed)")
                    }
                }
            }
        }
    }

    @Test func documentsAndPackagesAreWrittenAsBefore() throws {
        let reports = Self.fixtureReports + (0..<12).map { Self.hostileReport(seed: 100 + UInt64($0)) }
        for report in reports {
            let reference = Self.referenceDocument(report)
            #expect(DocxWriter.documentXML(report) == reference, "\(report.title)")
            let package = DocxWriter.document(report)
            let entries: [(name: String, data: Data)] = [
                ("[Content_Types].xml", Data(DocxWriter.contentTypes.utf8)), ("_rels/.rels", Data(DocxWriter.packageRelationships.utf8)),
                ("word/document.xml", Data(reference.utf8)), ("word/styles.xml", Data(DocxWriter.styles.utf8)),
                ("word/_rels/document.xml.rels", Data(DocxWriter.documentRelationships.utf8)), ("word/footer1.xml", Data(DocxWriter.footer(report).utf8)),
                ("word/numbering.xml", Data(DocxWriter.numbering.utf8)), ("docProps/core.xml", Data(DocxWriter.coreProperties(report).utf8)),
            ]
            #expect(package == Self.referenceZip(entries), "\(report.title)")
        }
    }

    @Test func aDocumentOfManyPiecesIsPackagedWhole() throws {
        // Enough rows for the document part to be copied into the package in many pieces.
        let rows: [[ReportCell]] = (0..<6_000).map { [.text("Row \($0) & <more>"), .status(.amber, label: "Some issues"), .date("2027-03-31"), .text("Note\n\tindented")] }
        let report = Report(title: "Many rows", sections: [ReportSection(id: "s", heading: "Rows", blocks: [.table(ReportTable(header: ["A", "B", "C", "D"], rows: rows))])])
        let package = DocxWriter.document(report)
        let document = try ZipReader(package).contents(of: "word/document.xml")
        #expect(document.count > 4 << 20)
        #expect(document == Data(Self.referenceDocument(report).utf8))
    }

    @Test func zipArchivesAreWrittenAsBefore() {
        var random = SeededRandom(seed: 21)
        for _ in 0..<50 {
            let entries: [(name: String, data: Data)] = (0..<Int.random(in: 0...5, using: &random)).map { index in
                ("part\(index)/é\(index).xml", Data((0..<Int.random(in: 0...5_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }))
            }
            var zip = ZipArchive()
            for entry in entries { zip.add(entry.name, entry.data) }
            #expect(zip.data == Self.referenceZip(entries))
        }
        // Large enough for a buffer of huge pages, and a writer that outgrows the one it was given.
        let large: [(name: String, data: Data)] = [("word/document.xml", Data((0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 ^ $0 >> 9) })),
                                                   ("word/styles.xml", Data(repeating: 0x3C, count: 3 << 20))]
        var zip = ZipArchive()
        for entry in large { zip.add(entry.name, entry.data) }
        #expect(zip.data == Self.referenceZip(large))
        let outgrown = ZipWriter(capacity: 4 << 20)
        for entry in large { entry.data.withUnsafeBytes { outgrown.add(entry.name, $0) } }
        #expect(outgrown.finished() == Self.referenceZip(large))
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) }
        for split in [0, 1, 7, 8, 9, 4_096, 9_999, 10_000] {
            let crc = bytes.withUnsafeBytes { all in
                CRC32.update(CRC32.update(0xFFFF_FFFF, UnsafeRawBufferPointer(rebasing: all[..<split])), UnsafeRawBufferPointer(rebasing: all[split...]))
            }
            #expect(crc ^ 0xFFFF_FFFF == FasterPathTests.referenceCRC32(bytes))
        }
    }

    @Test func statusNamesAndSpokenDatesAreAsBefore() {
        for rag in RAGStatus.allCases { #expect(rag.label == rag.rawValue.capitalized) }
        for year in [0, 1, 9, 10, 99, 100, 999, 1000, 2027, 9999] {
            for month in 1...12 {
                #expect(DayDate.spoken(day: nil, month: month, year: year) == "\(DayDate.monthNames[month - 1]) \(year)")
                for day in [0, 1, 9, 10, 31, 99, 9999] {
                    #expect(DayDate.spoken(day: day, month: month, year: year) == "\(day) \(DayDate.monthNames[month - 1]) \(year)")
                }
            }
        }
        #expect(DayDate.spoken(day: -1, month: 3, year: 10_000) == "-1 March 10000")
    }

    @Test func markedActualsAreNoNumberAsBefore() {
        let texts = ["12 ✓", "12 ✗", "12  ✓", " ✓", "✓", "12 ✓ ", "£5 ✓", "5% ✗", "\t ✓", "a ✓", "\u{A0} ✓", "1\u{301} ✓", "12 ✓\u{301}", "\n ✓"]
            + ReportFastPathTests.random(["1", "2", ".", " ", "\t", "✓", "✗", "£", "%", "\u{A0}", "\u{301}", "a", "\n"], count: 4_000, seed: 22)
        for text in texts {
            let fast = MeasureSeries.number(text), reference = ReportFastPathTests.referenceNumber(text)
            #expect(fast == reference || (fast?.isNaN == true && reference?.isNaN == true), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theLatestUpdateIsFoundAsBefore() {
        var random = SeededRandom(seed: 23)
        let days = ["2027-01-31", "2027-01-31", "2027-02-28", "2027-05-02", "2026-12-01", "2027-1-5", ""]
        for _ in 0..<1_000 {
            let updates = (0..<Int.random(in: 0...7, using: &random)).map { index in
                ProgressUpdate(date: days.randomElement(using: &random)!, reviewer: "R", status: .onTrack, note: "n\(index)",
                               recordedAt: Date(timeIntervalSince1970: 0),
                               supersedes: index > 0 && Int.random(in: 0...3, using: &random) == 0 ? Int.random(in: 1...index, using: &random) : nil,
                               withdrawal: Int.random(in: 0...5, using: &random) == 0 ? true : nil)
            }
            let superseded = Set(updates.compactMap(\.supersedes))
            var reference: ProgressUpdate?
            for (offset, update) in updates.enumerated() where update.withdrawal != true && !superseded.contains(offset + 1) {
                if let found = reference, update.date < found.date { continue }
                reference = update
            }
            #expect(Action(ref: "A1", description: "Action", updates: updates).latestUpdate == reference)
        }
    }
}
