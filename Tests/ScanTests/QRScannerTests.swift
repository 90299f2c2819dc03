import Foundation
import Render
import Scan
import Support
import Testing
import TestTools

/// QR codes drawn by Render (vector PDF, PNG) and photographed (simulated JPEG), found again by
/// `QRScanner`; damaged and hostile files refused with a clear error.
@Suite(.serialized) struct QRScannerTests {
    /// What a certificate QR carries: upper-case base URL + "/1/" + Base32 of a COSE_Sign1 (~190 bytes).
    static let certificateText = "HTTPS://V.SHPX.ORG.CN/1/" + String(repeating: "NBSWY3DPEB3W64TMMQQGC3TEEBZGK43UEBXWMIDUNBSSA43JM5XGC5DVOJSSAYLOMQQHA2LDNN2XAIDUNBSSA", count: 4).prefix(300)

    private func write(_ bytes: [UInt8], _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func codeInAVectorPDFAndAPNGIsFound() throws {
        let folder = try Tool.scratch()
        let code = try #require(QRCode(Self.certificateText, level: .M))
        #expect(code.version <= 13)
        let pdf = folder + "/certificate.pdf", png = folder + "/certificate.png"
        for (path, canvas) in [(pdf, try Canvas(path: pdf, width: 297, height: 210)), (png, try Canvas(png: png, width: 297, height: 210, dpi: 150))] {
            var style = TextStyle()
            style.size = 20
            _ = canvas.draw(text: "证书查验", in: Box(x: 230, y: 120, width: 40, height: 10), style: style)
            canvas.draw(code, x: 230, y: 135, side: 45)
            try canvas.finish()
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(try QRScanner.scanPDF(path: pdf) == [Self.certificateText])
        #expect(try QRScanner.scanImage(path: png) == [Self.certificateText])
        // The tool users have agrees.
        #expect(try Tool.zbarimgQR(["--raw", "-q", png]).output.trimmingCharacters(in: .newlines) == Self.certificateText)
    }

    @Test func twoCodesAndChineseTextComeBackAsWritten() throws {
        let folder = try Tool.scratch()
        let chinese = "证书编号 SHPX2026000123 张三"
        let path = folder + "/two.pdf"
        let canvas = try Canvas(path: path, width: 210, height: 297)
        canvas.draw(try #require(QRCode(chinese, level: .M)), x: 20, y: 20, side: 40)
        canvas.draw(try #require(QRCode(Self.certificateText, level: .M)), x: 100, y: 150, side: 50)
        try canvas.finish()
        #expect(Set(try QRScanner.scanPDF(path: path)) == [chinese, Self.certificateText])
    }

    @Test func phonePhotoTurnedBlurredAndNoisyIsRead() throws {
        let folder = try Tool.scratch()
        let code = try #require(QRCode(Self.certificateText, level: .M))
        let photo = PhotoOfCode.jpeg(code, width: 1_400, height: 1_050, moduleSide: 7, degrees: 15, seed: 11)
        #expect(photo.count > 10_000)
        let path = try write(photo, "photo.jpg", in: folder)
        #expect(try QRScanner.scanImage(path: path) == [Self.certificateText])
        // A large photo (small modules, more noise) is found as well, at full size or halved.
        let large = PhotoOfCode.jpeg(code, width: 3_000, height: 2_250, moduleSide: 9, degrees: -15, seed: 12)
        #expect(try QRScanner.scanImage(path: try write(large, "large.jpg", in: folder)) == [Self.certificateText])
    }

    @Test func picturesWithoutCodesGiveNothing() throws {
        let folder = try Tool.scratch()
        let path = folder + "/blank.pdf"
        let canvas = try Canvas(path: path, width: 210, height: 297)
        _ = canvas.draw(text: "没有二维码", in: Box(x: 20, y: 20, width: 100, height: 10), style: TextStyle())
        try canvas.finish()
        #expect(try QRScanner.scanPDF(path: path).isEmpty)
        #expect(QRScanner.scan(pixels: [UInt8](repeating: 255, count: 100 * 100), width: 100, height: 100).isEmpty)
        #expect(QRScanner.scan(pixels: [1, 2, 3], width: 100, height: 100).isEmpty)       // sizes do not match
        #expect(QRScanner.scan(pixels: [], width: 0, height: 0).isEmpty)
        #expect(QRScanner.scan(pixels: [], width: Int.max, height: 2).isEmpty)
    }

    @Test func damagedAndHostileFilesAreRefusedClearly() throws {
        let folder = try Tool.scratch()
        let code = try #require(QRCode(Self.certificateText, level: .M))
        let photo = PhotoOfCode.jpeg(code, width: 800, height: 600, moduleSide: 4, degrees: 0, seed: 3)
        let truncated = try write(Array(photo.prefix(photo.count / 2)), "truncated.jpg", in: folder)
        let empty = try write([], "empty.png", in: folder)
        let text = try write(Array("not a picture".utf8), "note.png", in: folder)
        let notPDF = try write(Array("%PDF-1.4 but nothing else".utf8), "broken.pdf", in: folder)
        let noPages = try write(Self.pdfWithoutPages(), "empty.pdf", in: folder)

        for path in [truncated, empty, text, folder + "/missing.jpg", folder] {
            #expect {
                try QRScanner.scanImage(path: path)
            } throws: { error in
                guard let error = error as? ScanError, error.code == "scan.unreadable" else { return false }
                return error.message(.en).hasPrefix(path + ": ") && !error.message(.zh).isEmpty
            }
        }
        #expect(throws: ScanError.unreadable(path: truncated, detail: LocalizedText(zh: "文件不完整（被截断）", en: "the file is truncated (incomplete)"))) {
            try QRScanner.scanImage(path: truncated)
        }
        #expect { try QRScanner.scanPDF(path: notPDF) } throws: { ($0 as? ScanError)?.code == "scan.unreadable" }
        #expect { try QRScanner.scanPDF(path: text) } throws: { ($0 as? ScanError)?.code == "scan.unreadable" }
        #expect(throws: ScanError.noPages(path: noPages)) { try QRScanner.scanPDF(path: noPages) }
    }

    /// A well-formed PDF whose page tree is empty.
    static func pdfWithoutPages() -> [UInt8] {
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"] {
            offsets.append(text.utf8.count)
            text += "\(offsets.count) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 3\n0000000000 65535 f\r\n" + offsets.map { String(format: "%010d 00000 n\r\n", $0) }.joined()
        text += "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(text.utf8)
    }
}
