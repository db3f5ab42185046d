import Foundation
import Testing
@testable import StepChangeKit

/// A fixture file under `Fixtures/<folder>`.
func fixture(_ folder: String, _ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(folder).appendingPathComponent(name))
}

@Suite("Inflate (RFC 1951)")
struct InflateTests {
    /// Python's zlib made each file at test-writing time: level 0 (stored blocks), Z_FIXED (fixed
    /// Huffman) and level 9 (dynamic Huffman) raw DEFLATE, and a zlib-wrapped stream.
    @Test(arguments: ["stored.deflate", "fixed.deflate", "dynamic.deflate"])
    func decodesEveryBlockType(name: String) throws {
        let expected = try fixture("inflate", "text.txt")
        #expect(try Inflate.raw(try fixture("inflate", name), limit: 1 << 20) == expected)
    }

    @Test func decodesZlibAndChecksItsChecksum() throws {
        let expected = try fixture("inflate", "text.txt")
        var data = try fixture("inflate", "text.zlib")
        #expect(try Inflate.zlib(data, limit: 1 << 20) == expected)
        data[data.count - 1] ^= 0xFF
        #expect(throws: InflateError.badZlibWrapper("checksum mismatch")) { try Inflate.zlib(data, limit: 1 << 20) }
    }

    @Test func knownVectors() throws {
        // A final fixed block holding "a" then end of block, and an empty stored block.
        #expect(try Inflate.raw(Data([0x4B, 0x04, 0x00]), limit: 10) == Data("a".utf8))
        #expect(try Inflate.raw(Data([0x01, 0x00, 0x00, 0xFF, 0xFF]), limit: 10) == Data())
        // "aaaaaaaaaa": a literal and a back-reference of distance 1.
        #expect(try Inflate.raw(Data([0x4B, 0x4C, 0x84, 0x01, 0x00]), limit: 100) == Data(repeating: 0x61, count: 10))
    }

    @Test func badInputsAreNamedErrors() throws {
        let dynamic = try fixture("inflate", "dynamic.deflate")
        #expect(throws: InflateError.truncated) { try Inflate.raw(dynamic.prefix(dynamic.count / 2), limit: 1 << 20) }
        #expect(throws: InflateError.truncated) { try Inflate.raw(Data(), limit: 10) }
        #expect(throws: InflateError.invalidBlockType) { try Inflate.raw(Data([0x07]), limit: 10) }
        #expect(throws: InflateError.storedLengthMismatch) { try Inflate.raw(Data([0x01, 0x05, 0x00, 0x00, 0x00]), limit: 10) }
        // A fixed block whose first code is a back-reference: nothing to refer to.
        #expect(throws: InflateError.distanceTooFar) { try Inflate.raw(Data([0x03, 0x02, 0x00]), limit: 10) }
        #expect(throws: InflateError.outputTooLarge(limit: 100)) { try Inflate.raw(dynamic, limit: 100) }
    }

    @Test func randomCorruptionNeverTraps() throws {
        let original = try fixture("inflate", "dynamic.deflate")
        var random = SeededRandom(seed: 1951)
        for _ in 0..<400 {
            var data = original
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let index = Int(random.next() % UInt64(data.count))
                data[index] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = try? Inflate.raw(data, limit: 1 << 16)
        }
        for length in 0..<64 {
            _ = try? Inflate.raw(Data((0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }), limit: 1 << 16)
        }
    }
}

@Suite("ZIP reader")
struct ZipReaderTests {
    @Test func readsStoredAndDeflatedEntriesWrittenByPython() throws {
        let zip = try ZipReader(try fixture("inflate", "two-entries.zip"))
        #expect(zip.entries.map(\.name) == ["notes/stored.txt", "notes/deflated.txt"])
        #expect(try zip.contents(of: "notes/stored.txt") == Data("stored entry\n".utf8))
        #expect(try zip.contents(of: "notes/deflated.txt") == fixture("inflate", "text.txt"))
        #expect(throws: ZipError.missingEntry("nothing.xml")) { try zip.contents(of: "nothing.xml") }
    }

    @Test func readsOurOwnWriter() throws {
        var archive = ZipArchive()
        archive.add("a.txt", "hello")
        archive.add("dir/b.xml", "<b/>")
        let zip = try ZipReader(archive.data)
        #expect(try zip.contents(of: "dir/b.xml") == Data("<b/>".utf8))
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        let bomb = try fixture("inflate", "bomb.zip")
        let zip = try ZipReader(bomb, entryLimit: 1024 * 1024)
        #expect(throws: ZipError.tooLarge(entry: "zeros.bin", limit: 1024 * 1024)) { try zip.contents(of: "zeros.bin") }
        // The same bomb lying about its size: it may not expand past what its header declares.
        var lying = bomb
        let central = try #require(ZipReaderTests.find([0x50, 0x4B, 0x01, 0x02], in: lying))
        lying[central + 24] = 0x10; lying[central + 25] = 0; lying[central + 26] = 0; lying[central + 27] = 0
        do {
            _ = try ZipReader(lying).contents(of: "zeros.bin")
            Issue.record("expected the lying entry to be refused")
        } catch {
            #expect(error == .damaged(entry: "zeros.bin", reason: "it expands to more than the 16 bytes its header declares"))
        }
    }

