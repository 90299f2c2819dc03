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
        try Reader(row: row, table: "certificates").certificate()
    }

    static func file(_ row: Row) throws -> IssuedFile {
        try Reader(row: row, table: "files").file()
    }

    static func batch(_ row: Row) throws -> BatchRecord {
        try Reader(row: row, table: "batches").batch()
    }

    static func approval(_ row: Row) throws -> StoredApproval {
        try Reader(row: row, table: "approvals").approval()
    }

    static func revocation(_ row: Row) throws -> StoredRevocation {
        try Reader(row: row, table: "revocations").revocation()
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
