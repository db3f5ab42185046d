import Foundation

/// Writes report tables as an Excel workbook (Office Open XML, `.xlsx`) with our own stored ZIP: one
/// sheet per table, a bold frozen header row with an autofilter, printed landscape one page wide, column widths that suit the content,
/// numbers as numbers, dates as real dates shown "31 March 2027" (months "March 2027"), RAG statuses
/// shaded in their colour with their label, and every string escaped and written inline.
public enum XlsxWriter {
    /// The workbook of `tables`, titled `title` in its document properties. An empty list still gives
    /// one sheet, saying there is nothing to show. A `notice` (an attributed export's warning) is the
    /// first sheet, on its own, and the printed header of every sheet.
    public static func workbook(_ tables: [ReportTable], title: String, notice: String? = nil) -> Data {
        var sheets = tables.isEmpty ? [ReportTable(caption: "Nothing yet", header: ["Nothing to show yet"], rows: [])] : tables
        if let notice { sheets.insert(ReportTable(caption: "Not for publication", header: [notice], rows: []), at: 0) }
        let names = sheetNames(sheets.map { $0.caption ?? "Table" })
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", contentTypes(count: sheets.count))
        zip.add("_rels/.rels", packageRelationships)
        zip.add("docProps/core.xml", coreProperties(title: title))
        zip.add("docProps/app.xml", appProperties(names))
        zip.add("xl/workbook.xml", workbookXML(names, tables: sheets))
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count))
        zip.add("xl/styles.xml", styles)
        for (index, table) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", sheetXML(table, notice: notice))
        }
        return zip.data
    }

    // MARK: - Sheets

    /// Style indexes in `styles`' cellXfs.
    enum Style: Int {
        case text = 1, header, day, month, number
        static func rag(_ rag: RAGStatus) -> Int {
            switch rag {
            case .blue: 6
            case .green: 7
            case .amber: 8
            case .red: 9
            case .grey: 10
            }
        }
        /// Numbers shown as 0.00.
        static let twoDecimals = 11
    }

    static func sheetXML(_ table: ReportTable, notice: String? = nil) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0, 1)
        let lastColumn = Sheet.columnName(columns - 1)
        let lastRow = table.rows.count + 1
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:\(lastColumn)\(lastRow)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in columnWidths(table, columns: columns).enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += "<row r=\"1\">" + (0..<columns).map { index in
            inlineString(index < table.header.count ? table.header[index] : "", reference: "\(Sheet.columnName(index))1", style: .header)
        }.joined() + "</row>"
        xml += String(decoding: rowsXML(table.rows), as: UTF8.self)
        xml += "</sheetData><autoFilter ref=\"A1:\(lastColumn)\(lastRow)\"/>"
            + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + (notice.map { "<headerFooter><oddHeader>&amp;C\(escape($0.replacingOccurrences(of: "&", with: "&&")))</oddHeader></headerFooter>" } ?? "")
            + "</worksheet>"
        return xml
    }

    /// The rows under the header, from row 2, as `cellXML` writes each cell: text and status cells (nearly
    /// all) are written straight into one buffer, with each column's letters worked out once.
    static func rowsXML(_ rows: [[ReportCell]]) -> [UInt8] {
        var out = ByteText(capacity: 1 << 16)
        var letters: [String] = []
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 2
            out.append("<row r=\"")
            out.append(number)
            out.append("\">")
            while letters.count < row.count { letters.append(Sheet.columnName(letters.count)) }
            // `<c r="B7" s="3"`: a cell's opening up to its style, as `cellXML` writes it.
            func open(_ index: Int, style: Int) {
                out.append("<c r=\"")
                out.append(letters[index])
                out.append(number)
                out.append("\" s=\"")
                out.append(style)
            }
            for (index, cell) in row.enumerated() {
                let style: Int
                let text: String
                switch cell {
                case .text(let value):
                    guard !value.isEmpty else { continue }
                    style = Style.text.rawValue
                    text = value
                case .status(let rag, _):
                    style = Style.rag(rag)
                    text = cell.plainText
                case .number(let value, let shown):
                    guard value.isFinite, let twoDecimals = asciiTwoDecimals(shown) else {
                        out.append(cellXML(cell, reference: letters[index] + String(number)))
                        continue
                    }
                    open(index, style: twoDecimals ? Style.twoDecimals : Style.number.rawValue)
                    out.append("\"><v>")
                    out.append(CSVWriter.plainNumber(value))
                    out.append("</v></c>")
                    continue
                case .date(let date):
                    guard let canonical = Milestone.parse(date), let serial = serial(canonical) else {
                        out.append(cellXML(cell, reference: letters[index] + String(number)))
                        continue
                    }
                    open(index, style: canonical.count == 7 ? Style.month.rawValue : Style.day.rawValue)
                    out.append("\"><v>")
                    out.append(serial)
                    out.append("</v></c>")
                    continue
                }
                open(index, style: style)
                out.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                out.append(escape(text))
                out.append("</t></is></c>")
            }
            out.append("</row>")
        }
        return out.bytes
    }

    /// Whether `cellXML` shows an ASCII number text with two decimals: it holds a "." and its last non-empty
    /// piece between dots is two digits ("0.50", "1.25."). Nil for other text, which `cellXML` decides.
    static func asciiTwoDecimals(_ text: String) -> Bool? {
        guard UTF8Scan.all(text, { $0 < 0x80 }) else { return nil }
        var last = 0, lastDigits = true, current = 0, currentDigits = true, dot = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                dot = true
                if current > 0 { (last, lastDigits) = (current, currentDigits) }
                (current, currentDigits) = (0, true)
            } else {
                current += 1
                currentDigits = currentDigits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            }
        }
        if current > 0 { (last, lastDigits) = (current, currentDigits) }
        return dot && last == 2 && lastDigits
    }

    static func cellXML(_ cell: ReportCell, reference: String) -> String {
        switch cell {
        case .text(let text):
            return text.isEmpty ? "" : inlineString(text, reference: reference, style: .text)
        case .status(let rag, _):
            return "<c r=\"\(reference)\" s=\"\(Style.rag(rag))\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(cell.plainText))</t></is></c>"
        case .number(let value, let text):
            guard value.isFinite else { return inlineString(cell.plainText, reference: reference, style: .text) }
            // Shown with two decimals when the report writes it so (means and their changes: 0.50, not 0.5).
            let twoDecimals = text.split(separator: ".").last.map { $0.count == 2 && $0.allSatisfy(\.isNumber) } ?? false
            let style = text.contains(".") && twoDecimals ? Style.twoDecimals : Style.number.rawValue
            return "<c r=\"\(reference)\" s=\"\(style)\"><v>\(CSVWriter.plainNumber(value))</v></c>"
        case .date(let text):
            guard let canonical = Milestone.parse(text), let serial = serial(canonical) else {
                return inlineString(text, reference: reference, style: .text)
            }
            let style: Style = canonical.count == 7 ? .month : .day
            return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(serial)</v></c>"
        }
    }

    static func inlineString(_ text: String, reference: String, style: Style) -> String {
        "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
    }

    /// The spreadsheet serial day number of `2027-03-31` (or of the first of a month `2027-03`): days since 30 December 1899.
    static func serial(_ canonical: String) -> Int? {
        guard let (year, month, day) = DayDate.parse(canonical.count == 7 ? canonical + "-01" : canonical) else { return nil }
        // Days from the civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let daysSince1970 = era * 146_097 + dayOfEra - 719_468
        return daysSince1970 + 25_569
    }

    /// Widths in characters: each column as wide as its longest line (header included), between 8 and 45.
    static func columnWidths(_ table: ReportTable, columns: Int) -> [Int] {
        (0..<columns).map { index in
            var longest = longestLine(index < table.header.count ? table.header[index] : "")
            for row in table.rows where index < row.count {
                if case .text(let text) = row[index] {
                    longest = max(longest, longestLine(text))
                } else {
                    longest = max(longest, longestLine(row[index].plainText))
                }
            }
            return min(45, max(8, longest + 2))
        }
    }

    /// The length in characters of the longest line of `text` (0 for none): ASCII text without a carriage
    /// return (nearly all) is counted by bytes; other text by Character, as it always was ("\r\n" is one).
    static func longestLine(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var longest = 0, current = 0
            for byte in bytes {
                if byte == 0x0A {
                    longest = max(longest, current)
                    current = 0
                } else if byte >= 0x80 || byte == 0x0D {
                    return nil
                } else {
                    current += 1
                }
            }
            return max(longest, current)
        }
        if let counted, let counted { return counted }
        return text.split(separator: "\n").map(\.count).max() ?? 0
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique ignoring case.
    static func sheetNames(_ captions: [String]) -> [String] {
        var used = Set<String>()
        return captions.map { caption in
            let cleaned = String(caption.filter { !"[]:*?/\\'".contains($0) && !$0.isNewline }.prefix(31))
            var name = cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "Table" : cleaned
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " \(counter)"
                name = String(cleaned.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    static func escape(_ text: String) -> String { DocxWriter.escape(text) }

    // MARK: - Package parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(count: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + (1...count).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    static let packageRelationships = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static func coreProperties(title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(escape(title))</dc:title><dc:creator>stepchange</dc:creator></cp:coreProperties>"
    }

    static func appProperties(_ names: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>stepchange</Application></Properties>"
    }

    static func workbookXML(_ names: [String], tables: [ReportTable]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, table) in tables.enumerated() {
            let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0, 1)
            let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
            xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(escape(quoted))!$A$1:$\(Sheet.columnName(columns - 1))$\(table.rows.count + 1)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(count: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...count).map { "<Relationship Id=\"rId\($0)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Fonts (plain, bold white), fills (none, gray125, header navy, then blue/green/amber/red/grey for RAG),
    /// and the cell formats `Style` names: text wraps at the top, dates "d mmmm yyyy", months "mmmm yyyy",
    /// then the RAG fills and two-decimal numbers.
    static let styles: String = {
        let ragFills = ["BDD7EE", "C6EFCE", "FFE699", "F4B6B6", "E0E0E0"]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"\(mainNamespace)\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"d mmmm yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"mmmm yyyy\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><color rgb=\"FFFFFFFF\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"\(3 + ragFills.count)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF0B3D5C\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        xml += ragFills.map { "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\($0)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }.joined()
        xml += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(7 + ragFills.count)\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"top\"/></xf>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"top\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        xml += (0..<ragFills.count).map { "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"\(3 + $0)\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" }.joined()
        xml += "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        return xml + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }()
}
