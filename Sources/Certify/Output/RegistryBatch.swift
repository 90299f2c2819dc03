import Credentials
import Photos
import Foundation
import Registry
import Support
import Validation

/// What a batch writes into the registry in one transaction: the batch, its new certificates, every
/// file (new and reprinted), the approvals and the revocations of the certificates it replaces.
struct RegistryBatch {
    var batch: BatchRecord
    var certificates: [IssuedCertificate]
    var files: [IssuedFile]
    var approvals: [StoredApproval]
    var revocations: [StoredRevocation]
    /// The holders' photos as the verification page shows them (only when the job shows photos).
    var photos: [HolderPhoto]

    /// The reason recorded for a certificate replaced by a reissued one (seed 001's 补（换）证).
    static let reissuedReason = "reissued"

    static func make(job: CertifyJob, key: IssuerKey, plan: CertifyPlan, codes: [SignedCode?], rendered: CertificateRendering.Rendered,
                     approvals: [Approval], batchID: String, batchHash: String, output: String, at: Date,
                     photo: (Candidate) -> [UInt8]?) -> RegistryBatch {
        var certificates: [IssuedCertificate] = []
        var files: [IssuedFile] = []
        var revocations: [StoredRevocation] = []
        var photos: [HolderPhoto] = []
        for (k, draft) in plan.drafts.enumerated() {
            files.append(IssuedFile(number: draft.number, pdfSHA256: rendered.hashes[k].sha256, batchID: batchID, path: rendered.files[k], at: at))
            guard let code = codes[k] else { continue }
            certificates.append(IssuedCertificate(
                number: draft.number, issuerCode: key.issuerCode, kid: key.kid.hex, holderKey: draft.holderKey, certificateKey: draft.certificateKey,
                detailsHash: draft.detailsHash, name: draft.candidate.name, maskedID: draft.maskedID, kind: job.kind, title: job.title,
                category: CertificateValues.claimTitle(category: draft.category, level: job.level), issuedOn: job.issued.description,
                expiresOn: plan.expires?.description, issuedAt: at, qrText: code.text, payloadSHA256: code.payloadSHA256,
                sequencePrefix: draft.sequencePrefix, sequence: draft.sequence, batchID: batchID, replaces: draft.replaces, photoShown: job.showPhoto))
            if job.showPhoto, let bytes = photo(draft.candidate), let published = PublishedPhoto.make(from: bytes) {
                photos.append(HolderPhoto(number: draft.number, image: published))
            }
            if let replaced = draft.replaces, draft.revokesReplaced {
                revocations.append(StoredRevocation(number: replaced, reason: reissuedReason, at: at, replacedBy: draft.number))
            }
        }
        let stored = approvals.map { a in
            StoredApproval(batchID: batchID, role: a.role, issuerCode: a.issuerCode, kid: a.kid.hex, signedAt: a.signedAt, cose: a.cose)
        }
        let batch = BatchRecord(id: batchID, hash: batchHash, issuerCode: key.issuerCode, job: (job.file as NSString).lastPathComponent, at: at,
                                count: plan.drafts.count, output: output)
        return RegistryBatch(batch: batch, certificates: certificates, files: files, approvals: stored, revocations: revocations, photos: photos)
    }
}
