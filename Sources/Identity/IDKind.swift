import Support

/// Which kind of identity document a number is.
public enum IDKind: String, Sendable, CaseIterable {
    /// 居民身份证: 18 characters (17 digits + check digit or X), or a legacy 15-digit number.
    case residentID
    /// 港澳台居民居住证: 18 characters, region 810000/820000/830000, same MOD 11-2 check.
    case residencePermit
    /// 外国人永久居留身份证: 2023 version 18 characters starting with 9 (MOD 11-2 check); older version
    /// 3 letters + 12 digits.
    case foreignPermanentResident
    /// 港澳居民来往内地通行证 (回乡证): H or M followed by 8 or 10 digits.
    case hkMacauTravelPermit
    /// 台湾居民来往大陆通行证 (台胞证): 8 digits, or a legacy 10-character number.
    case taiwanTravelPermit
    /// 护照: 5–17 letters and digits.
    case passport

    /// Parses a 证件类型 cell (身份证, 居住证, 绿卡, 回乡证, 台胞证, 护照, passport, …; see `DocumentKindAliases`).
    /// Empty or unknown text gives nil: the caller reports an unknown type.
    public static func parse(_ typeCell: String) -> IDKind? {
        DocumentKindAliases.lookup(typeCell)
    }

    /// The document's official name in the chosen language.
    public func displayName(_ language: Language) -> String {
        switch self {
        case .residentID: language.pick("居民身份证", "resident identity card")
        case .residencePermit: language.pick("港澳台居民居住证", "residence permit for Hong Kong, Macao and Taiwan residents")
        case .foreignPermanentResident: language.pick("外国人永久居留身份证", "foreign permanent resident ID card")
        case .hkMacauTravelPermit: language.pick("港澳居民来往内地通行证", "mainland travel permit for Hong Kong and Macao residents")
        case .taiwanTravelPermit: language.pick("台湾居民来往大陆通行证", "mainland travel permit for Taiwan residents")
        case .passport: language.pick("护照", "passport")
        }
    }
}
