import Credentials
import Foundation
import Support
import Verification

/// A verification report as the phone page shows it: the status band first (the words a verifier looks
/// for: 真实有效, 已过期, 已撤销, 无法验证-伪造), then the certificate's fields as signed, the holder's photo when
/// the issuer chose to show it, the approvals, the registered PDF's hash and each check. Values only; the
/// template escapes them.
enum VerificationPage {
    static func status(_ s: VerificationStatus, _ l: Language) -> (text: String, mark: String, cssClass: String) {
        switch s {
        case .genuine: return (l.pick("真实有效", "Genuine"), "✓", "ok")
        case .expired: return (l.pick("已过期", "Expired"), "!", "warn")
        case .revoked: return (l.pick("已撤销", "Revoked"), "✕", "bad")
        case .forged: return (l.pick("无法验证-伪造", "Not genuine – forged"), "✕", "bad")
        case .unknownIssuer: return (l.pick("无法验证-发证机构未知", "Cannot verify – unknown issuer"), "?", "bad")
        case .unverified: return (l.pick("暂时无法核验", "Cannot verify now"), "…", "grey")
        }
    }

    /// `2026-12-04 20:31 (UTC+8)`.
    static func time(_ date: Date) -> String { VerificationWording.chinaTime(date) + " (UTC+8)" }

    /// `2026-12-04`, the day in China.
    static func day(_ date: Date) -> String { String(VerificationWording.chinaTime(date).prefix(10)) }

    /// The page's values for `report`; `photo` is a `data:` URI or nil; `jsonLink` the same result as JSON.
    static func values(_ r: VerificationReport, photo: String?, jsonLink: String, chrome: PageChrome) -> [String: Any] {
        let l = chrome.language
        var v = chrome.values(title: l.pick("证书查验结果", "Certificate verification"))
        let s = status(r.status, l)
        v["statusText"] = s.text
        v["statusMark"] = s.mark
        v["statusClass"] = s.cssClass
        var note: String?
        if r.status == .revoked, let g = r.registry, let at = g.revokedAt {
            note = l.pick("撤销于 ", "Revoked on ") + time(at) + (g.revocationReason.map { l.pick("，原因：", "; reason: ") + $0 } ?? "")
                + (g.replacedBy.map { l.pick("（已换发 \($0)）", " (replaced by \($0))") } ?? "")
        } else if r.status != .genuine {
            note = VerificationWording.reason(r.reason, l)
        } else {
            note = l.pick("本证书由发证机构签发，内容未被改动", "Issued by the issuer named below; its content is unchanged")
        }
        v["statusNote"] = note
        var fields: [[String: String]] = []
        func add(_ zh: String, _ en: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(["label": l.pick(zh, en), "value": value]) }
        }
        if let c = r.certificate {
            add("证书编号", "Number", c.number)
            add("姓名", "Name", c.name)
            add("证件号码", "ID number", c.maskedID)
            add("证书名称", "Certificate", c.certificate)
            add("类别/等级", "Category", c.category)
            add("发证机构", "Issuer", c.issuerName.map { "\($0)（\(c.issuerCode)）" } ?? c.issuerCode)
            add("发证日期", "Issued on", r.registry?.issuedOn ?? day(c.issuedAt))
            add("有效期至", "Valid until", c.expires.map { day($0.addingTimeInterval(-1)) } ?? l.pick("长期有效", "no end"))
            add("原证编号", "Replaces", r.registry?.replaces)
        }
        v["fields"] = fields
        v["hasFields"] = !fields.isEmpty
        v["fieldsTitle"] = l.pick("证书信息", "Certificate")
        let approvals: [[String: String]] = (r.registry?.approvals ?? []).map { a in
            let mark = a.verified == true ? l.pick("✓ 签名有效", "✓ signature valid") : a.verified == false ? l.pick("✕ 签名无效", "✕ signature invalid")
                : l.pick("— 未核验（公钥不在信任列表中）", "— not checked (key not in the trust list)")
            return ["role": a.role, "text": "\(mark) · \(a.issuerCode) · \(time(a.signedAt))"]
        }
        v["approvals"] = approvals
        v["hasApprovals"] = !approvals.isEmpty
        v["approvalsTitle"] = l.pick("审批", "Approvals")
        let files = r.registry?.pdfSHA256 ?? []
        v["files"] = files
        v["hasFiles"] = !files.isEmpty && r.certificate != nil
        v["filesTitle"] = l.pick("登记的证书文件", "Registered certificate file")
        v["filesNote"] = l.pick("持有 PDF 的人可核对其 SHA-256 与此一致。", "Whoever holds the PDF can check that its SHA-256 is this one.")
        v["jsonLink"] = jsonLink
        v["checks"] = r.checks.map { c in
            ["name": VerificationWording.checkName(c.name, l), "mark": c.passed ? "✓" : "✕ " + VerificationWording.reason(c.code ?? "", l)]
        }
        v["checksTitle"] = l.pick("核验项目", "Checks")
        if let photo {
            v["photo"] = photo
            v["photoAlt"] = l.pick("持证人照片", "Holder's photo")
        }
        v["footer"] = l.pick("核验时间 ", "Checked at ") + time(r.checkedAt)
        return v
    }
}
