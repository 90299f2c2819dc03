import Support

/// OOXML's escaping of control characters in strings (`_x000D_` for a carriage return).
enum XlsxText {
    /// Whether `s` contains `_x` (checked on bytes: this runs for every cell).
    static func hasEscape(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            if previous == UInt8(ascii: "_") && byte == UInt8(ascii: "x") { return true }
            previous = byte
        }
        return false
    }

    static func unescape(_ s: String) -> String {
        guard hasEscape(s) else { return s }
        var out = ""
        var rest = Substring(s)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let v = UInt32(hex.prefix(4), radix: 16), let scalar = Unicode.Scalar(v) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
