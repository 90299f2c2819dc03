import Foundation
import PostgresNIO
import Support

/// Where a PostgreSQL registry is: `postgres://user[:password]@host[:port]/database[?sslmode=…]` (also
/// `postgresql://`), its parts percent-decoded. The password comes from the URL or, when the URL has none,
/// from `PGPASSWORD`; it is never part of `display`, of an error or of a log line.
/// `sslmode`: `disable`, `prefer` (the default, as libpq: TLS when the server offers it), `require` (TLS,
/// the server's certificate not checked, as libpq) or `verify-full` (TLS with the certificate checked
/// against the system's trust store and the host name).
public struct PostgresLocation: Sendable, Equatable {
    /// How the connection is encrypted.
    public enum SSLMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    public init(user: String, password: String?, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    /// Parses `text`; throws `registry.bad-url` (the message shows the URL without its password).
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ zh: String, _ en: String) -> RegistryError {
            RegistryError(path: Self.redacted(text), reason: .badURL(LocalizedText(zh: zh, en: en)))
        }
        guard let schemeEnd = text.range(of: "://"),
              ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
            throw bad("应以 postgres:// 开头", "it should start with postgres://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("缺少数据库名", "no database name") }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]
        guard let at = authority.lastIndex(of: "@") else { throw bad("缺少用户名", "no user name") }
        let userInfo = authority[..<at]
        var hostPort = authority[authority.index(after: at)...]
        let userPart: Substring, passwordPart: Substring?
        if let colon = userInfo.firstIndex(of: ":") {
            userPart = userInfo[..<colon]
            passwordPart = userInfo[userInfo.index(after: colon)...]
        } else {
            userPart = userInfo
            passwordPart = nil
        }
        guard let user = String(userPart).removingPercentEncoding, !user.isEmpty else { throw bad("用户名无法识别", "the user name cannot be read") }
        var password: String?
        if let passwordPart {
            guard let decoded = String(passwordPart).removingPercentEncoding else { throw bad("密码无法识别", "the password cannot be read") }
            password = decoded
        }
        var port = 5432
        var host: String
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw bad("主机地址无法识别", "the host cannot be read") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            hostPort = hostPort[hostPort.index(after: close)...]
            if !hostPort.isEmpty {
                guard hostPort.hasPrefix(":") else { throw bad("主机地址无法识别", "the host cannot be read") }
                hostPort = hostPort.dropFirst()
                guard let number = Int(hostPort), (1...65535).contains(number) else { throw bad("端口应是 1–65535", "the port should be 1–65535") }
                port = number
            }
        } else {
            if let colon = hostPort.lastIndex(of: ":") {
                guard let number = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(number) else {
                    throw bad("端口应是 1–65535", "the port should be 1–65535")
                }
                port = number
                hostPort = hostPort[..<colon]
            }
            host = String(hostPort)
        }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && !"/?#@".unicodeScalars.contains($0) }) else {
            throw bad("缺少主机名", "no host name")
        }
        guard let database = String(path).removingPercentEncoding, !database.isEmpty, !database.contains("/") else {
            throw bad("缺少数据库名", "no database name")
        }
        var sslMode = SSLMode.prefer
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0] == "sslmode" else { throw bad("不认识的参数 \(pair[0])", "unknown parameter \(pair[0])") }
            guard let mode = SSLMode(rawValue: pair[1]) else {
                throw bad("sslmode 应是 disable、prefer、require 或 verify-full", "sslmode takes disable, prefer, require or verify-full")
            }
            sslMode = mode
        }
        if password == nil, let fromEnvironment = environment["PGPASSWORD"], !fromEnvironment.isEmpty { password = fromEnvironment }
        self.init(user: user, password: password, host: host, port: port, database: database, sslMode: sslMode)
    }

    /// The location as shown to people: `postgres://user@host:port/database`, never the password.
    public var display: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)" + (sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)")
    }

    /// `text` with whatever stands between `user:` and `@` replaced by `***` (for messages about a URL that
    /// could not be parsed).
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<rest.index(after: colon)]) + "***" + String(text[at...])
    }

    /// `detail` without the password (a server or library message could, in principle, repeat it).
    func scrubbed(_ detail: String) -> String {
        guard let password, !password.isEmpty else { return detail }
        return detail.replacingOccurrences(of: password, with: "***")
    }

    /// The settings of one connection (migrations, the synchronous commands).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: Self.unverified))
        case .require: tls = .require(try NIOSSLContext(configuration: Self.unverified))
        case .verifyFull: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// The settings of the connection pool the verification service reads through.
    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(Self.unverified)
        case .require: tls = .require(Self.unverified)
        case .verifyFull: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = 0
        return configuration
    }

    /// TLS without checking the server's certificate (libpq's `prefer` and `require`).
    private static var unverified: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}
