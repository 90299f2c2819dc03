import Support

/// Why a signed revocation list (`kaowu revoke --export`) cannot be used: it cannot be read, its key is
/// not in the trust list, its signature fails, it speaks for another issuer than its key's, or its key was
/// not valid when it was made.
public struct RevocationListRejection: Error, Diagnostic, Equatable {
    /// `revocations.malformed`, `revocations.unknown-key`, `revocations.bad-signature`,
    /// `revocations.issuer-mismatch`, `revocations.key-not-valid`, `revocations.cannot-sign`.
    public var reason: String
    public var detail: String

    public init(_ reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var code: String { reason }
    public var facts: DiagnosticFacts { DiagnosticFacts(value: detail) }

    public func message(_ language: Language) -> String {
        let text: LocalizedText
        switch reason {
        case "revocations.unknown-key": text = LocalizedText(zh: "签名密钥不在信任列表中", en: "its signing key is not in the trust list")
        case "revocations.bad-signature": text = LocalizedText(zh: "签名无效", en: "its signature is not valid")
        case "revocations.issuer-mismatch": text = LocalizedText(zh: "发证机构与签名密钥不符", en: "its issuer is not the signing key's")
        case "revocations.key-not-valid": text = LocalizedText(zh: "签发时密钥不在有效期内", en: "the key was not valid when it was made")
        case "revocations.cannot-sign": text = LocalizedText(zh: "无法签发", en: "it cannot be signed")
        default: text = LocalizedText(zh: "无法读取", en: "it cannot be read")
        }
        return LocalizedText(zh: "吊销列表不可用：\(text.zh)（\(detail)）", en: "the revocation list cannot be used: \(text.en) (\(detail))").pick(language)
    }
}
