import Foundation
import Registry
import Testing
import TestTools

/// `kaowu revoke` and `kaowu registry list`, run as a user runs them.
@Suite(.serialized) struct RegistryCommandTests {
    /// A folder holding `证书库.sqlite` with one batch of five and the path of the folder.
    func folderWithRegistry() throws -> (folder: String, certificates: [IssuedCertificate]) {
        let path = try Samples.registryPath()
        let registry = try SQLiteRegistry(path: path)
        let issue = Samples.issue("batch-1", count: 5)
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
        return ((path as NSString).deletingLastPathComponent, issue.certificates)
    }

    @Test func revokeSaysWhatItRevokedAndRefusesTwice() throws {
        let (folder, issued) = try folderWithRegistry()
        let number = issued[1].number
        let run = try Kaowu.run(["revoke", number, "--reason", "证书信息有误，已换发"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已撤销证书 \(number)（王芳，企业培训师）"), "\(run.stdout)")
        #expect(run.stdout.contains("撤销时间：20") && run.stdout.contains("+08:00"))
        #expect(run.stdout.contains("撤销原因：证书信息有误，已换发"))
        let revocation = try #require(try SQLiteRegistry.openExisting(path: folder + "/证书库.sqlite").revocation(number: number))
        #expect(revocation.reason == "证书信息有误，已换发")

        let again = try Kaowu.run(["revoke", number, "--reason", "又一次"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("证书 \(number) 已于 \(RegistryTime.display(revocation.at)) 撤销，原因：证书信息有误，已换发"), "\(again.stderr)")
        let english = try Kaowu.run(["revoke", number, "--reason", "again", "--lang", "en"], in: folder)
        #expect(english.status == 1 && english.stderr.contains("was already revoked at"), "\(english.stderr)")

        let unknown = try Kaowu.run(["revoke", "SHPX2026000999", "--reason", "x", "--registry", folder + "/证书库.sqlite"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("没有编号为“SHPX2026000999”的证书"), "\(unknown.stderr)")
        #expect(try SQLiteRegistry.openExisting(path: folder + "/证书库.sqlite").revocations(issuerCode: nil).count == 1)
    }

    @Test func revokeNeverCreatesARegistryAndChecksItsOptions() throws {
        let folder = try Tool.scratch()
        let missing = try Kaowu.run(["revoke", "SHPX2026000001", "--reason", "证书信息有误"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("证书库 证书库.sqlite：没有这个证书库文件"), "\(missing.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let (withRegistry, _) = try folderWithRegistry()
        for arguments in [["revoke", "--reason", "x"], ["revoke", "SHPX2026000001"], ["revoke", "SHPX2026000001", "--reason", "  "],
                          ["revoke", "SHPX2026000001", "--reason", String(repeating: "长", count: 201)], ["revoke", " ", "--reason", "x"]] {
            let run = try Kaowu.run(arguments, in: withRegistry)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
        let roster = folder + "/名单.csv"
        try "姓名,身份证号\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let foreign = try Kaowu.run(["revoke", "SHPX2026000001", "--reason", "x", "--registry", roster, "--lang", "en"])
        #expect(foreign.status == 2 && foreign.stderr.contains("not a kaowu certificate registry"), "\(foreign.stderr)")
        #expect(try String(contentsOfFile: roster, encoding: .utf8) == "姓名,身份证号\n")
        #expect(try SQLiteRegistry.openExisting(path: withRegistry + "/证书库.sqlite").revocations(issuerCode: nil).isEmpty)
    }

    @Test func listShowsEveryCertificateWithItsStatus() throws {
        let (folder, issued) = try folderWithRegistry()
        #expect(try Kaowu.run(["revoke", issued[2].number, "--reason", "证书信息有误"], in: folder).status == 0)
        // A changed person: certify issues a new certificate and revokes the old one as reissued.
        let registry = try SQLiteRegistry.openExisting(path: folder + "/证书库.sqlite")
        let new = Samples.certificate(6, person: Samples.people[4], batch: "batch-2", replaces: issued[4].number)
        try registry.record(Samples.batch("batch-2", count: 1), certificates: [new], files: [Samples.file(new)], approvals: [],
                            revocations: [StoredRevocation(number: issued[4].number, reason: "reissued", at: Samples.time(60), replacedBy: new.number)])
        let table = try Kaowu.run(["registry", "list", "--today", "2027-01-01"], in: folder)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "\(table.stdout)")
        #expect(lines[0].hasPrefix("证书编号"))
        for (certificate, line) in zip(issued, lines[1...5]) {
            #expect(line.hasPrefix(certificate.number) && line.contains(certificate.name) && line.contains(certificate.maskedID), "\(line)")
            #expect(line.contains("2026-12-04") && line.contains("2031-12-03"))
        }
        #expect(lines[3].hasSuffix("已撤销（证书信息有误）"))
        #expect(lines[1].hasSuffix("有效"))
        #expect(lines[5].hasSuffix("已撤销（已换发为 \(new.number)）"), "\(lines[5])")
        #expect(lines[6].hasPrefix(new.number) && lines[6].hasSuffix("有效"))
        #expect(lines[7] == "共 6 张证书：有效 4，已过期 0，已撤销 2")
        // Columns line up: every row's status starts in the same terminal column.
        let statusColumns = lines[0...6].map { line -> Int in
            let head = line.hasPrefix("证书编号") ? line.components(separatedBy: "状态")[0] : line.components(separatedBy: "2031-12-03")[0] + "2031-12-03  "
            return head.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        }
        #expect(Set(statusColumns).count == 1, "\(statusColumns)\n\(table.stdout)")

        let later = try Kaowu.run(["registry", "list", "--today", "2032-01-01", "--lang", "en"], in: folder)
        #expect(later.stdout.contains("6 certificates: 0 valid, 4 expired, 2 revoked"), "\(later.stdout)")
        #expect(later.stdout.contains("revoked (reissued as \(new.number))"))
        #expect(later.stdout.hasPrefix("Number"))
        let other = try Kaowu.run(["registry", "list", "--issuer", "shpj"], in: folder)
        #expect(other.status == 0 && other.stdout.contains("证书库中没有证书（发证机构代码 SHPJ）"), "\(other.stdout)")
    }

    @Test func listAsJSON() throws {
        let (folder, issued) = try folderWithRegistry()
        #expect(try Kaowu.run(["revoke", issued[0].number, "--reason", "reissued"], in: folder).status == 0)
        let run = try Kaowu.run(["registry", "list", "--json", "--today", "2027-01-01", "--issuer", "SHPX"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["registry"] as? String == "证书库.sqlite")
        #expect(object["issuer"] as? String == "SHPX" && object["today"] as? String == "2027-01-01")
        #expect(object["count"] as? Int == 5 && object["valid"] as? Int == 4 && object["revoked"] as? Int == 1 && object["expired"] as? Int == 0)
        let certificates = try #require(object["certificates"] as? [[String: Any]])
        #expect(certificates.map { $0["number"] as? String } == issued.map(\.number))
        let first = certificates[0], second = certificates[1]
        #expect(Set(first.keys) == ["number", "issuer", "kid", "name", "masked-id", "kind", "title", "category", "issued-on", "expires-on", "issued-at",
                                    "batch", "replaces", "photo-shown", "payload-sha256", "qr-text", "status", "revocation", "files"])
        #expect(first["status"] as? String == "revoked")
        #expect((first["revocation"] as? [String: Any])?["reason"] as? String == "reissued")
        #expect(first["replaces"] is NSNull)
        #expect(second["status"] as? String == "valid" && second["revocation"] is NSNull)
        #expect(second["masked-id"] as? String == issued[1].maskedID && second["issued-at"] as? String == "2026-12-04T00:00:00.000Z")
        let files = try #require(second["files"] as? [[String: Any]])
        #expect(files.count == 1 && files[0]["path"] as? String == "证书/\(issued[1].number).pdf" && files[0]["sha256"] as? String == Samples.file(issued[1]).pdfSHA256)
        // The holder key (a hash of the ID number) stays in the registry.
        #expect(!run.stdout.contains(issued[1].holderKey))
    }

    @Test func listRefusesWhatIsNotARegistry() throws {
        let folder = try Tool.scratch()
        let missing = try Kaowu.run(["registry", "list"], in: folder)
        #expect(missing.status == 2 && missing.stderr.contains("证书库.sqlite"), "\(missing.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try Kaowu.run(["registry", "list", "--registry", folder]).status == 2)
        #expect(try Kaowu.run(["registry", "list", "--today", "2027-02-30"], in: folder).status == 2)
        let group = try Kaowu.run(["registry"])
        #expect(group.status == 2 && group.stderr.contains("list"), "\(group.stderr)")
    }
}
