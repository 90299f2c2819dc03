import Foundation
import PostgresNIO

/// The registry's rows on PostgreSQL: the same columns in the same order as `RegistryRows`, bound as
/// parameters (`$1`, `$2`, …; never values written into SQL) and read back strictly by type. A value that
/// is not what the registry writes (a time not in `RegistryTime`'s form, a flag not 0/1) throws
/// `RegistryRows.RowDamage` naming the table and column.
enum PostgresRows {
    /// `SELECT c1, … FROM table` (alias-prefixed when given), as `RegistryRows.select`.
    static func select(_ columns: [String], from table: String, as alias: String? = nil) -> String {
        RegistryRows.select(columns, from: table, as: alias)
    }

    /// `INSERT INTO table (c1, …) VALUES ($1, …)`.
    static func insert(_ columns: [String], into table: String) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\((1...columns.count).map { "$\($0)" }.joined(separator: ", ")))"
    }

    /// A query of constant SQL (placeholders only) and its bound values.
    static func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Bindings of plain values, in order.
    static func binds(_ values: [Value]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): bindings.append(text)
            case .optionalText(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return bindings
    }

    /// A value bound to a parameter.
    enum Value {
        case text(String)
        case optionalText(String?)
        case integer(Int64)
        case bytes([UInt8])
    }

    static func values(_ c: IssuedCertificate) -> [Value] {
        [.text(c.number), .text(c.issuerCode), .text(c.kid), .text(c.holderKey), .text(c.certificateKey), .text(c.detailsHash), .text(c.name),
         .text(c.maskedID), .text(c.kind), .text(c.title), .text(c.category), .text(c.issuedOn), .optionalText(c.expiresOn),
         .text(RegistryTime.text(c.issuedAt)), .text(c.qrText), .text(c.payloadSHA256), .text(c.sequencePrefix), .integer(Int64(c.sequence)),
         .text(c.batchID), .optionalText(c.replaces), .integer(c.photoShown ? 1 : 0)]
    }

    static func values(_ f: IssuedFile) -> [Value] {
        [.text(f.number), .text(f.pdfSHA256), .text(f.batchID), .text(f.path), .text(RegistryTime.text(f.at))]
    }

    static func values(_ b: BatchRecord) -> [Value] {
        [.text(b.id), .text(b.issuerCode), .text(b.job), .text(RegistryTime.text(b.at)), .integer(Int64(b.count)), .text(b.output), .text(b.hash)]
    }

    static func values(_ a: StoredApproval) -> [Value] {
        [.text(a.batchID), .text(a.role), .text(a.issuerCode), .text(a.kid), .text(RegistryTime.text(a.signedAt)), .bytes(a.cose)]
    }

    static func values(_ r: StoredRevocation) -> [Value] {
        [.text(r.number), .text(r.reason), .text(RegistryTime.text(r.at)), .optionalText(r.replacedBy)]
    }

    static func certificate(_ row: PostgresRandomAccessRow, at offset: Int = 0) throws -> IssuedCertificate {
        try Reader(row: row, table: "certificates", columns: RegistryRows.certificateColumns, offset: offset).certificate()
    }

    static func file(_ row: PostgresRandomAccessRow) throws -> IssuedFile {
        try Reader(row: row, table: "files", columns: RegistryRows.fileColumns, offset: 0).file()
    }

    static func batch(_ row: PostgresRandomAccessRow) throws -> BatchRecord {
        try Reader(row: row, table: "batches", columns: RegistryRows.batchColumns, offset: 0).batch()
    }

    static func approval(_ row: PostgresRandomAccessRow) throws -> StoredApproval {
        try Reader(row: row, table: "approvals", columns: RegistryRows.approvalColumns, offset: 0).approval()
    }

    static func revocation(_ row: PostgresRandomAccessRow, at offset: Int = 0) throws -> StoredRevocation {
        try Reader(row: row, table: "revocations", columns: RegistryRows.revocationColumns, offset: offset).revocation()
    }

    static func photo(_ row: PostgresRandomAccessRow) throws -> HolderPhoto {
        let r = Reader(row: row, table: "holder_photos", columns: ["number", "image"], offset: 0)
        return HolderPhoto(number: try r.text(0), image: try r.bytes(1))
    }

    /// Reads the cells of one row from `offset` on, strictly by type; `columns` name them for damage reports.
    struct Reader: RegistryCellReader {
        let row: PostgresRandomAccessRow
        let table: String
        let columns: [String]
        let offset: Int

        func damage(_ index: Int) -> RegistryRows.RowDamage {
            RegistryRows.RowDamage(table: table, column: index < columns.count ? columns[index] : "#\(index)")
        }

        func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type) throws -> T {
            guard offset + index < row.count else { throw damage(index) }
            do { return try row[offset + index].decode(T.self) } catch { throw damage(index) }
        }

        func isNull(_ index: Int) -> Bool {
            offset + index < row.count && row[offset + index].bytes == nil
        }

        func text(_ index: Int) throws -> String { try decode(index, as: String.self) }

        func optionalText(_ index: Int) throws -> String? { try decode(index, as: String?.self) }

        func integer(_ index: Int) throws -> Int {
            guard let value = Int(exactly: try decode(index, as: Int64.self)) else { throw damage(index) }
            return value
        }

        func bytes(_ index: Int) throws -> [UInt8] {
            let buffer = try decode(index, as: ByteBuffer.self)
            return Array(buffer.readableBytesView)
        }
    }
}
