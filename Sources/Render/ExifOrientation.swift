/// Reads the EXIF orientation (tag 0x0112, values 1–8) of a JPEG: how a camera or phone says the picture
/// must be turned to stand upright. 1 when absent or unreadable. Bounds-checked for hostile files.
enum ExifOrientation {
    static func read(_ b: [UInt8]) -> Int {
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return 1 }
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { return 1 }
            if marker == 0xDA { return 1 }
            if marker == 0xE1, length >= 16, Array(b[(i + 4)..<(i + 10)]) == Array("Exif\0\0".utf8) {
                return orientation(inTIFF: Array(b[(i + 10)..<(i + 2 + length)]))
            }
            i += 2 + length
        }
        return 1
    }

    private static func orientation(inTIFF t: [UInt8]) -> Int {
        guard t.count >= 8 else { return 1 }
        let little = t[0] == 0x49
        func u16(_ o: Int) -> Int { o + 2 <= t.count ? (little ? Int(t[o]) | Int(t[o + 1]) << 8 : Int(t[o]) << 8 | Int(t[o + 1])) : 0 }
        func u32(_ o: Int) -> Int { o + 4 <= t.count ? (little ? u16(o) | u16(o + 2) << 16 : u16(o) << 16 | u16(o + 2)) : 0 }
        let ifd = u32(4)
        let count = u16(ifd)
        guard ifd > 0, count < 500 else { return 1 }
        for n in 0..<count {
            let entry = ifd + 2 + n * 12
            guard entry + 12 <= t.count else { return 1 }
            if u16(entry) == 0x0112 {
                let value = u16(entry + 8)
                return (1...8).contains(value) ? value : 1
            }
        }
        return 1
    }
}
