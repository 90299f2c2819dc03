import Credentials
import Crypto
import Foundation
import Render
import SwiftASN1
import TestTools
import X509

/// A signing key with a self-signed certificate, and a two-page Cairo PDF (Chinese text, a QR code) to sign.
struct SigningFixture {
    let key = P256.Signing.PrivateKey()
    let certificate: Certificate
    let at = Date(timeIntervalSince1970: 1_796_371_200)   // 2026-12-04T08:00:00Z
    let folder: String

    init() throws {
        let name = try DistinguishedName {
            CountryName("CN")
            OrganizationName("上海市培训协会")
            CommonName("上海市培训协会 SHPX")
        }
        certificate = try Certificate(
            version: .v3, serialNumber: Self.serial(), publicKey: .init(key.publicKey),
            notValidBefore: at.addingTimeInterval(-86_400), notValidAfter: at.addingTimeInterval(86_400 * 3_650),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true, keyCertSign: true))
            },
            issuerPrivateKey: .init(key))
        folder = try Tool.scratch()
    }

    /// A random serial that encodes in at most 20 octets (RFC 5280 §4.1.2.2): NSS, and so pdfsig, cannot
    /// use a signer certificate whose serial takes 21 (swift-certificates' `SerialNumber()` makes 20 random
    /// bytes, 21 when the first has its high bit set).
    static func serial() -> Certificate.SerialNumber {
        var bytes = (0..<20).map { _ in UInt8.random(in: 0...255) }
        bytes[0] = bytes[0] & 0x7F | 0x01
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// kid as the contract defines it: the first 8 bytes of SHA-256 of the DER SubjectPublicKeyInfo.
    var kid: [UInt8] { Array(SHA256.hash(data: key.publicKey.derRepresentation).prefix(8)) }

    /// A certificate-like PDF made by Cairo through Render's canvas.
    func cairoPDF() throws -> [UInt8] {
        let path = folder + "/unsigned.pdf"
        let canvas = try Canvas(path: path, width: 297, height: 210, title: "电子证书", created: "2026-12-04T08:00:00+08:00")
        var style = TextStyle()
        style.size = 28
        style.alignment = .center
        _ = canvas.draw(text: "培训合格证书", in: Box(x: 20, y: 30, width: 257, height: 20), style: style)
        style.size = 14
        _ = canvas.draw(text: "张三 同志参加 2026 年培训师培训，成绩合格。", in: Box(x: 20, y: 80, width: 257, height: 10), style: style)
        if let code = QRCode("HTTPS://V.SHPX.ORG.CN/1/ABCDEFGHIJKLMNOP234567", level: .M) {
            canvas.draw(code, x: 230, y: 140, side: 40)
        }
        canvas.newPage()
        _ = canvas.draw(text: "证书查验", in: Box(x: 20, y: 30, width: 257, height: 10), style: style)
        try canvas.finish()
        return try read(path)
    }

    func sign(_ pdf: [UInt8]) throws -> [UInt8] {
        try PDFSigner.sign(pdf, certificate: certificate, privateKey: key, signerName: "上海市培训协会", reason: "电子证书签发", at: at)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
