import Foundation

/// A line chart drawn in a Word document as DrawingML shapes (a group of lines, markers and text boxes
/// inside one inline drawing), so Word and LibreOffice show real lines; the numbers follow as a table.
struct DocxLineChart {
    let chart: ReportLineChart
    /// The width of the text column in twentieths of a point.
    let widthTwips: Int

    static let colours = ["0B3D5C", "C0392B", "1E7B34", "B7791F", "6B46C1", "2B6CB0", "555555"]
    static let groupNamespace = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
    static let shapeNamespace = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let graphicNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"

    var width: Int { widthTwips * 635 }
    let height = 2_880_000
    var legendWidth: Int { min(width * 30 / 100, 2_400_000) }
    var plotLeft: Int { 420_000 }
    var plotRight: Int { width - legendWidth - 120_000 }
    let plotTop = 120_000
    var plotBottom: Int { height - 420_000 }
    var plotWidth: Int { plotRight - plotLeft }
    var plotHeight: Int { plotBottom - plotTop }
    /// Space at either end of the horizontal axis so the first and last markers are not on the edge.
    var inset: Int { plotWidth / max(2 * chart.points.count, 4) }

    func x(_ index: Int) -> Int {
        let usable = plotWidth - 2 * inset
        return plotLeft + inset + (chart.points.count > 1 ? usable * index / (chart.points.count - 1) : usable / 2)
    }

    func y(_ value: Double) -> Int {
        let span = max(chart.maximum - chart.minimum, 1)
        let share = min(1, max(0, (value - chart.minimum) / span))
        return plotTop + Int((1 - share) * Double(plotHeight))
    }

    /// The caption, the drawing and the table of values.
    func xml() -> String {
        var shapes = ""
        var id = 1
        func next() -> Int { id += 1; return id }
        let ticks = Array(Int(chart.minimum.rounded(.up))...max(Int(chart.minimum.rounded(.up)), Int(chart.maximum.rounded(.down))))
        // Grid: a line per whole score, and the axes.
        let grid = ticks.map { tick in (from: (plotLeft, y(Double(tick))), to: (plotRight, y(Double(tick)))) }
        shapes += lines(id: next(), name: "Grid", segments: grid, colour: "D0D7DE", width: 6_350)
        shapes += lines(id: next(), name: "Axes", segments: [(from: (plotLeft, plotTop), to: (plotLeft, plotBottom)), (from: (plotLeft, plotBottom), to: (plotRight, plotBottom))],
                        colour: "808080", width: 9_525)
        for tick in ticks {
            shapes += text(id: next(), "\(tick)", x: 0, y: y(Double(tick)) - 110_000, width: plotLeft - 80_000, height: 220_000, align: "right")
        }
        let slot = min(plotWidth / max(chart.points.count, 1), 1_800_000)
        for (index, point) in chart.points.enumerated() {
            shapes += text(id: next(), point, x: x(index) - slot / 2, y: plotBottom + 60_000, width: slot, height: 340_000, align: "center")
        }
        for (index, line) in chart.series.enumerated() {
            let colour = Self.colours[index % Self.colours.count]
            var runs: [[(Int, Int)]] = [[]]
            for (offset, value) in line.values.enumerated() {
                if let value { runs[runs.count - 1].append((x(offset), y(value))) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            let segments = runs.flatMap { run in zip(run, run.dropFirst()).map { (from: $0.0, to: $0.1) } }
            if !segments.isEmpty { shapes += lines(id: next(), name: line.label, segments: segments, colour: colour, width: 28_575) }
            for point in runs.joined() {
                shapes += marker(id: next(), x: point.0, y: point.1, colour: colour)
            }
            let legendY = plotTop + index * min(380_000, (height - plotTop) / max(chart.series.count, 1))
            let legendX = plotRight + 200_000
            shapes += lines(id: next(), name: "Key \(line.label)", segments: [(from: (legendX, legendY + 110_000), to: (legendX + 220_000, legendY + 110_000))], colour: colour, width: 28_575)
            shapes += text(id: next(), line.label, x: legendX + 300_000, y: legendY, width: width - legendX - 300_000, height: 360_000, align: "left")
        }
        let description = chart.series.map { line in
            line.label + ": " + zip(chart.points, line.values).map { "\($0) \($1.map { String(format: "%.2f", $0) } ?? "none")" }.joined(separator: ", ")
        }.joined(separator: "; ")
        let drawing = "<w:p><w:pPr><w:keepNext/><w:spacing w:after=\"120\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline xmlns:wp=\"\(Self.drawingNamespace)\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(1000 + chart.series.count)\" name=\"Trend chart\" descr=\"\(DocxWriter.escape(chart.title + ". " + description))\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"\(Self.graphicNamespace)\"><a:graphicData uri=\"\(Self.groupNamespace)\"><wpg:wgp xmlns:wpg=\"\(Self.groupNamespace)\" xmlns:wps=\"\(Self.shapeNamespace)\"><wpg:cNvGrpSpPr/>"
            + "<wpg:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm></wpg:grpSpPr>"
            + shapes + "</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        return "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>\(DocxWriter.run(chart.title))</w:p>" + drawing
    }

    /// Straight segments in one colour, as one shape spanning the chart.
    func lines(id: Int, name: String, segments: [(from: (Int, Int), to: (Int, Int))], colour: String, width lineWidth: Int) -> String {
        let paths = segments.map { segment in
            "<a:path w=\"\(width)\" h=\"\(height)\" fill=\"none\"><a:moveTo><a:pt x=\"\(segment.from.0)\" y=\"\(segment.from.1)\"/></a:moveTo>"
                + "<a:lnTo><a:pt x=\"\(segment.to.0)\" y=\"\(segment.to.1)\"/></a:lnTo></a:path>"
        }.joined()
        return "<wps:wsp><wps:cNvPr id=\"\(id)\" name=\"\(DocxWriter.escape(name))\"/><wps:cNvSpPr/><wps:spPr>"
            + "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>"
            + "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/><a:pathLst>\(paths)</a:pathLst></a:custGeom>"
            + "<a:noFill/><a:ln w=\"\(lineWidth)\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:round/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"
    }

    /// A round marker centred on a point.
    func marker(id: Int, x: Int, y: Int, colour: String) -> String {
        let size = 100_000
        return "<wps:wsp><wps:cNvPr id=\"\(id)\" name=\"Point\"/><wps:cNvSpPr/><wps:spPr>"
            + "<a:xfrm><a:off x=\"\(x - size / 2)\" y=\"\(y - size / 2)\"/><a:ext cx=\"\(size)\" cy=\"\(size)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"ellipse\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"
    }

    /// A borderless text box holding one line of small text.
    func text(id: Int, _ text: String, x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, align: String) -> String {
        "<wps:wsp><wps:cNvPr id=\"\(id)\" name=\"Label\"/><wps:cNvSpPr txBox=\"1\"/><wps:spPr>"
            + "<a:xfrm><a:off x=\"\(max(0, x))\" y=\"\(max(0, y))\"/><a:ext cx=\"\(max(1, boxWidth))\" cy=\"\(boxHeight)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"
            + "<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"\(align)\"/></w:pPr>"
            + DocxWriter.run(text, properties: "<w:color w:val=\"333333\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>")
            + "</w:p></w:txbxContent></wps:txbx>"
            + "<wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:noAutofit/></wps:bodyPr></wps:wsp>"
    }
}
