import Support

/// A roster column kaowu understands, recognised from its header by Chinese and English aliases.
public enum Field: String, CaseIterable, Sendable, Codable {
    case serial, name, namePinyin, gender, idType, id, birthdate, phone, email, ethnicity, education
    case school, major, level, enrollYear, candidateType, subject, certificate, title, position
    case address, ticketNumber, seat, remark

    /// Header texts that mean this field (compared after clean-up: no spaces, no `*`, no notes in brackets,
    /// lower case).
    public var aliases: [String] {
        switch self {
        case .serial: return ["序号", "no", "no.", "#"]
        case .name: return ["姓名", "考生姓名", "学员姓名", "学生姓名", "真实姓名", "人员姓名", "名字", "name", "fullname", "candidatename"]
        case .namePinyin: return ["姓名拼音", "拼音", "pinyin", "namepinyin"]
        case .gender: return ["性别", "gender", "sex"]
        case .idType: return ["证件类型", "证件种类", "证件名称", "idtype", "documenttype"]
        case .id: return ["身份证号", "身份证号码", "证件号码", "证件号", "公民身份号码", "身份证", "身份证件号码", "证件编号", "身份号", "身份证号/证件号",
                          "id", "idnumber", "idno", "idcard", "documentnumber"]
        case .birthdate: return ["出生日期", "出生年月", "出生年月日", "生日", "birthdate", "dateofbirth", "dob", "birthday"]
        case .phone: return ["手机号", "手机号码", "联系电话", "电话", "手机", "联系方式", "电话号码", "phone", "mobile", "tel"]
        case .email: return ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail"]
        case .ethnicity: return ["民族", "ethnicity"]
        case .education: return ["学历", "文化程度", "最高学历", "education"]
        case .school: return ["所属院校", "院校", "学校", "院校名称", "学校名称", "单位", "工作单位", "所属单位", "所在单位", "单位名称", "所属机构", "培训机构",
                              "school", "organization", "organisation", "unit", "employer"]
        case .major: return ["专业", "就读专业", "所学专业", "从事专业", "专业名称", "major"]
        case .level: return ["专业层次", "层次", "培养层次"]
        case .enrollYear: return ["入学年份", "入学年度", "入学时间"]
        case .candidateType: return ["学生类型", "考生类型", "考生类别", "学员类型"]
        case .subject: return ["报考科目", "科目", "考试科目", "科目名称", "subject"]
        case .certificate: return ["报考证书", "证书名称", "证书", "报考等级", "等级", "级别", "报考级别", "certificate", "level"]
        case .title: return ["职称", "title"]
        case .position: return ["职务", "岗位", "position"]
        case .address: return ["地址", "联系地址", "通讯地址", "家庭住址", "address"]
        case .ticketNumber: return ["准考证号", "准考证号码", "ticketnumber", "admissionticket"]
        case .seat: return ["座位号", "座号", "seat", "seatnumber"]
        case .remark: return ["备注", "说明", "remark", "remarks", "note", "notes"]
        }
    }

    /// The header kaowu writes for this field (import template, reports).
    public var chineseHeader: String { aliases[0] }

    /// Whether the column belongs to one registration rather than to the person: a roster with one row per
    /// subject repeats the person's other columns, which must then agree, while these may differ.
    public var isPerRegistration: Bool {
        switch self {
        case .serial, .subject, .certificate, .ticketNumber, .seat, .remark: return true
        default: return false
        }
    }

    static let byAlias: [String: Field] = {
        var map: [String: Field] = [:]
        for field in Field.allCases {
            for alias in field.aliases where map[alias] == nil { map[alias] = field }
        }
        return map
    }()

    /// Reduces a header cell to the form aliases are compared in.
    public static func normalizeHeader(_ text: String) -> String {
        var cleaned = TextCleaner.key(text).lowercased()
        // Drop notes in brackets: 身份证号（必填）, 出生日期(yyyy-mm-dd).
        for (open, close) in [("(", ")"), ("[", "]"), ("【", "】"), ("<", ">")] {
            while let a = cleaned.range(of: open), let b = cleaned.range(of: close, range: a.upperBound..<cleaned.endIndex) {
                cleaned.removeSubrange(a.lowerBound..<b.upperBound)
            }
        }
        return String(cleaned.unicodeScalars.filter { $0 != " " && $0 != "*" && $0 != "＊" && $0 != ":" && $0 != "_" }.map(Character.init))
    }

    /// The field a header means, if any.
    public static func match(header: String) -> Field? { byAlias[normalizeHeader(header)] }
}