    @Test func damagedArchivesAreNamedErrors() throws {
        let data = try fixture("inflate", "two-entries.zip")
        #expect(throws: ZipError.notAnArchive) { try ZipReader(Data("just text, not a zip at all".utf8)) }
        #expect(throws: ZipError.truncated) { try ZipReader(data.prefix(40)) }
        var flipped = data
        let start = try #require(ZipReaderTests.find(Array("notes/deflated.txt".utf8), in: flipped)) + 18 + 10
        flipped[start] ^= 0x55
        #expect(throws: ZipError.self) { try ZipReader(flipped).contents(of: "notes/deflated.txt") }
        var random = SeededRandom(seed: 4)
        for _ in 0..<300 {
            var copy = data
            let index = Int(random.next() % UInt64(copy.count))
            copy[index] = UInt8(truncatingIfNeeded: random.next())
            if let zip = try? ZipReader(copy) { for entry in zip.entries { _ = try? zip.contents(of: entry) } }
        }
    }

    static func find(_ pattern: [UInt8], in data: Data) -> Int? {
        let bytes = [UInt8](data)
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }
}

@Suite("CSV encodings, separators and rows")
struct CSVEncodingTests {
    @Test func utf16WithBOMInBothByteOrders() throws {
        let text = "participant\titem\tscore\nAnn Lee\tLN1\t3\n"
        var little = Data([0xFF, 0xFE]); little.append(text.data(using: .utf16LittleEndian) ?? Data())
        var big = Data([0xFE, 0xFF]); big.append(text.data(using: .utf16BigEndian) ?? Data())
        for data in [little, big] {
            let rows = try CSVReader.read(data, source: "s.txt")
            #expect(rows.map(\.fields) == [["participant", "item", "score"], ["Ann Lee", "LN1", "3"]])
        }
    }

    @Test func separatorIsFoundFromTheFirstLine() throws {
        #expect(try CSVReader.read("a;b;c\n1;\"x;y\";3\n", source: "s").map(\.fields) == [["a", "b", "c"], ["1", "x;y", "3"]])
        #expect(try CSVReader.read("a,b\n\"1;2\",3\n", source: "s").map(\.fields) == [["a", "b"], ["1;2", "3"]])
        #expect(try CSVReader.read("\"a,b\";c\n1;2\n", source: "s").map(\.fields) == [["a,b", "c"], ["1", "2"]])
        #expect(CSVReader.separator(of: "single") == ",")
    }

    @Test func problemsNameTheSpreadsheetRowWhenACellHoldsALineBreak() throws {
        let csv = "participant,item,score,comment\nAnn Lee,LN1,3,\"two\nlines\"\nRaj Patel,LN1,9,\n"
        let rows = try CSVReader.read(csv, source: "s.csv")
        #expect(rows.map(\.row) == [1, 2, 3])
        #expect(rows.map(\.line) == [1, 2, 4])
        do {
            _ = try ScoreImport.apply(rows, to: workshopSession(), source: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.description == "s.csv: line 4 (spreadsheet row 3): score \"9\" is not on the scale; expected one of 1, 2, 3, 4, 5 or dont know")
        }
        do {
            _ = try CSVReader.read("a,b\n\"x\ny\",2\n3,\"open\n", source: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.location == "line 4 (spreadsheet row 3)")
        }
    }

    @Test func notUTF8SaysWhatToDo() {
        do {
            _ = try CSVReader.read(Data([0x61, 0x00, 0x62, 0x00, 0xFF, 0x00] + [UInt8](repeating: 0, count: 40)), source: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s.csv is not UTF-8 text.")
        }
    }
}

@Suite("xlsx reader")
struct XLSXReaderTests {
    @Test func readsTheSheetLibreOfficeWrote() throws {
        let sheet = try XLSXReader.read(try fixture("survey", "wide-export.xlsx"), source: "wide-export.xlsx")
        #expect(sheet.rows.first?.row == 1)
        #expect(sheet.rows.first?[4] == "Understanding Local Need")
        #expect(sheet.rows[1][0] == "Respondent ID")
        #expect(sheet.rows[2][0] == "1000")
        #expect(sheet.rows.count == 33)
    }

    @Test func readsInlineStringsNumbersAndASheetByName() throws {
        var archive = ZipArchive()
        archive.add("xl/workbook.xml", "<workbook><sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Survey\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>")
        archive.add("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/a.xml\"/><Relationship Id=\"rId2\" Target=\"/xl/worksheets/b.xml\"/></Relationships>")
        archive.add("xl/worksheets/a.xml", "<worksheet><sheetData/></worksheet>")
        archive.add("xl/worksheets/b.xml", "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Don&#8217;t know &amp; more</t></is></c><c r=\"D2\"><v>4.0</v></c></row></sheetData></worksheet>")
        let sheet = try XLSXReader.read(archive.data, source: "b.xlsx", sheet: "survey")
        #expect(sheet.rows == [Sheet.Row(row: 2, cells: ["", "Don\u{2019}t know & more", "", "4"])])
        #expect(throws: StepChangeError.self) { try XLSXReader.read(archive.data, source: "b.xlsx", sheet: "3") }
        #expect(throws: StepChangeError.self) { try XLSXReader.read(Data("not a zip".utf8), source: "b.xlsx") }
    }

    @Test func columnLetters() {
        #expect((0..<3).map(Sheet.columnName) == ["A", "B", "C"])
        #expect(Sheet.columnName(26) == "AA" && Sheet.columnName(701) == "ZZ" && Sheet.columnName(702) == "AAA")
        #expect(Sheet.columnIndex("AF") == 31 && Sheet.columnIndex("a") == 0 && Sheet.columnIndex("A1") == nil)
    }
}
