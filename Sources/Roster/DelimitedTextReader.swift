import Archive
import Foundation
import Support

/// Reads CSV and TSV files as Excel writes them: RFC 4180 quoting (quoted fields may hold the
/// delimiter, quotes and line breaks), CRLF/LF/CR line ends, in UTF-8, UTF-8 with BOM or GB18030.
/// The encoding is decided from the whole file before any row is returned, so it is never guessed
/// wrong silently: bytes that are neither UTF-8 nor GB18030, or binary data, stop with an error.
public final class DelimitedTextReader: TableReader {
    public let sheetName: String
    public private(set) var formatDescription: String
    private let path: String
    private let source: FileByteSource
    private let transcoder: Transcoder?
    private let delimiter: UInt8
    private var pending: [UInt8] = []      // decoded UTF-8 not yet parsed
    private var position = 0
    private var finished = false
    private var recordNumber = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// The largest field accepted.
    private let maxField = 1 << 20

    public init(path: String) throws {
        self.path = path
        sheetName = (path as NSString).lastPathComponent
        let encoding = try DelimitedTextReader.detectEncoding(path: path)
        let file = try FileByteSource(path: path)
        if encoding.bom > 0 {
            var skip = [UInt8](repeating: 0, count: encoding.bom)
            _ = try skip.withUnsafeMutableBufferPointer { try file.read(into: $0.baseAddress!, capacity: encoding.bom) }
        }
        source = file
        transcoder = encoding.name == "GB18030" ? Transcoder(from: "GB18030") : nil
        formatDescription = "csv (\(encoding.name)\(encoding.bom > 0 ? " BOM" : ""))"
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            delimiter = UInt8(ascii: "\t")
        } else {
            delimiter = try DelimitedTextReader.guessDelimiter(path: path, bom: encoding.bom)
        }
        if delimiter == UInt8(ascii: "\t") { formatDescription = formatDescription.replacingOccurrences(of: "csv", with: "tsv") }
    }

    /// Reads the file once: NUL bytes mean binary data; valid UTF-8 throughout means UTF-8; otherwise it
    /// must be valid GB18030 throughout.
    static func detectEncoding(path: String) throws -> (name: String, bom: Int) {
        let source = try FileByteSource(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var validator = UTF8Validator()
        var utf8OK = true
        var first = true
        var bom = 0
        var offset = 0
        var line = 1
        var total = 0
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }
            if n == 0 { break }
            total += n
            try buffer.withUnsafeBufferPointer { all in
                let b = UnsafeBufferPointer(rebasing: all[0..<n])
                if first {
                    first = false
                    if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
                        throw RosterError(file: path, zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”）。请另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
                                          en: "the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" or .xlsx")
                    }
                    if b.starts(with: [0xEF, 0xBB, 0xBF]) { bom = 3 }
                }
                for (k, byte) in b.enumerated() {
                    if byte == 0 {
                        throw RosterError(file: path, row: line,
                                          zh: "第 \(line) 行含有二进制数据（第 \(offset + k) 字节是 NUL），这不是文本表格",
                                          en: "row \(line) contains binary data (NUL at byte \(offset + k)); this is not a text table")
                    }
                    if byte == 0x0A { line += 1 }
                }
                if utf8OK { utf8OK = validator.feed(b) }
            }
            offset += n
        }
        if total == 0 { throw RosterError(file: path, zh: "文件是空的（0 字节）", en: "the file is empty (0 bytes)") }
        if utf8OK && validator.isComplete { return ("UTF-8", bom) }
        // Not UTF-8: it must be GB18030 from start to end.
        let again = try FileByteSource(path: path)
        guard let transcoder = Transcoder(from: "GB18030") else {
            throw RosterError(file: path, zh: "文件不是 UTF-8，而本机的 iconv 不支持 GB18030，无法判断编码",
                              en: "the file is not UTF-8 and this system's iconv lacks GB18030, so its encoding cannot be decided")
        }
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { try again.read(into: $0.baseAddress!, capacity: $0.count) }
            do {
                try buffer.withUnsafeBufferPointer { all in
                    _ = try transcoder.convert(UnsafeBufferPointer(rebasing: all[0..<n]), final: n == 0)
                }
            } catch let error as Transcoder.InvalidInput {
                // Count lines up to the bad byte for the message.
                let bad = error.offset
                let recount = try FileByteSource(path: path)
                var seen = 0
                var lineAt = 1
                while seen < bad {
                    let m = try buffer.withUnsafeMutableBufferPointer { try recount.read(into: $0.baseAddress!, capacity: min($0.count, bad - seen)) }
                    if m == 0 { break }
                    for byte in buffer[0..<m] where byte == 0x0A { lineAt += 1 }
                    seen += m
                }
                throw RosterError(file: path, row: lineAt,
                                  zh: "无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030（第 \(lineAt) 行，第 \(bad) 字节）。请在 Excel 中另存为“CSV UTF-8”",
                                  en: "unknown text encoding: neither UTF-8 nor GBK/GB18030 (row \(lineAt), byte \(bad)); save it as \"CSV UTF-8\"")
            }
            if n == 0 { break }
        }
        return ("GB18030", 0)
    }

    /// A comma unless the first line has tabs (or semicolons) and no commas.
    static func guessDelimiter(path: String, bom: Int) throws -> UInt8 {
        let source = try FileByteSource(path: path)
        var head = [UInt8](repeating: 0, count: 8192)
        let n = try head.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }
        let firstLine = head[bom..<max(bom, n)].prefix { $0 != 0x0A && $0 != 0x0D }
        let count = { (c: Character) in firstLine.filter { $0 == c.asciiValue! }.count }
        if count(",") == 0 && count("\t") > 0 { return UInt8(ascii: "\t") }
        if count(",") == 0 && count(";") > 0 { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    /// Makes more decoded bytes available; false at the end of the file.
    private func refill() throws -> Bool {
        if finished { return false }
        if position > 0 {
            pending.removeFirst(position)
            position = 0
        }
        let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }
        if let transcoder {
            let decoded = try chunk.withUnsafeBufferPointer {
                try transcoder.convert(UnsafeBufferPointer(rebasing: $0[0..<n]), final: n == 0)
            }
            pending.append(contentsOf: decoded)
        } else {
            pending.append(contentsOf: chunk[0..<n])
        }
        if n == 0 { finished = true }
        return n > 0 || position < pending.count
    }

    public func nextRow() throws -> TableRow? {
        var fields: [CellValue] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var sawAnything = false
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            fields.append(text.isEmpty && !quotedField ? .empty : .text(text))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        while true {
            if position >= pending.count {
                guard try refill(), position < pending.count else {
                    if inQuotes {
                        throw RosterError(file: path, row: recordNumber + 1,
                                          zh: "第 \(recordNumber + 1) 行有一个引号没有闭合，文件在它之后就结束了",
                                          en: "row \(recordNumber + 1) opens a quote that is never closed")
                    }
                    if !sawAnything { return nil }
                    endField()
                    recordNumber += 1
                    return TableRow(number: recordNumber, cells: fields)
                }
            }
            let byte = pending[position]
            position += 1
            sawAnything = true
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position >= pending.count { _ = try refill() }
                    if position < pending.count && pending[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == delimiter {
                endField()
                if fields.count > 16_384 {
                    throw RosterError(file: path, row: recordNumber + 1, zh: "第 \(recordNumber + 1) 行的列数超过 16384", en: "row \(recordNumber + 1) has more than 16384 columns")
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                inQuotes = true
                quotedField = true
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D {
                    if position >= pending.count { _ = try refill() }
                    if position < pending.count && pending[position] == 0x0A { position += 1 }
                }
                endField()
                recordNumber += 1
                return TableRow(number: recordNumber, cells: fields)
            } else {
                field.append(byte)
            }
            if field.count > maxField {
                throw RosterError(file: path, row: recordNumber + 1,
                                  zh: "第 \(recordNumber + 1) 行有一个超过 1 MB 的单元格，文件可能已损坏",
                                  en: "row \(recordNumber + 1) has a cell larger than 1 MB; the file may be damaged")
            }
        }
    }
}
