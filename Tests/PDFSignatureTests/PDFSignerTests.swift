import Credentials
import Foundation
import Testing
import TestTools

/// Signs Cairo PDFs and checks the result with tools we did not write (qpdf, poppler's pdfsig and
/// pdftotext) and with `PDFSignatureCheck`.
@Suite(.serialized) struct PDFSignerTests {
    @Test func signedCairoPDFIsValidWholeAndReadable() throws {
        let fixture = try SigningFixture()
        let unsigned = try fixture.cairoPDF()
        let signed = try fixture.sign(unsigned)
        #expect(Array(signed.prefix(unsigned.count)) == unsigned)          // an update: the original kept byte for byte
        let path = try fixture.write(signed, "signed.pdf")

        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
        let pdfsig = try Tool.run("pdfsig", [path]).output
        #expect(pdfsig.contains("Signature is Valid."), "\(pdfsig)")
        #expect(pdfsig.contains("Total document signed"), "\(pdfsig)")
        #expect(pdfsig.contains("ETSI.CAdES.detached"), "\(pdfsig)")
        #expect(pdfsig.contains("Signer Certificate Common Name: 上海市培训协会 SHPX"), "\(pdfsig)")
        #expect(pdfsig.contains("Signing Time: Dec 04 2026 08:00:00"), "\(pdfsig)")
        let text = try Tool.run("pdftotext", [path, "-"]).output
        #expect(text.contains("张三 同志参加 2026 年培训师培训，成绩合格。"))
        #expect(text.contains("证书查验"))
        #expect(try Tool.run("pdfinfo", [path]).output.contains("Pages:           2"))

        guard case .valid(let signer, let kid, let signedAt, let whole) = PDFSignatureCheck.check(signed) else {
            Issue.record("not valid: \(PDFSignatureCheck.check(signed))")
            return
        }
        #expect(signer == fixture.certificate)
        #expect(kid == fixture.kid)
        #expect(signedAt == fixture.at)
        #expect(whole)
    }

    /// The built-in e-certificate template as `kaowu preview` renders it (photo, seal, QR code): signing keeps
    /// everything a reader sees: pages, embedded fonts, the QR code at 150 dpi.
    @Test func signedECertificateTemplateKeepsFontsAndQRCode() throws {
        let fixture = try SigningFixture()
        let unsignedPath = fixture.folder + "/preview.pdf"
        let preview = try Kaowu.run(["preview", Kaowu.root.path + "/templates/e-certificate.yaml", "--out", unsignedPath])
        #expect(preview.status == 0, "\(preview.stderr)")
        let path = try fixture.write(try fixture.sign(try fixture.read(unsignedPath)), "certificate.pdf")
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
        let pdfsig = try Tool.run("pdfsig", [path]).output
        #expect(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), "\(pdfsig)")
        let fonts = try Tool.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") })
        #expect(try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", path, fixture.folder + "/page"]).status == 0)
        let unsignedCodes = try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", unsignedPath, fixture.folder + "/before"])
        #expect(unsignedCodes.status == 0)
        let after = try Tool.zbarimgQR(["--raw", "-q", fixture.folder + "/page-1.png"]).output
        let before = try Tool.zbarimgQR(["--raw", "-q", fixture.folder + "/before-1.png"]).output
        #expect(!after.isEmpty && after == before)
    }

