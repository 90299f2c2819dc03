import Support

/// Format-only checks: 港澳居民来往内地通行证 (H/M + 8 or 10 digits), 台胞证 (8 digits; legacy 10 digits or
/// 8–10 digits with a letter, bare or in parentheses) and passports (5–17 letters or digits).
enum TravelDocumentRules {
    static func check(_ cleaned: String, _ b: [UInt8], kind: IDKind) -> IdentityCheck {
        let ok: Bool
        let zh: String, en: String
        switch kind {
        case .hkMacauTravelPermit:
            ok = (b.count == 9 || b.count == 11) && (b[0] == UInt8(ascii: "H") || b[0] == UInt8(ascii: "M"))
                && IDBytes.allDigits(b, 1..<b.count)
            zh = "港澳居民来往内地通行证号码应为 H（香港）或 M（澳门）加 8 位或 10 位数字，如 H12345678"
            en = "a mainland travel permit for Hong Kong and Macao residents is H (Hong Kong) or M (Macao) followed by 8 or 10 digits, e.g. H12345678"
        case .taiwanTravelPermit:
            ok = isTaiwanPermit(b)
            zh = "台湾居民来往大陆通行证号码应为 8 位数字（旧版为 10 位数字，或带一个字母如 12345678(B)）"
            en = "a mainland travel permit for Taiwan residents has 8 digits (older permits: 10 digits, or with a letter such as 12345678(B))"
        default:
            ok = (5...17).contains(b.count) && b.allSatisfy { IDBytes.isDigit($0) || IDBytes.isUpper($0) }
            zh = "护照号码应为 5 至 17 位字母或数字，如 E12345678"
            en = "a passport number has 5 to 17 letters or digits, e.g. E12345678"
        }
        if ok { return IdentityCheck(kind: kind, normalized: cleaned) }
        return IdentityCheck(kind: kind, normalized: cleaned,
                             issues: [IdentityMessages.format(zh: zh + "，实际为“\(cleaned)”", en: en + "; got \"\(cleaned)\"")])
    }

    /// 8 digits (2015 card); legacy: 10 digits, or 8–10 digits followed by one letter, bare or in parentheses.
    static func isTaiwanPermit(_ b: [UInt8]) -> Bool {
        var digits = 0
        while digits < b.count && IDBytes.isDigit(b[digits]) { digits += 1 }
        let rest = b[digits...]
        if rest.isEmpty { return digits == 8 || digits == 10 }
        guard (8...10).contains(digits) else { return false }
        if rest.count == 1 { return IDBytes.isUpper(rest.first!) }
        return rest.count == 3 && rest.first == UInt8(ascii: "(") && rest.last == UInt8(ascii: ")")
            && IDBytes.isUpper(rest[rest.startIndex + 1])
    }
}
