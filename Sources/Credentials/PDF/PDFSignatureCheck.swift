import Crypto
import Foundation
import X509

/// Checks the last signature of a PDF, which may be hostile: everything is bounds-checked and limited,
/// nothing traps. The PDF is opened with libqpdf (`QPDFDocument`); the signature dictionaries are the /V
/// of the /Sig fields under the catalog's /AcroForm; the last is the one whose /ByteRange reaches
/// furthest. Its /ByteRange must be `[0 a b c]` with 0 < a < b and b + c ≤ the file's length, the gap
/// a..<b exactly `<hex>` holding the /Contents qpdf reads, a DER CMS followed only by zero padding; the
/// CMS is checked over bytes 0..<a and b..<b+c (`CMSSignatureCheck`).
public enum PDFSignatureCheck {
    /// Largest PDF read (a certificate is a few hundred KB).
    public static let maxBytes = 64 << 20
    /// Largest /Contents gap accepted, in bytes of the file.
    static let maxGap = 1 << 20
    /// Deepest field tree and most fields walked.
    private static let maxDepth = 16, maxFields = 10_000

    public static func check(_ pdf: [UInt8]) -> PDFSignatureResult {
        guard pdf.count <= maxBytes, pdf.starts(with: Array("%PDF-".utf8)) || pdf.prefix(1_024).firstRange(of: Array("%PDF-".utf8)) != nil else {
            return .invalid(reason: PDFSignatureResult.malformed)
        }
        guard let document = try? QPDFDocument(bytes: pdf) else { return .invalid(reason: PDFSignatureResult.malformed) }
        let signatures = signatureDictionaries(document)
        guard !signatures.isEmpty else { return .invalid(reason: PDFSignatureResult.unsigned) }

        // Each signature's /ByteRange; any unreadable one makes the file doubtful.
        var ranges: [(signature: QPDFDocument.Object, range: [Int])] = []
        for signature in signatures {
            guard let array = document.value(signature, "/ByteRange"), document.isArray(array) else {
                return .invalid(reason: PDFSignatureResult.malformed)
            }
            let numbers = document.count(array) == 4 ? document.items(array).compactMap(document.integer) : []
            guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 && $0 <= Int64(pdf.count) }) else {
                return .invalid(reason: PDFSignatureResult.malformed)
            }
            ranges.append((signature, numbers.map { Int($0) }))
        }
        guard let last = ranges.max(by: { $0.range[2] + $0.range[3] < $1.range[2] + $1.range[3] }) else {
            return .invalid(reason: PDFSignatureResult.unsigned)
        }
        let (start, a, b, c) = (last.range[0], last.range[1], last.range[2], last.range[3])
        guard start == 0, a > 0, a < b, b - a >= 2, b - a <= maxGap, b + c <= pdf.count, c >= 0 else {
            return .invalid(reason: PDFSignatureResult.malformed)
        }
        guard let cmsBytes = gap(pdf[a..<b]),
              let contents = document.value(last.signature, "/Contents").flatMap(document.stringBytes), contents == cmsBytes,
              let cms = derPrefix(cmsBytes) else {
            return .invalid(reason: PDFSignatureResult.malformed)
        }
        let signedTime = document.value(last.signature, "/M").flatMap(document.stringBytes).flatMap(PDFTextString.parseDate)

        switch CMSSignatureCheck.check(cms, content: [pdf[0..<a], pdf[b..<(b + c)]]) {
        case .digestMismatch:
            return .invalid(reason: PDFSignatureResult.modified)
        case .invalid:
            return .invalid(reason: PDFSignatureResult.badSignature)
        case .valid(let signer, let signingTime):
            guard let spki = try? CMSSignatureCheck.serializedKey(signer.publicKey) else {
                return .invalid(reason: PDFSignatureResult.badSignature)
            }
            return .valid(signer: signer, kid: Array(SHA256.hash(data: spki).prefix(8)), signedAt: signingTime ?? signedTime,
                          coversWholeFile: b + c == pdf.count)
        }
    }

    /// The signature dictionaries: the /V of every field whose /FT (itself or inherited) is /Sig.
    private static func signatureDictionaries(_ document: QPDFDocument) -> [QPDFDocument.Object] {
        guard let form = document.value(document.root, "/AcroForm"), let fields = document.value(form, "/Fields") else { return [] }
        var found: [QPDFDocument.Object] = []
        var visited = Set<Int>()
        var walked = 0
        func walk(_ field: QPDFDocument.Object, inheritedType: Bool, depth: Int) {
            walked += 1
            guard depth <= maxDepth, walked <= maxFields, document.isDictionary(field) else { return }
            if let reference = document.reference(field) {
                guard visited.insert(reference.number).inserted else { return }
            }
            let isSignature = document.value(field, "/FT").map { document.isName($0, "/Sig") } ?? inheritedType
            if isSignature, let value = document.value(field, "/V"), document.isDictionary(value),
               !(document.value(value, "/Type").map { document.isName($0, "/DocTimeStamp") } ?? false) {
                found.append(value)
            }
            for kid in document.value(field, "/Kids").map({ document.items($0, limit: maxFields) }) ?? [] {
                walk(kid, inheritedType: isSignature, depth: depth + 1)
            }
        }
        for field in document.items(fields, limit: maxFields) { walk(field, inheritedType: false, depth: 0) }
        return found
    }

    /// The bytes of a gap that is exactly `<` hex digits (an even number) `>`; nil for anything else.
    private static func gap(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        guard bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">") else { return nil }
        let digits = bytes.dropFirst().dropLast()
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: return digit - 0x30
            case 0x41...0x46: return digit - 0x41 + 10
            case 0x61...0x66: return digit - 0x61 + 10
            default: return nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    /// The DER element at the start of `bytes` (a SEQUENCE with a definite length), when only zero bytes
    /// follow it (signers pad /Contents with zeros).
    private static func derPrefix(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard bytes.count >= 2, bytes[0] == 0x30 else { return nil }
        var length = 0, header = 2
        if bytes[1] < 0x80 {
            length = Int(bytes[1])
        } else {
            let count = Int(bytes[1] & 0x7F)
            guard (1...4).contains(count), bytes.count >= 2 + count else { return nil }
            for byte in bytes[2..<(2 + count)] { length = length << 8 | Int(byte) }
            header += count
        }
        guard length <= bytes.count - header, bytes[(header + length)...].allSatisfy({ $0 == 0 }) else { return nil }
        return bytes[0..<(header + length)]
    }
}
