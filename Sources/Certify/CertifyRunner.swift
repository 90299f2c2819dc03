import Credentials
import Crypto
import Documents
import Foundation
import Pack
import Photos
import Registry
import Render
import Roster
import Support
import Synchronization
import Validation

/// Runs a certificate job (`kaowu certify`): validates the roster and photos, applies the pass rules,
/// numbers the certificates against the registry (a holder keeps an unchanged certificate; a changed one is
/// reissued and the old number revoked), checks the approvals of a job with approvers, signs each QR code,
/// renders and signs one PDF per holder on every core, writes 证书发放清单.xlsx, report.json, the manifest
/// and the zip beside the output, then records the batch in the registry and publishes the output — in that
/// order, so that once a run completes no certificate is in the registry without its file, or the reverse.
public enum CertifyRunner {
    public static func run(_ job: CertifyJob, options: CertifyOptions) throws -> CertifyResult {
        let clock = ContinuousClock.now
        MemoryTuning.keepFreedMemory()
        let key = try IssuerKey.load(folder: job.keys, at: options.now)
        let renderer = try CertificateRendering.loadRenderer(job)
        let header = RosterHeader.read(path: job.roster, sheet: job.sheet)
        try checkFields(job: job, renderer: renderer, header: header)
        let registry = try SQLiteRegistry(path: job.registry)
        // One certificate run per registry at a time: numbers are planned from what it holds and recorded after
        // rendering, so a second run in between would plan the same numbers.
        let folder = (job.registry as NSString).deletingLastPathComponent
        let lockName = ".\((job.registry as NSString).lastPathComponent).kaowu-lock"
        let registryLock = try FileLock(path: folder.isEmpty ? lockName : folder + "/" + lockName, command: "kaowu certify")
        defer { registryLock.release() }

        // Validate and plan.
        var validation = ValidationOptions()
        validation.sheet = job.sheet
        validation.photo = job.photoRules
        validation.threads = options.threads
        validation.today = job.issued
        var read = Validator(options: validation).validateRoster(rosterPath: job.roster, photosPath: job.photos)
        let archive = try job.photos.map { try SharedArchive(path: $0) }
        let limit = job.photoRules.maxBytes
        let photoBytes = { (candidate: Candidate) -> [UInt8]? in
            guard let archive, let entry = candidate.photoEntry else { return nil }
            return try? archive.read(at: entry, limit: limit)
        }
        let plan = try CertifyPlan.make(job: job, issuerCode: key.issuerCode, issuerName: key.issuerName, candidates: read.candidates,
                                        registry: registry, photo: photoBytes)
        read.add(plan.problems)
        let refusedRows = read.refused.map { row in
            NotCertified(row: row.row, name: row.name, maskedID: IDMask.mask(row.idNumber),
                         reasons: [LocalizedText(zh: "名单行有错误（见校验报告）", en: "the roster row has errors (see the report)")])
        }
        let notCertified = (refusedRows + plan.notCertified).sorted { $0.row < $1.row }
        let batchHash = try plan.batch.hash()
        var result = CertifyResult(folder: "", zip: "", batchID: "", batchHash: batchHash, rows: read.report.rows,
                                   issued: plan.count(.new), kept: plan.count(.kept), reissued: plan.count(.reissued), notCertified: notCertified,
                                   problems: read.report.problems, seconds: 0, renderSeconds: 0, signSeconds: 0, writeSeconds: 0, proposal: nil)
        guard !plan.drafts.isEmpty else {
            throw CertifyFailure(code: CertifyFailure.nothingToCertify,
                                 zh: "没有可发证的人（\(read.report.rows) 行：\(notCertified.count) 行未通过或有错误）",
                                 en: "no one to certify (\(read.report.rows) rows: \(notCertified.count) did not pass or have errors)")
        }

        // A proposal stops here: the list and its hash, for the approvers.
        if options.propose {
            let proposal = try BatchProposal(job: (job.file as NSString).lastPathComponent, proposed: options.now, batch: plan.batch,
                                             roles: job.approvers.map(\.role))
            try proposal.write(path: job.batch)
            result.proposal = job.batch
            result.seconds = (ContinuousClock.now - clock).seconds
            return result
        }
        let approvals = try checkApprovals(job: job, plan: plan, hash: batchHash)

        // Sign every new code (a kept certificate prints its registered code again) and check each fits.
        let codes = try signCodes(job: job, plan: plan, key: key, now: options.now)
        let texts = plan.qrTexts(signed: codes)
        try checkQRSize(texts, job: job, plan: plan, renderer: renderer)

        // Write everything beside the output, record the batch, then publish.
        let output = try PackOutput(path: options.output ?? job.output, command: "kaowu certify")
        try output.refuseInputs(job.inputFiles)
        try output.begin(committed: { id in (try? registry.batch(id: id)) != nil })
        defer { output.finish() }
        let root = output.staging
        let stamp = Stamp(issued: job.issued, now: options.now)
        let rendered = try CertificateRendering.render(job: job, plan: plan, key: key, qrTexts: texts, archive: archive, into: root,
                                                       stamp: stamp, options: options)
        let lines = plan.drafts.indices.map { IssueListWorkbook.Line(draft: plan.drafts[$0], file: rendered.files[$0], sha256: rendered.hashes[$0].sha256) }
        try IssueListWorkbook.write(job: job, lines: lines, notCertified: notCertified, expires: plan.expires,
                                    to: root + "/" + IssueListWorkbook.fileName, created: stamp.fileTime)
        var report = read.report
        report.problems.sort { ($0.row ?? 0, $0.code) < ($1.row ?? 0, $1.code) }
        try CertifyReport.write(report: report, notCertified: notCertified, language: options.language, to: root + "/" + CertifyReport.fileName)
        let batchID = BatchIdentity.make(hash: batchHash, at: options.now)
        let files = try CertifyManifest.write(job: job, key: key, plan: plan, batchID: batchID, batchHash: batchHash, rendered: rendered,
                                              reports: [IssueListWorkbook.fileName, CertifyReport.fileName], root: root, stamp: stamp)
        try CertifyManifest.zip(files: files, root: root, top: output.name, to: output.stagingZip, stamp: stamp)

        // The registry and the output, together.
        let record = RegistryBatch.make(job: job, key: key, plan: plan, codes: codes, rendered: rendered, approvals: approvals,
                                        batchID: batchID, batchHash: batchHash, output: output.folder, at: options.now,
                                        photo: photoBytes)
        try output.publish(committing: batchID) {
            try registry.record(record.batch, certificates: record.certificates, files: record.files, approvals: record.approvals,
                                revocations: record.revocations, photos: record.photos)
        }
        result.folder = output.folder
        result.zip = output.zip
        result.batchID = batchID
        result.problems = report.problems
        result.renderSeconds = rendered.renderSeconds
        result.signSeconds = rendered.signSeconds
        result.writeSeconds = rendered.writeSeconds
        result.seconds = (ContinuousClock.now - clock).seconds
        return result
    }

