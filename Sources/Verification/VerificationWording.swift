import Credentials
import Foundation
import Support

/// A verification's status, reason codes and check names in words, in Chinese or English: what the
/// terminal (`kaowu verify`) and the web service (`kaowu serve`) both print.
public enum VerificationWording {
    /// `2026-12-04 20:31`: a moment in China's time (UTC+8), how verifiers read dates. Made without a
    /// formatter: the web service writes several on every page.
    public static func chinaTime(_ date: Date) -> String {
        let seconds = Int((date.timeIntervalSince1970 + 8 * 3600).rounded(.down))
        let days = Int((Double(seconds) / 86400).rounded(.down)), rest = seconds - days * 86400
        let c = DayCount.civil(daysSince1970: days)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, rest / 3600, rest % 3600 / 60)
    }

    public static func status(_ s: VerificationStatus, _ l: Language) -> String {
        switch s {
        case .genuine: return l.pick("真实有效", "GENUINE")
        case .expired: return l.pick("已过期", "EXPIRED")
        case .revoked: return l.pick("已撤销", "REVOKED")
        case .unknownIssuer: return l.pick("发证机构不在信任列表中，无法验证", "UNKNOWN ISSUER")
        case .forged: return l.pick("无法验证（疑似伪造）", "NOT GENUINE (forged or damaged)")
        case .unverified: return l.pick("暂时无法核验（撤销状态无法查询）", "UNVERIFIED (revocation could not be checked)")
        }
    }

    public static func reason(_ code: String, _ l: Language) -> String {
        switch code {
        case "verify.malformed": return l.pick("二维码内容不是 kaowu 证书码，或已损坏", "the code is not a kaowu certificate code, or it is damaged")
        case "verify.unsupported-alg": return l.pick("签名算法不受支持", "the signature algorithm is not supported")
        case "verify.unknown-key": return l.pick("签名密钥不在信任列表中", "the signing key is not in the trust list")
        case "verify.bad-signature": return l.pick("签名不符：内容被改动或签名伪造", "the signature does not match: the content was changed or the signature forged")
        case "verify.issuer-mismatch": return l.pick("证书所写发证机构与签名密钥的机构不符", "the issuer named differs from the signing key's issuer")
        case "verify.key-not-valid": return l.pick("签发时签名密钥不在有效期内", "the signing key was not valid when the certificate was signed")
        case "verify.not-yet-valid": return l.pick("证书签发时间在未来", "the certificate is signed for a future time")
        case "verify.expired": return l.pick("证书已过有效期", "the certificate's validity has ended")
        case "verify.revoked": return l.pick("证书已被发证机构撤销", "the issuer has revoked the certificate")
        case "verify.not-issued": return l.pick("证书库中没有签发过这张证书（或签发的内容不同）", "the registry never issued this certificate (or issued different content)")
        case "verify.revocation-unavailable": return l.pick("无法查询证书是否已撤销，请稍后再试", "whether the certificate was revoked cannot be checked now; try again later")
        case "verify.registry-unavailable": return l.pick("无法读取证书库", "the registry cannot be read")
        case "verify.no-code": return l.pick("未在文件中找到二维码", "no QR code was found in the file")
        case "verify.unreadable": return l.pick("文件无法读取", "the file cannot be read")
        case "verify.pdf-unsigned": return l.pick("PDF 没有数字签名", "the PDF has no digital signature")
        case "verify.pdf-signature": return l.pick("PDF 的数字签名无效", "the PDF's digital signature is invalid")
        case "verify.pdf-modified": return l.pick("PDF 在签名后被改动", "the PDF was changed after it was signed")
        case "verify.pdf-malformed": return l.pick("PDF 的签名结构损坏", "the PDF's signature structure is damaged")
        case "verify.pdf-signer": return l.pick("PDF 的签名者不是该证书的发证机构", "the PDF was not signed by the certificate's issuer")
        case "verify.pdf-not-issued": return l.pick("此 PDF 不是证书库登记的证书文件", "this PDF is not the certificate file the registry issued")
        default: return code
        }
    }

    public static func checkName(_ name: String, _ l: Language) -> String {
        switch name {
        case "decode": return l.pick("解码", "decode")
        case "signature": return l.pick("签名", "signature")
        case "issuer": return l.pick("发证机构", "issuer")
        case "validity": return l.pick("有效期", "validity")
        case "revocation": return l.pick("撤销", "revocation")
        case "registry": return l.pick("登记", "registry")
        case "pdf-signature": return l.pick("PDF签名", "PDF signature")
        case "pdf-file": return l.pick("PDF文件", "PDF file")
        default: return name
        }
    }
}
