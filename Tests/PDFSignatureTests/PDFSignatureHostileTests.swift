import Credentials
import Foundation
import Support
import Testing

/// `PDFSignatureCheck` on damaged and hostile files: no change to a signed file passes as a whole-file
/// valid signature, and nothing traps.
@Suite(.serialized) struct PDFSignatureHostileTests {
    static func isWholeAndValid(_ result: PDFSignatureResult) -> Bool {
        if case .valid(_, _, _, true) = result { return true }
        return false
    }

    @Test func noSingleByteChangeGoesUnnoticed() throws {
        let fixture = try SigningFixture()
        let signed = try fixture.sign(try fixture.cairoPDF())
        #expect(Self.isWholeAndValid(PDFSignatureCheck.check(signed)))
        let gap = try #require(signed.firstRange(of: Array("/Contents <".utf8))).upperBound - 1
        var random = SeededRandom(seed: 2026)
        // Masks that change a byte's meaning (0x20 alone would only switch the case of a hex letter).
        let masks: [UInt8] = [0x01, 0x02, 0x04, 0x08, 0x10, 0x40, 0x80, 0xFF]
        var reasons: [String: Int] = [:]
        for round in 0..<400 {
            var tampered = signed
            // Half the changes land in the signature dictionary and its CMS, half anywhere.
            let index = round % 2 == 0 ? gap - 200 + Int(random.next() % 2_400) : Int(random.next() % UInt64(signed.count))
            tampered[index] ^= masks[Int(random.next() % UInt64(masks.count))]
            let result = PDFSignatureCheck.check(tampered)
            #expect(!Self.isWholeAndValid(result), "byte \(index) changed, still valid")
            reasons[result.reason ?? "valid", default: 0] += 1
        }
        #expect(reasons[PDFSignatureResult.modified, default: 0] > 50)
        #expect(reasons[PDFSignatureResult.badSignature, default: 0] + reasons[PDFSignatureResult.malformed, default: 0] > 50)
    }

    @Test func truncatedAndGarbageFilesAreRejected() throws {
        let fixture = try SigningFixture()
        let signed = try fixture.sign(try fixture.cairoPDF())
        var random = SeededRandom(seed: 7)
        for _ in 0..<100 {
            let cut = Int(random.next() % UInt64(signed.count))
            #expect(!Self.isWholeAndValid(PDFSignatureCheck.check(Array(signed.prefix(cut)))))
        }
        for length in [1, 10, 1_000, 100_000] {
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(PDFSignatureCheck.check(garbage).reason != nil)
            #expect(PDFSignatureCheck.check(Array("%PDF-1.7\n".utf8) + garbage).reason != nil)
        }
    }

    /// /ByteRange rewritten in place (same length), each a way to point the check at the wrong bytes.
    @Test func byteRangesThatDoNotDescribeTheFileAreMalformed() throws {
        let fixture = try SigningFixture()
        let signed = try fixture.sign(try fixture.cairoPDF())
        let field = try #require(signed.firstRange(of: Array("/ByteRange ".utf8))).upperBound
        let end = try #require(signed[field...].firstIndex(of: UInt8(ascii: "]"))) + 1
        let numbers = String(decoding: signed[field..<end], as: UTF8.self).dropFirst().dropLast().split(separator: " ").compactMap { Int($0) }
        let (a, b, c) = (numbers[1], numbers[2], numbers[3])
        let width = 40
        for range in ["[0 \(b) \(a) \(c)]", "[0 \(a) \(b) \(c + 1)]", "[1 \(a) \(b) \(c)]", "[0 \(a - 1) \(b) \(c)]",
                      "[0 \(a) \(b + 1) \(c - 1)]", "[0 \(a) \(b) -\(c)]", "[0 \(a) \(b)]", "[0 \(a) \(b) \(c) 5]",
                      "[0 \(a) \(b) 99999999999]", "[0 0 \(b) \(c)]", "(0 \(a) \(b) \(c))"] {
            var tampered = signed
            tampered.replaceSubrange(field..<(field + width), with: Array(range.padding(toLength: width, withPad: " ", startingAt: 0).utf8))
            #expect(PDFSignatureCheck.check(tampered) == .invalid(reason: PDFSignatureResult.malformed), "\(range)")
        }
    }
}
