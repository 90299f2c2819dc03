import Foundation
import Registry
import Testing

/// Every method of the registry gives back what was recorded, on SQLite and on PostgreSQL.
@Suite struct RegistryRoundTripTests {
    @Test(arguments: RegistryBackend.all) func aRecordedBatchReadsBackWhole(_ backend: RegistryBackend) throws {
        let under = try backend.make()
        defer { under.finish() }
        let registry = under.store
        var issue = Samples.issue("batch-1", count: 6)
        issue.approvals[1].signedAt = Samples.time(-30)
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])

        #expect(try registry.batch(id: "batch-1") == issue.batch)
        for (certificate, file) in zip(issue.certificates, issue.files) {
            #expect(try registry.certificate(number: certificate.number) == certificate)
            #expect(try registry.files(number: certificate.number) == [file])
            #expect(try registry.revocation(number: certificate.number) == nil)
        }
        #expect(try registry.approvals(batchID: "batch-1") == issue.approvals)
        #expect(try registry.certificates(issuerCode: nil) == issue.certificates)
        #expect(try registry.certificates(issuerCode: "SHPX") == issue.certificates)
        #expect(try registry.certificates(issuerCode: "SHPJ").isEmpty)
        #expect(try registry.highestSequence(prefix: "SHPX2026") == 6)
        #expect(try registry.highestSequence(prefix: "SHPX2027") == 0)
        #expect(try registry.certificate(number: "SHPX2026999999") == nil)
        #expect(try registry.batch(id: "batch-2") == nil)
        #expect(try registry.approvals(batchID: "batch-2").isEmpty)
        #expect(try registry.files(number: "SHPX2026999999").isEmpty)
        #expect(try registry.revocations(issuerCode: nil).isEmpty)
        let first = issue.certificates[0]
        #expect(try registry.current(holderKey: first.holderKey, certificateKey: first.certificateKey) == first)
        #expect(try registry.current(holderKey: first.holderKey, certificateKey: "SHPX|电子证书|高级技师|一级") == nil)

        // Another process (a later kaowu run) sees the same registry.
        let again = try under.reopen()
        #expect(try again.certificates(issuerCode: nil) == issue.certificates)
        #expect(try again.approvals(batchID: "batch-1") == issue.approvals)
    }

    @Test(arguments: RegistryBackend.all) func aReissueRevokesTheOldCertificateAndBecomesCurrent(_ backend: RegistryBackend) throws {
        let under = try backend.make()
        defer { under.finish() }
        let registry = under.store
        let first = Samples.issue("batch-1", count: 3)
        try registry.record(first.batch, certificates: first.certificates, files: first.files, approvals: first.approvals, revocations: [])
        let old = first.certificates[1]
        var renamed = Samples.people[1]
        renamed.name = "王芳芳"
        let new = Samples.certificate(4, person: renamed, batch: "batch-2", at: Samples.time(86_400), replaces: old.number)
        let replaced = StoredRevocation(number: old.number, reason: "reissued", at: Samples.time(86_400), replacedBy: new.number)
        try registry.record(Samples.batch("batch-2", count: 1, at: Samples.time(86_400)), certificates: [new], files: [Samples.file(new)],
                            approvals: [], revocations: [replaced])

        #expect(new.holderKey == old.holderKey && new.certificateKey == old.certificateKey)
        #expect(try registry.current(holderKey: old.holderKey, certificateKey: old.certificateKey) == new)
        #expect(try registry.revocation(number: old.number) == replaced)
        #expect(try registry.certificate(number: new.number)?.replaces == old.number)
        #expect(try registry.highestSequence(prefix: "SHPX2026") == 4)

        // Revoked by hand: the holder has no current certificate; a second revocation is refused and says
        // when and why the first was made.
        let revoked = try registry.revoke(number: new.number, reason: "证书信息有误", at: Samples.time(90_000))
        #expect(revoked == StoredRevocation(number: new.number, reason: "证书信息有误", at: Samples.time(90_000), replacedBy: nil))
        #expect(try registry.current(holderKey: old.holderKey, certificateKey: old.certificateKey) == nil)
        let error = #expect(throws: RegistryError.self) { try registry.revoke(number: new.number, reason: "again", at: Samples.time(95_000)) }
        #expect(error?.reason == .alreadyRevoked(revoked))
        #expect(error?.code == "registry.already-revoked")
        #expect(error?.message(.zh).contains("证书信息有误") == true)
        let unknown = #expect(throws: RegistryError.self) { try registry.revoke(number: "SHPX2026000099", reason: "x", at: Samples.time(95_000)) }
        #expect(unknown?.reason == .unknownNumber("SHPX2026000099"))
        #expect(unknown?.message(.en).contains("SHPX2026000099") == true)

        #expect(try registry.revocations(issuerCode: nil) == [replaced, revoked])
        #expect(try registry.revocations(issuerCode: "SHPX") == [replaced, revoked])
        #expect(try registry.revocations(issuerCode: "SHPJ").isEmpty)
    }

    @Test(arguments: RegistryBackend.all) func currentIsTheNewestCertificateNotRevoked(_ backend: RegistryBackend) throws {
        let under = try backend.make()
        defer { under.finish() }
        let registry = under.store
        let person = Samples.people[0]
        let a = Samples.certificate(1, person: person, batch: "b1", at: Samples.time(0))
        let b = Samples.certificate(2, person: person, batch: "b2", at: Samples.time(100))
        let other = Samples.certificate(3, person: person, batch: "b2", title: "培训师", at: Samples.time(200))
        try registry.record(Samples.batch("b1", count: 1), certificates: [a], files: [], approvals: [], revocations: [])
        try registry.record(Samples.batch("b2", count: 2, at: Samples.time(100)), certificates: [b, other], files: [], approvals: [], revocations: [])
        #expect(try registry.current(holderKey: a.holderKey, certificateKey: a.certificateKey) == b)
        #expect(try registry.current(holderKey: a.holderKey, certificateKey: other.certificateKey) == other)
        _ = try registry.revoke(number: b.number, reason: "撤回", at: Samples.time(300))
        #expect(try registry.current(holderKey: a.holderKey, certificateKey: a.certificateKey) == a)
    }

    @Test(arguments: RegistryBackend.all) func reprintsAddFilesAndARecordedBatchMayBeRecordedAgain(_ backend: RegistryBackend) throws {
        let under = try backend.make()
        defer { under.finish() }
        let registry = under.store
        let issue = Samples.issue("batch-1", count: 2)
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
        let certificate = issue.certificates[0]
        // A later batch prints the same certificate again (lost output): a second file, oldest first.
        let reprint = Samples.file(certificate, batch: "batch-2", at: Samples.time(7_200))
        try registry.record(Samples.batch("batch-2", count: 0, at: Samples.time(7_200)), certificates: [], files: [reprint], approvals: [], revocations: [])
        #expect(try registry.files(number: certificate.number) == [issue.files[0], reprint])

        // The same batch recorded again keeps the batch as first recorded; its files and approvals are replaced.
        var again = reprint
        again.pdfSHA256 = Samples.hex("reprinted again")
        again.at = Samples.time(9_000)
        var approval = Samples.approval("batch-2", role: "评价组织", at: Samples.time(8_000))
        try registry.record(Samples.batch("batch-2", count: 5, at: Samples.time(9_000)), certificates: [], files: [again], approvals: [approval], revocations: [])
        #expect(try registry.batch(id: "batch-2") == Samples.batch("batch-2", count: 0, at: Samples.time(7_200)))
        #expect(try registry.files(number: certificate.number) == [issue.files[0], again])
        approval.cose = [1, 2, 3]
        try registry.record(Samples.batch("batch-2", count: 0), certificates: [], files: [], approvals: [approval], revocations: [])
        #expect(try registry.approvals(batchID: "batch-2") == [approval])
    }

    @Test(arguments: RegistryBackend.all) func timesAreKeptToTheMillisecond(_ backend: RegistryBackend) throws {
        let under = try backend.make()
        defer { under.finish() }
        let registry = under.store
        let now = Date(timeIntervalSince1970: 1_796_342_400.123_456_7)
        var issue = Samples.issue("batch-ms", count: 1, at: now)
        issue.files[0].at = now
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
        let read = try #require(try registry.certificate(number: issue.certificates[0].number))
        #expect(read.issuedAt == RegistryTime.normalised(now))
        #expect(read.issuedAt != now)
        #expect(abs(read.issuedAt.timeIntervalSince(now)) < 0.001)
        #expect(RegistryTime.text(read.issuedAt) == "2026-12-04T00:00:00.123Z")
        let revoked = try registry.revoke(number: read.number, reason: "测试", at: now)
        #expect(try registry.revocation(number: read.number) == revoked)
        #expect(try registry.files(number: read.number).first?.at == RegistryTime.normalised(now))
    }
}
