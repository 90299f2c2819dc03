import Foundation
import Registry
import Testing

/// `record` is one transaction: when any part is refused, nothing of the call is in the registry (SQLite and PostgreSQL).
@Suite struct RegistryTransactionTests {
    /// A registry with one batch of five (SHPX2026000001…5) recorded.
    func registryWithOneBatch(_ backend: RegistryBackend) throws -> (RegistryUnderTest, [IssuedCertificate]) {
        let under = try backend.make()
        let issue = Samples.issue("batch-1", count: 5)
        try under.store.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
        return (under, issue.certificates)
    }

    @Test(arguments: RegistryBackend.all) func aTakenNumberRollsBackTheWholeBatch(_ backend: RegistryBackend) throws {
        let (under, issued) = try registryWithOneBatch(backend)
        defer { under.finish() }
        let registry = under.store
        let before = try under.counts()
        let fresh = Samples.certificate(6, person: Samples.people[5], batch: "batch-2")
        var taken = Samples.certificate(2, person: Samples.people[0], batch: "batch-2")
        taken.name = "另一个人"
        let error = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 2), certificates: [fresh, taken], files: [Samples.file(fresh), Samples.file(taken)],
                                approvals: [Samples.approval("batch-2", role: "培训机构")],
                                revocations: [StoredRevocation(number: issued[0].number, reason: "reissued", at: Samples.time(5))])
        }
        #expect(error?.reason == .numberTaken("SHPX2026000002", by: nil))
        #expect(error?.code == "registry.number-taken")
        #expect(try under.counts() == before)
        #expect(try registry.certificate(number: fresh.number) == nil)
        #expect(try registry.batch(id: "batch-2") == nil)
        #expect(try registry.certificate(number: "SHPX2026000002") == issued[1])
        #expect(try registry.revocation(number: issued[0].number) == nil)
        #expect(try registry.highestSequence(prefix: "SHPX2026") == 5)
    }

    @Test(arguments: RegistryBackend.all) func aNumberTwiceInOneBatchOrATakenSequenceIsRefused(_ backend: RegistryBackend) throws {
        let (under, issued) = try registryWithOneBatch(backend)
        defer { under.finish() }
        let registry = under.store
        let before = try under.counts()
        let fresh = Samples.certificate(6, person: Samples.people[5], batch: "batch-2")
        let twice = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 2), certificates: [fresh, fresh], files: [], approvals: [], revocations: [])
        }
        #expect(twice?.reason == .numberTaken(fresh.number, by: nil))
        // Another number pattern giving the same sequence under the same prefix.
        var sameSequence = Samples.certificate(3, person: Samples.people[5], batch: "batch-2")
        sameSequence.number = "SHPX2026-3"
        let sequence = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 1), certificates: [sameSequence], files: [], approvals: [], revocations: [])
        }
        #expect(sequence?.reason == .numberTaken("SHPX2026-3", by: issued[2].number))
        #expect(sequence?.message(.zh).contains(issued[2].number) == true)
        #expect(try under.counts() == before)
    }

    @Test(arguments: RegistryBackend.all) func filesAndRevocationsOfUnknownOrRevokedNumbersRollBack(_ backend: RegistryBackend) throws {
        let (under, issued) = try registryWithOneBatch(backend)
        defer { under.finish() }
        let registry = under.store
        _ = try registry.revoke(number: issued[4].number, reason: "证书信息有误", at: Samples.time(10))
        let before = try under.counts()
        let fresh = Samples.certificate(6, person: Samples.people[5], batch: "batch-2")
        let stray = IssuedFile(number: "SHPX2026000777", pdfSHA256: Samples.hex("x"), batchID: "batch-2", path: "证书/SHPX2026000777.pdf", at: Samples.time(1))
        let file = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 1), certificates: [fresh], files: [Samples.file(fresh), stray], approvals: [], revocations: [])
        }
        #expect(file?.reason == .unknownNumber("SHPX2026000777"))
        let unknown = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 1), certificates: [fresh], files: [Samples.file(fresh)], approvals: [],
                                revocations: [StoredRevocation(number: "SHPX2026000777", reason: "reissued", at: Samples.time(20), replacedBy: fresh.number)])
        }
        #expect(unknown?.reason == .unknownNumber("SHPX2026000777"))
        let replacement = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 1), certificates: [fresh], files: [Samples.file(fresh)], approvals: [],
                                revocations: [StoredRevocation(number: issued[0].number, reason: "reissued", at: Samples.time(20), replacedBy: "SHPX2026000888")])
        }
        #expect(replacement?.reason == .unknownNumber("SHPX2026000888"))
        let twice = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 1), certificates: [fresh], files: [Samples.file(fresh)], approvals: [],
                                revocations: [StoredRevocation(number: issued[4].number, reason: "reissued", at: Samples.time(20), replacedBy: fresh.number)])
        }
        #expect(twice?.code == "registry.already-revoked")
        #expect(try under.counts() == before)
        #expect(try registry.certificate(number: fresh.number) == nil)
        #expect(try registry.revocation(number: issued[4].number)?.reason == "证书信息有误")
    }

    @Test(arguments: RegistryBackend.all) func foreignKeysHoldEveryRowToItsBatchAndCertificate(_ backend: RegistryBackend) throws {
        let (under, issued) = try registryWithOneBatch(backend)
        defer { under.finish() }
        let registry = under.store
        let before = try under.counts()
        // An approval or a file of a batch that was never recorded: refused by the foreign keys, nothing written.
        let orphan = Samples.approval("no-such-batch", role: "评价组织")
        let approval = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 0), certificates: [], files: [], approvals: [Samples.approval("batch-2", role: "培训机构"), orphan],
                                revocations: [])
        }
        #expect(approval?.code == "registry.unwritable" && approval?.message(.en).lowercased().contains("foreign key") == true, "\(String(describing: approval))")
        let file = #expect(throws: RegistryError.self) {
            try registry.record(Samples.batch("batch-2", count: 0), certificates: [], files: [Samples.file(issued[0], batch: "no-such-batch")],
                                approvals: [], revocations: [])
        }
        #expect(file?.code == "registry.unwritable")
        #expect(try under.counts() == before)
    }
}
