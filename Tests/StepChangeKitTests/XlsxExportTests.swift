import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeKit

/// True when python3 with openpyxl can read workbooks back (`.ci/run` installs openpyxl).
let openpyxlAvailable: Bool = ((try? python("import openpyxl")) ?? nil)?.status == 0

@Suite("Excel export")
struct XlsxExportTests {
    @Test func measuresWorkbookMatchesItsGoldenFile() throws {
        try expectGolden(try SessionExport.export(completeSession(), format: .xlsx, part: .measures), "complete-measures.xlsx")
    }

    @Test func everyPartIsAValidZipWithOneSheetPerTable() throws {
        for part in ReportPart.allCases {
            let entries = try unzipStored(try SessionExport.export(completeSession(), format: .xlsx, part: part))
            let tables = ReportBuilder(session: completeSession()).tables(part)
            for index in 1...tables.count { #expect(entries["xl/worksheets/sheet\(index).xml"] != nil, "\(part) sheet \(index)") }
            #expect(entries["xl/worksheets/sheet\(tables.count + 1).xml"] == nil)
            let sheet = text(entries["xl/worksheets/sheet1.xml"] ?? Data())
            #expect(sheet.contains("state=\"frozen\"") && sheet.contains("<autoFilter ref=\"A1:"), "\(part)")
        }
    }

    @Test func textIsEscapedAndControlCharactersDropped() throws {
        let table = ReportTable(caption: "Odd: [names]?", header: ["A & B"], rows: [[.text("<b>\"x\" & y\u{1}</b>")]])
        let entries = try unzipStored(XlsxWriter.workbook([table], title: "T & <T>"))
        let sheet = text(entries["xl/worksheets/sheet1.xml"] ?? Data())
        #expect(sheet.contains("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"))
        #expect(!sheet.contains("\u{1}"))
        #expect(text(entries["xl/workbook.xml"] ?? Data()).contains("name=\"Odd names\""))
        #expect(text(entries["docProps/core.xml"] ?? Data()).contains("<dc:title>T &amp; &lt;T&gt;</dc:title>"))
    }

    @Test(arguments: [("1900-03-01", 61), ("2027-03-31", 46477), ("2027-03", 46447), ("1970-01-01", 25569)])
    func datesAreSpreadsheetSerialDays(_ date: String, _ serial: Int) {
        #expect(XlsxWriter.serial(date) == serial)
    }

    @Test func sheetNamesAreShortUniqueAndLegal() {
        #expect(XlsxWriter.sheetNames(["Measures", "measures", String(repeating: "x", count: 40), "a/b"])
                == ["Measures", "measures 2", String(repeating: "x", count: 31), "ab"])
        #expect(Sheet.columnName(0) == "A" && Sheet.columnName(25) == "Z" && Sheet.columnName(26) == "AA")
    }

    @Test(.enabled(if: openpyxlAvailable, "python3 with openpyxl is not installed (python3 -m pip install openpyxl; .ci/run installs it)"))
    func openpyxlReadsTypedCells() throws {
        let url = Scratch.url("stepchange-\(UUID().uuidString).xlsx")
        try SessionExport.export(completeSession(), format: .xlsx, part: .all).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print("|".join(wb.sheetnames))
        ws = wb["Measures"]
        print(ws.freeze_panes, ws.auto_filter.ref)
        for row in ws.iter_rows(min_row=2, max_row=3, values_only=True):
            print(" ".join(f"{type(v).__name__}:{v}" for v in row))
        plan = wb["Action plan"]
        print(type(plan["J2"].value).__name__, plan["J2"].number_format, plan["I2"].fill.fgColor.rgb)
        """
        let result = try #require(try python(script, arguments: [url.path]))
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Self-assessment|Improvement statements|Outcomes|Action plan|Progress updates|Milestones|Measures")
        #expect(lines.contains("A2 A1:I5"))
        #expect(lines.contains("str:A1.1 str:Parents recruited and trained str:Quarterly int:0 datetime:2027-02-01 00:00:00 int:6 int:8 datetime:2027-02-15 00:00:00 str:on track"))
        #expect(lines.contains("datetime mmmm yyyy FFBDD7EE"), "\(result.output)")
    }
}

@Suite("CRC-32 table")
struct CRCTableTests {
    @Test func thePrecomputedTableIsThePolynomialRunEightTimes() {
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            #expect(CRC32.table[index] == value, "entry \(index)")
        }
    }
}