    @Test func flippingOneByteInEitherSignedRangeBreaksIt() throws {
        let fixture = try SigningFixture()
        let signed = try fixture.sign(try fixture.cairoPDF())
        let contents = try #require(signed.firstRange(of: Array("/Contents <".utf8)))
        // Before the gap: a letter of Cairo's /Producer; after it: a digit of /Reason's hex.
        let before = try #require(signed.firstRange(of: Array("cairo".utf8))).lowerBound
        let reason = try #require(signed[contents.upperBound...].firstRange(of: Array("/Reason <FEFF".utf8))).upperBound + 1
        #expect(before < contents.lowerBound)
        for (index, replacement) in [(before, UInt8(ascii: "C")), (reason, signed[reason] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1"))] {
            var tampered = signed
            tampered[index] = replacement
            let path = try fixture.write(tampered, "tampered-\(index).pdf")
            let pdfsig = try Tool.run("pdfsig", [path])
            #expect(!pdfsig.output.contains("Signature is Valid."), "\(pdfsig.output)")
            #expect(pdfsig.output.contains("Signature Validation: Digest Mismatch."), "\(pdfsig.output)")
            #expect(PDFSignatureCheck.check(tampered) == .invalid(reason: PDFSignatureResult.modified))
        }
    }

    @Test func bytesAppendedAfterSigningAreNotCovered() throws {
        let fixture = try SigningFixture()
        var signed = try fixture.sign(try fixture.cairoPDF())
        signed += Array("% appended later\n".utf8)
        guard case .valid(_, _, _, let whole) = PDFSignatureCheck.check(signed) else {
            Issue.record("the signed revision itself still verifies")
            return
        }
        #expect(!whole)
        let pdfsig = try Tool.run("pdfsig", [try fixture.write(signed, "appended.pdf")]).output
        #expect(!pdfsig.contains("Total document signed"), "\(pdfsig)")
    }

    @Test func signingTwiceKeepsTheFirstSignatureAndChecksTheLast() throws {
        let fixture = try SigningFixture()
        let once = try fixture.sign(try fixture.cairoPDF())
        let other = try SigningFixture()
        let twice = try PDFSigner.sign(once, certificate: other.certificate, privateKey: other.key,
                                       signerName: "评价组织", reason: "审核", at: other.at)
        let path = try fixture.write(twice, "twice.pdf")
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
        let pdfsig = try Tool.run("pdfsig", [path]).output
        #expect(pdfsig.contains("Signature #2"), "\(pdfsig)")
        #expect(pdfsig.components(separatedBy: "Signature is Valid.").count == 3, "\(pdfsig)")
        #expect(pdfsig.components(separatedBy: "Total document signed").count == 2, "\(pdfsig)")
        guard case .valid(let signer, let kid, _, let whole) = PDFSignatureCheck.check(twice) else {
            Issue.record("not valid")
            return
        }
        #expect(signer == other.certificate && kid == other.kid && whole)
    }

    @Test func unsignedAndNonPDFInputs() throws {
        let fixture = try SigningFixture()
        #expect(PDFSignatureCheck.check(try fixture.cairoPDF()) == .invalid(reason: PDFSignatureResult.unsigned))
        #expect(PDFSignatureCheck.check([]) == .invalid(reason: PDFSignatureResult.malformed))
        #expect(PDFSignatureCheck.check(Array("not a pdf at all".utf8)) == .invalid(reason: PDFSignatureResult.malformed))
        #expect(PDFSignatureCheck.check(Array("%PDF-1.5\n%%EOF\n".utf8)).reason != nil)
        #expect(throws: PDFSigningError.self) { try fixture.sign(Array("not a pdf".utf8)) }
        #expect(throws: PDFSigningError.self) { try fixture.sign([]) }
    }

    @Test func objectStreamsAndEncryptionAreRefusedClearly() throws {
        let fixture = try SigningFixture()
        let plain = try fixture.write(try fixture.cairoPDF(), "plain.pdf")
        let streams = fixture.folder + "/streams.pdf", encrypted = fixture.folder + "/encrypted.pdf"
        #expect(try Tool.run("qpdf", ["--object-streams=generate", plain, streams]).status == 0)
        #expect(try Tool.run("qpdf", ["--encrypt", "u", "o", "256", "--", plain, encrypted]).status == 0)
        #expect(throws: PDFSigningError.unsupported(detail: "cross-reference stream (PDF 1.5 object streams)")) {
            try fixture.sign(try fixture.read(streams))
        }
        #expect {
            try fixture.sign(try fixture.read(encrypted))
        } throws: { error in
            (error as? PDFSigningError)?.code == "pdf-sign.unsupported" || (error as? PDFSigningError)?.code == "pdf-sign.unreadable"
        }
    }

    @Test func signingAnUnrelatedCertificateIsRefused() throws {
        let fixture = try SigningFixture(), other = try SigningFixture()
        #expect(throws: PDFSigningError.failed(detail: "the certificate is not the signing key's")) {
            try PDFSigner.sign(try fixture.cairoPDF(), certificate: other.certificate, privateKey: fixture.key,
                               signerName: "x", reason: "y", at: fixture.at)
        }
    }
}
