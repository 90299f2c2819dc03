import Documents
import Support

/// The template values of a certificate: the holder's roster values (name, id, gender, birth date, every
/// column), the certificate's (number, dates, kind, title, level, category, the signed QR text, 原证编号),
/// the issuer's, the approvers' roles, and the job's own `values:`.
enum CertificateValues {
    /// Every field a certificate's record has besides the roster's (what the template check adds to them).
    static func certificateFields(approvers: Int) -> Set<String> {
        var fields: Set<String> = ["certificate.number", "certificate.date", "certificate.valid", "certificate.kind", "certificate.title",
                                   "certificate.level", "certificate.category", "certificate.qr", "certificate.replaces", "issuer.name",
                                   "issuer.code", "证书编号"]
        for k in 0..<approvers { fields.formUnion(["approver.\(k + 1).role", "approver.\(k + 1).seal"]) }
        return fields
    }

    /// The words printed for a certificate without end.
    static let permanent = "长期"

    static func values(_ draft: CertificateDraft, index: Int, job: CertifyJob, issuerName: String, issuerCode: String,
                       expires: CivilDate?, qr: String) -> [String: String] {
        var values = CandidateRecords.values(draft.candidate, index: index)
        for (name, value) in job.values { values[name] = value }
        values["certificate.number"] = draft.number
        values["证书编号"] = draft.number
        values["certificate.date"] = job.issued.description
        values["certificate.valid"] = expires?.description ?? permanent
        values["certificate.kind"] = job.kind
        values["certificate.title"] = job.title
        values["certificate.category"] = draft.category
        values["certificate.qr"] = qr
        values["issuer.name"] = issuerName
        values["issuer.code"] = issuerCode
        if !job.level.isEmpty { values["certificate.level"] = job.level }
        if let replaces = draft.replaces { values["certificate.replaces"] = replaces }
        for (k, approver) in job.approvers.enumerated() { values["approver.\(k + 1).role"] = approver.role }
        return values
    }

    /// What the QR code's private claim holds as the certificate's title and level: the category and level
    /// as printed (`科技培训/创客`, `企业培训师 三级`).
    static func claimTitle(category: String, level: String) -> String {
        [category, level].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
