import Archive
import Foundation
import Support

/// Opens a roster of any supported kind, chosen by the file's content (not its extension): .xlsx,
/// .xls (BIFF via FreeXL), or delimited text (.csv/.tsv/.txt in UTF-8, UTF-8 with BOM or GB18030).
public enum RosterFile {
    /// What the first bytes of a file say it is.
    enum Kind { case empty, zip, compoundDocument, html, text }

    static func sniff(path: String) -> Kind {
        guard let source = try? FileByteSource(path: path) else { return .text }
        var head = [UInt8](repeating: 0, count: 512)
        let n = (try? head.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: 512) }) ?? 0
        if n == 0 { return .empty }
        let bytes = head.prefix(n)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
        let lower = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        if lower.contains("<html") || lower.contains("<table") || lower.contains("<!doctype html") { return .html }
        return .text
    }

    /// Opens `path` and returns a reader positioned before its first row.
    /// - Parameter sheet: for workbooks, the sheet's name or 1-based number; by default the first visible one.
    public static func open(path: String, sheet: String? = nil) throws -> TableReader {
        try requireFile(path)
        switch sniff(path: path) {
        case .empty:
            throw RosterError(file: path, zh: "文件是空的（0 字节）", en: "the file is empty (0 bytes)")
        case .zip:
            return try XlsxReader(path: path, sheet: sheet)
        case .compoundDocument:
            return try XlsReader(path: path, sheet: sheet)
        case .html:
            throw RosterError(file: path, zh: "这个文件其实是网页（HTML），不是 Excel 表格。请用 Excel 打开后“另存为” .xlsx 再导入",
                              en: "this file is a web page (HTML), not a spreadsheet; open it in Excel and save it as .xlsx")
        case .text:
            let lower = path.lowercased()
            if [".xlsx", ".xlsm", ".xls"].contains(where: { lower.hasSuffix($0) }) {
                throw RosterError(file: path, zh: "文件扩展名是 Excel，但内容不是 Excel 工作簿（可能是改了扩展名的文本文件，或文件已损坏）",
                                  en: "the file is named as an Excel workbook but its content is not one (a renamed text file, or damaged)")
            }
            return try DelimitedTextReader(path: path)
        }
    }

    /// Refuses what is not a readable regular file (missing, a folder, a device), saying which.
    public static func requireFile(_ path: String) throws {
        switch FilePath.kind(of: path) {
        case .missing:
            throw RosterError(file: path, zh: "找不到这个文件", en: "no such file")
        case .folder:
            throw RosterError(file: path, zh: "这是一个文件夹，不是名单文件；请给出其中的 .xlsx、.xls 或 .csv 文件", en: "this is a folder, not a roster file; name the .xlsx, .xls or .csv file in it")
        case .special:
            throw RosterError(file: path, zh: "不是普通文件（设备或管道），无法作为名单读取", en: "not a regular file (a device or pipe); it cannot be read as a roster")
        case .regular:
            break
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RosterError(file: path, zh: "没有读取这个文件的权限", en: "no permission to read this file")
        }
    }

    /// Explains why a file that should be an .xlsx could not be opened as one.
    static func explainUnopenable(path: String, format: String) -> RosterError {
        switch sniff(path: path) {
        case .empty:
            return RosterError(file: path, zh: "文件是空的（0 字节）", en: "the file is empty (0 bytes)")
        case .compoundDocument:
            return passwordProtected(path)
        default:
            return RosterError(file: path, zh: "不是有效的 \(format) 文件（压缩结构损坏或文件不完整）",
                               en: "not a valid \(format) file (damaged or incomplete package)")
        }
    }

    static func passwordProtected(_ path: String) -> RosterError {
        RosterError(file: path, zh: "工作簿设有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后另存",
                    en: "the workbook is password-protected (encrypted); remove the password in Excel and save it again")
    }
}
