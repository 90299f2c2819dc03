import Foundation
import PostgresNIO

/// Any error of a PostgreSQL registry operation as a `RegistryError` on the location's display form: a
/// server that cannot be reached or refuses the login is `registry.unreachable`; a failed statement is
/// `registry.unwritable` when writing and `registry.unreadable` when reading, with the server's message.
/// The password never appears in a message (postgres-nio's errors do not carry it, and every detail is
/// scrubbed of it all the same).
enum PostgresFailure {
    /// The wait for a connection or an answer ran out (`PostgresRegistry.requestTimeout`).
    struct TimedOut: Error {
        let seconds: Double
    }

    static func registryError(_ error: any Error, location: PostgresLocation, writing: Bool) -> RegistryError {
        let path = location.display
        if let error = error as? RegistryError { return error }
        if let damage = error as? RegistryRows.RowDamage {
            return RegistryError(path: path, reason: .unreadable("\(damage.table).\(damage.column)"))
        }
        func failed(_ detail: String) -> RegistryError {
            let detail = location.scrubbed(detail)
            return RegistryError(path: path, reason: writing ? .unwritable(detail) : .unreadable(detail))
        }
        func unreachable(_ detail: String) -> RegistryError {
            RegistryError(path: path, reason: .unreachable(location.scrubbed(detail)))
        }
        if let timeout = error as? TimedOut {
            return unreachable("no answer within \(Int(timeout.seconds)) s")
        }
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return registryError(inner, location: location, writing: writing) }
        }
        if let error = error as? PSQLError {
            if error.code == .server, let info = error.serverInfo {
                let state = info[.sqlState] ?? ""
                let message = info[.message] ?? state
                // 08: connection exceptions; 28: invalid authorisation; 3D000: no such database; 53300: too many
                // connections; 57P01–57P03: the server is shutting down or not yet accepting connections.
                if state.hasPrefix("08") || state.hasPrefix("28") || state == "3D000" || state == "53300" || state.hasPrefix("57P") {
                    return unreachable(message)
                }
                return failed(message)
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .sslUnsupported, .failedToAddSSLHandler,
                 .receivedUnencryptedDataAfterSSLRequest, .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError, .poolClosed,
                 .queryCancelled, .uncleanShutdown:
                return unreachable(error.underlying.map(cause) ?? "\(error.code)")
            default:
                return failed("\(error.code)")
            }
        }
        if error is CancellationError { return unreachable("cancelled") }
        if error is NIOConnectionError || error is IOError || error is ChannelError {
            return unreachable(cause(error))
        }
        return failed("\(error)")
    }

    /// Why a connection failed, in a few words: the host name cannot be resolved, or the last attempt's error.
    static func cause(_ error: any Error) -> String {
        guard let error = error as? NIOConnectionError else { return "\(error)" }
        if let last = error.connectionErrors.last { return "\(error.host):\(error.port): \(last.error)" }
        if let dns = error.dnsAError ?? error.dnsAAAAError { return "\(error.host): \(dns)" }
        return "\(error.host):\(error.port)"
    }
}
