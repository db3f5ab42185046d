import Foundation
import StepChangeTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import StepChangeKit

/// A session whose every piece of user text tries to break out of its format.
func hostileSession() -> Session {
    var session = completeSession()
    session.title = "Riverside <script>alert('title')</script> & co"
    session.participants[0].name = "<script>alert(1)</script>"
    session.assessments[0].evidence = ["<img src=x onerror=alert(1)>", "cell | with pipe\nand a second line", "bell\u{7}char"]
    session.statements[0].text = "Statement with | pipe and\nnewline"
    session.plans[0].actions[0].description = "=cmd()"
    session.plans[0].actions[0].objective = "+SUM(A1:A2)"
    session.plans[0].actions[0].lead = "-2+3"
    session.plans[0].actions[0].outputImpact = "@attack"
    session.plans[0].actions[1].description = "\tTabbed, \"quoted\", and\r\ncarriage"
    session.plans[0].actions[1].lead = "\rreturn"
    return session
}

/// Parses RFC 4180 CSV (after the BOM) into rows of fields.
func parseCSV(_ data: Data) -> [[String]] {
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" { quoted = true
        } else if c == "," { row.append(field); field = ""
        } else if c == "\r" && scalars.first == "\n" { scalars.removeFirst(); row.append(field); rows.append(row); row = []; field = ""
        } else { field.unicodeScalars.append(c) }
    }
    return rows
}

/// The entries of a stored ZIP, checking each local header against the central directory and its CRC.
func unzipStored(_ data: Data) throws -> [String: Data] {
    let bytes = [UInt8](data)
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    struct Bad: Error, CustomStringConvertible { var description: String }
    guard bytes.count >= 22, let end = (0...(bytes.count - 22)).reversed().first(where: { u32($0) == 0x0605_4B50 }) else {
        throw Bad(description: "no end of central directory")
    }
    let count = u16(end + 10)
    var at = Int(u32(end + 16))
    var entries: [String: Data] = [:]
    for _ in 0..<count {
        guard u32(at) == 0x0201_4B50 else { throw Bad(description: "bad central directory entry at \(at)") }
        let crc = u32(at + 16), size = Int(u32(at + 20)), nameLength = u16(at + 28)
        let extra = u16(at + 30), comment = u16(at + 32), offset = Int(u32(at + 42))
        let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        guard u32(offset) == 0x0403_4B50, u16(offset + 8) == 0, u32(offset + 14) == crc else {
            throw Bad(description: "local header of \(name) does not match")
        }
        let start = offset + 30 + u16(offset + 26) + u16(offset + 28)
        let content = Data(bytes[start..<(start + size)])
        guard CRC32.checksum(content) == crc else { throw Bad(description: "CRC of \(name) is wrong") }
        entries[name] = content
        at += 46 + nameLength + extra + comment
    }
    return entries
}

/// True when python3 with python-docx can read Word documents back (`.ci/run` installs python-docx).
let pythonDocxAvailable: Bool = ((try? python("import docx")) ?? nil)?.status == 0

/// Runs python3 with a script; nil when python3 is not installed.
func python(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String)? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// True when python3 is installed: tests that read exports back with it are skipped (and reported as skipped) otherwise.
let pythonIsInstalled: Bool = (try? python("print(1)"))?.status == 0

func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

