import Credentials
import Foundation
import Support
import Verification

/// A verification report in words for the terminal, in Chinese or English: the verdict first, then the
/// certificate's fields, the approvals and each check.
enum VerificationText {
    static func render(_ r: VerificationReport, language l: Language) -> String {
        var lines: [String] = []
        lines.append(l.pick("结论：", "Result: ") + status(r.status, l) + "  (" + r.reason + ")")
        if r.status != .genuine { lines.append("  " + reason(r.reason, l)) }
        let time = DateFormatter()
        time.locale = Locale(identifier: "en_US_POSIX")
        time.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        time.dateFormat = "yyyy-MM-dd HH:mm"
        if let c = r.certificate {
            lines.append(l.pick("证书编号：", "Number:      ") + c.number)
            lines.append(l.pick("姓名：    ", "Name:        ") + c.name)
            lines.append(l.pick("证件号码：", "ID number:   ") + c.maskedID)
            lines.append(l.pick("证书：    ", "Certificate: ") + c.certificate)
            if !c.category.isEmpty { lines.append(l.pick("类别/等级：", "Category:    ") + c.category) }
            lines.append(l.pick("发证机构：", "Issuer:      ") + (c.issuerName.map { "\($0)（\(c.issuerCode)）" } ?? c.issuerCode))
            lines.append(l.pick("签发时间：", "Signed:      ") + time.string(from: c.issuedAt) + " (UTC+8)")
            lines.append(l.pick("有效期至：", "Valid until: ") + (c.expires.map { time.string(from: $0.addingTimeInterval(-1)) + " (UTC+8)" } ?? l.pick("长期", "no end")))
        }
        if let g = r.registry, g.found {
            if let issued = g.issuedOn {
                lines.append(l.pick("发证日期：", "Issued on:   ") + issued + l.pick("（证书库）", " (registry)"))
            }
            if let at = g.revokedAt {
                lines.append(l.pick("撤销：    ", "Revoked:     ") + time.string(from: at) + "  " + (g.revocationReason ?? "")
                             + (g.replacedBy.map { l.pick("（换发为 \($0)）", " (replaced by \($0))") } ?? ""))
            }
            if let replaces = g.replaces { lines.append(l.pick("原证编号：", "Replaces:    ") + replaces) }
            for a in g.approvals {
                let mark = a.verified == true ? "✓" : a.verified == false ? "✗" : "?"
                lines.append(l.pick("审批：    ", "Approval:    ") + "\(a.role) \(mark) \(a.issuerCode) \(time.string(from: a.signedAt))"
                             + (a.verified == nil ? l.pick("（该方公钥不在信任列表中，未核验）", " (its key is not in the trust list: not checked)") : ""))
            }
        }
        if let p = r.pdf {
            lines.append(l.pick("PDF：     ", "PDF:         ") + "SHA-256 \(p.sha256.prefix(16))…  "
                         + (p.signatureValid ? l.pick("签名有效", "signature valid") : l.pick("签名无效或缺失", "signature invalid or missing"))
                         + (p.signatureValid && !p.coversWholeFile ? l.pick("，但签名后文件被改动", ", but changed after signing") : "")
                         + (p.registered == true ? l.pick("，与登记的文件一致", ", the registered file") : p.registered == false ? l.pick("，不是登记的文件", ", not the registered file") : ""))
        }
        let marks = r.checks.map { "\(checkName($0.name, l)) \($0.passed ? "✓" : "✗")" }
        lines.append(l.pick("检查：    ", "Checks:      ") + marks.joined(separator: "  "))
        for c in r.checks where c.note != nil && c.passed && c.name == "revocation" {
            lines.append(l.pick("  注意：未提供证书库或撤销清单，未核对是否已撤销", "  note: no registry or revocation list was given; revocation was not checked"))
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ s: VerificationStatus, _ l: Language) -> String {
        switch s {
        case .genuine: return l.pick("真实有效", "GENUINE")
        case .expired: return l.pick("已过期", "EXPIRED")
        case .revoked: return l.pick("已撤销", "REVOKED")
        case .unknownIssuer: return l.pick("发证机构不在信任列表中，无法验证", "UNKNOWN ISSUER")
        case .forged: return l.pick("无法验证（疑似伪造）", "NOT GENUINE (forged or damaged)")
        case .unverified: return l.pick("暂时无法核验（撤销状态无法查询）", "UNVERIFIED (revocation could not be checked)")
        }
    }

    static func reason(_ code: String, _ l: Language) -> String {
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

    static func checkName(_ name: String, _ l: Language) -> String {
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