    /// Refuses a template whose fields have no source, and a job that reads roster columns the roster lacks.
    static func checkFields(job: CertifyJob, renderer: PaperRenderer, header: HeaderMap?) throws {
        guard let header else { return }       // an unreadable roster is reported by validation
        var supplied = CandidateRecords.suppliedFields(header: header, photos: job.photos != nil)
        supplied.formUnion(CertificateValues.suppliedFields(job: job))
        let blankHint = LocalizedText(zh: "可在证书任务的 values 中给出这些字段，或在模板中给该元素加上“optional: true”",
                                      en: "give these fields under values: in the certificate job, or mark the elements optional: true in the template")
        if let failure = UnsuppliedFields(renderer, supplied: supplied, supply: { field in
            field.hasPrefix("approver.") && field.hasSuffix(".seal")
                ? LocalizedText(zh: "在 approvers 中为该角色给出签章图片（seal 键，PNG）", en: "give seal: FILE.png for that role under approvers:")
                : LocalizedText(zh: "名单中加这一列，或在 values 中给出 \(field) 的值", en: "add the column to the roster, or give \(field): … under values:")
        }, blankHint: blankHint) {
            throw failure
        }
        let known = Set(header.headers) .union(CandidateRecords.suppliedFields(header: header, photos: false))
        let missing = job.columns.filter { !known.contains($0) }
        guard missing.isEmpty else {
            let first = missing[0]
            let key = job.passRules.contains { $0.column == first } ? "pass"
                : job.numberPattern.columns.contains(first) ? "certificate.number" : "certificate.category"
            throw JobError.job(file: job.file, line: nil, key: key,
                               zh: "名单 \(job.roster) 中没有\(missing.map { "“\($0)”" }.joined(separator: "、"))列（任务的 category、number 或 pass 用到）",
                               en: "the roster \(job.roster) has no column \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (used by the job's category, number or pass)")
        }
    }