@Suite("Export content")
struct ExportContentTests {
    @Test func defaultExportsNameNobody() throws {
        let session = completeSession()
        for format in [ExportFormat.markdown, .html] {
            let output = text(try SessionExport.export(session, format: format))
            for person in session.participants { #expect(!output.contains(person.name), "\(format) names \(person.name)") }
            #expect(!output.contains("Individual scores"))
        }
        let csv = text(try SessionExport.export(session, format: .csv, part: .assessment))
        #expect(!csv.contains("Ann Lee") && !csv.contains("Raj Patel"))
        let docx = try unzipStored(try SessionExport.export(session, format: .docx))
        #expect(!text(docx["word/document.xml"]!).contains("Ann Lee"))
    }

    @Test func attributedExportsNameParticipantsAndTheirScores() throws {
        let markdown = text(try SessionExport.export(completeSession(), format: .markdown, attributed: true))
        #expect(markdown.contains("| Ann Lee | Riverside Council | statutory |"))
        #expect(markdown.contains("**Individual scores**"))
        #expect(markdown.contains("| Ann Lee | 1 | 2 |"))
        #expect(markdown.contains("**Votes by participant:** Ann Lee 2, Raj Patel 3, Kim Shaw 3"))
        #expect(markdown.contains("| Reviewer |"))
        let csv = parseCSV(try SessionExport.export(completeSession(), format: .csv, part: .assessment, attributed: true))
        #expect(csv[0] == ["Contains names and individual scores — not for publication."])
        #expect(csv[1].suffix(5) == ["Ann Lee (final round)", "Raj Patel (final round)", "Mia Jones (final round)",
                                     "Tom Brown (final round)", "Kim Shaw (final round)"])
        #expect(csv[3].suffix(5) == ["2", "3", "2", "2", "3"])
    }

    @Test func jsonIsCountsOnlyUnlessAttributed() throws {
        let data = try SessionExport.export(completeSession(), format: .json)
        let root = try JSONValue.parse(data, source: "export.json")
        guard case .object(let fields) = root, case .object(let people)? = fields["participants"] else {
            Issue.record("the export has no participants summary")
            return
        }
        #expect(people["count"] == .number(5))
        #expect(fields["votes"] == nil && fields["assessmentCursor"] == nil)
        #expect(!text(data).contains("\"participant\"") && !text(data).contains("\"reviewer\"") && !text(data).contains("\"comment\""))
        #expect(throws: StepChangeError.self) { try SessionCodec.decode(data, source: "export.json") }
        let attributed = try SessionExport.export(completeSession(), format: .json, attributed: true)
        #expect(try SessionCodec.decode(attributed, source: "export.json") == completeSession())
        #expect(text(attributed).hasPrefix("{\n  \"_notice\" : \"Contains names and individual scores — not for publication.\","))
    }

    @Test func actionsShowLatestStatusAndHistory() throws {
        let markdown = text(try SessionExport.export(completeSession(), format: .markdown, part: .actions))
        #expect(markdown.contains("| **Blue**: Action complete | March 2027 | Panel in place |"))
        #expect(markdown.contains("| A1.1 | 15 February 2027 | **Green**: Action not yet completed, but on track | 8 | 8 parents recruited |"))
        #expect(!markdown.contains("## Self-assessment"))
        let measures = text(try SessionExport.export(completeSession(), format: .markdown, part: .measures))
        #expect(measures.contains("| A1.1 | Parents recruited and trained | Quarterly | 0 | 6 by February 2027; 12 by May 2027 | 12 (20 May 2027) |"))
        #expect(measures.contains("| Parents recruited and trained | Quarterly | 0 | 6 | 8 ✓ | 12 | 12 ✓ | on track |"))
        #expect(measures.contains("| A2.2 | Reports to the board | Six-monthly | 0 | 2 a year | not yet reported |"))
    }

    @Test func horizonsAreDatesFromTheWorkshop() throws {
        let markdown = text(try SessionExport.export(completeSession(), format: .markdown, part: .plan))
        #expect(markdown.contains("| Long-term (23 November 2029 to 23 November 2036) | S1.LT1 |"))
        #expect(markdown.contains("| Short-term (by 23 November 2027) | S1.ST1 |"))
    }

    @Test(arguments: [ReportPart.plan, .all])
    func csvRefusesPartsThatAreNotOneTable(_ part: ReportPart) {
        #expect(throws: StepChangeError.self) { try SessionExport.export(completeSession(), format: .csv, part: part) }
        do {
            _ = try SessionExport.export(completeSession(), format: .csv, part: part)
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.contains("--part assessment, statements, actions or measures"))
        }
    }

    @Test func jsonIsAlwaysTheWholeSession() {
        #expect(throws: StepChangeError(.usage, "JSON export is the whole session, so it takes no --part (got --part actions).",
                                        hint: "Drop --part, or use --format markdown, html or docx for one part.")) {
            try SessionExport.export(completeSession(), format: .json, part: .actions)
        }
    }

    @Test func partsWithNothingSaySoInOneLine() throws {
        let markdown = text(try SessionExport.export(emptySession(), format: .markdown))
        for line in ["_No items have been scored yet._", "_No improvement statements have been agreed yet._",
                     "_No outcome plans yet: planning has not started._", "_No actions have been agreed yet._",
                     "_No actions, so no measures, have been agreed yet._"] {
            #expect(markdown.contains(line))
        }
    }
}

