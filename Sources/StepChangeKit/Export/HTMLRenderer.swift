import Foundation

/// Renders a `Report` as one self-contained HTML file: inline CSS with an A4 print stylesheet (each
/// section on a new page), inline SVG bar charts, semantic headings and table headers, RAG shown by
/// colour and by its text label. Every piece of text is escaped; no scripts, no external resources.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String { String(decoding: document(report), as: UTF8.self) }

    /// The page as UTF-8 bytes: what `render` returns, written into one buffer.
    public static func document(_ report: Report) -> [UInt8] {
        var out = ByteText(capacity: 1 << 16)
        out.append("""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(report.title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        <header>

        """)
        if let notice = report.notice { out.append("<p class=\"notice\" role=\"note\">\(escape(notice))</p>\n") }
        out.append("<h1>\(escape(report.title))</h1>\n")
        if !report.metadata.isEmpty { out.append(fields(report.metadata, className: "meta")) }
        out.append("</header>\n")
        for section in report.sections {
            let anchor = "part-" + identifier(section.id)
            let wide = section.blocks.contains { if case .table(let table) = $0 { table.header.count >= 8 } else { false } }
            out.append("<section class=\"part\(wide ? " wide" : "")\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-heading\">\n")
            out.append("<h2 id=\"\(anchor)-heading\">\(escape(section.heading))</h2>\n")
            for block in section.blocks {
                if case .table(let table) = block { Self.table(table, into: &out) } else { out.append(render(block)) }
            }
            out.append("</section>\n")
        }
        out.append("</main>\n</body>\n</html>\n")
        return out.bytes
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text):
            let tag = "h\(min(6, max(2, level + 1)))"
            return "<\(tag)>\(escape(text))</\(tag)>\n"
        case .paragraph(let text):
            return "<p>\(lines(text))</p>\n"
        case .fields(let fields):
            return Self.fields(fields, className: "fields")
        case .list(let title, let items):
            let list = "<ul>\n" + items.map { "<li>\(lines($0))</li>\n" }.joined() + "</ul>\n"
            guard let title else { return list }
            return "<div class=\"list\">\n<p class=\"list-title\">\(escape(title))</p>\n" + list + "</div>\n"
        case .table(let table):
            return Self.table(table)
        case .barChart(let chart):
            return Self.chart(chart)
        case .lineChart(let chart):
            return Self.lineChart(chart)
        case .nothingYet(let text):
            return "<p class=\"nothing-yet\">\(lines(text))</p>\n"
        }
    }

    static func fields(_ fields: [ReportField], className: String) -> String {
        "<dl class=\"\(className)\">\n" + fields.map { "<dt>\(escape($0.label))</dt><dd>\(lines($0.value))</dd>\n" }.joined() + "</dl>\n"
    }

    static func table(_ table: ReportTable) -> String {
        var out = ByteText()
        Self.table(table, into: &out)
        return out.string
    }

    /// The table's HTML appended to `out`: a header row, then each row with its first cell as the row's header.
    static func table(_ table: ReportTable, into out: inout ByteText) {
        out.append("<div class=\"table\">\n<table>\n")
        if let caption = table.caption {
            out.append("<caption>")
            out.append(escape(caption))
            out.append("</caption>\n")
        }
        out.append("<thead>\n<tr>")
        for text in table.header {
            out.append("<th scope=\"col\">")
            out.append(lines(text))
            out.append("</th>")
        }
        out.append("</tr>\n</thead>\n<tbody>\n")
        for row in table.rows {
            out.append("<tr>")
            for (index, cell) in row.enumerated() {
                switch cell {
                case .number, .date, .text:
                    let text: String
                    if case .text(let value) = cell { text = value } else { text = cell.plainText }
                    out.append(index == 0 ? "<th scope=\"row\">" : "<td>")
                    out.append(lines(text))
                    out.append(index == 0 ? "</th>" : "</td>")
                case .status(let rag, let label):
                    out.append(index == 0 ? "<th scope=\"row\" class=\"rag rag-" : "<td class=\"rag rag-")
                    out.append(rag.rawValue)
                    out.append("\"><span class=\"rag-chip\">")
                    out.append(escape(rag.label))
                    out.append("</span> ")
                    out.append(escape(label))
                    out.append(index == 0 ? "</th>" : "</td>")
                }
            }
            out.append("</tr>\n")
        }
        out.append("</tbody>\n</table>\n</div>\n")
    }

    /// A horizontal bar chart as inline SVG, with a text alternative for screen readers.
    static func chart(_ chart: ReportBarChart) -> String {
        let labelWidth = 300, plotWidth = 340, valueWidth = 110, rowHeight = 30, top = 10
        let width = labelWidth + plotWidth + valueWidth
        let height = top + chart.bars.count * rowHeight + 26
        func x(_ value: Double) -> Double {
            Double(labelWidth) + (chart.maximum > 0 ? value / chart.maximum : 0) * Double(plotWidth)
        }
        let description = chart.bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; ")
        let id = "chart-" + identifier(chart.title)
        var svg = "<figure class=\"chart\">\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(escape(chart.title))</title>\n<desc id=\"\(id)-desc\">\(escape(description))</desc>\n"
        let axisBottom = top + chart.bars.count * rowHeight
        for tick in chart.ticks {
            let position = number(x(tick))
            svg += "<line x1=\"\(position)\" y1=\"\(top)\" x2=\"\(position)\" y2=\"\(axisBottom)\" class=\"grid\"/>"
            svg += "<text x=\"\(position)\" y=\"\(axisBottom + 18)\" text-anchor=\"middle\" class=\"tick\">\(number(tick))</text>\n"
        }
        for (index, bar) in chart.bars.enumerated() {
            let y = top + index * rowHeight
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 20)\" text-anchor=\"end\" class=\"label\">\(escape(bar.label))</text>"
            if let value = bar.value {
                let barWidth = number(x(max(0, min(value, chart.maximum))) - Double(labelWidth))
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(barWidth)\" height=\"\(rowHeight - 12)\" class=\"\(bar.earlier ? "bar earlier" : "bar")\"/>"
            }
            svg += "<text x=\"\(labelWidth + plotWidth + 8)\" y=\"\(y + 20)\" class=\"value\">\(escape(bar.valueText))</text>\n"
        }
        svg += "</svg>\n<figcaption>\(escape(chart.title))</figcaption>\n</figure>\n"
        return svg
    }

    /// A line chart as inline SVG: one coloured line with point markers per series, the points along the
    /// bottom, the axis at each whole number, a legend, and the values in the SVG's description.
    static func lineChart(_ chart: ReportLineChart) -> String {
        let left = 40, plotWidth = 520, legendWidth = 300, top = 12, plotHeight = 220
        let width = left + plotWidth + legendWidth, height = top + plotHeight + 40
        let colours = ["#0b3d5c", "#c0392b", "#1e7b34", "#b7791f", "#6b46c1", "#2b6cb0", "#555555"]
        let span = max(chart.maximum - chart.minimum, 1)
        func x(_ index: Int) -> Double {
            Double(left) + (chart.points.count > 1 ? Double(index) / Double(chart.points.count - 1) : 0.5) * Double(plotWidth - 40) + 20
        }
        func y(_ value: Double) -> Double { Double(top) + (1 - (value - chart.minimum) / span) * Double(plotHeight) }
        let description = chart.series.map { line in
            line.label + ": " + zip(chart.points, line.values).map { "\($0) \($1.map { String(format: "%.2f", $0) } ?? "none")" }.joined(separator: ", ")
        }.joined(separator: "; ")
        let id = "chart-" + identifier(chart.title)
        var svg = "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(escape(chart.title))</title>\n<desc id=\"\(id)-desc\">\(escape(description))</desc>\n"
        for tick in Int(chart.minimum.rounded(.up))...max(Int(chart.minimum.rounded(.up)), Int(chart.maximum.rounded(.down))) {
            let position = number(y(Double(tick)))
            svg += "<line x1=\"\(left)\" y1=\"\(position)\" x2=\"\(left + plotWidth)\" y2=\"\(position)\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 8)\" y=\"\(position)\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">\(tick)</text>\n"
        }
        for (index, point) in chart.points.enumerated() {
            svg += "<text x=\"\(number(x(index)))\" y=\"\(top + plotHeight + 20)\" text-anchor=\"middle\" class=\"tick\">\(escape(point))</text>\n"
        }
        for (index, line) in chart.series.enumerated() {
            let colour = colours[index % colours.count]
            let points = line.values.enumerated().compactMap { offset, value in value.map { "\(number(x(offset))),\(number(y($0)))" } }
            if points.count > 1 {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
            }
            for point in points {
                let parts = point.split(separator: ",")
                svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"4\" fill=\"\(colour)\"/>"
            }
            let legendY = top + 10 + index * 22
            svg += "<rect x=\"\(left + plotWidth + 16)\" y=\"\(legendY - 6)\" width=\"14\" height=\"4\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(left + plotWidth + 36)\" y=\"\(legendY)\" class=\"label\">\(escape(line.label))</text>\n"
        }
        return svg + "</svg>\n<figcaption>\(escape(chart.title))</figcaption>\n</figure>\n" + table(chart.table)
    }

    /// Text with `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ text: String) -> String {
        // Text without markup characters or controls (the common case) is returned as it is.
        if UTF8Scan.all(text, { byte in
            byte >= 0x20 ? byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x27
                : byte == 0x0A || byte == 0x09
        }) { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaped text with its line breaks kept as `<br>`.
    static func lines(_ text: String) -> String {
        // A single line (the common case) is just escaped.
        if !UTF8Scan.any(text, { $0 == 0x0A || $0 == 0x0D }) { return escape(text) }
        return text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { escape(String($0)) }.joined(separator: "<br>")
    }

    static func identifier(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

    static let stylesheet = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fff; color: #1b1b1b; font: 15px/1.45 "Segoe UI", Arial, Helvetica, sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 1.9em; margin: 0 0 .4em; color: #0b3d5c; }
    h2 { font-size: 1.5em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 3px solid #0b3d5c; color: #0b3d5c; }
    h3 { font-size: 1.2em; margin: 1.4em 0 .4em; color: #0b3d5c; }
    h4 { font-size: 1.02em; margin: 1.2em 0 .3em; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .5em 0 1em; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .notice { margin: 0 0 1em; padding: .5em .9em; border: 3px solid #b3261e; color: #b3261e; font-weight: 700; font-size: 1.1em; }
    dl.meta { padding: .6em .9em; background: #eef4f8; border-left: 4px solid #0b3d5c; }
    .list-title { font-weight: 600; margin: .8em 0 .2em; }
    ul { margin: .2em 0 .8em; padding-left: 1.4em; }
    .nothing-yet { font-style: italic; color: #555; }
    .table { overflow-x: auto; margin: .6em 0 1.2em; }
    table { border-collapse: collapse; width: 100%; font-size: .88em; }
    caption { text-align: left; font-weight: 600; padding: .3em 0; }
    th, td { border: 1px solid #9aa5ad; padding: .35em .5em; text-align: left; vertical-align: top; }
    thead th { background: #0b3d5c; color: #fff; }
    tbody th { background: #f3f6f8; font-weight: 600; }
    .rag { font-weight: 600; }
    .rag-chip { display: inline-block; min-width: 3.6em; padding: 0 .4em; margin-right: .3em; border-radius: 3px; text-align: center; }
    .rag-blue .rag-chip { background: #1d5fb4; color: #fff; }
    .rag-green .rag-chip { background: #1e7b34; color: #fff; }
    .rag-amber .rag-chip { background: #f0a500; color: #1b1b1b; }
    .rag-red .rag-chip { background: #b3261e; color: #fff; }
    .rag-grey .rag-chip { background: #d0d4d8; color: #1b1b1b; }
    figure.chart { margin: .6em 0 1.2em; }
    figure.chart svg { max-width: 100%; height: auto; }
    figcaption { font-size: .88em; color: #444; }
    svg .bar { fill: #1d5fb4; }
    svg .bar.earlier { fill: #9db9e3; }
    svg .grid { stroke: #c8cfd4; stroke-width: 1; }
    svg .label, svg .value, svg .tick { font: 13px "Segoe UI", Arial, Helvetica, sans-serif; fill: #1b1b1b; }
    svg .tick { fill: #555; }
    @page { size: A4; margin: 15mm; }
    @page wide { size: A4 landscape; margin: 12mm; }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      section.part + section.part { break-before: page; page-break-before: always; }
      section.wide { page: wide; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      tr, figure, dl { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      .table { overflow: visible; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
