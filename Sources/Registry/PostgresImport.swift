import PostgresNIO

/// The rows of a snapshot written into a PostgreSQL registry inside the caller's transaction: each row is
/// inserted unless its key is taken (`ON CONFLICT DO NOTHING`, one round trip); a row not inserted is read
/// back by its key and compared, identical rows counted as present, others reported as conflicts (table and
/// key). The caller rolls back when there is any conflict.
enum PostgresImport {
    /// Thrown to roll the transaction back when there were conflicts.
    struct Refused: Error {
        let outcome: RegistryTransfer.ImportOutcome
    }

    static func copy(_ snapshot: RegistrySnapshot, into c: PostgresConnection) async throws -> RegistryTransfer.ImportOutcome {
        var counts: [RegistryTransfer.TableCount] = []
        var conflicts: [RegistryTransfer.Conflict] = []
        typealias R = PostgresRegistry

        /// Inserts one row; nil when inserted, else the key's existing rows.
        func insert(_ table: String, _ columns: [String], _ values: [PostgresRows.Value], key: String, _ keyValues: [PostgresRows.Value])
            async throws -> [PostgresRandomAccessRow]? {
            let inserted = try await R.rows(c, PostgresRows.insert(columns, into: table) + " ON CONFLICT DO NOTHING RETURNING 1", values)
            if !inserted.isEmpty { return nil }
            return try await R.rows(c, PostgresRows.select(columns, from: table) + " WHERE " + key, keyValues)
        }

        func table<Row: Equatable>(_ name: String, _ rows: [Row], columns: [String], values: (Row) -> [PostgresRows.Value],
                                   key: String, keyValues: (Row) -> [PostgresRows.Value], keyText: (Row) -> String,
                                   decode: (PostgresRandomAccessRow) throws -> Row) async throws {
            var count = RegistryTransfer.TableCount(table: name, copied: 0, present: 0)
            for row in rows {
                guard let existing = try await insert(name, columns, values(row), key: key, keyValues(row)) else {
                    count.copied += 1
                    continue
                }
                if let first = existing.first, try decode(first) == row {
                    count.present += 1
                } else {
                    conflicts.append(RegistryTransfer.Conflict(table: name, key: keyText(row)))
                }
            }
            counts.append(count)
        }

        try await table("batches", snapshot.batches, columns: RegistryRows.batchColumns, values: PostgresRows.values, key: "id = $1",
                        keyValues: { [.text($0.id)] }, keyText: { $0.id }, decode: PostgresRows.batch)
        try await table("certificates", snapshot.certificates, columns: RegistryRows.certificateColumns, values: PostgresRows.values, key: "number = $1",
                        keyValues: { [.text($0.number)] }, keyText: { $0.number }, decode: { try PostgresRows.certificate($0) })
        try await table("files", snapshot.files, columns: RegistryRows.fileColumns, values: PostgresRows.values,
                        key: "number = $1 AND batch_id = $2 AND path = $3", keyValues: { [.text($0.number), .text($0.batchID), .text($0.path)] },
                        keyText: { "\($0.number) \($0.batchID) \($0.path)" }, decode: PostgresRows.file)
        try await table("approvals", snapshot.approvals, columns: RegistryRows.approvalColumns, values: PostgresRows.values,
                        key: "batch_id = $1 AND role = $2 AND kid = $3", keyValues: { [.text($0.batchID), .text($0.role), .text($0.kid)] },
                        keyText: { "\($0.batchID) \($0.role) \($0.kid)" }, decode: PostgresRows.approval)
        try await table("revocations", snapshot.revocations, columns: RegistryRows.revocationColumns, values: PostgresRows.values, key: "number = $1",
                        keyValues: { [.text($0.number)] }, keyText: { $0.number }, decode: { try PostgresRows.revocation($0) })
        try await table("holder_photos", snapshot.photos, columns: ["number", "image"], values: { [.text($0.number), .bytes($0.image)] },
                        key: "number = $1", keyValues: { [.text($0.number)] }, keyText: { $0.number }, decode: PostgresRows.photo)
        return RegistryTransfer.ImportOutcome(counts: counts, conflicts: conflicts)
    }
}
