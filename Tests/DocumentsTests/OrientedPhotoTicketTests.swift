import Archive
import Foundation
import Testing
import Render
import Support
import Synthetic
import TestTools
import Validation
@testable import Documents

/// Admission tickets for candidates whose photos carry EXIF orientation tags (Pillow's files in
/// fixtures/exif): the photos upright when shown pass validation and print upright, filling the photo
/// box; the two stored upright but tagged as turned are refused as 413 × 295 and print on no ticket.
@Suite(.serialized) struct OrientedPhotoTicketTests {
    static let photos = (1...8).map { "upright-o\($0).jpg" } + ["upright-o6.png", "sideways-o6.jpg", "sideways-o8.jpg"]

    @Test func ticketsPrintThePhotoAsShown() throws {
        let dir = try Tool.scratch()
        var random = SeededRandom(seed: 88)
        let candidates = Self.photos.indices.map { SyntheticCandidate.make(index: $0 * 17 + 5, random: &random) }
        var csv = "姓名,性别,身份证号,所属院校,报考科目,准考证号,座位号\n"
        let zip = try ZipWriter(path: dir + "/photos.zip")
        for (k, c) in candidates.enumerated() {
            csv += "\(c.name),\(c.gender),\(c.id),\(c.school),\(c.subject),2026B0101\(String(format: "%03d", k + 1)),\(String(format: "%02d", k + 1))\n"
            let name = Self.photos[k]
            let bytes = [UInt8](try Data(contentsOf: Kaowu.root.appendingPathComponent("fixtures/exif/" + name)))
            try zip.add("照片/\(c.id).\(name.hasSuffix(".png") ? "png" : "jpg")", ZipPayload(bytes))
        }
        try zip.close()
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/roster.csv"))

        var options = ValidationOptions()
        options.today = .init(year: 2026, month: 6, day: 1)!
        let (report, records) = validatedRecords(roster: dir + "/roster.csv", photos: dir + "/photos.zip", options: options)
        let errors = report.problems.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["photo.dimensions", "photo.dimensions"], "\(errors.map { $0.message(.zh) })")
        #expect(errors.allSatisfy { $0.value == "413×295" && $0.message(.zh).contains("存储为 295×413") }, "\(errors.map { $0.message(.zh) })")
        let upright = Self.photos.filter { $0.hasPrefix("upright") }.count
        #expect(records.count == upright)
        #expect(records.allSatisfy { $0.images["photo"] != nil })

        let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: "admission-ticket")))
        let pdf = dir + "/tickets.pdf"
        try document.renderPDF(records, context: SampleRecords.context, to: pdf, created: "2026-06-01T08:00:00+08:00")
        // JPEGs embedded as stored (turned ones 413 × 295), never re-encoded.
        let list = try Tool.run("pdfimages", ["-list", pdf]).output.split(separator: "\n").dropFirst(2)
            .filter { !$0.contains(" stencil ") }      // the QR codes
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(list.map { "\($0[3])×\($0[4]) \($0[8])" } ==
                ["295×413 jpeg", "295×413 jpeg", "295×413 jpeg", "295×413 jpeg", "413×295 jpeg", "413×295 jpeg", "413×295 jpeg",
                 "413×295 jpeg", "413×295 image"], "\(list)")

        // The photo box is [170, 37, 26, 35] mm on the ticket, which is on the upper half of the A4 page, 0.25 mm
        // from its top; a 295 × 413 picture fills the box's height, 25 mm wide, centred.
        let dpi = 150.0, left = 170.5, top = 37.25, scale = 35.0 / 413
        try Tool.run("pdftoppm", ["-r", "\(Int(dpi))", pdf, dir + "/page"])
        for page in 1...upright {
            let digits = String(upright).count                     // pdftoppm pads page numbers to the last one's width
            let file = dir + "/page-" + String(repeating: "0", count: digits - String(page).count) + "\(page).ppm"
            let image = try PPM(path: file)
            func at(_ x: Double, _ y: Double) -> (Int, Int, Int) {
                image.rgb(Int(((left + x * scale) * dpi / 25.4).rounded(.down)), Int(((top + y * scale) * dpi / 25.4).rounded(.down)))
            }
            let name = Self.photos[page - 1]
            let bar = at(90, 50), mirrored = at(205, 50), transposed = at(50, 140), corner = at(8, 8), bottom = at(8, 405)
            #expect(bar.0 + bar.1 + bar.2 < 150, "\(name): bar \(bar)")
            for p in [mirrored, transposed, corner] { #expect(p.2 > 180 && p.0 < 110, "\(name): backdrop \(p)") }
            #expect(bottom.0 < 80 && bottom.2 < 100, "\(name): shoulders reach the bottom of the box \(bottom)")
        }
    }
}
