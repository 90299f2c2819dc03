import Support

/// A trust list that cannot be used: unreadable, not a kaowu trust list (with the entry and why), or
/// written by a newer kaowu.
public enum TrustListError: Error, Diagnostic, Equatable {
    case unreadable(file: String, reason: String)
    case invalid(file: String, detail: String)
    case newerVersion(file: String, version: Int)

    public var code: String {
        switch self {
        case .unreadable: return "trust.unreadable"
        case .invalid: return "trust.invalid"
        case .newerVersion: return "trust.newer-version"
        }
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .unreadable(let file, _): return DiagnosticFacts(file: file)
        case .invalid(let file, let detail): return DiagnosticFacts(file: file, value: detail)
        case .newerVersion(let file, let version): return DiagnosticFacts(file: file, key: "version", value: String(version))
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .unreadable(let file, let reason):
            return LocalizedText(zh: "无法读取信任列表 \(file)：\(reason)", en: "cannot read the trust list \(file): \(reason)").pick(language)
        case .invalid(let file, let detail):
            return LocalizedText(zh: "\(file) 不是有效的 kaowu 信任列表（trust.json）：\(detail)",
                                 en: "\(file) is not a valid kaowu trust list (trust.json): \(detail)").pick(language)
        case .newerVersion(let file, let version):
            return LocalizedText(zh: "信任列表 \(file) 是更新版本的 kaowu 写的（version \(version)），请升级 kaowu",
                                 en: "the trust list \(file) was written by a newer kaowu (version \(version)); upgrade kaowu").pick(language)
        }
    }
}
