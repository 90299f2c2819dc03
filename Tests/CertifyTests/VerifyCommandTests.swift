import Foundation
import Registry
import Testing
import TestTools

/// `kaowu verify` on hostile and odd inputs: a clear verdict and exit status, never a crash.
@Suite(.serialized) struct VerifyCommandTests {
    @Test func hostileInputsAreNotGenuine() throws {
        let f = try CertifyFixture(count: 1)
        try f.writeJob()
        #expect(try f.kaowu(["certify", f.job]).status == 0)
        let genuine = try #require(try SQLiteRegistry.openExisting(path: f.registry).certificates(issuerCode: nil).first).qrText
        var random = SystemRandomNumberGenerator()
        let noise = f.folder + "/noise.pdf"
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: noise))
        let fakePDF = f.folder + "/fake.pdf"
        try Data("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: fakePDF))
        let inputs = [
            genuine.replacingOccurrences(of: "/1/", with: "/1/A"),                        // shifted Base32
            String(genuine.dropLast(10)),                                                // truncated
            genuine + "AAAA",                                                            // trailing bytes
            "HTTPS://V.SHPX.ORG.CN/1/" + String(repeating: "A", count: 5_000),          // oversized
            "HTTPS://V.SHPX.ORG.CN/1/!!!!",                                              // not Base32
            "",                                                                          // nothing
            noise, fakePDF,
        ]
        for input in inputs {
            let run = try f.kaowu(["verify", input, "--trust", f.trust, "--registry", f.registry, "--json"])
            #expect(run.status == 1, "\(input.prefix(60)): \(run.status) \(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(json?["status"] as? String != "genuine", "\(input.prefix(60))")
        }
        // A genuine code checked against a trust list without its issuer: unknown issuer.
        let other = try f.kaowu(["keys", "generate", "--issuer", "别的协会", "--code", "OTHER", "--out", "别的密钥"])
        #expect(other.status == 0)
        let unknown = try f.kaowu(["verify", genuine, "--trust", "别的密钥/trust.json", "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("UNKNOWN ISSUER"), "\(unknown.stdout)")
        // A trust list that cannot be read is a usage error.
        #expect(try f.kaowu(["verify", genuine, "--trust", "无此文件.json"]).status == 2)
    }

    @Test func aCodeSignedWithTheIssuersKeyButNeverRegisteredIsNotGenuine() throws {
        let f = try CertifyFixture(count: 1)
        try f.writeJob()
        #expect(try f.kaowu(["certify", f.job]).status == 0)
        // Another registry, same key: the code verifies by signature, but this registry never issued it.
        let genuine = try #require(try SQLiteRegistry.openExisting(path: f.registry).certificates(issuerCode: nil).first).qrText
        try f.writeJob(registry: "另一个证书库.sqlite", output: "另一批")
        #expect(try f.kaowu(["certify", f.job]).status == 0)
        let run = try f.kaowu(["verify", genuine, "--trust", f.trust, "--registry", f.folder + "/另一个证书库.sqlite", "--json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"verify.not-issued\""), "\(run.stdout)")
        // Without a registry the signature alone says genuine, and the report says revocation was not checked.
        let offline = try Kaowu.run(["verify", genuine, "--trust", f.trust])
        #expect(offline.status == 0, "\(offline.stdout)")
        #expect(offline.stdout.contains("未核对是否已撤销"), "\(offline.stdout)")
    }
}

/// A holder whose printed details would not fit the QR code: refused with the row, nothing issued.
@Suite struct PayloadSizeTests {
    @Test func aCategoryTooLongForTheCodeNamesTheRow() throws {
        let f = try CertifyFixture(count: 2)
        var text = try String(contentsOfFile: f.roster, encoding: .utf8)
        text = text.replacingOccurrences(of: "科技培训,创客", with: "科技培训," + String(repeating: "人工智能训练师", count: 10))
        try text.write(toFile: f.roster, atomically: true, encoding: .utf8)
        try f.writeJob()
        let run = try f.kaowu(["certify", f.job])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("第 2 行"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output))
    }

    @Test func aPassRuleOnAColumnTheRosterLacksIsRefused() throws {
        let f = try CertifyFixture(count: 1)
        try f.writeJob()
        let text = try String(contentsOfFile: f.job, encoding: .utf8).replacingOccurrences(of: "column: 考核成绩", with: "column: 期末成绩")
        try text.write(toFile: f.job, atomically: true, encoding: .utf8)
        let run = try f.kaowu(["certify", f.job])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pass:") && run.stderr.contains("“期末成绩”"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output) && !FileManager.default.fileExists(atPath: f.registry))
    }

    @Test func aQRCodeTooSmallForTheCodesIsRefused() throws {
        let f = try CertifyFixture(count: 1)
        #expect(try f.kaowu(["template", "copy", "e-certificate", "--out", "模板"]).status == 0)
        let path = f.folder + "/模板/e-certificate.yaml"
        let template = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "at: [22, 150], size: 40", with: "at: [22, 150], size: 30")
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        try f.writeJob("", kind: "电子证书\n  template: 模板/e-certificate.yaml")
        let run = try f.kaowu(["certify", f.job])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("二维码边长 30.0 毫米太小") && run.stderr.contains("第 2 行"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.output))
    }
}
