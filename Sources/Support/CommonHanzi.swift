/// The 3,755 most common Chinese characters: GB2312 level 1 (bytes 0xB0A1–0xD7F9), decoded once through
/// iconv. Used to tell a correctly read Chinese name from the same bytes read in the wrong encoding.
public enum CommonHanzi {
    /// Every level-1 character (empty only if iconv lacks GB18030).
    public static let level1: Set<Unicode.Scalar> = {
        var bytes: [UInt8] = []
        for lead in UInt8(0xB0)...0xD7 {
            // Row 0xD7 ends at 0xF9: its last five positions are unassigned.
            for trail in UInt8(0xA1)...(lead == 0xD7 ? 0xF9 : 0xFE) { bytes += [lead, trail] }
        }
        return Set(GB18030.decode(bytes)?.unicodeScalars ?? "".unicodeScalars)
    }()

    /// The share (0…1) of `text`'s non-ASCII characters that are level-1 hanzi; 0 when it has none.
    public static func share(in text: String) -> Double {
        var other = 0, common = 0
        for scalar in text.unicodeScalars where !scalar.isASCII {
            if level1.contains(scalar) { common += 1 } else { other += 1 }
        }
        return common + other == 0 ? 0 : Double(common) / Double(common + other)
    }
}
