import Credentials
import Crypto
import Documents
import Foundation
import Pack
import Photos
import Render
import Support
import Synchronization

/// Rendering and signing a batch's PDFs, one per holder (`证书/<证书编号>.pdf`), on every core: each thread
/// has its own template renderer (laid out with fonts cut to what the batch prints), draws a certificate,
/// signs the PDF by an incremental update and writes it; each file's SHA-256 is taken from the bytes written.
enum CertificateRendering {
    static let folder = "证书"

    struct Rendered: Sendable {
        /// Per draft: the file (relative) and its hash.
        var files: [String]
        var hashes: [Manifest.File]
        var pages: Int
        var renderSeconds: Double
        var signSeconds: Double
        var writeSeconds: Double
    }

    /// The job's template, or a JobError naming its mistake.
    static func loadRenderer(_ job: CertifyJob) throws -> PaperRenderer {
        do { return try PaperRenderer(templatePath: job.template) } catch let mistake as TemplateError {
            throw JobError.job(file: job.file, line: nil, key: "certificate.template", zh: mistake.message(.zh), en: mistake.message(.en))
        }
    }

    /// The side in mm of the template's QR code of the signed code (`{{certificate.qr}}`), if it has one.
    static func qrSide(_ template: Template) -> Double? {
        for element in template.elements + template.back {
            if case .qr(let text, _, _, let side, _) = element, text.fields.contains("certificate.qr") { return side }
        }
        return nil
    }

    static func render(job: CertifyJob, plan: CertifyPlan, key: IssuerKey, qrTexts: [String], archive: SharedArchive?, into root: String,
                       stamp: Stamp, options: CertifyOptions) throws -> Rendered {
        try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        // Each certificate's values are made when it is drawn (and once before, for the characters to cut the
        // fonts to), so memory does not grow with the batch.
        let values: @Sendable (Int) -> [String: String] = { k in
            CertificateValues.values(plan.drafts[k], index: k, job: job, issuerName: key.issuerName, issuerCode: key.issuerCode,
                                     expires: plan.expires, qr: qrTexts[k])
        }
        let renderer = try loadRenderer(job)
        let fontDirectory = root + ".fonts"
        defer { try? FileManager.default.removeItem(atPath: fontDirectory) }
        var characters = PrintedCharacters()
        for k in plan.drafts.indices { for value in values(k).values { characters.add(value) } }
        characters.addTemplate(at: job.template)
        characters.add("0123456789年月日至长期 –—")
        let fonts = try FontSubset(styles: renderer.template.textStyles, characters: characters.scalars, directory: fontDirectory)

        let count = plan.drafts.count
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        struct Shared: Sendable {
            var files: [String?]
            var hashes: [Manifest.File?]
            var failure: Error?
            var render = 0.0, sign = 0.0, write = 0.0
        }
        let shared = Mutex(Shared(files: Array(repeating: nil, count: count), hashes: Array(repeating: nil, count: count)))
        let limit = job.photoRules.maxBytes
        let created = stamp.iso
        let signer = key.issuerName
        let signedAt = stamp.now
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, count))) { _ in
            fonts.use {
                let renderer: PaperRenderer
                var seals: [String: PageImage] = [:]
                do {
                    renderer = try loadRenderer(job)
                    for (field, path) in CertificateValues.seals(job) {
                        if let image = PNGImage(path: path) { seals[field] = image }
                    }
                } catch {
                    shared.withLock { $0.failure = $0.failure ?? error }
                    return
                }
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard k < count, shared.withLock({ $0.failure == nil }) else { return }
                    let draft = plan.drafts[k]
                    let relative = folder + "/" + draft.number + ".pdf"
                    let path = root + "/" + relative
                    do {
                        let t0 = ContinuousClock.now
                        var record = RenderRecord(values: values(k), images: seals)
                        if let archive, let entry = draft.candidate.photoEntry,
                           let photo = CandidateRecords.photo(from: archive, entry: entry, key: draft.candidate.idNumber, limit: limit) {
                            record.images[CandidateRecords.photoField] = photo
                        }
                        let unsigned = path + ".unsigned"
                        try renderer.renderPDF([record], context: [:], to: unsigned, created: created)
                        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: unsigned)))
                        try? FileManager.default.removeItem(atPath: unsigned)
                        let t1 = ContinuousClock.now
                        let signed = try PDFSigner.sign(bytes, certificate: key.certificate, privateKey: key.privateKey, signerName: signer,
                                                        reason: "证书签发 Certificate \(draft.number)", at: signedAt)
                        let t2 = ContinuousClock.now
                        try Data(signed).write(to: URL(fileURLWithPath: path))
                        let hash = Hex.encode(SHA256.hash(data: signed))
                        let t3 = ContinuousClock.now
                        shared.withLock {
                            $0.files[k] = relative
                            $0.hashes[k] = Manifest.File(path: relative, bytes: signed.count, sha256: hash)
                            $0.render += (t1 - t0).seconds
                            $0.sign += (t2 - t1).seconds
                            $0.write += (t3 - t2).seconds
                        }
                    } catch {
                        shared.withLock { $0.failure = $0.failure ?? error }
                        return
                    }
                    let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                    options.progress?(finished, count)
                }
            }
        }
        let result = shared.withLock { $0 }
        if let failure = result.failure { throw failure }
        return Rendered(files: result.files.map { $0! }, hashes: result.hashes.map { $0! }, pages: count,
                        renderSeconds: result.render, signSeconds: result.sign, writeSeconds: result.write)
    }
}