@Suite("Export escaping and injection")
struct ExportEscapingTests {
    @Test func htmlEscapesEveryPieceOfUserText() throws {
        let html = text(try SessionExport.export(hostileSession(), format: .html, attributed: true))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>Riverside &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; co</title>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("cell | with pipe<br>and a second line"))
        #expect(!html.contains("\u{7}"))
        for external in ["<link", "src=\"", "href=\"", "@import", "url("] { #expect(!html.contains(external), "\(external)") }
    }

    @Test func markdownTablesKeepTheirShape() throws {
        let markdown = text(try SessionExport.export(hostileSession(), format: .markdown, attributed: true))
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(!markdown.contains("\u{7}"))
        #expect(markdown.contains("- cell \\| with pipe<br>and a second line"))
        #expect(markdown.contains("### Improvement Statement 1: Statement with \\| pipe and<br>newline"))
        var header: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let header { #expect(cells == header, "\(line)") } else { header = cells }
        }
    }

    @Test func csvNeutralisesFormulasAndQuotes() throws {
        let data = try SessionExport.export(hostileSession(), format: .csv, part: .actions)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = parseCSV(data)
        #expect(rows.count == 6, "a header, four actions and A1.2's second milestone on a row of its own")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let first = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(first["Action"] == "'=cmd()")
        #expect(first["Objective"] == "'+SUM(A1:A2)")
        #expect(first["Lead"] == "'-2+3")
        #expect(first["Output/Impact"] == "'@attack")
        let second = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[2]))
        #expect(second["Action"] == "'\tTabbed, \"quoted\", and\r\ncarriage")
        #expect(second["Lead"] == "'\rreturn")
        #expect(text(data).contains("\"'\tTabbed, \"\"quoted\"\", and\r\ncarriage\""))
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
    }

    @Test func aNegativeNumberStaysANumberWhileFormulaTextIsNeutralised() {
        for number in ["-3", "-0.41", "+1", "-.5", "12", "0.5"] {
            #expect(CSVWriter.field(number) == number, "\(number) is a value, not a formula")
        }
        for formula in ["-2+3", "-3 cmd", "-", "+", "-1.2.3", "-1e5", "=1", "@SUM(A1)", "+A1", "-A1"] {
            #expect(CSVWriter.field(formula) == "'" + formula, "\(formula) could run as a formula")
        }
        let table = ReportTable(header: ["Measure", "Value", "Change"], rows: [[.text("Rate"), .text("-0.41"), .number(-3, text: "-3")]])
        let csv = String(decoding: CSVWriter.render(table), as: UTF8.self)
        #expect(csv.hasSuffix("Rate,-0.41,-3\r\n"))
    }

    @Test func fullWidthAndLeadingWhitespaceFormulaStartsAreNeutralised() {
        for formula in ["\u{FF1D}HYPERLINK(\"x\")", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}SUM(A1)",
                        "\t=cmd()", "\r+1", "\t-1", "\r@x", " =cmd()", "\u{A0}=cmd()", "\u{3000}\u{FF1D}1"] {
            let field = CSVWriter.field(formula)
            #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(formula.debugDescription) became \(field.debugDescription)")
        }
        #expect(CSVWriter.field("\u{FF1D}1") == "'\u{FF1D}1")
        #expect(CSVWriter.field("\t=cmd()") == "'\t=cmd()")
        #expect(CSVWriter.field("\r=cmd()") == "\"'\r=cmd()\"")
        #expect(CSVWriter.field("Plan \u{FF1D} goal") == "Plan \u{FF1D} goal")
    }

    @Test func docxIsWellFormedXMLWithTheTextInIt() throws {
        let entries = try unzipStored(try SessionExport.export(hostileSession(), format: .docx, attributed: true))
        for (name, data) in entries {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let document = text(entries["word/document.xml"]!)
        #expect(document.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(document.contains("cell | with pipe</w:t><w:br/><w:t xml:space=\"preserve\">and a second line"))
        #expect(!document.contains("\u{7}"))
    }
}

