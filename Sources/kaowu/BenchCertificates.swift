import Credentials
import Foundation
import Registry
import Support

/// Signed certificates for the service's load test: real codes signed by a real key, recorded in batches
/// of 1,000, without rendering (the service reads only the registry).
enum BenchCertificates {
    /// Issues `count` certificates into `registry`; returns their QR texts.
    static func issue(_ count: Int, key: IssuerKey, into registry: any CertificateRegistry) throws -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        let now = Date().addingTimeInterval(-3600)
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36).uppercased()
        var start = 0
        while start < count {
            let end = min(count, start + 1_000)
            let batch = BatchRecord(id: "bench-\(run)-\(start)", hash: String(repeating: "0", count: 64), issuerCode: key.issuerCode, job: "bench",
                                    at: now, count: end - start, output: "bench")
            var certificates: [IssuedCertificate] = []
            for k in start..<end {
                let number = "\(key.issuerCode)\(run)\(String(format: "%07d", k + 1))"
                let id = String(format: "110105199001%06d", k)
                let claims = CertificateClaims(name: "考生\(k + 1)", maskedID: IDMask.mask(id), kind: "职业技能培训合格证书", title: "基准测试",
                                               issuerCode: key.issuerCode)
                let payload = CertificatePayload(issuer: key.issuerCode, number: number, issuedAt: now, expires: now.addingTimeInterval(5 * 365 * 86400),
                                                 claims: claims)
                let code = try CertificateCode.sign(payload, key: key, baseURL: "https://v.bench.example.cn")
                texts.append(code.text)
                certificates.append(IssuedCertificate(
                    number: number, issuerCode: key.issuerCode, kid: key.kid.hex, holderKey: HolderKey.of(documentNumber: id), certificateKey: "bench-\(k)",
                    detailsHash: "bench", name: claims.name, maskedID: claims.maskedID, kind: claims.kind, title: claims.title, category: claims.title,
                    issuedOn: "2026-07-20", expiresOn: nil, issuedAt: now, qrText: code.text, payloadSHA256: code.payloadSHA256,
                    sequencePrefix: key.issuerCode + run, sequence: k + 1, batchID: batch.id, replaces: nil, photoShown: false))
            }
            let files = certificates.map { IssuedFile(number: $0.number, pdfSHA256: String(repeating: "0", count: 64), batchID: batch.id, path: $0.number + ".pdf", at: now) }
            try registry.record(batch, certificates: certificates, files: files, approvals: [], revocations: [])
            start = end
        }
        return texts
    }
}
