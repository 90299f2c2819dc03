import Documents
import Support
import Validation

/// The template values of a certificate: the holder's roster values (name, id, gender, birth date, every
/// column), the certificate's (number, dates, kind, title, level, category, the signed QR text, 原证编号),
/// the issuer's, the approvers' roles, and the job's own `values:`.
enum CertificateValues {
    /// The non-blank fields every certificate of `job` has besides the roster's, made by `values` itself from
    /// a probe (a new certificate, so not `certificate.replaces`), the job's own `values:`, and the approvers'
    /// seal images: what the template check adds to the roster's fields, so it can never disagree with what is printed.
    static func suppliedFields(job: CertifyJob) -> Set<String> {
        let probe = CertificateDraft(candidate: Candidate(row: 2, name: "·", idKind: .residentID, idNumber: "·"), number: "·", status: .new,
                                     replaces: nil, category: "·", maskedID: "·", holderKey: "", certificateKey: "", detailsHash: "",
                                     sequencePrefix: "", sequence: 0, existing: nil)
        let values = values(probe, index: 0, job: job, issuerName: "·", issuerCode: "·", expires: nil, qr: "·")
        return Set(values.filter { !$0.value.isEmpty }.keys).union(job.values.keys).union(seals(job).keys)
    }

    /// The approvers' seal images by field (`approver.1.seal` → the job's PNG), for those that have one.
    static func seals(_ job: CertifyJob) -> [String: String] {
        var seals: [String: String] = [:]
        for (k, approver) in job.approvers.enumerated() { if let path = approver.seal { seals["approver.\(k + 1).seal"] = path } }
        return seals
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