@Suite("Word documents")
struct DocxTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }

    @Test func theZipHoldsTheMinimalOOXMLPartsWithCorrectCRCs() throws {
        let data = try SessionExport.export(completeSession(), format: .docx)
        let entries = try unzipStored(data)
        #expect(Set(entries.keys) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
                                      "word/footer1.xml", "word/numbering.xml", "docProps/core.xml"])
        #expect(data.starts(with: Data("PK\u{3}\u{4}".utf8)))
        let document = text(entries["word/document.xml"]!)
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Action plan</w:t>"))
        #expect(document.contains("w:orient=\"landscape\""))
    }

    @Test(.enabled(if: pythonIsInstalled, "python3 is not installed, so Python's zipfile cannot check the .docx"))
    func pythonZipfileFindsNoBadEntry() throws {
        let data = try SessionExport.export(completeSession(), format: .docx)
        let result = try #require(try python("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip())", arguments: [try write(data, "crc.docx")]))
        #expect(result.status == 0 && result.output == "None\n", "python zipfile: \(result.output)")
    }

    @Test(.enabled(if: pythonDocxAvailable, "python3 with python-docx is not installed (python3 -m pip install python-docx; .ci/run installs it)"))
    func pythonDocxReadsHeadingsParagraphsAndTables() throws {
        let path = try write(try SessionExport.export(completeSession(), format: .docx), "readback.docx")
        let script = """
        import sys, docx
        d = docx.Document(sys.argv[1])
        for p in d.paragraphs:
            if p.text:
                numbered = " numbered" if p._p.pPr is not None and p._p.pPr.numPr is not None else ""
                print("P", p.style.name + numbered, "|", p.text.replace("\\n", "/"))
        print("C", d.core_properties.title, "|", d.core_properties.subject, "|", d.core_properties.created)
        print("F", d.sections[0].footer.paragraphs[0].text)
        for i, t in enumerate(d.tables):
            print("T", i, len(t.rows), len(t.columns), "|", " || ".join(c.text.replace("\\n", "/") for c in t.rows[0].cells))
            if len(t.rows) > 1:
                print("R", i, "|", " || ".join(c.text.replace("\\n", "/") for c in t.rows[1].cells))
        """
        let result = try #require(try python(script, arguments: [path]))
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        for expected in ["P Title | Riverside child poverty self-assessment",
                         "P Heading 1 | Self-assessment", "P Heading 1 | Action plan", "P Heading 1 | Measures",
                         "P Heading 2 | Consensus by heading",
                         "P Heading 3 | LN1: We have an up-to-date, shared picture of the scale of child poverty in our area and how it is spread across neighbourhoods.",
                         "P Field | Partnership: Riverside Child Poverty Partnership",
                         "P List Bullet numbered | Child poverty profile 2025 (ward level)",
                         "C Riverside child poverty self-assessment | Self-assessment, Improvement statements, Outcome plans, Action plan, Measures | 2027-05-20 00:00:00+00:00",
                         "T 2 5 3 | Heading || Score || Chart (0 to 5.0)",
                         "R 2 | Understanding Local Need || 2.0 || ",
                         "T 14 6 2 | Colour || Progress status",
                         "R 14 | Blue — complete || Action complete",
                         "P Nothing Yet | Not scored yet: LN3, LN5, LN6.",
                         "T 15 3 11 | Outcome || Ref || Objective || Action || How we will know it has worked || Lead || Theme || Additionality || Status (RAG) || Milestone || Output/Impact",
                         "R 15 | S1.ST1: A paid lived experience panel is recruited and trained. || A1.1 || Recruit a lived experience panel || Recruit and train 12 parents, paid for their time || Parents recruited and trained/Baseline: 0/Target: 6 by February 2027; 12 by May 2027 || Head of Communities || Enablers || new || Blue — Action complete || March 2027 || Panel in place",
                         "T 19 4 6 | Ref || Measure || Frequency || Baseline || Target || Latest actual",
                         "T 21 2 8 | Measure || Frequency || Baseline || February 2027 target || February 2027 actual || May 2027 target || May 2027 actual || On track",
                         "R 21 | Parents recruited and trained || Quarterly || 0 || 6 || 8 ✓ || 12 || 12 ✓ || on track"] {
            #expect(lines.contains(expected), "missing: \(expected)\n\(result.output)")
        }
        // python-docx does not evaluate the PAGE and NUMPAGES fields, so only the footer's text around them is checked.
        #expect(lines.contains { $0.hasPrefix("F Riverside child poverty self-assessment · Status as at 20 May 2027 · Page ") && $0.hasSuffix(" of ") })
    }

    func write(_ data: Data, _ name: String) throws -> String {
        let url = Scratch.url("stepchange-export-\(UUID().uuidString)-\(name)")
        try data.write(to: url)
        return url.path
    }
}
