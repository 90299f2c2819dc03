import Foundation
import Registry
import Testing
import TestTools

/// Dual sign-off: a batch is issued only when every named role's approval of exactly this list verifies.
@Suite(.serialized) struct ApprovalTests {
    /// A fixture whose job names two approving roles, each with its own keys and seal.
    static func fixture() throws -> CertifyFixture {
        var f = try CertifyFixture(count: 4)
        f.holders[3].score = "30"
        try f.writeRoster()
        for (code, role, folder) in [("SITC", "培训机构", "机构密钥"), ("SHPJ", "评价组织", "评价密钥")] {
            let keys = try f.kaowu(["keys", "generate", "--issuer", role + "测试", "--code", code, "--role", role, "--out", folder])
            #expect(keys.status == 0, "\(keys.stderr)")
        }
        for seal in ["机构签章.png", "评价组织签章.png"] {
            try FileManager.default.copyItem(atPath: CertifyFixture.path("fixtures/demo/" + seal), toPath: f.folder + "/" + seal)
        }
        try f.writeJob("""
        approvers:
          - {role: 培训机构, keys: 机构密钥/trust.json, seal: 机构签章.png}
          - {role: 评价组织, keys: 评价密钥, seal: 评价组织签章.png}
        """)
        return f
    }

    @Test func bothRolesMustApproveThisVeryList() throws {
        var f = try Self.fixture()
        let batch = f.folder + "/证书.batch.json"
        // Not proposed yet: nothing is issued.
        let early = try f.kaowu(["certify", f.job])
        #expect(early.status == 1)
        #expect(early.stderr.contains("--propose"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output))
        let proposed = try f.kaowu(["certify", f.job, "--propose"])
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(FileManager.default.fileExists(atPath: batch))
        if FileManager.default.fileExists(atPath: f.registry) {
            #expect(try SQLiteRegistry.openExisting(path: f.registry).certificates(issuerCode: nil).isEmpty)
        }
        // One approval of two: still nothing.
        let school = try f.kaowu(["approve", batch, "--key", "机构密钥"])
        #expect(school.status == 0, "\(school.stderr)")
        #expect(school.stdout.contains("尚缺：评价组织"), "\(school.stdout)")
        let half = try f.kaowu(["certify", f.job])
        #expect(half.status == 1)
        #expect(half.stderr.contains("评价组织"), "\(half.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output))
        // A key of another role cannot stand in for it: refused when signing, and an approval written in its
        // name by hand does not verify against the role's trust list.
        let wrong = try f.kaowu(["approve", batch, "--key", "机构密钥", "--role", "评价组织"])
        #expect(wrong.status == 2, "\(wrong.stdout)")
        var text = try String(contentsOfFile: batch, encoding: .utf8)
        let forged = text.replacingOccurrences(of: "\"role\" : \"培训机构\"", with: "\"role\" : \"评价组织\"")
        #expect(forged != text)
        try forged.write(toFile: batch, atomically: true, encoding: .utf8)
        let impostor = try f.kaowu(["certify", f.job])
        #expect(impostor.status == 1, "\(impostor.stdout)")
        #expect(impostor.stderr.contains("评价组织"), "\(impostor.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output))
        try text.write(toFile: batch, atomically: true, encoding: .utf8)
        text = ""
        // Both roles with their own keys: issued, and verify shows both approvals.
        #expect(try f.kaowu(["approve", batch, "--key", "评价密钥"]).status == 0)
        let issued = try f.kaowu(["certify", f.job])
        #expect(issued.status == 0, "\(issued.stderr)")
        let registry = try SQLiteRegistry.openExisting(path: f.registry)
        let certificate = try #require(try registry.certificates(issuerCode: "SHPX").first)
        let verify = try f.kaowu(["verify", certificate.qrText, "--trust", f.trust, "--trust", "机构密钥/trust.json",
                                  "--trust", "评价密钥/trust.json", "--registry", f.registry])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("培训机构 ✓") && verify.stdout.contains("评价组织 ✓"), "\(verify.stdout)")
        // The seals are printed (two more images than photo + issuer seal).
        let images = try Tool.run("pdfimages", ["-list", try f.pdfs()[0]]).output.split(separator: "\n").dropFirst(2)
        #expect(images.count >= 4, "\(images)")

        // A changed list (one more holder passes) is a new batch: the old approvals do not carry over.
        f.holders[3].score = "88"
        try f.writeRoster()
        let changed = try f.kaowu(["certify", f.job])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("重新"), "\(changed.stderr)")
        #expect(try registry.certificates(issuerCode: "SHPX").count == 3)
    }

    @Test func anEditedProposalIsRefused() throws {
        let f = try Self.fixture()
        let batch = f.folder + "/证书.batch.json"
        #expect(try f.kaowu(["certify", f.job, "--propose"]).status == 0)
        var text = try String(contentsOfFile: batch, encoding: .utf8)
        let holder = f.holders[0].name
        text = text.replacingOccurrences(of: holder, with: holder + "改")
        try text.write(toFile: batch, atomically: true, encoding: .utf8)
        let approve = try f.kaowu(["approve", batch, "--key", "机构密钥"])
        #expect(approve.status == 1, "\(approve.stdout)\(approve.stderr)")
        #expect(approve.stderr.contains("改动"), "\(approve.stderr)")
    }
}
