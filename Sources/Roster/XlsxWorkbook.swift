import Archive
import Support

/// The parts of an .xlsx package needed to read its sheets: sheet names and paths, the date system,
/// which cell styles are dates, and the shared strings.
final class XlsxWorkbook {
    struct Sheet {
        let name: String
        let path: String
        let hidden: Bool
    }

    let zip: ZipReader
    let file: String
    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false
    /// For each cell style index (`s` attribute), whether it formats numbers as dates.
    private(set) var dateStyles: [Bool] = []
    private(set) var sharedStrings: [String] = []

    init(zip: ZipReader, file: String) throws {
        self.zip = zip
        self.file = file
        let workbookPath = try officeDocumentPath()
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relations = try readRelations(of: workbookPath)
        try readWorkbook(workbookPath, folder: folder, relations: relations)
        if let styles = relations.values.first(where: { $0.type.hasSuffix("/styles") }) {
            try readStyles(resolve(styles.target, folder: folder))
        }
        if let strings = relations.values.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            try readSharedStrings(resolve(strings.target, folder: folder))
        }
    }

    // MARK: package parts

    func parser(for part: String) throws -> XMLPullParser? {
        guard let index = zip.index(of: part) else { return nil }
        let source = try zip.byteSource(at: index, name: part)
        return XMLPullParser(source: source, documentName: "\(file)!\(part)")
    }

    private func resolve(_ target: String, folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private func officeDocumentPath() throws -> String {
        if let rels = try parser(for: "_rels/.rels") {
            while case let token = try rels.next(), !isEnd(token) {
                if case .start("Relationship", let attributes) = token,
                   attributes.value("Type")?.hasSuffix("/officeDocument") == true,
                   let target = attributes.value("Target") {
                    return resolve(target, folder: "")
                }
            }
        }
        if zip.index(of: "xl/workbook.xml") != nil { return "xl/workbook.xml" }
        throw RosterError(file: file, zh: "不是 Excel 工作簿：压缩包里没有 workbook.xml", en: "not an Excel workbook: no workbook.xml in the package")
    }

    private struct Relation { let type: String; let target: String }

    private func readRelations(of part: String) throws -> [String: Relation] {
        var components = part.split(separator: "/").map(String.init)
        let name = components.removeLast()
        let relsPath = (components + ["_rels", name + ".rels"]).joined(separator: "/")
        var result: [String: Relation] = [:]
        guard let rels = try parser(for: relsPath) else { return result }
        while case let token = try rels.next(), !isEnd(token) {
            if case .start("Relationship", let attributes) = token,
               let id = attributes.value("Id"), let target = attributes.value("Target") {
                result[id] = Relation(type: attributes.value("Type") ?? "", target: target)
            }
        }
        return result
    }

    private func readWorkbook(_ path: String, folder: String, relations: [String: Relation]) throws {
        guard let xml = try parser(for: path) else {
            throw RosterError(file: file, zh: "工作簿缺少 \(path)", en: "the workbook lacks \(path)")
        }
        while case let token = try xml.next(), !isEnd(token) {
            guard case .start(let name, let attributes) = token else { continue }
            if name == "workbookPr", let v = attributes.value("date1904") {
                date1904 = v == "1" || v == "true"
            } else if name == "sheet", let sheetName = attributes.value("name"),
                      let rid = attributes.value("id"), let relation = relations[rid] {
                let state = attributes.value("state") ?? "visible"
                sheets.append(Sheet(name: sheetName, path: resolve(relation.target, folder: folder), hidden: state != "visible"))
            }
        }
    }

    private func readStyles(_ path: String) throws {
        guard let xml = try parser(for: path) else { return }
        var customFormats: [Int: String] = [:]
        var inCellXfs = false
        while case let token = try xml.next(), !isEnd(token) {
            switch token {
            case .start("numFmt", let attributes):
                if let id = attributes.value("numFmtId").flatMap(Int.init), let code = attributes.value("formatCode") {
                    customFormats[id] = code
                }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes) where inCellXfs:
                let id = attributes.value("numFmtId").flatMap(Int.init) ?? 0
                let isDate = customFormats[id].map(ExcelDate.isDateFormat) ?? ExcelDate.builtInDateFormats.contains(id)
                dateStyles.append(isDate)
            default: break
            }
        }
    }

    private func readSharedStrings(_ path: String) throws {
        guard let xml = try parser(for: path) else { return }
        var current = ""
        var inText = false
        var phoneticDepth = 0
        while case let token = try xml.next(), !isEnd(token) {
            switch token {
            case .start("si", _): current = ""
            case .end("si"): sharedStrings.append(XlsxText.unescape(current))
            case .start("rPh", _): phoneticDepth += 1
            case .end("rPh"): phoneticDepth -= 1
            case .start("t", _): inText = phoneticDepth == 0
            case .end("t"): inText = false
            case .text(let s) where inText: current += s
            default: break
            }
        }
    }
}

@inline(__always) func isEnd(_ token: XMLToken) -> Bool {
    if case .endOfDocument = token { return true }
    return false
}
