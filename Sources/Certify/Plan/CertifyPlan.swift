import Credentials
import Crypto
import Documents
import Foundation
import Photos
import Registry
import Support
import Validation

/// What a certificate job will issue: a draft per holder who passed (new, kept or reissued), everyone
/// else with the reason, and the batch as approvers sign it.
public struct CertifyPlan: Sendable {
    public var drafts: [CertificateDraft]
    public var notCertified: [NotCertified]
    /// Problems found while planning (a score that is not a number, a number column that cannot be a number, …).
    public var problems: [Problem]
    public var batch: BatchContent
    /// The last valid day, or nil for a certificate without end.
    public var expires: CivilDate?

    /// The QR text of every draft: the code signed now (`signed`, by draft), else the one the registry issued.
    public func qrTexts(signed: [SignedCode?]) -> [String] {
        drafts.indices.map { signed[$0]?.text ?? drafts[$0].existing?.qrText ?? "" }
    }

    /// How many drafts have `status`.
    public func count(_ status: CertificateDraft.Status) -> Int { drafts.filter { $0.status == status }.count }

    /// Whether the batch issues anything (a new or reissued certificate); a run that only prints kept
    /// certificates again needs no approval.
    public var issuesAnything: Bool { drafts.contains { $0.status != .kept } }

