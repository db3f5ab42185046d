import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import StepChangeKit

@Suite("Word trend chart")
struct DocxLineChartTests {
    let chart = ReportLineChart(title: "Mean consensus by heading, 2023 to 2026", points: ["2023", "2024", "2025", "2026"], minimum: 1, maximum: 5, series: [
        .init(label: "LN Understanding Local Need", values: [2, 2.5, 3, 3.5]),
        .init(label: "PL Policy levers", values: [1.5, 2, nil, 4]),
    ])

    func document() throws -> String {
        let report = Report(title: "Trend", sections: [ReportSection(id: "trend", heading: "Consensus over time", blocks: [.lineChart(chart)])])
        let entries = try unzipStored(DocxWriter.document(report))
        let data = try #require(entries["word/document.xml"])
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        #expect(parser.parse(), "word/document.xml is not well-formed: \(String(describing: parser.parserError))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theTrendIsDrawnAsLinesNotBars() throws {
        let xml = try document()
        #expect(xml.contains("<wp:inline xmlns:wp="))
        #expect(xml.contains("<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\"><wpg:wgp"))
        // One line shape per series, named after it, in its own colour; a gap (nil) breaks the line.
        #expect(xml.contains("name=\"LN Understanding Local Need\""))
        #expect(xml.contains("name=\"PL Policy levers\""))
        #expect(xml.contains("<a:srgbClr val=\"0B3D5C\"/>") && xml.contains("<a:srgbClr val=\"C0392B\"/>"))
        let policyLine = try #require(xml.range(of: "name=\"PL Policy levers\"")).upperBound
        let policyShape = String(xml[policyLine...]).components(separatedBy: "</wps:wsp>")[0]
        #expect(policyShape.components(separatedBy: "<a:lnTo>").count - 1 == 1, "2023 to 2024 only: no segment across the missing 2025 value")
        // Seven markers: four on the first line, three on the second.
        #expect(xml.components(separatedBy: "name=\"Point\"").count - 1 == 7)
        // Axis labels, the key and the values table are text.
        for label in ["2023", "2024", "2025", "2026", "LN Understanding Local Need", "2.50", "4.00"] {
            #expect(xml.contains(">\(label)</w:t>"), "\(label)")
        }
        #expect(!xml.contains("w:trHeight"), "no bars drawn as shaded table cells")
    }

    @Test func valuesOutsideTheAxisStayInsideThePlot() {
        let drawing = DocxLineChart(chart: ReportLineChart(title: "t", points: ["a"], minimum: 1, maximum: 5, series: [.init(label: "x", values: [9])]), widthTwips: 9638)
        #expect(drawing.y(9) == drawing.plotTop)
        #expect(drawing.y(-3) == drawing.plotBottom)
        #expect(drawing.x(0) == drawing.plotLeft + (drawing.plotWidth - 2 * drawing.inset) / 2 + drawing.inset)
    }
}
