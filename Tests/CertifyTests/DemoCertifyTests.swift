import Foundation
import Registry
import Testing
import TestTools

/// The demo's certificate job as a new user runs it: every PDF it issues checked with qpdf, pdfsig,
/// pdffonts and zbarimg, and the code read back verified as genuine by kaowu verify.
@Suite(.serialized) struct DemoCertifyTests {
    @Test func everyDemoCertificatePassesTheTools() throws {
        let scratch = try Tool.scratch()
        try FileManager.default.createDirectory(atPath: scratch + "/fixtures", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CertifyFixture.path("fixtures/demo"), toPath: scratch + "/fixtures/demo")
        let keys = try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--out", "out/证书密钥"], in: scratch)
        #expect(keys.status == 0, "\(keys.stderr)")
        let run = try Kaowu.run(["certify", "fixtures/demo/培训证书.yaml"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("证书 22 张"), "\(run.stdout)")
        let folder = scratch + "/out/2026培训师证书/证书"
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count == 22)
        let registry = try SQLiteRegistry.openExisting(path: scratch + "/out/证书库.sqlite")
        for name in pdfs {
            let pdf = folder + "/" + name
            #expect(try Tool.run("qpdf", ["--check", pdf]).status == 0, "\(name)")
            let sig = try Tool.run("pdfsig", [pdf]).output
            #expect(sig.contains("Signature is Valid.") && sig.contains("Total document signed"), "\(name): \(sig)")
            let fonts = try Tool.run("pdffonts", [pdf]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(name)")
            // The QR code: a 1-bit stencil mask drawn without smoothing, modules of at least 0.5 mm (≤ 50.8 per inch).
            let stencils = try Tool.run("pdfimages", ["-list", pdf]).output.split(separator: "\n").dropFirst(2)
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }.filter { $0[2] == "stencil" }
            #expect(stencils.count == 1 && stencils[0][9] == "no" && (Double(stencils[0][12]) ?? 99) <= 50.8, "\(name): \(stencils)")
            // The seal, drawn in one ink: a grey coverage mask, no colour image of it.
            let images = try Tool.run("pdfimages", ["-list", pdf]).output.split(separator: "\n").dropFirst(2)
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(!images.contains { $0[3] == "300" && $0[5] == "rgb" } && images.contains { $0[3] == "300" && $0[5] == "gray" }, "\(name): \(images)")
            let png = scratch + "/page"
            #expect(try Tool.run("pdftoppm", ["-png", "-r", "150", "-singlefile", pdf, png]).status == 0)
            let zbar = try Tool.zbarimgQR(["--raw", "-q", png + ".png"])
            let scanned = zbar.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = (name as NSString).deletingPathExtension
            let issued = try registry.certificate(number: number)?.qrText
            #expect(scanned == issued, "\(name): zbarimg exit \(zbar.status), read \(scanned.count) characters \(scanned.prefix(40))…, issued \(issued?.count ?? -1)")
        }
        let one = try Tool.zbarimgQR(["--raw", "-q", scratch + "/page.png"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let verify = try Kaowu.run(["verify", one, "--trust", "out/证书密钥/trust.json", "--registry", "out/证书库.sqlite"], in: scratch)
        #expect(verify.status == 0, "\(verify.stdout)")
        // The issue list: every certificate with its file's hash, IDs only masked; the two who failed listed with the reason.
        let book = scratch + "/out/2026培训师证书/证书发放清单.xlsx"
        let values = try XlsxCells.sheets(of: book).flatMap { try XlsxCells.cells(of: book, sheet: $0) }.map(\.value)
        #expect(values.contains("SHPX2026000022"))
        #expect(values.contains("考核成绩 58 低于 60"))
        #expect(values.contains { $0.contains("********") })
        #expect(!values.contains { $0.count == 18 && $0.allSatisfy { $0.isNumber || $0 == "X" } })
    }
}
