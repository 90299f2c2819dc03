import Support

/// Every problem code kaowu reports, with a short title in both languages (design §3 plus the codes
/// added since, all documented in the README). Codes are stable: added, never renamed.
public enum ProblemCatalog {
    public static let titles: [(code: String, zh: String, en: String)] = [
        ("roster.unreadable", "名单文件无法读取", "roster cannot be read"),
        ("roster.header-missing", "找不到表头或缺少必需列", "header or required column missing"),
        ("roster.duplicate-id", "证件号码重复", "duplicate ID number"),
        ("roster.id-as-number", "证件号码被存成数字", "ID number stored as a number"),
        ("name.missing", "姓名为空", "name missing"),
        ("name.invalid", "姓名有误", "invalid name"),
        ("gender.mismatch", "性别与证件号码不符", "gender differs from the ID number"),
        ("gender.invalid", "性别无法识别", "unreadable gender"),
        ("birthdate.mismatch", "出生日期与证件号码不符", "birth date differs from the ID number"),
        ("birthdate.format", "出生日期无法识别", "unreadable birth date"),
        ("phone.format", "手机号格式有误", "phone number format"),
        ("id.missing", "证件号码为空", "ID number missing"),
        ("id.type-unknown", "证件类型无法识别", "unknown document type"),
        ("id.format", "证件号码格式错误", "ID number format"),
        ("id.checksum", "身份证号校验位错误", "ID check character wrong"),
        ("id.birthdate", "证件号码中的出生日期不合理", "impossible birth date in the ID"),
        ("id.region", "地区码未知或已停用", "unknown or retired region code"),
        ("id.legacy-15", "15 位旧身份证号已转换", "15-digit ID converted"),
        ("photo.missing", "缺少照片", "photo missing"),
        ("photo.unreadable", "照片无法读取", "photo unreadable"),
        ("photo.format", "照片格式不对", "not a JPG/PNG photo"),
        ("photo.too-large", "照片文件过大", "photo file too large"),
        ("photo.dimensions", "照片像素尺寸不对", "wrong photo size"),
        ("photo.background", "照片底色不对", "wrong background colour"),
        ("photo.cmyk", "照片是 CMYK 色彩", "CMYK photo"),
        ("photo.orphan", "多余的照片（名单里没有此人）", "photo without a roster row"),
        ("photo.duplicate", "同一考生有多张照片", "several photos for one person"),
        ("photo.name-mismatch", "照片文件名中的姓名与名单不符", "name in file name differs"),
        ("photo.filename", "照片文件名无法对应考生", "photo file name has no ID"),
        ("archive.unreadable", "压缩包无法读取", "archive unreadable"),
        ("archive.unsafe-path", "压缩包内路径不安全", "unsafe path in archive"),
        ("archive.too-large", "压缩包超出安全上限", "archive over the safety limits"),
        ("archive.other-files", "压缩包里有不是图片的文件（已忽略）", "files that are no images in the archive (ignored)"),
        ("seat.no-session", "报考科目不在本次考试中，未排考", "subject not in this exam, not seated"),
        ("seat.moved", "上次的座位已不可用，已改排", "previous seat unavailable, moved"),
        ("seat.same-school", "同校考生座位相邻（无法避免）", "same-school neighbours (unavoidable)"),
    ]

    private static let byCode: [String: (zh: String, en: String)] =
        Dictionary(uniqueKeysWithValues: titles.map { ($0.code, ($0.zh, $0.en)) })

    /// The short title of `code` in `language` (the code itself when unknown).
    public static func title(_ code: String, _ language: Language) -> String {
        guard let t = byCode[code] else { return code }
        return language.pick(t.zh, t.en)
    }

    /// Position of `code` in the catalogue, for grouping reports in a stable order.
    public static func order(_ code: String) -> Int {
        titles.firstIndex { $0.code == code } ?? titles.count
    }
}