    /// Plans `job` for `candidates` (valid roster rows) against `registry`; `issuer` is the signing key's
    /// issuer; `photo` reads a holder's photo bytes (for the details hash), nil when none.
    public static func make(job: CertifyJob, issuerCode: String, issuerName: String, candidates: [Candidate], registry: any CertificateRegistry,
                            photo: (Candidate) -> [UInt8]?) throws -> CertifyPlan {
        let expires = job.validity.lastDay(from: job.issued)
        var drafts: [CertificateDraft] = []
        var notCertified: [NotCertified] = []
        var problems: [Problem] = []
        var nextSequence: [String: Int] = [:]
        var numbers: [String: Int] = [:]       // number → row, within this batch
        for candidate in candidates {
            let masked = IDMask.mask(candidate.idNumber)
            var revokedBefore: String?
            func column(_ name: String) -> String? { CertifyPlan.column(candidate, name) }
            // The pass rules.
            var reasons: [LocalizedText] = []
            for rule in job.passRules {
                guard let failure = rule.check(column(rule.column)) else { continue }
                reasons.append(failure.text(column: rule.column))
                if case .unreadable(let value) = failure {
                    problems.append(Problem(.error, CertifyCodes.resultInvalid, row: candidate.row, column: nil, field: rule.column,
                                            value: value, message: LocalizedText(zh: "\(rule.column)“\(value)”不是数字，无法判断是否合格",
                                                                                 en: "\(rule.column) \"\(value)\" is not a number; cannot tell whether it passes")))
                }
            }
            guard reasons.isEmpty else {
                notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: reasons))
                continue
            }
            let category = job.category(column: column)
            let parts: CertificateNumberPattern.Parts
            do { parts = try job.numberPattern.parts(issuerCode: issuerCode, year: job.issued.year, column: column) } catch {
                let text = LocalizedText(zh: "“\(error.column)”列的“\(error.value)”不能用作证书编号（只能是大写字母、数字和“-”）",
                                         en: "\(error.column) \"\(error.value)\" cannot go into a certificate number (A–Z, 0–9 and \"-\" only)")
                problems.append(Problem(.error, CertifyCodes.numberInvalid, row: candidate.row, column: nil, field: error.column,
                                        value: error.value, message: text))
                notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: [text]))
                continue
            }
            let holderKey = HolderKey.of(documentNumber: candidate.idNumber)
            let certificateKey = [issuerCode, job.kind, job.title, job.level, category].joined(separator: "\u{1F}")
            let photoHash = photo(candidate).map { Hex.encode(SHA256.hash(data: $0)) } ?? ""
            let details = [candidate.name, holderKey, candidate.genderText, candidate.birthDate?.description ?? "", category, job.level, job.title,
                           job.kind, job.issued.description, expires?.description ?? "", photoHash]
            let detailsHash = Hex.encode(SHA256.hash(data: Data(details.joined(separator: "\u{1F}").utf8)))
            // The holder's newest certificate of this kind: kept when nothing printed changed, replaced when
            // something did; one revoked by hand is not issued again unless the details changed.
            let current: IssuedCertificate?
            if let latest = try registry.latest(holderKey: holderKey, certificateKey: certificateKey),
               let revocation = try registry.revocation(number: latest.number) {
                guard latest.detailsHash != detailsHash else {
                    notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: [
                        LocalizedText(zh: "证书 \(latest.number) 已撤销（\(revocation.reason)），信息未改动，不重新发证",
                                      en: "certificate \(latest.number) was revoked (\(revocation.reason)); the details did not change, so none is issued again"),
                    ]))
                    continue
                }
                current = nil
                revokedBefore = latest.number
            } else {
                current = try registry.current(holderKey: holderKey, certificateKey: certificateKey)
                revokedBefore = nil
            }
            var draft = CertificateDraft(candidate: candidate, number: "", status: .new, replaces: nil, category: category, maskedID: masked,
                                         holderKey: holderKey, certificateKey: certificateKey, detailsHash: detailsHash,
                                         sequencePrefix: parts.prefix, sequence: 0, existing: nil)
            if let current, current.detailsHash == detailsHash {
                draft.number = current.number
                draft.status = .kept
                draft.existing = current
                draft.sequencePrefix = current.sequencePrefix
                draft.sequence = current.sequence
            } else {
                if parts.digits > 0 {
                    let next = try nextSequence[parts.prefix] ?? (registry.highestSequence(prefix: parts.prefix) + 1)
                    nextSequence[parts.prefix] = next + 1
                    draft.sequence = next
                    draft.number = parts.number(next)
                } else {
                    draft.number = parts.before
                    if let taken = try registry.certificate(number: draft.number) {
                        let text = LocalizedText(zh: "证书编号 \(draft.number) 已发给\(taken.name)（\(taken.issuedOn)），不能再用",
                                                 en: "certificate number \(draft.number) was issued to \(taken.name) on \(taken.issuedOn); it cannot be used again")
                        problems.append(Problem(.error, CertifyCodes.numberTaken, row: candidate.row, column: nil, field: nil,
                                                value: draft.number, message: text))
                        notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: [text]))
                        continue
                    }
                }
                if let current {
                    draft.status = .reissued
                    draft.replaces = current.number
                    draft.revokesReplaced = true
                } else if let revokedBefore {
                    // Replaces a certificate already revoked: printed as 原证编号, nothing more to revoke.
                    draft.status = .reissued
                    draft.replaces = revokedBefore
                }
            }
            guard draft.number.count <= CertificateNumberPattern.maxLength else {
                let text = LocalizedText(zh: "证书编号 \(draft.number) 超过 \(CertificateNumberPattern.maxLength) 个字符",
                                         en: "certificate number \(draft.number) is longer than \(CertificateNumberPattern.maxLength) characters")
                problems.append(Problem(.error, CertifyCodes.numberInvalid, row: candidate.row, column: nil, field: nil, value: draft.number, message: text))
                notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: [text]))
                continue
            }
            if let first = numbers[draft.number] {
                let text = LocalizedText(zh: "证书编号 \(draft.number) 与第 \(first) 行重复", en: "certificate number \(draft.number) repeats row \(first)")
                problems.append(Problem(.error, CertifyCodes.numberDuplicate, row: candidate.row, column: nil, field: nil, value: draft.number, message: text))
                notCertified.append(NotCertified(row: candidate.row, name: candidate.name, maskedID: masked, reasons: [text]))
                continue
            }
            numbers[draft.number] = candidate.row
            drafts.append(draft)
        }
        let entries = drafts.map { d in
            BatchContent.Entry(number: d.number, status: d.status.rawValue, replaces: d.replaces, name: d.candidate.name, maskedID: d.maskedID,
                               holderKey: d.holderKey, category: d.category, detailsHash: d.detailsHash, row: d.candidate.row)
        }
        let batch = BatchContent(issuer: issuerCode, issuerName: issuerName, kind: job.kind, title: job.title, level: job.level,
                                 issued: job.issued.description, expires: expires?.description, verifyURL: job.verifyURL, certificates: entries)
        return CertifyPlan(drafts: drafts, notCertified: notCertified, problems: problems, batch: batch, expires: expires)
    }

    /// A holder's value in roster column `name` (its header text as written, or a recognised field's name), as written.
    static func column(_ candidate: Candidate, _ name: String) -> String? {
        if let value = candidate.columns[name] { return value }
        return CandidateRecords.values(candidate, index: 0)[name]
    }
}
