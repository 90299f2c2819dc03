import Support

/// A key folder or key file kaowu will not use or write, with the file and the fix. Never carries key
/// material: only paths, codes, kids and dates.
public enum KeyFileError: Error, Diagnostic, Equatable {
    /// The folder has no `trust.json`: not a key folder.
    case notKeyFolder(folder: String)
    /// A key file others may read (mode shown in octal): `chmod 600` fixes it.
    case readableByOthers(file: String, mode: String)
    /// A key file owned by another user.
    case notOwned(file: String)
    /// A key file that is not a regular file (a link, a folder, a device).
    case notRegularFile(file: String)
    case unreadable(file: String, reason: String)
    /// Not a PKCS#8 PEM P-256 private key.
    case invalidKey(file: String)
    /// The private key is not the one the trust list publishes under that kid.
    case keyMismatch(file: String, kid: String)
    /// `trust.json` of a key folder names more than one issuer.
    case severalIssuers(folder: String, codes: [String])
    /// No key of the folder is valid at the date (all expired or not yet valid), or none has its key file.
    case noValidKey(folder: String, date: String)
    /// The issuer code is not 2–16 of A–Z and 0–9.
    case invalidCode(code: String)
    case emptyName
    case invalidYears(years: Int)
    /// Generating into a folder that holds another issuer's keys.
    case otherIssuer(folder: String, name: String, code: String)
    /// A file is in the way that kaowu did not make.
    case fileInTheWay(file: String)
    case writeFailed(file: String, reason: String)
    /// `install-cert`: not a PEM X.509 certificate.
    case invalidCertificate(file: String)
    /// `install-cert`: no key of the folder has the certificate's public key.
    case certificateForNoKey(file: String, folder: String)
    /// `install-cert`: the certificate's validity has already ended or cannot be used for signing.
    case certificateUnusable(file: String, why: LocalizedText)

