import Foundation
import GRDB
import Support

/// The registry's tables, as plain SQL that SQLite and PostgreSQL both take (TEXT, BIGINT, BLOB, primary,
/// unique and foreign keys, ordinary indexes; no AUTOINCREMENT, no SQLite-only types or pragmas), in
/// numbered steps applied in order and recorded in `registry_schema`, which a registry written by a newer
/// kaowu is recognised by. On SQLite GRDB's `DatabaseMigrator` runs them (named `v1`, `v2`, …); on
/// PostgreSQL `PostgresSchema` runs the same statements with one translation, the column type BLOB written
/// BYTEA (`postgresStatements`), each step in a transaction under an advisory lock.
/// Times are TEXT in `RegistryTime`'s form; booleans are 0/1 in BIGINT columns (CHECKed).
public enum RegistrySchema {
    /// One step of the schema.
    public struct Step: Sendable {
        public let version: Int
        public let statements: [String]
    }

    /// Every step, oldest first. A new kaowu that changes the tables adds a step; steps are never edited.
    public static let steps: [Step] = [
        Step(version: 1, statements: [
            """
            CREATE TABLE registry_schema (
                version BIGINT NOT NULL PRIMARY KEY,
                applied_at TEXT NOT NULL,
                kaowu TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE batches (
                id TEXT NOT NULL PRIMARY KEY,
                issuer_code TEXT NOT NULL,
                job TEXT NOT NULL,
                at TEXT NOT NULL,
                count BIGINT NOT NULL,
                output TEXT NOT NULL,
                hash TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE certificates (
                number TEXT NOT NULL PRIMARY KEY,
                issuer_code TEXT NOT NULL,
                kid TEXT NOT NULL,
                holder_key TEXT NOT NULL,
                certificate_key TEXT NOT NULL,
                details_hash TEXT NOT NULL,
                name TEXT NOT NULL,
                masked_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                category TEXT NOT NULL,
                issued_on TEXT NOT NULL,
                expires_on TEXT,
                issued_at TEXT NOT NULL,
                qr_text TEXT NOT NULL,
                payload_sha256 TEXT NOT NULL,
                sequence_prefix TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                batch_id TEXT NOT NULL REFERENCES batches (id),
                replaces TEXT,
                photo_shown BIGINT NOT NULL CHECK (photo_shown IN (0, 1)),
                UNIQUE (issuer_code, sequence_prefix, sequence)
            )
            """,
            "CREATE INDEX certificates_holder ON certificates (holder_key, certificate_key)",
            "CREATE INDEX certificates_issuer ON certificates (issuer_code)",
            "CREATE INDEX certificates_batch ON certificates (batch_id)",
            "CREATE INDEX certificates_prefix ON certificates (sequence_prefix, sequence)",
            """
            CREATE TABLE files (
                number TEXT NOT NULL REFERENCES certificates (number),
                batch_id TEXT NOT NULL REFERENCES batches (id),
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (number, batch_id, path)
            )
            """,
            "CREATE INDEX files_batch ON files (batch_id)",
            """
            CREATE TABLE approvals (
                batch_id TEXT NOT NULL REFERENCES batches (id),
                role TEXT NOT NULL,
                issuer_code TEXT NOT NULL,
                kid TEXT NOT NULL,
                signed_at TEXT NOT NULL,
                cose BLOB NOT NULL,
                PRIMARY KEY (batch_id, role, kid)
            )
            """,
            """
            CREATE TABLE revocations (
                number TEXT NOT NULL PRIMARY KEY REFERENCES certificates (number),
                reason TEXT NOT NULL,
                at TEXT NOT NULL,
                replaced_by TEXT REFERENCES certificates (number)
            )
            """,
        ]),
        // The holder photos a verification page shows when the issuer chose to (`certificate.show-photo`).
        Step(version: 2, statements: [
            """
            CREATE TABLE holder_photos (
                number TEXT NOT NULL PRIMARY KEY REFERENCES certificates (number),
                image BLOB NOT NULL
            )
            """,
        ]),
    ]

    /// The newest schema version this kaowu knows.
    public static var version: Int { steps.last?.version ?? 0 }

    /// The statements of `step` for PostgreSQL: the same text with the column type BLOB written BYTEA (the
    /// only difference between the two dialects the schema uses).
    public static func postgresStatements(_ step: Step) -> [String] {
        step.statements.map { $0.replacingOccurrences(of: " BLOB ", with: " BYTEA ") }
    }

    /// GRDB's migrator running `steps`, each step recording itself in `registry_schema`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration("v\(step.version)") { db in
                for statement in step.statements { try db.execute(sql: statement) }
                try db.execute(sql: "INSERT INTO registry_schema (version, applied_at, kaowu) VALUES (?, ?, ?)",
                               arguments: [step.version, RegistryTime.text(Date()), KaowuVersion.current])
            }
        }
        return migrator
    }
}
