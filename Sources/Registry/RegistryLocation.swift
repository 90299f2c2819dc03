import Foundation

/// Where a registry is, as a user writes it after `--registry`: a `postgres://` or `postgresql://` URL
/// names a PostgreSQL database (`PostgresLocation`); anything else is the path of an SQLite file.
public enum RegistryLocation: Sendable, Equatable {
    case file(String)
    case postgres(PostgresLocation)

    /// Parses `text`; a PostgreSQL URL that cannot be understood is `registry.bad-url`.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if Self.isServer(text) {
            self = .postgres(try PostgresLocation(parsing: text, environment: environment))
        } else {
            self = .file(text)
        }
    }

    /// Whether `text` names a database server (starts with `postgres://` or `postgresql://`, any case).
    public static func isServer(_ text: String) -> Bool {
        let lower = text.prefix(13).lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The location as shown to people (a URL without its password).
    public var display: String {
        switch self {
        case .file(let path): return path
        case .postgres(let location): return location.display
        }
    }

    /// The existing registry there (migrated when older); `registry.missing` when there is none.
    public func openExisting() throws -> any RegistryStore {
        try open(create: false)
    }

    /// The registry there, created when `create` and there is none, brought up to date when older.
    public func open(create: Bool) throws -> any RegistryStore {
        switch self {
        case .file(let path): return create ? try SQLiteRegistry(path: path) : try SQLiteRegistry.openExisting(path: path)
        case .postgres(let location): return try PostgresRegistry.open(location, create: create)
        }
    }
}
