import Foundation
import Registry
import Support

/// What `kaowu registry list` shows: every certificate with its status (valid, expired on a date before
/// today, or revoked with the reason), its files, and the counts; as a table or as JSON (README, "The
/// certificate registry"). Holder keys and detail hashes stay in the registry.
struct RegistryListing: Encodable {
    /// A certificate's state on the day of listing.
    enum Status: String, Encodable {
        case valid, expired, revoked
    }

    /// One certificate, its status and files.
    struct Entry: Encodable {
        let certificate: IssuedCertificate
        let status: Status
        let revocation: StoredRevocation?
        let files: [IssuedFile]

        enum Keys: String, CodingKey {
            case number, issuer, kid, name, maskedID = "masked-id", kind, title, category, issuedOn = "issued-on", expiresOn = "expires-on"
            case issuedAt = "issued-at", batch, replaces, photoShown = "photo-shown", payloadSHA256 = "payload-sha256", qrText = "qr-text"
            case status, revocation, files
        }

        enum RevocationKeys: String, CodingKey { case reason, at, replacedBy = "replaced-by" }
        enum FileKeys: String, CodingKey { case path, sha256, batch, at }

        func encode(to encoder: Encoder) throws {
            let c = certificate
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(c.number, forKey: .number)
            try container.encode(c.issuerCode, forKey: .issuer)
            try container.encode(c.kid, forKey: .kid)
            try container.encode(c.name, forKey: .name)
            try container.encode(c.maskedID, forKey: .maskedID)
            try container.encode(c.kind, forKey: .kind)
            try container.encode(c.title, forKey: .title)
            try container.encode(c.category, forKey: .category)
            try container.encode(c.issuedOn, forKey: .issuedOn)
            try container.encode(c.expiresOn, forKey: .expiresOn)
            try container.encode(RegistryTime.text(c.issuedAt), forKey: .issuedAt)
            try container.encode(c.batchID, forKey: .batch)
            try container.encode(c.replaces, forKey: .replaces)
            try container.encode(c.photoShown, forKey: .photoShown)
            try container.encode(c.payloadSHA256, forKey: .payloadSHA256)
            try container.encode(c.qrText, forKey: .qrText)
            try container.encode(status, forKey: .status)
            if let revocation {
                var nested = container.nestedContainer(keyedBy: RevocationKeys.self, forKey: .revocation)
                try nested.encode(revocation.reason, forKey: .reason)
                try nested.encode(RegistryTime.text(revocation.at), forKey: .at)
                try nested.encode(revocation.replacedBy, forKey: .replacedBy)
            } else {
                try container.encodeNil(forKey: .revocation)
            }
            var list = container.nestedUnkeyedContainer(forKey: .files)
            for file in files {
                var nested = list.nestedContainer(keyedBy: FileKeys.self)
                try nested.encode(file.path, forKey: .path)
                try nested.encode(file.pdfSHA256, forKey: .sha256)
                try nested.encode(file.batchID, forKey: .batch)
                try nested.encode(RegistryTime.text(file.at), forKey: .at)
            }
        }
    }

    /// The reason `kaowu certify` records when a new certificate replaces one (a changed person).
    static let reissued = "reissued"

    let registry: String
    let issuer: String?
    /// yyyy-MM-dd: the day statuses are judged on.
    let today: String
    let entries: [Entry]

    /// Reads the registry's certificates (of `issuer` when given) with their revocations and files.
    init(_ store: any CertificateRegistry, path: String, issuer: String?, today: String) throws {
        registry = path
        self.issuer = issuer
        self.today = today
        var revoked: [String: StoredRevocation] = [:]
        for revocation in try store.revocations(issuerCode: issuer) { revoked[revocation.number] = revocation }
        entries = try store.certificates(issuerCode: issuer).map { certificate in
            let revocation = revoked[certificate.number]
            let status: Status = revocation != nil ? .revoked : (certificate.expiresOn.map { $0 < today } ?? false) ? .expired : .valid
            return Entry(certificate: certificate, status: status, revocation: revocation, files: try store.files(number: certificate.number))
        }
    }

    /// How many certificates have `status`.
    func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

    enum Keys: String, CodingKey { case registry, issuer, today, count, valid, expired, revoked, certificates }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(registry, forKey: .registry)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(today, forKey: .today)
        try container.encode(entries.count, forKey: .count)
        try container.encode(count(.valid), forKey: .valid)
        try container.encode(count(.expired), forKey: .expired)
        try container.encode(count(.revoked), forKey: .revoked)
        try container.encode(entries, forKey: .certificates)
    }

    /// The listing as JSON (UTF-8, keys sorted, Chinese unescaped).
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The listing as a table for a terminal, with a closing count line.
    func table(_ l: Language) -> String {
        guard !entries.isEmpty else {
            return l.pick("证书库中没有证书", "the registry holds no certificates") + (issuer.map { l.pick("（发证机构代码 \($0)）", " (issuer code \($0))") } ?? "")
        }
        let header = l == .zh ? ["证书编号", "姓名", "证件号码", "证书类型", "证书名称", "发证日期", "有效期至", "状态"]
                              : ["Number", "Name", "ID", "Kind", "Title", "Issued", "Expires", "Status"]
        let rows = entries.map { entry -> [String] in
            let c = entry.certificate
            let status: String
            switch entry.status {
            case .valid: status = l.pick("有效", "valid")
            case .expired: status = l.pick("已过期", "expired")
            case .revoked:
                if let revocation = entry.revocation, revocation.reason == Self.reissued, let replacement = revocation.replacedBy {
                    status = l.pick("已撤销（已换发为 \(replacement)）", "revoked (reissued as \(replacement))")
                } else {
                    let reason = entry.revocation?.reason ?? ""
                    status = l.pick("已撤销（\(reason)）", "revoked (\(reason))")
                }
            }
            return [c.number, c.name, c.maskedID, c.kind, c.title, c.issuedOn, c.expiresOn ?? l.pick("长期", "none"), status]
        }
        let total = l.pick("共 \(entries.count) 张证书：有效 \(count(.valid))，已过期 \(count(.expired))，已撤销 \(count(.revoked))",
                           "\(entries.count) certificates: \(count(.valid)) valid, \(count(.expired)) expired, \(count(.revoked)) revoked")
        return TextTable.render([header] + rows) + "\n" + total
    }
}
