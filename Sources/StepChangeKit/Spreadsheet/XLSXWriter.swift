import Foundation

/// Writes a one-sheet Excel workbook (`.xlsx`) of text cells with the project's stored `ZipArchive`:
/// inline strings, the first rows frozen as headers, and optionally a drop-down list of choices on some
/// columns. Enough for a response template a spreadsheet program opens and `XLSXReader` reads back.
public enum XLSXWriter {
    /// The workbook bytes. `choices` puts a drop-down of `values` on `columns` from `firstRow` to `lastRow`.
    public static func workbook(sheetName: String, rows: [[String]],
                                choices: (columns: [Int], firstRow: Int, lastRow: Int, values: [String])? = nil) -> Data {
        var zip = ZipArchive()
        // The package around the sheet is the export workbook's, so both kinds of workbook open the same way.
        zip.add("[Content_Types].xml", XlsxWriter.contentTypes(count: 1))
        zip.add("_rels/.rels", XlsxWriter.packageRelationships)
        zip.add("docProps/core.xml", XlsxWriter.coreProperties(title: sheetName))
        zip.add("docProps/app.xml", XlsxWriter.appProperties([sheetName]))
        zip.add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"\(XlsxWriter.mainNamespace)\" xmlns:r=\"\(XlsxWriter.relationshipNamespace)\">"
            + "<sheets><sheet name=\"\(DocxWriter.escape(String(sheetName.prefix(31))))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        zip.add("xl/_rels/workbook.xml.rels", XlsxWriter.workbookRelationships(count: 1))
        zip.add("xl/styles.xml", XlsxWriter.styles)
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"\(XlsxWriter.mainNamespace)\">"
        if !rows.isEmpty {
            sheet += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(rows.count)\" topLeftCell=\"A\(rows.count + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        sheet += "<cols><col min=\"1\" max=\"\(max(1, rows.map(\.count).max() ?? 1))\" width=\"24\" customWidth=\"1\"/></cols><sheetData>"
        for (index, cells) in rows.enumerated() {
            sheet += "<row r=\"\(index + 1)\">"
            for (column, text) in cells.enumerated() where !text.isEmpty {
                sheet += "<c r=\"\(Sheet.columnName(column))\(index + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(DocxWriter.escape(text))</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData>"
        if let choices, !choices.columns.isEmpty, !choices.values.isEmpty {
            let ranges = choices.columns.map { "\(Sheet.columnName($0))\(choices.firstRow):\(Sheet.columnName($0))\(choices.lastRow)" }.joined(separator: " ")
            let list = choices.values.map { $0.replacingOccurrences(of: ",", with: " ") }.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"")
            sheet += "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(ranges)\">"
                + "<formula1>\(DocxWriter.escape("\"" + list + "\""))</formula1></dataValidation></dataValidations>"
        }
        sheet += "</worksheet>"
        zip.add("xl/worksheets/sheet1.xml", sheet)
        return zip.data
    }
}
