import Support

/// Why a certificate code cannot be made: the text would not fit one version-13-M QR code, the base URL is
/// not QR-alphanumeric, or the payload does not belong to the key or is not what a code may carry.
public enum CertificateCodeError: Error, Diagnostic, Equatable {
    /// The QR text would be `characters` long, `over` more than the 483 that QR version 13 at level M holds.
    case payloadTooLong(characters: Int, over: Int)
    /// The base URL has a character outside the QR alphanumeric set (0–9 A–Z space $ % * + - . / :).
    case invalidBaseURL(url: String, character: String)
    /// The payload's issuer (or its private claim's issuer code) is not the key's issuer code.
    case issuerMismatch(payload: String, key: String)
    /// A field the code cannot carry as it is (empty, too long, control characters, times out of range).
    case invalidField(field: String, detail: String)
    /// The key is not valid at the certificate's issue time.
    case keyNotValid(kid: String, at: String)

    public var code: String {
        switch self {
        case .payloadTooLong: return "certify.payload-too-long"
        case .invalidBaseURL: return "certify.base-url"
        case .issuerMismatch: return "certify.issuer-mismatch"
        case .invalidField: return "certify.payload-field"
        case .keyNotValid: return "certify.key-not-valid"
        }
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .payloadTooLong(let characters, _): return DiagnosticFacts(value: String(characters))
        case .invalidBaseURL(let url, _): return DiagnosticFacts(key: "base-url", value: url)
        case .issuerMismatch(let payload, _): return DiagnosticFacts(key: "issuer", value: payload)
        case .invalidField(let field, _): return DiagnosticFacts(field: field)
        case .keyNotValid(let kid, _): return DiagnosticFacts(value: kid)
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .payloadTooLong(let characters, let over):
            return LocalizedText(zh: "证书二维码内容有 \(characters) 个字符，比 13 版 M 级二维码可容纳的 483 个多 \(over) 个；请缩短证书名称、项目名称或查验网址",
                                 en: "the certificate's QR text would be \(characters) characters, \(over) more than the 483 a version 13 level M QR code holds; shorten the title, the course name or the verification URL").pick(language)
        case .invalidBaseURL(let url, let character):
            return LocalizedText(zh: "查验网址“\(url)”含有二维码字母数字模式不能表示的字符“\(character)”（只能用 0–9、A–Z、空格和 $%*+-./:）",
                                 en: "the verification URL \"\(url)\" has the character \"\(character)\", which a QR alphanumeric segment cannot hold (only 0-9, A-Z, space and $%*+-./:)").pick(language)
        case .issuerMismatch(let payload, let key):
            return LocalizedText(zh: "证书的发证机构代码 \(payload) 与签名密钥的 \(key) 不同", en: "the certificate's issuer code \(payload) is not the signing key's \(key)").pick(language)
        case .invalidField(let field, let detail):
            return LocalizedText(zh: "证书字段 \(field) 不能写入二维码：\(detail)", en: "the certificate field \(field) cannot go into the QR code: \(detail)").pick(language)
        case .keyNotValid(let kid, let at):
            return LocalizedText(zh: "密钥 \(kid) 在发证时间 \(at) 不在有效期内", en: "the key \(kid) is not valid at the issue time \(at)").pick(language)
        }
    }
}
