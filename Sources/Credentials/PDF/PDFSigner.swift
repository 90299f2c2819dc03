import Crypto
import Foundation
import X509

/// Signs a PDF by appending an incremental update (ISO 32000-1 §7.5.6, §12.8): the original bytes are
/// kept as they are and followed by a signature dictionary (/Filter /Adobe.PPKLite, /SubFilter
/// /ETSI.CAdES.detached: PAdES B-B, see `CAdESSignedData`), an invisible signature widget on page 1 (/FT
/// /Sig, /Rect [0 0 0 0], /F 132 = print + locked), new versions of page 1 (its /Annots plus the widget)
/// and the catalog (/AcroForm with the field and /SigFlags 3), a classic cross-reference table and a
/// trailer whose /Prev points at the original's. /ByteRange covers the whole file but the /Contents hex
/// string, so any later change to any byte shows (pdfsig, pyhanko, Acrobat, `PDFSignatureCheck`).
///
/// The original's objects are read with libqpdf (`QPDFDocument`) rather than a parser of our own: qpdf
/// is kept up and fuzzed, and its syntax for each value (`unparse`) is what the new page and catalog are
/// written from. The update itself is written here, because qpdf's writer rewrites whole files.
/// Files whose last cross-reference section is a stream (PDF 1.5 object streams) are refused: an update
/// must continue the same kind of section, and Cairo (what kaowu renders with) writes classic tables.
public enum PDFSigner {
    /// Bytes reserved for the DER CMS (twice as many hex digits in the file): an ECDSA signature with one
    /// certificate takes about 1 KB; the rest leaves room for a CA-issued certificate.
    static let reservedCMSBytes = 8_192
    /// Width of the /ByteRange array's text, padded with spaces once the numbers are known.
    private static let byteRangeWidth = 40

    /// `pdf` with a signature by `privateKey` (whose certificate is `certificate`) appended, signed `at`.
    /// `signerName` goes in /Name, `reason` in /Reason. Throws `PDFSigningError`.
    public static func sign(_ pdf: [UInt8], certificate: Certificate, privateKey: P256.Signing.PrivateKey,
                            signerName: String, reason: String, at: Date) throws -> [UInt8] {
        guard certificate.publicKey == Certificate.PublicKey(privateKey.publicKey) else {
            throw PDFSigningError.failed(detail: "the certificate is not the signing key's")
        }
        let previousXref = try classicCrossReference(pdf)
        let document: QPDFDocument
        do {
            document = try QPDFDocument(bytes: pdf)
        } catch {
            throw PDFSigningError.unreadable(detail: error.message)
        }
        guard !document.isEncrypted else { throw PDFSigningError.unsupported(detail: "encrypted PDF") }
        if let warning = document.warnings.first { throw PDFSigningError.unreadable(detail: warning) }
        guard let size = document.value(document.trailer, "/Size").flatMap(document.integer), size > 0, size < 8_000_000 else {
            throw PDFSigningError.unreadable(detail: "trailer without /Size")
        }
        guard let page = document.page(0) else { throw PDFSigningError.noPages }
        guard let pageRef = document.reference(page), pageRef.number < size,
              let rootRef = document.reference(document.root), rootRef.number < size else {
            throw PDFSigningError.unreadable(detail: "page 1 or the catalog is not an object of the file")
        }

        let signatureNumber = Int(size), widgetNumber = Int(size) + 1
        let widgetRef = "\(widgetNumber) 0 R"
        let annotations = document.value(page, "/Annots").map { document.items($0, limit: .max).map(document.syntax) } ?? []
        let pageText = dictionary(document, page, replacing: ["/Annots": "[" + (annotations + [widgetRef]).joined(separator: " ") + "]"])
        let acroForm = document.value(document.root, "/AcroForm").flatMap { document.isDictionary($0) ? $0 : nil }
        let fields = acroForm.flatMap { document.value($0, "/Fields") }.map { document.items($0, limit: .max) } ?? []
        let fieldText = "[" + (fields.map(document.syntax) + [widgetRef]).joined(separator: " ") + "]"
        let formText = acroForm.map { dictionary(document, $0, replacing: ["/Fields": fieldText, "/SigFlags": "3"]) }
            ?? "<< /Fields \(fieldText) /SigFlags 3 >>"
        let catalogText = dictionary(document, document.root, replacing: ["/AcroForm": formText])
        let fieldName = uniqueName(taken: Set(fields.compactMap { document.value($0, "/T").flatMap(document.stringBytes) }))
        let trailerExtras = ["/Info", "/ID"].compactMap { key in
            document.value(document.trailer, key).map { "\(key) \(document.syntax($0))" }
        }
        do {
            try document.check()
        } catch {
            throw PDFSigningError.unreadable(detail: error.message)
        }
        // qpdf reads objects when they are asked for: a damaged one shows only now.
        if let warning = document.warnings.first { throw PDFSigningError.unreadable(detail: warning) }

        var output = pdf
        if let last = output.last, last != 0x0A, last != 0x0D { output.append(0x0A) }
        var offsets: [Int: (offset: Int, generation: Int)] = [:]
        func object(_ number: Int, generation: Int = 0, _ parts: [String]) -> [Int] {
            offsets[number] = (output.count, generation)
            var starts: [Int] = []
            output.append(contentsOf: Array("\(number) \(generation) obj\n".utf8))
            for part in parts {
                starts.append(output.count)
                output.append(contentsOf: Array(part.utf8))
            }
            output.append(contentsOf: Array("\nendobj\n".utf8))
            return starts
        }
        let placeholder = "[0 0 0 0]".padding(toLength: byteRangeWidth, withPad: " ", startingAt: 0)
        let starts = object(signatureNumber, [
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange ", placeholder,
            "\n/Contents ", "<" + String(repeating: "0", count: 2 * reservedCMSBytes) + ">",
            "\n/M \(PDFTextString.date(at))\n/Name \(PDFTextString.hex(signerName))\n/Reason \(PDFTextString.hex(reason))\n>>",
        ])
        let byteRangeAt = starts[1], contentsStart = starts[3]
        let contentsEnd = contentsStart + 2 + 2 * reservedCMSBytes
        _ = object(widgetNumber, ["<< /Type /Annot /Subtype /Widget /FT /Sig /T (\(fieldName)) /V \(signatureNumber) 0 R"
                                  + " /F 132 /Rect [0 0 0 0] /P \(pageRef.number) \(pageRef.generation) R >>"])
        _ = object(pageRef.number, generation: pageRef.generation, [pageText])
        _ = object(rootRef.number, generation: rootRef.generation, [catalogText])

        let xrefAt = output.count
        var xref = "xref\n"
        let numbers = offsets.keys.sorted()
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            xref += "\(numbers[index]) \(end - index + 1)\n"
            for number in numbers[index...end] {
                let entry = offsets[number]!
                xref += String(format: "%010d %05d n\r\n", entry.offset, entry.generation)
            }
            index = end + 1
        }
        let trailer = (["/Size \(widgetNumber + 1)", "/Root \(rootRef.number) \(rootRef.generation) R", "/Prev \(previousXref)"] + trailerExtras)
            .joined(separator: "\n   ")
        xref += "trailer\n<< \(trailer)\n>>\nstartxref\n\(xrefAt)\n%%EOF\n"
        output.append(contentsOf: Array(xref.utf8))

