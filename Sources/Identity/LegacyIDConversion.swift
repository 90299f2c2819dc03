/// Converts a first-generation 15-digit ID (6 region + YYMMDD + 3 sequence) to 18 characters:
/// "19" inserted before the year, the MOD 11-2 check character appended.
enum LegacyIDConversion {
    static func convert(_ b: [UInt8]) -> [UInt8] {
        var out = Array(b[0..<6])
        out.reserveCapacity(18)
        out.append(UInt8(ascii: "1"))
        out.append(UInt8(ascii: "9"))
        out.append(contentsOf: b[6..<15])
        out.append(IDBytes.checkByte(out)!)
        return out
    }
}
