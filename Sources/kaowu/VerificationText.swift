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
        if let c = r.certificate {
            lines.append(l.pick("证书编号：", "Number:      ") + c.number)
            lines.append(l.pick("姓名：    ", "Name:        ") + c.name)
            lines.append(l.pick("证件号码：", "ID number:   ") + c.maskedID)
            lines.append(l.pick("证书：    ", "Certificate: ") + c.certificate)
            if !c.category.isEmpty { lines.append(l.pick("类别/等级：", "Category:    ") + c.category) }
            lines.append(l.pick("发证机构：", "Issuer:      ") + (c.issuerName.map { "\($0)（\(c.issuerCode)）" } ?? c.issuerCode))
            lines.append(l.pick("签发时间：", "Signed:      ") + VerificationWording.chinaTime(c.issuedAt) + " (UTC+8)")
            lines.append(l.pick("有效期至：", "Valid until: ") + (c.expires.map { VerificationWording.chinaTime($0.addingTimeInterval(-1)) + " (UTC+8)" } ?? l.pick("长期", "no end")))
        }
        if let g = r.registry, g.found {
            if let issued = g.issuedOn {
                lines.append(l.pick("发证日期：", "Issued on:   ") + issued + l.pick("（证书库）", " (registry)"))
            }
            if let at = g.revokedAt {
                lines.append(l.pick("撤销：    ", "Revoked:     ") + VerificationWording.chinaTime(at) + "  " + (g.revocationReason ?? "")
                             + (g.replacedBy.map { l.pick("（换发为 \($0)）", " (replaced by \($0))") } ?? ""))
            }
            if let replaces = g.replaces { lines.append(l.pick("原证编号：", "Replaces:    ") + replaces) }
            for a in g.approvals {
                let mark = a.verified == true ? "✓" : a.verified == false ? "✗" : "?"
                lines.append(l.pick("审批：    ", "Approval:    ") + "\(a.role) \(mark) \(a.issuerCode) \(VerificationWording.chinaTime(a.signedAt))"
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

    static func status(_ s: VerificationStatus, _ l: Language) -> String { VerificationWording.status(s, l) }
    static func reason(_ code: String, _ l: Language) -> String { VerificationWording.reason(code, l) }
    static func checkName(_ name: String, _ l: Language) -> String { VerificationWording.checkName(name, l) }
}
