import Support

/// The words people write in a 证件类型 column, mapped to document kinds. Keys are normalised by `key(_:)`:
/// as keys (`TextCleaner.key`: NFKC), lower-cased, without spaces, punctuation, a leading 中华人民共和国 or a trailing 号码/号.
enum DocumentKindAliases {
    static func lookup(_ cell: String) -> IDKind? {
        let k = key(cell)
        return k.isEmpty ? nil : table[k]
    }

    static func key(_ cell: String) -> String {
        var text = String(TextCleaner.key(cell).lowercased().unicodeScalars.filter { !dropped.contains($0) })
        for prefix in ["中华人民共和国", "中国"] where text.hasPrefix(prefix) && text.count > prefix.count + 1 {
            text.removeFirst(prefix.count)
        }
        for suffix in ["号码", "号"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text
    }

    private static let dropped: Set<Unicode.Scalar> = [" ", "-", "_", ".", "'", "’", "/", "·", "、"]

    private static let table: [String: IDKind] = {
        var t: [String: IDKind] = [:]
        func add(_ kind: IDKind, _ words: [String]) { for w in words { t[w] = kind } }
        add(.residentID, [
            "身份证", "居民身份证", "二代身份证", "第二代身份证", "第二代居民身份证", "二代证", "公民身份",
            "大陆居民身份证", "内地居民身份证", "临时身份证", "临时居民身份证",
            "idcard", "id", "residentid", "residentidcard", "residentidentitycard", "chineseidcard", "prcidcard",
        ])
        add(.residencePermit, [
            "港澳台居民居住证", "居住证", "港澳居民居住证", "台湾居民居住证", "香港居民居住证", "澳门居民居住证",
            "residencepermit", "hkmacaotaiwanresidencepermit", "residencepermitforhongkongmacaoandtaiwanresidents",
        ])
        add(.foreignPermanentResident, [
            "外国人永久居留身份证", "外国人永久居留证", "永久居留身份证", "永久居留证", "永居证", "绿卡",
            "foreignpermanentresidentidcard", "foreignpermanentresidentid", "permanentresidentcard",
            "permanentresidentid", "greencard",
        ])
        add(.hkMacauTravelPermit, [
            "港澳居民来往内地通行证", "港澳居民往来内地通行证", "香港居民来往内地通行证", "澳门居民来往内地通行证",
            "回乡证", "港澳回乡证", "港澳通行证",
            "homereturnpermit", "mainlandtravelpermitforhongkongandmacaoresidents",
        ])
        add(.taiwanTravelPermit, [
            "台湾居民来往大陆通行证", "台湾居民往来大陆通行证", "台胞证", "台湾通行证",
            "mainlandtravelpermitfortaiwanresidents", "taiwancompatriotpermit",
        ])
        add(.passport, ["护照", "外国护照", "普通护照", "passport", "foreignpassport"])
        return t
    }()
}
