import Archive
import Foundation
import Testing
import Photos
import Roster
import Support
import Synthetic
@testable import Validation

/// Seeded random damage to real files: every reader must report or accept each variant, never crash.
@Suite struct RobustnessTests {
    /// `count` copies of `bytes`, each with a few bytes overwritten, a slice removed or the tail cut.
    func mutants(of bytes: [UInt8], count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var copy = bytes
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    copy[Int.random(in: 0..<copy.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                let start = Int.random(in: 0..<copy.count, using: &random)
                copy.removeSubrange(start..<min(copy.count, start + Int.random(in: 1...64, using: &random)))
            default:
                copy = Array(copy.prefix(Int.random(in: 0..<copy.count, using: &random)))
            }
            return copy
        }
    }

    @Test func damagedSheetXML() throws {
        let zip = try ZipReader(path: Fixtures.external("libreoffice.xlsx"))
        let xml = try zip.read(at: try #require(zip.index(of: "xl/worksheets/sheet1.xml")), limit: 1 << 20)
        var outcomes = (ok: 0, refused: 0)
        for variant in mutants(of: xml, count: 300, seed: 1) {
            let source = TrickleBytes(variant)
            let parser = XMLPullParser(source: source, documentName: "sheet1.xml")
            do {
                while true { if case .endOfDocument = try parser.next() { break } }
                outcomes.ok += 1
            } catch is XMLError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.ok + outcomes.refused == 300)
        #expect(outcomes.refused > 0)
    }

    @Test func damagedWorkbooksAndCsv() throws {
        let dir = try Fixtures.scratch()
        for (name, seed) in [("openpyxl-basic.xlsx", UInt64(2)), ("gbk.csv", 3), ("libreoffice.xls", 4)] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.external(name))))
            for (k, variant) in mutants(of: bytes, count: 60, seed: seed).enumerated() {
                let path = dir + "/\(k)-" + name
                try Data(variant).write(to: URL(fileURLWithPath: path))
                let report = Validator(options: Fixtures.options(background: false)).validate(rosterPath: path)
                #expect(report.rows == report.valid + report.rowsWithErrors.count, "\(name) variant \(k)")
            }
        }
    }

    @Test func damagedPhotos() {
        let painter = PhotoPainter()
        let decoder = ImageDecoder()
        for (k, variant) in mutants(of: painter.jpeg(background: .red, variant: 1), count: 400, seed: 5).enumerated() {
            variant.withUnsafeBytes { raw in
                if case .header(let header) = ImageHeader.read(raw), header.width * header.height <= 4_000_000 {
                    _ = decoder.decode(raw, header: header)
                }
            }
            _ = k
        }
    }

    @Test func damagedArchives() throws {
        let dir = try Fixtures.scratch()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.external("gbk-names.zip"))))
        for (k, variant) in mutants(of: bytes, count: 80, seed: 6).enumerated() {
            let path = dir + "/\(k).zip"
            try Data(variant).write(to: URL(fileURLWithPath: path))
            let report = Validator(options: Fixtures.options(background: false))
                .validate(rosterPath: Fixtures.external("openpyxl-basic.xlsx"), photosPath: path)
            #expect(report.rows == 5)
            #expect(report.rows == report.valid + report.rowsWithErrors.count)
        }
    }
}

/// Serves a byte array in small chunks.
final class TrickleBytes: ByteSource {
    let bytes: [UInt8]
    var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        let n = min(capacity, 97, bytes.count - position)
        for k in 0..<n { buffer[k] = bytes[position + k] }
        position += n
        return n
    }
}
