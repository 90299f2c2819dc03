import Photos
import Support

/// A certificate job (`kaowu certify JOB.yaml`): who issues, to whom, what certificate, on which terms.
public struct CertifyJob: Sendable {
    /// The job file, as given.
    public var file: String
    /// The issuer's key folder (`kaowu keys generate --out`).
    public var keys: String
    /// The verification service's address printed in the QR code (`https://v.shpx.org.cn`).
    public var verifyURL: String
    /// The certificate kind printed and signed (电子证书, 合格证, or the name of the user's own template).
    public var kind: String
    /// The template file drawing it.
    public var template: String
    /// 上海市“培训师”证书, 企业培训师（三级）…
    public var title: String
    /// 培训类别/培训项目, with roster columns in braces (`{培训类别}/{培训项目}`); empty when none.
    public var category: String
    /// A level (三级, 初级), printed and signed with the title; empty when none.
    public var level: String
    public var issued: CivilDate
    public var validity: Validity
    public var numberPattern: CertificateNumberPattern
    public var roster: String
    public var photos: String?
    public var sheet: String?
    public var photoRules: PhotoRules
    /// Every rule must hold for a holder to be certified; none: everyone valid is.
    public var passRules: [PassRule]
    public var approvers: [Approver]
    /// Whether the verification page may show the holder's photo (kept in the registry's record).
    public var showPhoto: Bool
    public var registry: String
    public var output: String
    /// The proposed batch file of a job with approvers.
    public var batch: String
    /// More template values (`course.name`, …), the same for every certificate.
    public var values: [String: String]

    /// The category for one holder: `{column}` replaced by the holder's value as written.
    public func category(column: (String) -> String?) -> String {
        PlaceholderText.pieces(of: category, open: "{", close: "}").pieces.map { piece in
            switch piece {
            case .literal(let text): return text
            case .placeholder(let name): return column(name.trimmingCharacters(in: .whitespaces)) ?? ""
            }
        }.joined()
    }

    /// The roster columns the job reads (category, number pattern, pass rules), to check the roster has them.
    public var columns: [String] {
        let categoryColumns = PlaceholderText.pieces(of: category, open: "{", close: "}").pieces.compactMap { piece -> String? in
            if case .placeholder(let name) = piece { return name.trimmingCharacters(in: .whitespaces) } else { return nil }
        }
        var seen = Set<String>()
        return (categoryColumns + numberPattern.columns + passRules.map(\.column)).filter { seen.insert($0).inserted }
    }

    /// The files the job reads, by role (an output may never be one of them).
    public var inputFiles: [(role: String, path: String)] {
        var files: [(String, String)] = [("job", file), ("roster", roster), ("template", template), ("keys", keys), ("registry", registry)]
        if let photos { files.append(("photos", photos)) }
        for approver in approvers {
            files.append(("approver", approver.trust))
            if let seal = approver.seal { files.append(("seal", seal)) }
        }
        return files
    }
}
