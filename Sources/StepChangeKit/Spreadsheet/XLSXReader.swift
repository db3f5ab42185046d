import Foundation

/// Reads the cells of one worksheet of an Excel workbook (`.xlsx`): shared strings, inline strings,
/// numbers and booleans, as text. Uses the project's own ZIP reader and inflate decoder; formulas
/// give their cached value. The sheet is chosen by number (1 is the first) or by name.
public enum XLSXReader {
    /// The most cells a sheet may hold once its rows are laid out, so a hostile file cannot exhaust memory.
    public static let maximumCells = 2_000_000

    /// The sheet's rows, numbered as the spreadsheet numbers them.
    public static func read(_ data: Data, source: String, sheet wanted: String? = nil) throws(StepChangeError) -> Sheet {
        func failure(_ reason: String) -> StepChangeError {
            StepChangeError(.input, "\(source) cannot be read as an Excel workbook: \(reason).",
                            hint: "Open it in a spreadsheet program and save it again as .xlsx or as CSV UTF-8. Nothing was imported.")
        }
        let zip: ZipReader
        do { zip = try ZipReader(data) } catch { throw failure(error.description) }
        func part(_ name: String) throws(StepChangeError) -> [XMLScanner.Event]? {
            guard zip.entry(name) != nil else { return nil }
            do {
                return try XMLScanner.events(try zip.contents(of: name))
            } catch let error as ZipError {
                throw failure(error.description)
            } catch let error as XMLScanner.Failure {
                throw failure("\(name) holds \(error.reason)")
            } catch {
                throw failure(String(describing: error))
            }
        }
        guard let workbook = try part("xl/workbook.xml") else { throw failure("it has no xl/workbook.xml inside") }
        let sheets: [(name: String, relation: String)] = workbook.compactMap { event in
            guard case .start("sheet", let attributes, _) = event, let name = attributes["name"] else { return nil }
            return (name, attributes["id"] ?? "")
        }
        guard !sheets.isEmpty else { throw failure("its workbook lists no sheets") }
        let chosen: (name: String, relation: String)
        if let wanted, let number = Int(wanted) {
            guard number >= 1, number <= sheets.count else {
                throw StepChangeError(.usage, "\(source) has \(sheets.count) sheet\(sheets.count == 1 ? "" : "s"); there is no sheet \(number).",
                                      hint: "Sheets: " + sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"" }.joined(separator: ", ") + ".")
            }
            chosen = sheets[number - 1]
        } else if let wanted {
            guard let match = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw StepChangeError(.usage, "\(source) has no sheet called \"\(wanted)\".",
                                      hint: "Sheets: " + sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"" }.joined(separator: ", ") + ".")
            }
            chosen = match
        } else {
            chosen = sheets[0]
        }
        var target = "worksheets/sheet\((sheets.firstIndex { $0.name == chosen.name } ?? 0) + 1).xml"
        if let relations = try part("xl/_rels/workbook.xml.rels") {
            for event in relations {
                if case .start("Relationship", let attributes, _) = event, attributes["Id"] == chosen.relation, let found = attributes["Target"] {
                    target = found
                }
            }
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings = try sharedStrings(try part("xl/sharedStrings.xml") ?? [])
        guard let sheetEvents = try part(path) else { throw failure("the sheet \"\(chosen.name)\" (\(path)) is missing") }
        return Sheet(name: chosen.name, rows: try rows(sheetEvents, strings: strings, failure: failure))
    }

    /// The shared string table: each `<si>`'s text runs joined, phonetic guides left out.
    static func sharedStrings(_ events: [XMLScanner.Event]) throws(StepChangeError) -> [String] {
        var strings: [String] = []
        var current: String?
        var inText = false
        var inPhonetic = 0
        for event in events {
            switch event {
            case .start("si", _, let closed):
                if closed { strings.append("") } else { current = "" }
            case .end("si"): strings.append(current ?? ""); current = nil
            case .start("rPh", _, let closed): if !closed { inPhonetic += 1 }
            case .end("rPh"): inPhonetic -= 1
            case .start("t", _, let closed): inText = !closed
            case .end("t"): inText = false
            case .text(let text): if inText, inPhonetic == 0, current != nil { current? += text }
            default: break
            }
        }
        return strings
    }

    static func rows(_ events: [XMLScanner.Event], strings: [String], failure: (String) -> StepChangeError) throws(StepChangeError) -> [Sheet.Row] {
        var rows: [Sheet.Row] = []
        var rowNumber = 0
        var cells: [String] = []
        var column = -1
        var type = "n"
        var value: String?
        var inValue = false, inText = false, inInline = false
        var totalCells = 0
        func finishCell() throws(StepChangeError) {
            defer { value = nil }
            guard let raw = value else { return }
            var text = raw
            switch type {
            case "s":
                guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), index >= 0, index < strings.count else {
                    throw failure("cell \(Sheet.columnName(column))\(rowNumber) refers to a shared string that does not exist")
                }
                text = strings[index]
            case "b": text = raw == "1" ? "TRUE" : "FALSE"
            case "n", "": text = number(raw)
            default: break
            }
            guard column >= 0, column < 16384 else { throw failure("a cell lies beyond the last column a spreadsheet has") }
            if cells.count <= column {
                totalCells += column + 1 - cells.count
                guard totalCells <= maximumCells else { throw failure("the sheet has more than \(maximumCells) cells") }
                cells += [String](repeating: "", count: column + 1 - cells.count)
            }
            cells[column] = text
        }
        for event in events {
            switch event {
            case .start("row", let attributes, _):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                guard rowNumber >= 1, rowNumber <= 1_048_576, rowNumber > (rows.last?.row ?? 0) else {
                    throw failure("row \(attributes["r"] ?? "?") is out of order or out of range")
                }
                cells = []
                column = -1
            case .end("row"):
                if cells.contains(where: { !$0.isEmpty }) { rows.append(Sheet.Row(row: rowNumber, cells: cells)) }
            case .start("c", let attributes, let closed):
                if let reference = attributes["r"] {
                    let letters = String(reference.prefix { $0.isLetter })
                    guard let index = Sheet.columnIndex(letters) else { throw failure("cell reference \"\(reference)\" is not a cell") }
                    column = index
                } else {
                    column += 1
                }
                type = attributes["t"] ?? "n"
                value = nil
                if closed { try finishCell() }
            case .end("c"):
                try finishCell()
            case .start("v", _, let closed): inValue = !closed; if !closed { value = value ?? "" }
            case .end("v"): inValue = false
            case .start("is", _, let closed): inInline = !closed; if !closed { value = value ?? "" }
            case .end("is"): inInline = false
            case .start("t", _, let closed): inText = !closed && inInline
            case .end("t"): inText = false
            case .text(let text):
                if inValue || (inInline && inText) { value = (value ?? "") + text }
            default: break
            }
        }
        return rows
    }

    /// A number as a person typed it: "4" rather than "4.0", and no float noise such as 0.30000000000000004.
    static func number(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let short = String(format: "%.10g", value)
        return short
    }
}
