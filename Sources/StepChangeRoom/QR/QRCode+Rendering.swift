extension QRCode {
    /// The symbol with a light quiet zone of `border` modules on every side.
    func bordered(_ border: Int) -> [[Bool]] {
        let side = size + 2 * border
        return (0..<side).map { y in
            (0..<side).map { x in
                let (mx, my) = (x - border, y - border)
                return (0..<size).contains(mx) && (0..<size).contains(my) ? modules[my][mx] : false
            }
        }
    }

    /// The symbol for a terminal, two module rows per text line with Unicode half blocks. Light
    /// modules are drawn in the text colour (light on the usual dark terminal), dark ones left blank;
    /// `lightOnDark: false` draws the dark modules instead, for a light terminal. Quiet zone included.
    public func terminalLines(border: Int = 2, lightOnDark: Bool = true) -> [String] {
        let grid = bordered(border)
        var lines: [String] = []
        for y in stride(from: 0, to: grid.count, by: 2) {
            var line = ""
            for x in grid.indices {
                let top = grid[y][x] != lightOnDark
                let bottom = y + 1 < grid.count ? grid[y + 1][x] != lightOnDark : !lightOnDark
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(line)
        }
        return lines
    }

    /// The symbol as an inline SVG, dark modules on white, with a four-module quiet zone.
    public func svg(pixels: Int = 240, label: String = "QR code") -> String {
        let side = size + 8
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(label)\" width=\"\(pixels)\" height=\"\(pixels)\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// The symbol as an 8-bit greyscale PNG, `scale` pixels per module, four-module quiet zone.
    /// Written with stored (uncompressed) deflate blocks, so no compression library is needed.
    public func png(scale: Int = 8) -> [UInt8] {
        let grid = bordered(4)
        let side = grid.count * scale
        var raw: [UInt8] = []
        raw.reserveCapacity((side + 1) * side)
        for row in grid {
            var line: [UInt8] = [0]
            for dark in row { line += [UInt8](repeating: dark ? 0 : 255, count: scale) }
            for _ in 0..<scale { raw += line }
        }
        var header: [UInt8] = []
        header += PNGWriter.bigEndian(UInt32(side)) + PNGWriter.bigEndian(UInt32(side))
        header += [8, 0, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + PNGWriter.chunk("IHDR", header) + PNGWriter.chunk("IDAT", PNGWriter.zlibStored(raw)) + PNGWriter.chunk("IEND", [])
    }
}

/// The few pieces of the PNG format needed to write an uncompressed image.
enum PNGWriter {
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    /// A zlib stream of stored deflate blocks (at most 65 535 bytes each) with its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