    /// The approvals of the proposed batch, each verified: required when the job names approvers and the
    /// batch issues anything; the batch must be the one proposed (same hash).
    static func checkApprovals(job: CertifyJob, plan: CertifyPlan, hash: String) throws -> [Approval] {
        guard !job.approvers.isEmpty, plan.issuesAnything else { return [] }
        guard FileManager.default.fileExists(atPath: job.batch) else {
            throw CertifyFailure(code: CertifyFailure.approvalMissing,
                                 zh: "此任务需\(job.approvers.map(\.role).joined(separator: "、"))审批：先运行 kaowu certify \(job.file) --propose，再由各方 kaowu approve \(job.batch) --key 密钥目录",
                                 en: "this job needs approval by \(job.approvers.map(\.role).joined(separator: ", ")): run kaowu certify \(job.file) --propose, then each approver runs kaowu approve \(job.batch) --key KEYS")
        }
        let proposal = try BatchProposal.read(path: job.batch)
        guard proposal.hash == hash else {
            throw CertifyFailure(code: CertifyFailure.batchChanged,
                                 zh: "名单与提交审批的批次不同（\(job.batch) 的哈希 \(proposal.hash.prefix(12))…，现在 \(hash.prefix(12))…），已有的审批作废：请重新 --propose 并审批",
                                 en: "the list differs from the proposed batch (\(job.batch) has hash \(proposal.hash.prefix(12))…, now \(hash.prefix(12))…); its approvals no longer hold: propose again and approve")
        }
        var approvals: [Approval] = []
        var problems: [String] = []
        for approver in job.approvers {
            guard let approval = proposal.approvals.last(where: { $0.role == approver.role }) else {
                problems.append(approver.role)
                continue
            }
            do {
                let trust = try TrustList.load(path: approver.trust)
                try approval.verify(expectedHash: hash, trust: trust)
                approvals.append(approval)
            } catch {
                throw CertifyFailure(code: CertifyFailure.approvalInvalid,
                                     zh: "\(approver.role)的审批无法验证（\(approver.trust)）：\(error)",
                                     en: "the approval of \(approver.role) does not verify against \(approver.trust): \(error)")
            }
        }
        guard problems.isEmpty else {
            throw CertifyFailure(code: CertifyFailure.approvalMissing,
                                 zh: "批次尚缺\(problems.joined(separator: "、"))的审批：kaowu approve \(job.batch) --key 密钥目录",
                                 en: "the batch still needs the approval of \(problems.joined(separator: ", ")): kaowu approve \(job.batch) --key KEYS")
        }
        return approvals
    }

    /// The signed code of every new and reissued certificate (nil for a kept one: its registered code is
    /// printed again); each must fit a QR code of version ≤ 13 at level M.
    static func signCodes(job: CertifyJob, plan: CertifyPlan, key: IssuerKey, now: Date) throws -> [SignedCode?] {
        var codes: [SignedCode?] = []
        for draft in plan.drafts {
            guard draft.status != .kept else { codes.append(nil); continue }
            let claims = CertificateClaims(name: draft.candidate.name, maskedID: draft.maskedID, kind: job.title,
                                           title: CertificateValues.claimTitle(category: draft.category, level: job.level), issuerCode: key.issuerCode)
            let payload = CertificatePayload(issuer: key.issuerCode, number: draft.number, issuedAt: now,
                                             expires: plan.expires.map { Stamp.endOfDay($0) }, claims: claims)
            do {
                codes.append(try CertificateCode.sign(payload, key: key, baseURL: job.verifyURL))
            } catch let error as CertificateCodeError {
                // A name, title or category too long for the QR code is the input's, for that holder.
                throw CertifyFailure(code: error.code, zh: "第 \(draft.candidate.row) 行 \(draft.candidate.name)：\(error.message(.zh))",
                                     en: "row \(draft.candidate.row) \(draft.candidate.name): \(error.message(.en))")
            }
        }
        return codes
    }

    /// Refuses a template whose QR code would print modules under 0.5 mm for the batch's codes. The longest
    /// text needs the largest symbol (one alphanumeric segment grows with its length): checking it checks them
    /// all, with one encoding instead of one per holder.
    static func checkQRSize(_ texts: [String], job: CertifyJob, plan: CertifyPlan, renderer: PaperRenderer) throws {
        guard let side = CertificateRendering.qrSide(renderer.template), let longest = texts.indices.max(by: { texts[$0].count < texts[$1].count }),
              let qr = QRCode(texts[longest], level: .M) else { return }
        let modules = qr.size + 8
        guard side / Double(modules) >= 0.5 else {
            let row = plan.drafts[longest].candidate.row, needed = Int((Double(modules) * 0.5).rounded(.up))
            throw CertifyFailure(code: CertifyFailure.qrTooSmall,
                                 zh: "模板 \(job.template) 的二维码边长 \(side) 毫米太小：第 \(row) 行的证书码需 \(modules) 个模块，每个模块不足 0.5 毫米（需至少 \(needed) 毫米）",
                                 en: "the QR code of \(job.template) is too small at \(side) mm: row \(row)'s code needs \(modules) modules, under 0.5 mm each (it needs at least \(needed) mm)")
        }
    }
}