        let byteRange = "[0 \(contentsStart) \(contentsEnd) \(output.count - contentsEnd)]".padding(toLength: byteRangeWidth, withPad: " ", startingAt: 0)
        output.replaceSubrange(byteRangeAt..<byteRangeAt + byteRangeWidth, with: Array(byteRange.utf8))
        var hasher = SHA256()
        hasher.update(data: output[0..<contentsStart])
        hasher.update(data: output[contentsEnd...])
        let cms: [UInt8]
        do {
            cms = try CAdESSignedData.sign(digest: hasher.finalize(), certificate: certificate, privateKey: privateKey)
        } catch {
            throw PDFSigningError.failed(detail: "\(error)")
        }
        guard cms.count <= reservedCMSBytes else {
            throw PDFSigningError.failed(detail: "the signature takes \(cms.count) bytes, \(reservedCMSBytes) are reserved")
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * cms.count)
        for byte in cms { hex += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        output.replaceSubrange(contentsStart + 1..<contentsStart + 1 + hex.count, with: hex)
        // Read back as a verifier will, so a file that does not verify is never handed out as signed.
        guard case .valid(_, _, _, true) = PDFSignatureCheck.check(output) else {
            throw PDFSigningError.failed(detail: "the signed file does not verify: \(PDFSignatureCheck.check(output))")
        }
        return output
    }

    /// The offset of the original's last cross-reference section, which must be a classic table.
    private static func classicCrossReference(_ pdf: [UInt8]) throws -> Int {
        let tail = pdf.suffix(2_048)
        let keyword = Array("startxref".utf8)
        guard let at = tail.indices.reversed().first(where: { tail[$0...].starts(with: keyword) }) else {
            throw PDFSigningError.unreadable(detail: "no startxref")
        }
        let digits = tail[(at + keyword.count)...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }.prefix { (0x30...0x39).contains($0) }
        guard !digits.isEmpty, digits.count <= 12, let offset = Int(String(decoding: digits, as: UTF8.self)), offset < pdf.count else {
            throw PDFSigningError.unreadable(detail: "startxref has no offset")
        }
        guard pdf[offset...].starts(with: Array("xref".utf8)) else {
            throw PDFSigningError.unsupported(detail: "cross-reference stream (PDF 1.5 object streams)")
        }
        return offset
    }

    /// A dictionary's syntax with some keys' values replaced (or added), the others as written.
    private static func dictionary(_ document: QPDFDocument, _ object: QPDFDocument.Object, replacing: [String: String]) -> String {
        var lines = ["<<"]
        for key in document.keys(object) where replacing[key] == nil {
            guard let value = document.value(object, key) else { continue }
            lines.append("   \(document.nameSyntax(key)) \(document.syntax(value))")
        }
        for key in replacing.keys.sorted() { lines.append("   \(key) \(replacing[key]!)") }
        lines.append(">>")
        return lines.joined(separator: "\n")
    }

    /// "Signature1", or the first "SignatureN" no existing field is called.
    private static func uniqueName(taken: Set<[UInt8]>) -> String {
        var number = 1
        while taken.contains(Array("Signature\(number)".utf8)) || taken.contains([0xFE, 0xFF] + "Signature\(number)".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) {
            number += 1
        }
        return "Signature\(number)"
    }
}
