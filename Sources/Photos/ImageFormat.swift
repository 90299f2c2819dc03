/// Image container detected from content, never from the file extension.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png

    /// The container `bytes` start with: `FF D8` is a JPEG start-of-image marker, and the 8-byte
    /// `89 50 4E 47 0D 0A 1A 0A` signature a PNG. Nil for anything else (see `sniffOtherFormat`).
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 { return .jpeg }
        if bytes.starts(with: pngSignature) { return .png }
        return nil
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

/// Names what a file that is neither a JPEG nor a PNG appears to be, from its first bytes, so a
/// message can say "this is a HEIC photo from an iPhone" rather than just "not an image".
///
/// Returns one of these stable names: `heic` (also HEIF, from an ISO-BMFF `ftyp` box with a HEIF
/// brand), `avif`, `webp`, `gif`, `bmp`, `tiff`, `pdf`, `zip`, `empty` (no bytes at all) or
/// `unknown`. It never returns `jpeg` or `png`; check `ImageFormat.detect` first.
public func sniffOtherFormat(_ bytes: UnsafeRawBufferPointer) -> String {
    func matches(_ offset: Int, _ ascii: String) -> Bool {
        let expected = Array(ascii.utf8)
        guard offset >= 0, bytes.count >= offset + expected.count else { return false }
        for (i, byte) in expected.enumerated() where bytes[offset + i] != byte { return false }
        return true
    }
    if bytes.isEmpty { return "empty" }
    if matches(4, "ftyp") {
        let heifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]
        if matches(8, "avif") || matches(8, "avis") { return "avif" }
        if heifBrands.contains(where: { matches(8, $0) }) { return "heic" }
        return "unknown"
    }
    if matches(0, "RIFF") && matches(8, "WEBP") { return "webp" }
    if matches(0, "GIF87a") || matches(0, "GIF89a") { return "gif" }
    if matches(0, "BM") { return "bmp" }
    if matches(0, "II*\0") || matches(0, "MM\0*") { return "tiff" }
    if matches(0, "%PDF") { return "pdf" }
    if matches(0, "PK\u{03}\u{04}") || matches(0, "PK\u{05}\u{06}") { return "zip" }
    return "unknown"
}
