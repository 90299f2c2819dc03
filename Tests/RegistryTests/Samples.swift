import Crypto
import Foundation
import Registry
import TestTools

/// Certificates, files, batches and approvals as `kaowu certify` records them, made from real-looking
/// people: the holder key is the contract's hash of the ID number, the printed ID masked.
enum Samples {
    /// People with valid 18-character ID numbers (checksums correct) and one passport.
    static let people: [(name: String, id: String)] = [
        ("张伟", "11010519491231002X"), ("王芳", "310101199003071230"), ("李娜", "440106198807150029"),
        ("刘洋", "32010219791230001X"), ("陈静", "510104200001019991"), ("Anna Müller", "C01234567"),
    ]

    static func holderKey(_ id: String) -> String {
        SHA256.hash(data: Data(("kaowu-holder-v1\n" + id.uppercased()).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func masked(_ id: String) -> String {
        let chars = Array(id)
        if chars.count == 18 { return String(chars.prefix(6)) + String(repeating: "*", count: 8) + String(chars.suffix(4)) }
        return String(chars.prefix(2)) + String(repeating: "*", count: max(0, chars.count - 4)) + String(chars.suffix(2))
    }

    static func hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A whole-second time, as certify's issue times are.
    static func time(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(1_796_342_400 + seconds)) }

    static func batch(_ id: String, count: Int, at: Date = time(0), issuer: String = "SHPX") -> BatchRecord {
        BatchRecord(id: id, hash: String(repeating: "ab", count: 32), issuerCode: issuer, job: "2026培训师证书.yaml", at: at, count: count, output: "out/2026培训师证书")
    }

    static func certificate(_ sequence: Int, person: (name: String, id: String), batch: String, issuer: String = "SHPX", prefix: String = "SHPX2026",
                            title: String = "企业培训师", at: Date = time(0), replaces: String? = nil, expires: String? = "2031-12-03") -> IssuedCertificate {
        let number = prefix + String(format: "%06d", sequence)
        return IssuedCertificate(number: number, issuerCode: issuer, kid: "a1b2c3d4e5f60718", holderKey: holderKey(person.id),
                                 certificateKey: "\(issuer)|电子证书|\(title)|三级", detailsHash: hex(person.name + title),
                                 name: person.name, maskedID: masked(person.id), kind: "电子证书", title: title, category: "三级",
                                 issuedOn: "2026-12-04", expiresOn: expires, issuedAt: at,
                                 qrText: "HTTPS://V.SHPX.ORG.CN/1/" + String(repeating: "7", count: 200) + String(sequence),
                                 payloadSHA256: hex("payload \(number)"), sequencePrefix: prefix, sequence: sequence, batchID: batch,
                                 replaces: replaces, photoShown: sequence % 2 == 0)
    }

    static func file(_ certificate: IssuedCertificate, batch: String? = nil, at: Date = time(1)) -> IssuedFile {
        IssuedFile(number: certificate.number, pdfSHA256: hex("pdf \(certificate.number) \(batch ?? certificate.batchID)"),
                   batchID: batch ?? certificate.batchID, path: "证书/\(certificate.number).pdf", at: at)
    }

    static func approval(_ batch: String, role: String, at: Date = time(-60)) -> StoredApproval {
        StoredApproval(batchID: batch, role: role, issuerCode: role == "评价组织" ? "SHPJ" : "SHPX", kid: role == "评价组织" ? "0f1e2d3c4b5a6978" : "a1b2c3d4e5f60718",
                       signedAt: at, cose: Array(hex(role + batch).utf8) + [0, 0xFF, 0x80])
    }

    /// A batch of the first `count` people, sequences from `first`, with its files and both approvals.
    static func issue(_ id: String, first: Int = 1, count: Int = 5, at: Date = time(0))
        -> (batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval]) {
        let certificates = (0..<count).map { certificate(first + $0, person: people[$0 % people.count], batch: id, at: at) }
        return (batch(id, count: count, at: at), certificates, certificates.map { file($0) },
                [approval(id, role: "培训机构"), approval(id, role: "评价组织")])
    }

    /// A path for a new registry in a scratch folder.
    static func registryPath() throws -> String {
        try Tool.scratch() + "/证书库.sqlite"
    }
}
