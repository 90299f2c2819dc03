import Archive
import Support

/// A small, streaming XML pull parser for the documents inside .xlsx files. It reads its source in
/// chunks (constant memory for any sheet size), refuses DTDs and unknown entities, limits the size of
/// any one tag or text run and the depth of nesting, and checks that every end tag closes the element
/// that is open (a mismatched or missing end tag is an error naming its byte offset, never a lost row).
public final class XMLPullParser {
    private let source: ByteSource
    private let documentName: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var pendingEnd: String?
    /// The byte offset in the document of `buffer[0]`.
    private var base = 0
    /// The elements open at the current position, innermost last.
    private var open: [String] = []
    /// The deepest nesting accepted (spreadsheet parts nest a handful of levels).
    private let maxDepth = 256
    /// The largest single tag or text run accepted.
    private let maxToken: Int

    public init(source: ByteSource, documentName: String, maxToken: Int = 8 << 20) {
        self.source = source
        self.documentName = documentName
        self.maxToken = maxToken
        capacity = 256 << 10
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Reads more bytes after the unread ones; false at the end of the source.
    private func fill() throws -> Bool {
        if atEOF { return false }
        if start > 0 {
            base += start
            let unread = end - start
            if unread > 0 { buffer.update(from: buffer + start, count: unread) }
            start = 0
            end = unread
        }
        if end == capacity {
            guard capacity < maxToken else { throw fail("a tag or text longer than \(maxToken) bytes") }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = try source.read(into: buffer + end, capacity: capacity - end)
        if n == 0 { atEOF = true; return false }
        end += n
        return true
    }

    private func fail(_ what: String) -> XMLError {
        XMLError(description: "\(documentName): \(what) (byte \(base + start))")
    }

    /// Finds `byte` at or after `from` (absolute index), reading more as needed; nil at end of data.
    private func find(_ byte: UInt8, from: Int) throws -> Int? {
        var i = from
        while true {
            while i < end {
                if buffer[i] == byte { return i }
                i += 1
            }
            let offset = i - start
            guard try fill() else { return nil }
            i = start + offset
        }
    }

    /// Finds the byte sequence `pattern` at or after `from`; nil at end of data.
    private func find(_ pattern: [UInt8], from: Int) throws -> Int? {
        var offset = from - start
        while true {
            guard let hit = try find(pattern[0], from: start + offset) else { return nil }
            offset = hit - start
            while end - (start + offset) < pattern.count {
                guard try fill() else { return nil }
            }
            let h = start + offset
            if (1..<pattern.count).allSatisfy({ buffer[h + $0] == pattern[$0] }) { return h }
            offset += 1
        }
    }

    /// Makes sure `count` bytes from the current position are buffered; false if the data ends first.
    private func ensure(_ count: Int) throws -> Bool {
        while end - start < count {
            guard try fill() else { return false }
        }
        return true
    }

    /// The next token.
    public func next() throws -> XMLToken {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while true {
            if start == end, try !fill() {
                if let unclosed = open.last { throw fail("the document ends before </\(unclosed)>") }
                return .endOfDocument
            }
            if buffer[start] != UInt8(ascii: "<") {
                let stop = try find(UInt8(ascii: "<"), from: start) ?? end
                let text = try decodeText(start, stop)
                start = stop
                return .text(text)
            }
            guard try ensure(2) else { throw fail("the document ends inside a tag") }
            switch buffer[start + 1] {
            case UInt8(ascii: "?"):
                guard let close = try find(Array("?>".utf8), from: start + 2) else { throw fail("unterminated <?…?>") }
                start = close + 2
            case UInt8(ascii: "!"):
                if try ensure(4), buffer[start + 2] == UInt8(ascii: "-"), buffer[start + 3] == UInt8(ascii: "-") {
                    guard let close = try find(Array("-->".utf8), from: start + 4) else { throw fail("unterminated comment") }
                    start = close + 3
                } else if try ensure(9), matches("<![CDATA[", at: start) {
                    guard let close = try find(Array("]]>".utf8), from: start + 9) else { throw fail("unterminated CDATA") }
                    let text = String(decoding: UnsafeBufferPointer(start: buffer + start + 9, count: close - start - 9), as: UTF8.self)
                    start = close + 3
                    return .text(text)
                } else {
                    throw fail("a DTD or <!…> declaration, which spreadsheets never contain (refused for safety)")
                }
            case UInt8(ascii: "/"):
                guard let close = try find(UInt8(ascii: ">"), from: start + 2) else { throw fail("the document ends inside an end tag") }
                let name = localName(start + 2, trimmingSpaceBefore: close)
                guard let innermost = open.last else { throw fail("</\(name.prefix(40))> closes no element") }
                guard innermost == name else { throw fail("</\(name.prefix(40))> where </\(innermost)> was expected") }
                open.removeLast()
                start = close + 1
                return .end(name: name)
            default:
                return try startTag()
            }
        }
    }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - index >= count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where buffer[index + k] != p[k] { return false }
        return true
    }

    private func localName(_ from: Int, trimmingSpaceBefore to: Int) -> String {
        var stop = to
        while stop > from, isSpace(buffer[stop - 1]) { stop -= 1 }
        var begin = from
        for k in from..<stop where buffer[k] == UInt8(ascii: ":") { begin = k + 1 }
        return String(decoding: UnsafeBufferPointer(start: buffer + begin, count: stop - begin), as: UTF8.self)
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Parses a start tag at the current position (quote-aware, so `>` inside a value is fine).
    private func startTag() throws -> XMLToken {
        // Find the closing '>' outside quotes.
        var i = start + 1
        var quote: UInt8 = 0
        while true {
            if i == end {
                let offset = i - start
                guard try fill() else { throw fail("the document ends inside a tag") }
                i = start + offset
                continue
            }
            let b = buffer[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            } else if b == UInt8(ascii: "<") {
                throw fail("a '<' inside a tag")
            }
            i += 1
        }
        let close = i
        var tagEnd = close
        let selfClosing = buffer[close - 1] == UInt8(ascii: "/")
        if selfClosing { tagEnd -= 1 }
        var p = start + 1
        while p < tagEnd, !isSpace(buffer[p]) { p += 1 }
        let name = localName(start + 1, trimmingSpaceBefore: p)
        guard !name.isEmpty else { throw fail("a tag without a name") }
        var attributes: [XMLAttribute] = []
        while p < tagEnd {
            while p < tagEnd, isSpace(buffer[p]) { p += 1 }
            if p >= tagEnd { break }
            let nameStart = p
            while p < tagEnd, buffer[p] != UInt8(ascii: "="), !isSpace(buffer[p]) { p += 1 }
            let attrName = String(decoding: UnsafeBufferPointer(start: buffer + nameStart, count: p - nameStart), as: UTF8.self)
            while p < tagEnd, isSpace(buffer[p]) { p += 1 }
            guard p < tagEnd, buffer[p] == UInt8(ascii: "=") else { throw fail("attribute \(attrName) of <\(name)> has no value") }
            p += 1
            while p < tagEnd, isSpace(buffer[p]) { p += 1 }
            guard p < tagEnd, buffer[p] == UInt8(ascii: "\"") || buffer[p] == UInt8(ascii: "'") else {
                throw fail("attribute \(attrName) of <\(name)> is not quoted")
            }
            let q = buffer[p]
            let valueStart = p + 1
            p = valueStart
            while p < tagEnd, buffer[p] != q { p += 1 }
            guard p < tagEnd else { throw fail("attribute \(attrName) of <\(name)> is not closed") }
            attributes.append(XMLAttribute(name: attrName, value: try decodeText(valueStart, p)))
            p += 1
        }
        if selfClosing {
            pendingEnd = name
        } else {
            guard open.count < maxDepth else { throw fail("elements nested more than \(maxDepth) deep") }
            open.append(name)
        }
        start = close + 1
        return .start(name: name, attributes: attributes)
    }

    /// Decodes the bytes [from, to) as UTF-8 text with XML entities replaced.
    private func decodeText(_ from: Int, _ to: Int) throws -> String {
        var hasAmp = false
        for k in from..<to where buffer[k] == UInt8(ascii: "&") { hasAmp = true; break }
        let raw = UnsafeBufferPointer(start: buffer + from, count: to - from)
        if !hasAmp { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            let b = raw[k]
            guard b == UInt8(ascii: "&") else { out.append(b); k += 1; continue }
            var semi = k + 1
            while semi < raw.count, raw[semi] != UInt8(ascii: ";"), semi - k < 12 { semi += 1 }
            guard semi < raw.count, raw[semi] == UInt8(ascii: ";") else { throw fail("a bare '&' in text") }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: raw[(k + 1)..<semi]), as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var value: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { value = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { value = UInt32(entity.dropFirst(1)) }
                guard let v = value, let scalar = Unicode.Scalar(v) else {
                    throw fail("unknown entity &\(entity); (entities are refused for safety)")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == XMLAttribute {
    /// The value of the attribute whose local name is `name`.
    public func value(_ name: String) -> String? {
        for attribute in self where attribute.name == name { return attribute.value }
        for attribute in self where attribute.name.utf8.contains(UInt8(ascii: ":")) && attribute.localName == name { return attribute.value }
        return nil
    }
}
