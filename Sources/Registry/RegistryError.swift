import Support

/// Why the registry refused or failed, with its path (a PostgreSQL registry's URL without its password);
/// nothing was written. Codes: `registry.missing`, `registry.unreadable` (not a database, not a kaowu
/// registry, damaged), `registry.unwritable`, `registry.newer-schema`, `registry.unknown-number`,
/// `registry.already-revoked`, `registry.number-taken`, `registry.unreachable` (the database server cannot
/// be reached or refused the login), `registry.bad-url`, `registry.exists`. No message ever holds a password.
public struct RegistryError: Error, Diagnostic, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// No registry at the path (and the command does not create one).
        case missing
        /// A folder or device is at the path.
        case notAFile
        /// The file is not an SQLite database.
        case notADatabase(String)
        /// An SQLite database, but not a kaowu certificate registry (another program's database).
        case notARegistry
        /// A registry written by a newer kaowu (its schema version is above this kaowu's).
        case newerSchema(found: Int, known: Int)
        /// Reading failed or a stored value is damaged.
        case unreadable(String)
        /// Writing failed (a full disk, a locked database, no permission).
        case unwritable(String)
        case unknownNumber(String)
        /// The certificate was revoked before: when and why.
        case alreadyRevoked(StoredRevocation)
        /// The number is already issued (`by` nil), or the sequence under its prefix is taken by certificate `by`.
        case numberTaken(String, by: String?)
        /// The database server cannot be reached, or refused the user, password or database.
        case unreachable(String)
        /// A `postgres://` location that cannot be understood.
        case badURL(LocalizedText)
        /// A file is already where a new registry was to be written (kaowu never replaces it).
        case fileExists
        /// A database server's database without a registry in it (and the command does not create one).
        case noRegistry
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var code: String {
        switch reason {
        case .missing, .noRegistry: return "registry.missing"
        case .unreachable: return "registry.unreachable"
        case .badURL: return "registry.bad-url"
        case .fileExists: return "registry.exists"
        case .notAFile, .notADatabase, .notARegistry, .unreadable: return "registry.unreadable"
        case .unwritable: return "registry.unwritable"
        case .newerSchema: return "registry.newer-schema"
        case .unknownNumber: return "registry.unknown-number"
        case .alreadyRevoked: return "registry.already-revoked"
        case .numberTaken: return "registry.number-taken"
        }
    }

    public var facts: DiagnosticFacts {
        switch reason {
        case .unknownNumber(let number), .numberTaken(let number, _): return DiagnosticFacts(file: path, value: number)
        case .alreadyRevoked(let revocation): return DiagnosticFacts(file: path, value: revocation.number)
        default: return DiagnosticFacts(file: path)
        }
    }

    public func message(_ l: Language) -> String {
        let why: String
        switch reason {
        case .missing:
            why = l.pick("没有这个证书库文件（证书库由 kaowu certify 建立；可用 --registry 指定位置）",
                         "no certificate registry here (kaowu certify creates it; --registry names another)")
        case .notAFile:
            why = l.pick("这不是一个文件", "this is not a file")
        case .notADatabase(let detail):
            why = l.pick("这不是 kaowu 的证书库（不是 SQLite 数据库：\(detail)），未做任何改动",
                         "this is not a kaowu certificate registry (not an SQLite database: \(detail)); nothing was changed")
        case .notARegistry where RegistryLocation.isServer(path):
            why = l.pick("这个数据库里有别的程序的表，不是 kaowu 的证书库，未做任何改动；请换一个数据库",
                         "this database holds another program's tables, not a kaowu certificate registry; nothing was changed; choose another database")
        case .notARegistry:
            why = l.pick("这是别的程序的数据库，不是 kaowu 的证书库，未做任何改动；请换一个文件名",
                         "this is another program's database, not a kaowu certificate registry; nothing was changed; choose another file name")
        case .newerSchema(let found, let known):
            why = l.pick("证书库由更新版本的 kaowu 建立（结构版本 \(found)，本版本只认识到 \(known)），为免损坏未做任何改动；请升级 kaowu",
                         "the registry was written by a newer kaowu (schema version \(found); this one knows up to \(known)); nothing was changed so it is not damaged; upgrade kaowu")
        case .unreadable(let detail):
            why = l.pick("无法读取（\(detail)）", "cannot be read (\(detail))")
        case .unwritable(let detail):
            why = l.pick("无法写入，未做任何改动（\(detail)）", "cannot be written; nothing was changed (\(detail))")
        case .unknownNumber(let number):
            why = l.pick("没有编号为“\(number)”的证书", "no certificate numbered \"\(number)\"")
        case .alreadyRevoked(let revocation):
            let at = RegistryTime.display(revocation.at)
            why = l.pick("证书 \(revocation.number) 已于 \(at) 撤销，原因：\(revocation.reason)",
                         "certificate \(revocation.number) was already revoked at \(at), reason: \(revocation.reason)")
        case .unreachable(let detail):
            why = l.pick("无法连接数据库服务器，未做任何改动（\(detail)）", "cannot reach the database server; nothing was changed (\(detail))")
        case .badURL(let detail):
            why = l.pick("地址无法识别（\(detail.zh)）；应写成 postgres://用户[:密码]@主机[:端口]/数据库[?sslmode=disable|require]，或一个 SQLite 文件",
                         "the address cannot be understood (\(detail.en)); write postgres://user[:password]@host[:port]/database[?sslmode=disable|require], or an SQLite file")
        case .fileExists:
            why = l.pick("已有这个文件，kaowu 不会覆盖；请换一个文件名", "a file is already there and kaowu does not replace it; choose another name")
        case .noRegistry:
            why = l.pick("这个数据库里还没有证书库（可用 kaowu registry migrate --registry 地址 建立）",
                         "this database holds no certificate registry yet (kaowu registry migrate --registry URL creates it)")
        case .numberTaken(let number, let holder):
            if let holder {
                why = l.pick("证书编号 \(number) 的序号已被证书 \(holder) 使用，未做任何改动",
                             "the sequence of certificate number \(number) is already used by \(holder); nothing was changed")
            } else {
                why = l.pick("证书编号 \(number) 已发放过，未做任何改动", "certificate number \(number) was already issued; nothing was changed")
            }
        }
        return l.pick("证书库 \(path)：", "certificate registry \(path): ") + why
    }

    public var description: String { message(.en) }
}
