/// Image container detected from content, never from the file extension.
public enum ImageFormat: String, Sendable { case jpeg, png }

/// Header facts of a JPEG or PNG, read without decoding pixels.
public struct ImageHeader: Sendable, Equatable {
    public let format: ImageFormat
    public let width: Int
    public let height: Int
    /// 1 grey, 2 grey + alpha, 3 colour, 4 CMYK/YCCK (JPEG) or RGBA (PNG).
    public let components: Int
    public let isCMYK: Bool
    public let isProgressive: Bool
    /// A JPEG with Adobe's APP14 marker (its CMYK values are stored inverted, as Photoshop writes them).
    public let hasAdobeMarker: Bool

    /// Reads the header of `bytes`: walks JPEG markers to the frame header, or the PNG IHDR chunk.
    /// Safe on hostile input: lengths are checked before every read.
    public static func read(_ bytes: UnsafeRawBufferPointer) -> ImageHeaderResult {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return readJPEG(bytes) }
        if bytes.count >= 8, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return readPNG(bytes) }
        return .notAnImage(detected: ImageSniffer.describe(bytes))
    }

    private static func be16(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    private static func be32(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    private static func readJPEG(_ b: UnsafeRawBufferPointer) -> ImageHeaderResult {
        var i = 2
        var adobe = false
        while i < b.count {
            guard b[i] == 0xFF else { return .corrupt(reason: "JPEG marker expected at byte \(i)") }
            while i < b.count, b[i] == 0xFF { i += 1 }            // fill bytes
            guard i < b.count else { break }
            let marker = b[i]
            i += 1
            if marker == 0x01 || (0xD0...0xD8).contains(marker) { continue }   // markers without a length
            if marker == 0xD9 || marker == 0xDA { return .corrupt(reason: "JPEG without a frame header") }
            guard i + 2 <= b.count else { break }
            let length = be16(b, i)
            guard length >= 2, i + length <= b.count else { return .corrupt(reason: "JPEG segment runs past the end of the file") }
            if marker == 0xEE, length >= 7, b[i + 2] == 0x41, b[i + 3] == 0x64, b[i + 4] == 0x6F, b[i + 5] == 0x62, b[i + 6] == 0x65 {
                adobe = true
            }
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard length >= 8 else { return .corrupt(reason: "JPEG frame header too short") }
                let height = be16(b, i + 3), width = be16(b, i + 5), components = Int(b[i + 7])
                guard width > 0, height > 0, components >= 1 else { return .corrupt(reason: "JPEG frame header with zero size") }
                let progressive = [0xC2, 0xC6, 0xCA, 0xCE].contains(marker)
                return .header(ImageHeader(format: .jpeg, width: width, height: height, components: components,
                                           isCMYK: components == 4, isProgressive: progressive, hasAdobeMarker: adobe))
            }
            i += length
        }
        return .corrupt(reason: "JPEG ends before its frame header")
    }

    private static func readPNG(_ b: UnsafeRawBufferPointer) -> ImageHeaderResult {
        guard b.count >= 33, Array(b[12..<16]) == Array("IHDR".utf8) else { return .corrupt(reason: "PNG without an IHDR chunk") }
        let width = be32(b, 16), height = be32(b, 20)
        guard width > 0, height > 0 else { return .corrupt(reason: "PNG with zero size") }
        let components: Int
        switch b[25] {
        case 0: components = 1
        case 2, 3: components = 3
        case 4: components = 2
        case 6: components = 4
        default: return .corrupt(reason: "PNG with an unknown colour type \(b[25])")
        }
        return .header(ImageHeader(format: .png, width: width, height: height, components: components,
                                   isCMYK: false, isProgressive: b[28] == 1, hasAdobeMarker: false))
    }
}

/// What reading an image header found.
public enum ImageHeaderResult: Sendable, Equatable {
    case header(ImageHeader)
    /// Not a JPEG or PNG; `detected` names what it is (HEIC, GIF, …) for the message.
    case notAnImage(detected: String)
    /// A JPEG or PNG whose header is damaged.
    case corrupt(reason: String)
}

/// Names the common file types people put in photo archives by mistake.
public enum ImageSniffer {
    public static func describe(_ b: UnsafeRawBufferPointer) -> String {
        func starts(_ s: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + s.count && zip(b[offset..<(offset + s.count)], s).allSatisfy { $0 == $1 }
        }
        if b.isEmpty { return "empty" }
        if starts(Array("ftyp".utf8), at: 4) {
            let brand = b.count >= 12 ? String(decoding: b[8..<12], as: UTF8.self) : ""
            if ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(brand) { return "HEIC" }
            if brand.hasPrefix("avi") { return "AVIF" }
            return "MP4/QuickTime"
        }
        if starts(Array("GIF8".utf8)) { return "GIF" }
        if starts(Array("BM".utf8)) { return "BMP" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "WebP" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
        if starts(Array("%PDF".utf8)) { return "PDF" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "ZIP" }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "Office (doc/xls)" }
        if starts([0xFF, 0xD8]) { return "damaged JPEG" }
        return "unknown"
    }
}
