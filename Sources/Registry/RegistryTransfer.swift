import Foundation
import Support

/// Moving a registry between back ends: `kaowu registry import` (an SQLite registry's rows into
/// PostgreSQL, idempotent, refused whole on any conflicting row) and `kaowu registry export` (every row
/// into a new SQLite registry, written under a temporary name and put in place only when complete; an
/// existing file is never replaced).
public enum RegistryTransfer {
    /// How many rows of one table were copied, and how many were there already (identical).
    public struct TableCount: Sendable, Equatable {
        public var table: String
        public var copied: Int
        public var present: Int

        public init(table: String, copied: Int, present: Int) {
            self.table = table
            self.copied = copied
            self.present = present
        }
    }

    /// A row whose key is taken by a row with other content: its table and key.
    public struct Conflict: Sendable, Equatable {
        public var table: String
        public var key: String

        public init(table: String, key: String) {
            self.table = table
            self.key = key
        }
    }

    /// What an import did: counts per table; when `conflicts` is not empty, nothing was written.
    public struct ImportOutcome: Sendable, Equatable {
        public var counts: [TableCount]
        public var conflicts: [Conflict]

        public init(counts: [TableCount], conflicts: [Conflict]) {
            self.counts = counts
            self.conflicts = conflicts
        }
    }

    /// Copies every row of the SQLite registry at `path` into `target`.
    public static func importSQLite(path: String, into target: PostgresRegistry) throws -> ImportOutcome {
        let source = try SQLiteRegistry.openExisting(path: path)
        return try target.importRows(try source.snapshot())
    }

    /// Writes `snapshot` as a new SQLite registry at `path` (`registry.exists` when anything is there):
    /// built as a hidden temporary file beside it, linked into place when complete (so a file that
    /// appeared meanwhile is not replaced either), the temporary name removed.
    public static func export(_ snapshot: RegistrySnapshot, to path: String) throws {
        guard FilePath.kind(of: path) == .missing else { throw RegistryError(path: path, reason: .fileExists) }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(getpid()).kaowu-unfinished"
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
        }
        removeTemporary()
        do {
            let registry = try SQLiteRegistry(path: temporary)
            try registry.write(snapshot)
            try registry.close()
        } catch {
            removeTemporary()
            if let error = error as? RegistryError { throw RegistryError(path: path, reason: error.reason) }
            throw RegistryError(path: path, reason: .unwritable("\(error)"))
        }
        if link(temporary, path) != 0 {
            let code = errno
            removeTemporary()
            throw RegistryError(path: path, reason: code == EEXIST ? .fileExists : .unwritable(String(cString: strerror(code))))
        }
        removeTemporary()
    }
}
