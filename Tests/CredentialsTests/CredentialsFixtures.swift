import Credentials
import Foundation
import Support
import TestTools

/// Files and keys the Credentials tests share: the fixtures made by cbor2/pycose (`fixtures/credentials`,
/// see scripts/fixtures/make_cose_fixtures.py) and key folders made by kaowu in scratch folders.
enum CredentialsFixtures {
    static let folder = Kaowu.root.appendingPathComponent("fixtures/credentials").path

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    /// The test issuer's key folder made by Python, copied to a scratch folder with the key file's mode set
    /// to 0600 (git keeps no modes).
    static func pythonIssuer() throws -> String {
        let scratch = try Tool.scratch() + "/issuer"
        try FileManager.default.copyItem(atPath: folder + "/issuer", toPath: scratch)
        for file in try FileManager.default.contentsOfDirectory(atPath: scratch) where file.hasSuffix(".key.pem") {
            chmod(scratch + "/" + file, 0o600)
        }
        return scratch
    }

    /// 2026-12-04T00:00:00Z.
    static let issueDay = Date(timeIntervalSince1970: 1_796_342_400)

    /// A new key folder with one key of `code`, valid from `issueDay` minus a day for 10 years.
    static func keyFolder(name: String = "上海市培训协会", code: String = "SHPX", role: String? = nil, now: Date = issueDay.addingTimeInterval(-86_400)) throws -> (folder: String, key: IssuerKey) {
        let folder = try Tool.scratch() + "/keys"
        let key = try KeyGeneration.generate(issuer: name, code: code, role: role, folder: folder, validity: 10, csr: false, now: now)
        return (folder, key)
    }

    /// A realistic certificate payload of `code`.
    static func payload(code: String = "SHPX", number: String = "SHPX2026000123", issuedAt: Date = issueDay, years: Int? = 5,
                        name: String = "张小明", title: String = "职业技能等级证书（育婴员四级）") -> CertificatePayload {
        CertificatePayload(issuer: code, number: number, issuedAt: issuedAt, expires: years.map { issuedAt.addingTimeInterval(Double($0) * 365 * 86_400) },
                           claims: CertificateClaims(name: name, maskedID: IDMask.mask("310101199003071234"), kind: "电子证书", title: title, issuerCode: code))
    }
}
