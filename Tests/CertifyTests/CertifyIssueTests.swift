import Foundation
import Registry
import Testing
import TestTools

/// A batch issued end to end and checked with tools kaowu did not write: qpdf, pdfsig, pdffonts,
/// pdftoppm + zbarimg, and kaowu verify on the code, the PDF and a picture of it.
@Suite(.serialized) struct CertifyIssueTests {
    @Test func aBatchIsSignedTwiceAndVerifies() throws {
        let f = try CertifyFixture(count: 6)
        try f.writeJob()
        let run = try f.kaowu(["certify", f.job])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("新发 5"), "\(run.stdout)")
        #expect(run.stdout.contains("未发证 1 人"), "\(run.stdout)")
        #expect(run.stdout.contains("考核成绩 52 低于 60"), "\(run.stdout)")
        let pdfs = try f.pdfs()
        #expect(pdfs.map { ($0 as NSString).lastPathComponent } == (1...5).map { String(format: "SHPX2026%06d.pdf", $0) })
        let registry = try SQLiteRegistry.openExisting(path: f.registry)
        for pdf in pdfs {
            #expect(try Tool.run("qpdf", ["--check", pdf]).status == 0, "qpdf --check \(pdf)")
            let sig = try Tool.run("pdfsig", [pdf]).output
            #expect(sig.contains("Signature Validation: Signature is Valid."), "\(sig)")
            #expect(sig.contains("Total document signed"), "\(sig)")
            let fonts = try Tool.run("pdffonts", [pdf]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(fonts)")
        }
        // The QR code printed, read back at 150 dpi, is the code the registry issued, and verifies as genuine.
        let first = pdfs[0]
        let number = ((first as NSString).lastPathComponent as NSString).deletingPathExtension
        let issued = try #require(try registry.certificate(number: number))
        let png = f.folder + "/page"
        #expect(try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", first, png]).status == 0)
        let scanned = try Tool.zbarimgQR(["--raw", "-q", png + ".png"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(scanned == issued.qrText)
        #expect(scanned.hasPrefix("HTTPS://V.SHPX.ORG.CN/1/"))
        let byCode = try f.kaowu(["verify", scanned, "--trust", f.trust, "--registry", f.registry])
        #expect(byCode.status == 0, "\(byCode.stdout)\(byCode.stderr)")
        #expect(byCode.stdout.contains("真实有效"))
        #expect(byCode.stdout.contains(issued.name))
        let byPDF = try f.kaowu(["verify", first, "--trust", f.trust, "--registry", f.registry, "--lang", "en"])
        #expect(byPDF.status == 0, "\(byPDF.stdout)\(byPDF.stderr)")
        #expect(byPDF.stdout.contains("GENUINE") && byPDF.stdout.contains("the registered file"), "\(byPDF.stdout)")
        let byPhoto = try f.kaowu(["verify", png + ".png", "--trust", f.trust, "--registry", f.registry, "--json"])
        #expect(byPhoto.status == 0, "\(byPhoto.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(byPhoto.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "genuine")
        #expect(json?["source"] as? String == "image")
        // Text is embedded and extractable; the whole ID number is printed nowhere but masked.
        let text = try Tool.run("pdftotext", [first, "-"]).output
        #expect(text.contains(number) && text.contains(issued.name) && text.contains("科技培训/创客"))
        let holder = try #require(f.holders.first { $0.name == issued.name })
        #expect(!text.contains(holder.id))
        #expect(text.contains(String(holder.id.prefix(6))))
    }

    @Test func photosAreKeptForTheVerificationPageOnlyWhenTheJobShowsThem() throws {
        for shown in [false, true] {
            let f = try CertifyFixture(count: 2)
            try f.writeJob()
            if shown {
                let text = try String(contentsOfFile: f.job, encoding: .utf8).replacingOccurrences(of: "  valid: 5y\n", with: "  valid: 5y\n  show-photo: true\n")
                try text.write(toFile: f.job, atomically: true, encoding: .utf8)
            }
            let run = try f.kaowu(["certify", f.job])
            #expect(run.status == 0, "\(run.stderr)")
            let registry = try SQLiteRegistry.openExisting(path: f.registry)
            let issued = try registry.certificates(issuerCode: nil)
            #expect(issued.count == 2 && issued.allSatisfy { $0.photoShown == shown })
            for certificate in issued {
                let photo = try registry.photo(number: certificate.number)
                if shown {
                    let bytes = try #require(photo)
                    #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]), "a plain JFIF JPEG, no Exif")
                } else {
                    #expect(photo == nil)
                }
            }
        }
    }

    @Test func anyChangeToASignedPDFIsCaught() throws {
        let f = try CertifyFixture(count: 2)
        try f.writeJob()
        #expect(try f.kaowu(["certify", f.job]).status == 0)
        let pdf = try f.pdfs()[0]
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pdf)))
        // One byte inside the first signed range (page content), then one inside the second (the update's objects).
        for offset in [bytes.count / 3, bytes.count - 200] {
            var changed = bytes
            changed[offset] ^= 0x01
            let copy = f.folder + "/changed-\(offset).pdf"
            try Data(changed).write(to: URL(fileURLWithPath: copy))
            let sig = try Tool.run("pdfsig", [copy]).output
            #expect(!sig.contains("Signature is Valid."), "\(sig)")
            let verify = try f.kaowu(["verify", copy, "--trust", f.trust, "--registry", f.registry])
            #expect(verify.status == 1, "\(verify.stdout)")
        }
        // Bytes added after the signature: the signature no longer covers the whole file.
        bytes += Array("\n% appended\n".utf8)
        let appended = f.folder + "/appended.pdf"
        try Data(bytes).write(to: URL(fileURLWithPath: appended))
        let verify = try f.kaowu(["verify", appended, "--trust", f.trust, "--registry", f.registry, "--json"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("\"forged\""), "\(verify.stdout)")
    }

