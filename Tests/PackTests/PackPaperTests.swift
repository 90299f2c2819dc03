import Foundation
import Testing
import TestTools
@testable import Pack

/// A pack job's `paper:` section: ticket paper and both sides, desk-label stock, the printer's offset;
/// its mistakes named with their lines; per-candidate ticket files on the template's own paper.
@Suite struct PackPaperTests {
    static func body(_ paper: String, extra: String = "") -> String {
        """
          notices: [携带准考证和身份证件。]
        inputs: {roster: 名单.csv, photos: 照片.zip}
        rooms:
          - {site: 测试考点, site-code: "0901", site-address: 测试路1号, name: 第01考场, type: 机考, seats: 30, columns: 5, address: A座101}
        sessions: [{subject: 理论知识, code: "1", mode: 机考, start: 2026-06-20 09:00, end: "11:00"}]
        seating: {order: roster}
        \(paper)
        \(extra)
        """
    }

    func pages(_ path: String) throws -> Int {
        let info = try Tool.run("pdfinfo", [path]).output
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
    }

    @Test func paperSettingsReachTheRoomFiles() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(25, in: dir)], in: dir)
        let job = try PackFixtures.job(Self.body("paper: {ticket: a5-2up, duplex: true, labels: 3x7, offset: [1.5, -1]}",
                                                 extra: "ticket-per-candidate: true"), in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let room = dir + "/out/测试考点/第01考场/2026-06-20 09时00分 理论知识"
        // 25 tickets two to a sheet: 13 sheets, each followed by its back; 25 desk labels 21 to a sheet.
        #expect(try pages(room + "/准考证.pdf") == 26)
        #expect(try pages(room + "/桌贴.pdf") == 2)
        #expect(try Tool.run("pdfimages", ["-list", room + "/桌贴.pdf"]).output.split(separator: "\n").count == 2)   // 3x7: no photos
        // The offset: the first desk label's seat number is 1.5 mm right of and 1 mm above where it is without.
        let plainJob = try PackFixtures.job(Self.body("paper: {labels: 3x7}"), in: dir, name: "plain.yaml")
        #expect(try PackFixtures.kaowu(["pack", plainJob, "--out", dir + "/plain"]).status == 0)
        let moved = try PDFWord.all(in: room + "/桌贴.pdf"), plain = try PDFWord.all(in: dir + "/plain/测试考点/第01考场/2026-06-20 09时00分 理论知识/桌贴.pdf")
        #expect(moved.count == plain.count && moved.count > 100)
        for (a, b) in zip(plain, moved) { #expect(a.text == b.text && abs(b.xMM - a.xMM - 1.5) < 0.01 && abs(b.yMM - a.yMM + 1) < 0.01, "\(a.text)") }
        // Door labels and sign-in sheets only move.
        let door = try PDFWord.all(in: room + "/门贴.pdf"), plainDoor = try PDFWord.all(in: dir + "/plain/测试考点/第01考场/2026-06-20 09时00分 理论知识/门贴.pdf")
        #expect(zip(plainDoor, door).allSatisfy { abs($1.xMM - $0.xMM - 1.5) < 0.01 } && door.count == plainDoor.count)

        // One file per candidate: one A4 page, the notices below the ticket, not moved (candidates' own printers).
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/准考证").sorted()
        #expect(files.count == 25)
        let file = dir + "/out/准考证/" + files[0]
        #expect(try pages(file) == 1 && Tool.run("pdfinfo", [file]).output.contains("(A4)"))
        let words = try PDFWord.all(in: file)
        let number = try #require(words.first { $0.text == (files[0] as NSString).deletingPathExtension })
        #expect(number.yMM < 148.5 && words.contains { $0.text == "1." && $0.yMM > 148.5 })
        // On the room's 2-up sheets the same ticket number is 1.5 mm further right.
        let inRoom = try #require(try PDFWord.all(in: room + "/准考证.pdf").first { $0.text == number.text })
        #expect(abs(inRoom.xMM - number.xMM - 1.5) < 0.01)
    }

    @Test func paperMistakesAreNamedWithTheirLines() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(5, in: dir)], in: dir)
        let job = try PackFixtures.job(Self.body("""
        paper:
          ticket: a3
          duplex: maybe
          labels: 4x4
          offset: [0, 25]
          colour: red
        """), in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out", "--lang", "en"])
        #expect(run.status == 2)
        for line in ["exam.yaml:12: paper.ticket: \"a3\": expected a4, a5, a5-2up",
                     "exam.yaml:13: paper.duplex: expected true or false",
                     "exam.yaml:14: paper.labels: unknown label stock \"4x4\" (known: 2x4 (L7165), 2x5 (L7173), 3x7 (L7160))",
                     "exam.yaml:15: paper.offset: 25 is outside -20.0…20.0",
                     "exam.yaml:16: paper.colour: "] {
            #expect(run.stderr.contains(line), "\(line)\n\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))

        // Settings that do not fit the templates are found when they are loaded, and named on their line.
        let a4 = try PackFixtures.job(Self.body("paper:\n  ticket: a4\n  duplex: true"), in: dir, name: "a4.yaml")
        let both = try PackFixtures.kaowu(["pack", a4, "--out", dir + "/out", "--lang", "en"])
        #expect(both.status == 2 && both.stderr.contains("a4.yaml:13: paper.duplex: a4 already prints the back"), "\(both.stderr)")
        try "name: 桌贴\npage: {width: 95, height: 68}\nsheet: {size: A4, columns: 2, rows: 4}\nelements:\n  - {type: text, text: \"{{name}}\", box: [2, 2, 50, 10]}\n".write(toFile: dir + "/桌贴.yaml", atomically: true, encoding: .utf8)
        let own = try PackFixtures.job(Self.body("paper: {labels: 2x5}", extra: "templates: {desk-label: 桌贴.yaml}"), in: dir, name: "own.yaml")
        let mismatch = try PackFixtures.kaowu(["pack", own, "--out", dir + "/out", "--lang", "en"])
        #expect(mismatch.status == 2 && mismatch.stderr.contains("own.yaml:11: paper.labels: 2x5 (L7173) labels are 99.1×57 mm; \"桌贴\" cards are 95×68 mm (desk-label)"),
                "\(mismatch.stderr)")
    }

    @Test func jobPaperIsRead() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(5, in: dir)
        let file = try PackFixtures.job(Self.body("paper: {ticket: A5, duplex: true, labels: l7173, offset: [-0.5, 0.25]}"), in: dir)
        let job = try JobLoader(builtInTemplate: { PackFixtures.templates + "/\($0).yaml" }).load(path: file)
        #expect(job.paper.ticket == .a5 && job.paper.duplex && job.paper.labels?.code == "L7173")
        #expect(job.paper.offset.x == -0.5 && job.paper.offset.y == 0.25)
        #expect(job.templates[.deskLabel]?.hasSuffix("/desk-label-2x5.yaml") == true && job.templates[.admissionTicket]?.hasSuffix("/admission-ticket.yaml") == true)
        #expect(job.paper.setup(for: .deskLabel).labels?.code == "L7173" && job.paper.setup(for: .deskLabel).ticket == nil)
        #expect(job.paper.setup(for: .admissionTicket).ticket == .a5 && job.paper.setup(for: .doorLabel).duplex == false)
        #expect(job.paper.setup(for: .signInSheet).offset == job.paper.offset)
    }
}
