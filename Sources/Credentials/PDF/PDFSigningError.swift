import Support

/// Why a PDF could not be signed. Codes (stable, README): `pdf-sign.unreadable` (not a PDF qpdf reads
/// cleanly: signing a repaired file would sign what no reader sees), `pdf-sign.unsupported` (encrypted, or
/// its last cross-reference section is a stream, which an update in a classic table may not follow),
/// `pdf-sign.no-pages`, `pdf-sign.failed` (the signature could not be made or does not fit its space).
public enum PDFSigningError: Error, Diagnostic, Equatable {
    case unreadable(detail: String)
    case unsupported(detail: String)
    case noPages
    case failed(detail: String)

    public var code: String {
        switch self {
        case .unreadable: return "pdf-sign.unreadable"
        case .unsupported: return "pdf-sign.unsupported"
        case .noPages: return "pdf-sign.no-pages"
        case .failed: return "pdf-sign.failed"
        }
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .unreadable(let detail), .unsupported(let detail), .failed(let detail): return DiagnosticFacts(value: detail)
        case .noPages: return DiagnosticFacts()
        }
    }

    public var text: LocalizedText {
        switch self {
        case .unreadable(let detail):
            return LocalizedText(zh: "PDF 无法完整读取，不能签名（\(detail)）", en: "the PDF cannot be read cleanly, so it is not signed (\(detail))")
        case .unsupported(let detail):
            return LocalizedText(zh: "不支持给这种 PDF 签名（\(detail)）", en: "this kind of PDF cannot be signed (\(detail))")
        case .noPages:
            return LocalizedText(zh: "PDF 没有页面，不能签名", en: "the PDF has no pages, so it is not signed")
        case .failed(let detail):
            return LocalizedText(zh: "PDF 签名失败（\(detail)）", en: "signing the PDF failed (\(detail))")
        }
    }

    public func message(_ language: Language) -> String { text.pick(language) }
}
