import Support

/// Why a signed statement (a certificate code, an approval, a revocation list) was not accepted as
/// well-formed: a stable reason code (`verify.malformed`, `verify.unsupported-alg`) and what exactly was
/// wrong (`CBOR non-minimal at byte 12`, `kid is 7 bytes`). Never carries more than a few words of input.
public struct CodeRejection: Error, Diagnostic, Equatable {
    /// `verify.malformed` or `verify.unsupported-alg`.
    public var reason: String
    /// What was wrong, in English technical words (shown in both languages as it is).
    public var detail: String

    public init(_ reason: String, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    static func malformed(_ detail: String) -> CodeRejection { CodeRejection("verify.malformed", detail) }

    public var code: String { reason }
    public var facts: DiagnosticFacts { DiagnosticFacts(value: detail) }

    public func message(_ language: Language) -> String {
        switch reason {
        case "verify.unsupported-alg":
            return LocalizedText(zh: "签名算法不受支持（只接受 ES256）：\(detail)", en: "unsupported signature algorithm (only ES256 is accepted): \(detail)").pick(language)
        default:
            return LocalizedText(zh: "编码格式不正确：\(detail)", en: "the code is malformed: \(detail)").pick(language)
        }
    }
}
