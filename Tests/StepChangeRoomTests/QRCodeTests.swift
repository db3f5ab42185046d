import Foundation
import StepChangeTestSupport
import Testing
@testable import StepChangeRoom

@Suite("QR code")
struct QRCodeTests {
    /// ISO/IEC 18004 and Thonky's worked example: "HELLO WORLD" at 1-M, its 16 data codewords and 10 EC codewords.
    @Test func reedSolomonMatchesTheWorkedExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10))
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// The format information strings for level M from the standard's table (Annex C).
    @Test func formatBitsMatchTheStandardTable() {
        let expected = ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                        "100010111111001", "100000011001110", "100111110010111", "100101010100000"]
        for mask in 0..<8 {
            let bits = String(QRCode.formatBits(mask: mask), radix: 2)
            #expect(String(repeating: "0", count: 15 - bits.count) + bits == expected[mask], "mask \(mask)")
        }
    }

    /// Version information from the standard's table (Annex D).
    @Test func versionBitsMatchTheStandardTable() {
        #expect(QRCode.versionBits(7) == 0x07C94)
        #expect(QRCode.versionBits(10) == 0x0A4D3)
        #expect(QRCode.versionBits(40) == 0x28C69)
    }

    @Test func alignmentPositionsAndCapacitiesMatchTheStandard() {
        #expect(QRCode.alignmentPositions(version: 2) == [6, 18])
        #expect(QRCode.alignmentPositions(version: 7) == [6, 22, 38])
        #expect(QRCode.alignmentPositions(version: 32) == [6, 34, 60, 86, 112, 138])
        // Byte-mode capacities at level M: 14, 26, 42, 62 bytes for versions 1–4.
        #expect([1, 2, 3, 4].map { (QRCode.dataCapacityBits(version: $0) - 12) / 8 } == [14, 26, 42, 62])
    }

    @Test func aLANJoinAddressFitsASmallVersionWithFinderPatterns() throws {
        let code = try QRCode(text: "http://192.168.100.200:8765/j/ABCD12")
        #expect(code.version == 3)
        #expect(code.size == 29)
        // Finder pattern: a dark 7×7 ring with a 3×3 centre, light ring between.
        #expect(code.modules[0][0...6].allSatisfy { $0 })
        #expect(code.modules[1][1...5].allSatisfy { !$0 })
        #expect(code.modules[3][2...4].allSatisfy { $0 })
        #expect(code.modules[code.size - 8][8])
    }

    @Test func theChosenMaskHasTheLowestPenalty() throws {
        let text = "http://10.0.0.7:8765/j/QX7P2M"
        let chosen = try QRCode(text: text)
        for mask in 0..<8 {
            let forced = try QRCode(text: text, forcedMask: mask)
            var grid = QRGrid(version: forced.version)
            grid.modules = forced.modules
            var best = QRGrid(version: chosen.version)
            best.modules = chosen.modules
            #expect(best.penalty() <= grid.penalty())
        }
    }

    @Test func textTooLongForVersion40IsRefused() {
        #expect(throws: QRCode.EncodingError.tooLong(3000)) { try QRCode(text: String(repeating: "a", count: 3000)) }
    }

    @Test func terminalRenderingUsesHalfBlocksWithAQuietZone() throws {
        let code = try QRCode(text: "http://127.0.0.1:8765/j/ABCD12")
        let lines = code.terminalLines(border: 2)
        #expect(lines.count == (code.size + 4 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == code.size + 4 })
        #expect(lines[0].allSatisfy { $0 == "█" })
    }

    /// The terminal's half blocks read back into modules (text colour = light), drawn as a PNG and
    /// decoded: what a phone sees off a dark terminal on the projector.
    @Test("the terminal rendering decodes with zbarimg", .enabled(if: zbarimg != nil, "zbarimg is not installed (apt-get install zbar-tools)"))
    func terminalRenderingDecodes() throws {
        let text = "http://192.168.100.200:8765/j/ABCD12"
        let lines = try QRCode(text: text).terminalLines(border: 4)
        var rows: [[Bool]] = []
        for line in lines {
            var top: [Bool] = [], bottom: [Bool] = []
            for character in line {
                top.append(!(character == "█" || character == "▀"))
                bottom.append(!(character == "█" || character == "▄"))
            }
            rows += [top, bottom]
        }
        #expect(try decode(png(rows, scale: 6)) == text)
    }

    func png(_ rows: [[Bool]], scale: Int) -> [UInt8] {
        var raw: [UInt8] = []
        for row in rows {
            var line: [UInt8] = [0]
            for dark in row { line += [UInt8](repeating: dark ? 0 : 255, count: scale) }
            for _ in 0..<scale { raw += line }
        }
        let header = PNGWriter.bigEndian(UInt32(rows[0].count * scale)) + PNGWriter.bigEndian(UInt32(rows.count * scale)) + [8, 0, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + PNGWriter.chunk("IHDR", header)
            + PNGWriter.chunk("IDAT", PNGWriter.zlibStored(raw)) + PNGWriter.chunk("IEND", [])
    }

    func decode(_ png: [UInt8]) throws -> String {
        let file = Scratch.url("qr-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.zbarimg ?? "zbarimg")
        process.arguments = ["--quiet", "--raw", "-Sbinary", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if output.last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("zbarimg reads back what was encoded", .enabled(if: zbarimg != nil, "zbarimg is not installed (apt-get install zbar-tools)"),
          arguments: ["http://192.168.100.200:8765/j/ABCD12", "http://[fe80::1234:5678:9abc:def0]:8765/j/QX7P2M",
                      "https://example.org/a/much/longer/address/that/needs/a/larger/version/of/the/symbol/to/hold/it?x=1&y=2#section",
                      "Zoë’s café — ünïcödé"])
    func decodesWithZbar(_ text: String) throws {
        #expect(try decode(QRCode(text: text).png(scale: 6)) == text)
    }
}
