import Support

/// Why a file could not be scanned for QR codes. Codes (stable, README): `scan.unreadable` (cannot be read,
/// not a PNG, JPEG or PDF, or damaged), `scan.no-pages` (a PDF without pages), `scan.too-large`.
public enum ScanError: Error, Diagnostic, Equatable {
    case unreadable(path: String, detail: LocalizedText)
    case noPages(path: String)
    case tooLarge(path: String, bytes: Int)

    public var code: String {
        switch self {
        case .unreadable: return "scan.unreadable"
        case .noPages: return "scan.no-pages"
        case .tooLarge: return "scan.too-large"
        }
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .unreadable(let path, _), .noPages(let path), .tooLarge(let path, _): return DiagnosticFacts(file: path)
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .unreadable(let path, let detail):
            return LocalizedText(zh: "\(path)：无法读取二维码图像（\(detail.zh)）", en: "\(path): cannot be scanned for QR codes (\(detail.en))").pick(language)
        case .noPages(let path):
            return LocalizedText(zh: "\(path)：PDF 没有页面", en: "\(path): the PDF has no pages").pick(language)
        case .tooLarge(let path, let bytes):
            return LocalizedText(zh: "\(path)：文件过大（\(bytes) 字节，上限 \(QRScanner.maxFileBytes) 字节）",
                                 en: "\(path): too large (\(bytes) bytes, at most \(QRScanner.maxFileBytes))").pick(language)
        }
    }
}
