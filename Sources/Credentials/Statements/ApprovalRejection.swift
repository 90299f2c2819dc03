import Support

/// Why an approval does not count: it cannot be read, its key is not in the trust list, its signature
/// fails, what it signed differs from what it says, its key's role is not the role it approves for, its
/// key was not valid when it signed, or the batch it approved is not this batch (the batch changed).
public struct ApprovalRejection: Error, Diagnostic, Equatable {
    /// `approval.malformed`, `approval.unknown-key`, `approval.bad-signature`, `approval.mismatch`,
    /// `approval.role-mismatch`, `approval.key-not-valid`, `approval.batch-changed`, `approval.cannot-sign`.
    public var reason: String
    public var role: String
    public var detail: String

    public init(_ reason: String, role: String, detail: String) {
        self.reason = reason
        self.role = role
        self.detail = detail
    }

    public var code: String { reason }
    public var facts: DiagnosticFacts { DiagnosticFacts(key: role, value: detail) }

    public func message(_ language: Language) -> String {
        let text: LocalizedText
        switch reason {
        case "approval.unknown-key": text = LocalizedText(zh: "签批密钥不在信任列表中", en: "the approving key is not in the trust list")
        case "approval.bad-signature": text = LocalizedText(zh: "签批的签名无效", en: "the approval's signature is not valid")
        case "approval.mismatch": text = LocalizedText(zh: "签批的内容与其签名不符", en: "the approval's fields differ from what was signed")
        case "approval.role-mismatch": text = LocalizedText(zh: "签批密钥的角色与所签角色不符", en: "the approving key's role is not the role approved for")
        case "approval.key-not-valid": text = LocalizedText(zh: "签批时密钥不在有效期内", en: "the key was not valid when it approved")
        case "approval.batch-changed": text = LocalizedText(zh: "签批的是另一批（批次内容已改变），须重新签批", en: "the approval is for another batch (the batch changed); it must be approved again")
        case "approval.cannot-sign": text = LocalizedText(zh: "无法签批", en: "cannot approve")
        default: text = LocalizedText(zh: "签批无法读取", en: "the approval cannot be read")
        }
        return LocalizedText(zh: "“\(role)”的签批无效：\(text.zh)（\(detail)）", en: "the approval of \"\(role)\" does not count: \(text.en) (\(detail))").pick(language)
    }
}