    @Test func reRunsKeepNumbersAndChangesAreReissued() throws {
        var f = try CertifyFixture(count: 4)
        try f.writeJob()
        #expect(try f.kaowu(["certify", f.job]).status == 0)
        let registry = try SQLiteRegistry.openExisting(path: f.registry)
        let before = try registry.certificates(issuerCode: "SHPX").map(\.number).sorted()
        #expect(before.count == 4)
        // The same job again: nobody gets a second number.
        let again = try f.kaowu(["certify", f.job])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("沿用 4"), "\(again.stdout)")
        #expect(try registry.certificates(issuerCode: "SHPX").map(\.number).sorted() == before)
        // A corrected name: a new certificate, the old one revoked as reissued, 原证编号 printed.
        let old = try #require(try registry.certificates(issuerCode: "SHPX").first { $0.name == f.holders[1].name })
        f.holders[1].name += "华"
        try f.writeRoster()
        let changed = try f.kaowu(["certify", f.job])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("换发 1") && changed.stdout.contains("沿用 3"), "\(changed.stdout)")
        let revocation = try #require(try registry.revocation(number: old.number))
        #expect(revocation.reason == "reissued")
        let replacement = try #require(try registry.certificates(issuerCode: "SHPX").first { $0.replaces == old.number })
        #expect(revocation.replacedBy == replacement.number)
        #expect(replacement.number == "SHPX2026000005")
        let text = try Tool.run("pdftotext", [f.output + "/证书/" + replacement.number + ".pdf", "-"]).output
        #expect(text.contains("原证编号") && text.contains(old.number))
        let oldCode = try f.kaowu(["verify", old.qrText, "--trust", f.trust, "--registry", f.registry])
        #expect(oldCode.status == 1)
        #expect(oldCode.stdout.contains("已撤销"), "\(oldCode.stdout)")
        // A hand revocation, then offline verification with the signed revocation list.
        let revoke = try f.kaowu(["revoke", replacement.number, "--reason", "证书信息有误，已换发", "--registry", f.registry])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let list = f.folder + "/吊销清单.cose"
        let export = try f.kaowu(["revoke", "--export", list, "--keys", f.keys, "--registry", f.registry])
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        let offlineList = try f.kaowu(["verify", replacement.qrText, "--trust", f.trust, "--revocations", list], environment: [:])
        #expect(offlineList.status == 1, "\(offlineList.stdout)\(offlineList.stderr)")
        #expect(offlineList.stdout.contains("已撤销"), "\(offlineList.stdout)")
        // A certificate revoked by hand is not issued again while nothing changed …
        let unchanged = try f.kaowu(["certify", f.job])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("已撤销（证书信息有误，已换发），信息未改动，不重新发证"), "\(unchanged.stdout)")
        // … and once the details are corrected, the new certificate names it as 原证编号.
        f.holders[1].name = "欧阳" + f.holders[1].name.dropFirst()
        try f.writeRoster()
        let corrected = try f.kaowu(["certify", f.job])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let third = try #require(try registry.certificates(issuerCode: "SHPX").first { $0.replaces == replacement.number })
        #expect(third.number == "SHPX2026000006")
        #expect(try registry.revocation(number: replacement.number)?.reason == "证书信息有误，已换发")
    }

    @Test func theQualificationCertificateCarriesTheCodeToo() throws {
        let f = try CertifyFixture(count: 2)
        try f.writeJob("values: {course.name: 企业培训师（三级）提升培训班, course.dates: 2026年7月6日至17日}", kind: "合格证")
        let run = try f.kaowu(["certify", f.job])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try f.pdfs()[0]
        let png = f.folder + "/q"
        #expect(try Tool.run("pdftoppm", ["-png", "-r", "150", "-singlefile", pdf, png]).status == 0)
        let zbar = try Tool.zbarimgQR(["--raw", "-q", png + ".png"])
        let scanned = zbar.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let verify = try f.kaowu(["verify", scanned, "--trust", f.trust, "--registry", f.registry])
        #expect(verify.status == 0, "zbarimg exit \(zbar.status) read \(scanned.count) characters; verify: \(verify.stdout) \(verify.stderr)")
        #expect(try Tool.run("pdftotext", [pdf, "-"]).output.contains("SHPX2026000001"))
    }
}
