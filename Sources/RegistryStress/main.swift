// Test-only (not a product): records batches into a certificate registry in a loop, one transaction each,
// printing `recorded N` after each commit, until it is killed or has recorded `limit` batches.
// RegistryTests kills it with SIGKILL in the middle of a batch and checks that the registry holds whole
// batches only. Usage: RegistryStress REGISTRY [BATCH-SIZE] [LIMIT]
import Foundation
import Registry

let arguments = CommandLine.arguments
guard arguments.count >= 2, let size = Int(arguments.count > 2 ? arguments[2] : "200"), size > 0,
      let limit = Int(arguments.count > 3 ? arguments[3] : "100000"), limit > 0 else {
    FileHandle.standardError.write(Data("usage: RegistryStress REGISTRY [BATCH-SIZE] [LIMIT]\n".utf8))
    exit(2)
}
do {
    let registry = try SQLiteRegistry(path: arguments[1])
    let prefix = "STRS2026", pid = ProcessInfo.processInfo.processIdentifier
    var previousFirst: String?
    for round in 1...limit {
        let start = try registry.highestSequence(prefix: prefix) + 1
        let now = Date()
        let batch = BatchRecord(id: "batch-\(pid)-\(round)", hash: String(repeating: "0", count: 64), issuerCode: "STRS", job: "stress.yaml", at: now, count: size, output: "out")
        let certificates = (start..<start + size).map { sequence in
            let number = prefix + String(format: "%06d", sequence)
            return IssuedCertificate(number: number, issuerCode: "STRS", kid: "0011223344556677", holderKey: String(format: "%064x", sequence),
                                     certificateKey: "STRS|电子证书|培训师|中级", detailsHash: String(format: "%064x", sequence * 7),
                                     name: "考生\(sequence)", maskedID: "310101********\(String(format: "%04d", sequence % 10000))",
                                     kind: "电子证书", title: "培训师", category: "中级", issuedOn: "2026-12-04", expiresOn: "2031-12-03",
                                     issuedAt: now, qrText: "HTTPS://V.EXAMPLE.ORG/1/" + String(repeating: "A", count: 300),
                                     payloadSHA256: String(format: "%064x", sequence * 3), sequencePrefix: prefix, sequence: sequence,
                                     batchID: batch.id, replaces: nil, photoShown: true)
        }
        let files = certificates.map { IssuedFile(number: $0.number, pdfSHA256: $0.payloadSHA256, batchID: batch.id, path: "证书/\($0.number).pdf", at: now) }
        let approval = StoredApproval(batchID: batch.id, role: "评价组织", issuerCode: "STRS", kid: "8899aabbccddeeff", signedAt: now,
                                      cose: Array(repeating: 0xA5, count: 120))
        let revocations = previousFirst.map { [StoredRevocation(number: $0, reason: "reissued", at: now, replacedBy: certificates[0].number)] } ?? []
        try registry.record(batch, certificates: certificates, files: files, approvals: [approval], revocations: revocations)
        previousFirst = certificates[0].number
        FileHandle.standardOutput.write(Data("recorded \(round)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("RegistryStress: \(error)\n".utf8))
    exit(1)
}
