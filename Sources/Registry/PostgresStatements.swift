import PostgresNIO

/// The registry's hot reads as named prepared statements (parsed once per connection, then only bound and
/// executed): what one verification reads (`Facts`, in one round trip), one certificate, one photo.
enum PostgresStatements {
    /// Everything `VerificationFacts` holds about a number, for a code signed by an issuer, in one row:
    /// whether the registry holds the issuer (column 0), the certificate (1–21, NULL when none), its
    /// revocation (22–25), its batch's hash (26), the batch's approvals as parallel arrays in the registry's
    /// order (27–31) and the hashes of its files, oldest first (32).
    struct Facts: PostgresPreparedStatement {
        static let name = "kaowu_facts_v1"
        static let sql = """
            SELECT EXISTS (SELECT 1 FROM batches WHERE issuer_code = $2),
                   \(RegistryRows.certificateColumns.map { "c." + $0 }.joined(separator: ", ")),
                   \(RegistryRows.revocationColumns.map { "r." + $0 }.joined(separator: ", ")),
                   b.hash, a.roles, a.issuers, a.kids, a.signed, a.coses, f.hashes
            FROM (SELECT 1) AS one
            LEFT JOIN certificates c ON c.number = $1
            LEFT JOIN revocations r ON r.number = c.number
            LEFT JOIN batches b ON b.id = c.batch_id
            LEFT JOIN LATERAL (
                SELECT array_agg(role ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C") AS roles,
                       array_agg(issuer_code ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C") AS issuers,
                       array_agg(kid ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C") AS kids,
                       array_agg(signed_at ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C") AS signed,
                       array_agg(cose ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C") AS coses
                FROM approvals WHERE batch_id = c.batch_id) a ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(sha256 ORDER BY at COLLATE "C", batch_id COLLATE "C", path COLLATE "C") AS hashes
                FROM files WHERE number = c.number) f ON true
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .text]
        typealias Row = PostgresRow

        var number: String
        var issuerCode: String

        func makeBindings() -> PostgresBindings {
            PostgresRows.binds([.text(number), .text(issuerCode)])
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }

        /// The facts of the statement's one row.
        static func facts(_ row: PostgresRandomAccessRow) throws -> VerificationFacts {
            let holds = try PostgresRows.Reader(row: row, table: "batches", columns: ["issuer_code"], offset: 0).decode(0, as: Bool.self)
            guard holds else { return .foreignIssuer }
            let certificateStart = 1, revocationStart = certificateStart + RegistryRows.certificateColumns.count
            let rest = revocationStart + RegistryRows.revocationColumns.count
            guard !PostgresRows.Reader(row: row, table: "certificates", columns: ["number"], offset: certificateStart).isNull(0) else {
                return VerificationFacts(holdsIssuer: true, certificate: nil, revocation: nil, batchHash: nil, approvals: [], fileHashes: [])
            }
            let certificate = try PostgresRows.certificate(row, at: certificateStart)
            let revocation = PostgresRows.Reader(row: row, table: "revocations", columns: ["number"], offset: revocationStart).isNull(0)
                ? nil : try PostgresRows.revocation(row, at: revocationStart)
            let batch = PostgresRows.Reader(row: row, table: "batches", columns: ["hash"], offset: rest)
            let approvals = PostgresRows.Reader(row: row, table: "approvals", columns: ["role", "issuer_code", "kid", "signed_at", "cose"], offset: rest + 1)
            let roles = try approvals.decode(0, as: [String]?.self) ?? [], issuers = try approvals.decode(1, as: [String]?.self) ?? []
            let kids = try approvals.decode(2, as: [String]?.self) ?? [], signed = try approvals.decode(3, as: [String]?.self) ?? []
            let coses = try approvals.decode(4, as: [ByteBuffer]?.self) ?? []
            guard [issuers.count, kids.count, signed.count, coses.count].allSatisfy({ $0 == roles.count }) else { throw approvals.damage(0) }
            let stored = try roles.indices.map { i -> StoredApproval in
                guard let at = RegistryTime.parse(signed[i]) else { throw approvals.damage(3) }
                return StoredApproval(batchID: certificate.batchID, role: roles[i], issuerCode: issuers[i], kid: kids[i], signedAt: at,
                                      cose: Array(coses[i].readableBytesView))
            }
            let files = PostgresRows.Reader(row: row, table: "files", columns: ["sha256"], offset: rest + 6)
            return VerificationFacts(holdsIssuer: true, certificate: certificate, revocation: revocation, batchHash: try batch.decode(0, as: String?.self),
                                     approvals: stored, fileHashes: try files.decode(0, as: [String]?.self) ?? [])
        }
    }

    /// One certificate by number.
    struct Certificate: PostgresPreparedStatement {
        static let name = "kaowu_certificate_v1"
        static let sql = RegistryRows.select(RegistryRows.certificateColumns, from: "certificates") + " WHERE number = $1"
        static let bindingDataTypes: [PostgresDataType] = [.text]
        typealias Row = PostgresRow

        var number: String

        func makeBindings() -> PostgresBindings { PostgresRows.binds([.text(number)]) }
        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }

    /// The health check's read (`/healthz`, thousands a second under a load balancer): prepared, like the
    /// others — an unprepared query for each check made the server's memory grow with every one.
    struct Ping: PostgresPreparedStatement {
        static let name = "kaowu_ping_v1"
        static let sql = "SELECT 1"
        static let bindingDataTypes: [PostgresDataType] = []
        typealias Row = PostgresRow

        func makeBindings() -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }

    /// The holder photo kept with a certificate.
    struct Photo: PostgresPreparedStatement {
        static let name = "kaowu_photo_v1"
        static let sql = "SELECT number, image FROM holder_photos WHERE number = $1"
        static let bindingDataTypes: [PostgresDataType] = [.text]
        typealias Row = PostgresRow

        var number: String

        func makeBindings() -> PostgresBindings { PostgresRows.binds([.text(number)]) }
        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}
