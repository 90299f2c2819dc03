import Foundation
import GRDB

/// The columns of each table in the order the registry selects and inserts them, and the conversions
/// between a row and its value. A damaged value (wrong type, NULL where none belongs, a time not in
/// `RegistryTime`'s form) throws `RowDamage` naming the table and column; it never traps.
enum RegistryRows {
    /// A stored value that is not what the registry wrote.
    struct RowDamage: Error {
        let table: String
        let column: String
    }

    static let certificateColumns = ["number", "issuer_code", "kid", "holder_key", "certificate_key", "details_hash", "name", "masked_id",
                                     "kind", "title", "category", "issued_on", "expires_on", "issued_at", "qr_text", "payload_sha256",
                                     "sequence_prefix", "sequence", "batch_id", "replaces", "photo_shown"]
    static let fileColumns = ["number", "sha256", "batch_id", "path", "at"]
    static let batchColumns = ["id", "issuer_code", "job", "at", "count", "output", "hash"]
    static let approvalColumns = ["batch_id", "role", "issuer_code", "kid", "signed_at", "cose"]
    static let revocationColumns = ["number", "reason", "at", "replaced_by"]

    /// `SELECT c1, c2, … FROM table` with the columns prefixed by `alias.` when given.
    static func select(_ columns: [String], from table: String, as alias: String? = nil) -> String {
        let list = columns.map { column in alias.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
        return "SELECT \(list) FROM \(table)" + (alias.map { " \($0)" } ?? "")
    }

    /// `INSERT INTO table (c1, …) VALUES (?, …)`.
    static func insert(_ columns: [String], into table: String) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    }

    static func arguments(_ c: IssuedCertificate) -> StatementArguments {
        [c.number, c.issuerCode, c.kid, c.holderKey, c.certificateKey, c.detailsHash, c.name, c.maskedID, c.kind, c.title, c.category,
         c.issuedOn, c.expiresOn, RegistryTime.text(c.issuedAt), c.qrText, c.payloadSHA256, c.sequencePrefix, Int64(c.sequence), c.batchID,
         c.replaces, c.photoShown ? 1 : 0]
    }

    static func arguments(_ f: IssuedFile) -> StatementArguments {
        [f.number, f.pdfSHA256, f.batchID, f.path, RegistryTime.text(f.at)]
    }

    static func arguments(_ b: BatchRecord) -> StatementArguments {
        [b.id, b.issuerCode, b.job, RegistryTime.text(b.at), Int64(b.count), b.output, b.hash]
    }

    static func arguments(_ a: StoredApproval) -> StatementArguments {
        [a.batchID, a.role, a.issuerCode, a.kid, RegistryTime.text(a.signedAt), Data(a.cose)]
    }

    static func arguments(_ r: StoredRevocation) -> StatementArguments {
        [r.number, r.reason, RegistryTime.text(r.at), r.replacedBy]
    }

    static func certificate(_ row: Row) throws -> IssuedCertificate {
        let r = Reader(row: row, table: "certificates")
        return IssuedCertificate(
            number: try r.text(0), issuerCode: try r.text(1), kid: try r.text(2), holderKey: try r.text(3), certificateKey: try r.text(4),
            detailsHash: try r.text(5), name: try r.text(6), maskedID: try r.text(7), kind: try r.text(8), title: try r.text(9),
            category: try r.text(10), issuedOn: try r.text(11), expiresOn: try r.optionalText(12), issuedAt: try r.time(13),
            qrText: try r.text(14), payloadSHA256: try r.text(15), sequencePrefix: try r.text(16), sequence: try r.integer(17),
            batchID: try r.text(18), replaces: try r.optionalText(19), photoShown: try r.flag(20))
    }

    static func file(_ row: Row) throws -> IssuedFile {
        let r = Reader(row: row, table: "files")
        return IssuedFile(number: try r.text(0), pdfSHA256: try r.text(1), batchID: try r.text(2), path: try r.text(3), at: try r.time(4))
    }

    static func batch(_ row: Row) throws -> BatchRecord {
        let r = Reader(row: row, table: "batches")
        return BatchRecord(id: try r.text(0), hash: try r.text(6), issuerCode: try r.text(1), job: try r.text(2), at: try r.time(3), count: try r.integer(4),
                           output: try r.text(5))
    }

    static func approval(_ row: Row) throws -> StoredApproval {
        let r = Reader(row: row, table: "approvals")
        return StoredApproval(batchID: try r.text(0), role: try r.text(1), issuerCode: try r.text(2), kid: try r.text(3),
                              signedAt: try r.time(4), cose: try r.bytes(5))
    }

    static func revocation(_ row: Row) throws -> StoredRevocation {
        let r = Reader(row: row, table: "revocations")
        return StoredRevocation(number: try r.text(0), reason: try r.text(1), at: try r.time(2), replacedBy: try r.optionalText(3))
    }

    /// Reads the columns of one row by index, strictly by storage class.
    struct Reader: RegistryCellReader {
        let row: Row
        let table: String
        let values: [DatabaseValue]

        init(row: Row, table: String) {
            self.row = row
            self.table = table
            values = Array(row.databaseValues)
        }

        func damage(_ index: Int) -> RowDamage {
            let names = Array(row.columnNames)
            return RowDamage(table: table, column: index < names.count ? names[index] : "#\(index)")
        }

        func value(_ index: Int) throws -> DatabaseValue {
            guard index < values.count else { throw damage(index) }
            return values[index]
        }

        func text(_ index: Int) throws -> String {
            guard case .string(let text) = try value(index).storage else { throw damage(index) }
            return text
        }

        func optionalText(_ index: Int) throws -> String? {
            let v = try value(index)
            if v.isNull { return nil }
            guard case .string(let text) = v.storage else { throw damage(index) }
            return text
        }

        func integer(_ index: Int) throws -> Int {
            guard case .int64(let n) = try value(index).storage, let value = Int(exactly: n) else { throw damage(index) }
            return value
        }

        func bytes(_ index: Int) throws -> [UInt8] {
            guard case .blob(let data) = try value(index).storage else { throw damage(index) }
            return [UInt8](data)
        }
    }
}