    public var code: String {
        switch self {
        case .notKeyFolder: return "keys.not-key-folder"
        case .readableByOthers: return "keys.readable-by-others"
        case .notOwned: return "keys.not-owned"
        case .notRegularFile: return "keys.not-regular-file"
        case .unreadable: return "keys.unreadable"
        case .invalidKey: return "keys.invalid-key"
        case .keyMismatch: return "keys.key-mismatch"
        case .severalIssuers: return "keys.several-issuers"
        case .noValidKey: return "keys.no-valid-key"
        case .invalidCode: return "keys.invalid-code"
        case .emptyName: return "keys.empty-name"
        case .invalidYears: return "keys.invalid-years"
        case .otherIssuer: return "keys.other-issuer"
        case .fileInTheWay: return "keys.file-in-the-way"
        case .writeFailed: return "keys.write-failed"
        case .invalidCertificate: return "keys.invalid-certificate"
        case .certificateForNoKey: return "keys.certificate-for-no-key"
        case .certificateUnusable: return "keys.certificate-unusable"
        }
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .notKeyFolder(let folder), .severalIssuers(let folder, _), .noValidKey(let folder, _), .otherIssuer(let folder, _, _):
            return DiagnosticFacts(file: folder)
        case .readableByOthers(let file, let mode): return DiagnosticFacts(file: file, value: mode)
        case .notOwned(let file), .notRegularFile(let file), .unreadable(let file, _), .invalidKey(let file), .fileInTheWay(let file),
             .writeFailed(let file, _), .invalidCertificate(let file), .certificateForNoKey(let file, _), .certificateUnusable(let file, _):
            return DiagnosticFacts(file: file)
        case .keyMismatch(let file, let kid): return DiagnosticFacts(file: file, value: kid)
        case .invalidCode(let code): return DiagnosticFacts(key: "code", value: code)
        case .emptyName: return DiagnosticFacts(key: "issuer")
        case .invalidYears(let years): return DiagnosticFacts(key: "years", value: String(years))
        }
    }

    public func message(_ language: Language) -> String {
        text.pick(language)
    }

    var text: LocalizedText {
        switch self {
        case .notKeyFolder(let folder):
            return LocalizedText(zh: "\(folder) 不是证书密钥文件夹（其中没有 trust.json）；请先用 kaowu keys generate 生成密钥",
                                 en: "\(folder) is not a key folder (it has no trust.json); create one with kaowu keys generate")
        case .readableByOthers(let file, let mode):
            return LocalizedText(zh: "私钥文件 \(file) 的权限是 \(mode)，同组或其他用户可以读取，kaowu 拒绝使用；请运行 chmod 600 \(file) 后重试，并考虑该私钥是否已泄露",
                                 en: "the private key file \(file) has mode \(mode): group or others can read it, so kaowu refuses it; run chmod 600 \(file) and consider whether the key has leaked")
        case .notOwned(let file):
            return LocalizedText(zh: "私钥文件 \(file) 不属于当前用户，kaowu 拒绝使用", en: "the private key file \(file) is not owned by the current user; kaowu refuses it")
        case .notRegularFile(let file):
            return LocalizedText(zh: "\(file) 不是普通文件（可能是链接或文件夹），kaowu 拒绝使用", en: "\(file) is not a regular file (a link or a folder?); kaowu refuses it")
        case .unreadable(let file, let reason):
            return LocalizedText(zh: "无法读取 \(file)：\(reason)", en: "cannot read \(file): \(reason)")
        case .invalidKey(let file):
            return LocalizedText(zh: "\(file) 不是 P-256 私钥（PKCS#8 PEM）", en: "\(file) is not a P-256 private key (PKCS#8 PEM)")
        case .keyMismatch(let file, let kid):
            return LocalizedText(zh: "\(file) 中的私钥与信任列表中密钥 \(kid) 的公钥不符", en: "the private key in \(file) does not match the public key of \(kid) in the trust list")
        case .severalIssuers(let folder, let codes):
            return LocalizedText(zh: "\(folder)/trust.json 含有多个发证机构（\(codes.joined(separator: "、"))）；每个发证机构的密钥应放在单独的文件夹中",
                                 en: "\(folder)/trust.json names several issuers (\(codes.joined(separator: ", "))); keep each issuer's keys in a folder of its own")
        case .noValidKey(let folder, let date):
            return LocalizedText(zh: "\(folder) 中没有在 \(date) 有效的私钥（均已过期或尚未生效）；请用 kaowu keys generate 在该文件夹生成新密钥",
                                 en: "\(folder) has no private key valid at \(date) (all expired or not yet valid); generate a new one into the folder with kaowu keys generate")
        case .invalidCode(let code):
            return LocalizedText(zh: "发证机构代码“\(code)”无效：应为 2–16 位大写字母 A–Z 或数字 0–9（如 SHPX），它是每个证书编号的开头",
                                 en: "the issuer code \"\(code)\" is not valid: 2-16 upper-case letters A-Z or digits 0-9 (e.g. SHPX); it begins every certificate number")
        case .emptyName:
            return LocalizedText(zh: "发证机构名称为空", en: "the issuer's name is empty")
        case .invalidYears(let years):
            return LocalizedText(zh: "密钥有效期 \(years) 年无效：应为 1–30 年", en: "a key validity of \(years) years is not valid: 1-30 years")
        case .otherIssuer(let folder, let name, let code):
            return LocalizedText(zh: "\(folder) 中已有另一个发证机构的密钥（\(name)，\(code)）；每个发证机构使用单独的文件夹，轮换密钥时请使用相同的名称、代码与角色",
                                 en: "\(folder) holds the keys of another issuer (\(name), \(code)); use one folder per issuer, and the same name, code and role when rotating keys")
        case .fileInTheWay(let file):
            return LocalizedText(zh: "\(file) 已存在且不是 kaowu 生成的，未做任何改动", en: "\(file) exists and was not made by kaowu; nothing was changed")
        case .writeFailed(let file, let reason):
            return LocalizedText(zh: "无法写入 \(file)：\(reason)", en: "cannot write \(file): \(reason)")
        case .invalidCertificate(let file):
            return LocalizedText(zh: "\(file) 不是 PEM 格式的 X.509 证书", en: "\(file) is not a PEM X.509 certificate")
        case .certificateForNoKey(let file, let folder):
            return LocalizedText(zh: "\(file) 的公钥与 \(folder) 中的任何密钥都不匹配；请确认 CA 签发的是用本文件夹生成的 CSR",
                                 en: "the public key of \(file) matches no key in \(folder); check that the CA signed a CSR made from this folder")
        case .certificateUnusable(let file, let why):
            return LocalizedText(zh: "\(file) 不能用于签名：\(why.zh)", en: "\(file) cannot be used for signing: \(why.en)")
        }
    }
}
