import Foundation
import Testing
import Render
import Synthetic
import TestTools
@testable import Documents

/// The built-in admission ticket on each paper: a4 (front above, 考生须知 below), a5, a5-2up, and both
/// sides; page sizes from pdfinfo, where each ticket is from pdftotext -bbox, QR codes from zbarimg.
@Suite(.serialized) struct TicketPaperTests {
    let fixture: RenderFixture
    init() throws { fixture = try RenderFixture() }

    /// The fixed fifth notice: a word that is only on the back.
    static let notice = "5."

    func info(_ path: String) throws -> (pages: Int, size: String) {
        let output = try Tool.run("pdfinfo", [path]).output
        let pages = output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        let size = output.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        return (pages, size)
    }

    func codes(_ path: String, page: Int) throws -> Set<String> {
        try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "\(page)", "-l", "\(page)", "-singlefile", path, path + "-\(page)"])
        return Set(try Tool.zbarimgQR(["--quiet", "--raw", path + "-\(page).png"]).output.split(separator: "\n").map(String.init))
    }

    /// a4, the default: one A4 page a candidate, the ticket on the upper half, its notices on the lower.
    @Test func a4PutsTheBackBelowTheFront() throws {
        let path = try fixture.render("admission-ticket", paper: PaperSetup(), file: "a4.pdf")
        let explicit = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a4), file: "a4-explicit.pdf")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: explicit)))
        let i = try info(path)
        #expect(i.pages == RenderFixture.count && i.size.contains("595.276 x 841.89 pts (A4)"))
        let words = try PDFWord.all(in: path)
        for k in 0..<RenderFixture.count {
            let number = try #require(words.first { $0.text == RenderFixture.ticketNumber(k) })
            #expect(number.page == k + 1 && number.yMM < 148.5)
            let notices = words.filter { $0.page == k + 1 && $0.text == Self.notice }
            #expect(notices.count == 1 && notices.allSatisfy { $0.yMM > 148.5 })
        }
        #expect(try codes(path, page: 5) == [RenderFixture.ticketNumber(4)])
    }

    /// a5: one A5 page (210 × 148 mm) a candidate, the front only; with duplex each front is followed by its back.
    @Test func a5PagesAndTheirBacks() throws {
        let simplex = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5), file: "a5.pdf")
        let i = try info(simplex)
        #expect(i.pages == RenderFixture.count && i.size.contains("595.276 x 419.528 pts"))     // 210 × 148 mm
        #expect(try !PDFWord.all(in: simplex).contains { $0.text == Self.notice })
        let duplex = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5, duplex: true), file: "a5-duplex.pdf")
        #expect(try info(duplex).pages == 2 * RenderFixture.count)
        let words = try PDFWord.all(in: duplex)
        for k in 0..<RenderFixture.count {
            #expect(words.first { $0.text == RenderFixture.ticketNumber(k) }?.page == 2 * k + 1)
            #expect(words.filter { $0.text == Self.notice }.map(\.page).contains(2 * k + 2))
        }
        #expect(words.filter { $0.text == Self.notice }.count == RenderFixture.count)
        // --duplex without a ticket paper: the same pages.
        let plain = try fixture.render("admission-ticket", paper: PaperSetup(duplex: true), file: "duplex.pdf")
        #expect(try PDFWord.all(in: plain) == words)
    }

    /// a5-2up: two tickets an A4 sheet, one in each half; both QR codes readable; with duplex each sheet's
    /// back follows it, each ticket's notices in its own half (a long-edge flip keeps top at the top).
    @Test func twoUpSheetsAndTheirBacks() throws {
        let path = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5TwoUp), count: 11, file: "2up.pdf")
        let i = try info(path)
        #expect(i.pages == 6 && i.size.contains("(A4)"))
        let words = try PDFWord.all(in: path)
        for k in 0..<11 {
            let number = try #require(words.first { $0.text == RenderFixture.ticketNumber(k) })
            #expect(number.page == k / 2 + 1 && (k % 2 == 0 ? number.yMM < 148.5 : number.yMM > 148.5), "ticket \(k + 1)")
        }
        // The same place in each half: the lower ticket is the upper one moved down 148.5 mm.
        let first = try #require(words.first { $0.text == RenderFixture.ticketNumber(0) }), second = try #require(words.first { $0.text == RenderFixture.ticketNumber(1) })
        #expect(abs(second.yMM - first.yMM - 148.5) < 0.05 && abs(second.xMM - first.xMM) < 0.05)
        #expect(try codes(path, page: 1) == [RenderFixture.ticketNumber(0), RenderFixture.ticketNumber(1)])

        let duplex = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5TwoUp, duplex: true), count: 11, file: "2up-duplex.pdf")
        #expect(try info(duplex).pages == 12)
        let sides = try PDFWord.all(in: duplex)
        for sheet in 0..<6 {
            let fronts = sides.filter { $0.page == 2 * sheet + 1 && $0.text.hasPrefix("2026A0101") }
            let backs = sides.filter { $0.page == 2 * sheet + 2 && $0.text == Self.notice }
            #expect(!sides.contains { $0.page == 2 * sheet + 2 && $0.text.hasPrefix("2026A0101") })
            // Every front has its back in the same half, at the mirrored place (the tickets are the sheet's full width).
            #expect(fronts.map { $0.yMM < 148.5 } == backs.map { $0.yMM < 148.5 }, "sheet \(sheet + 1)")
            #expect(fronts.count == (sheet < 5 ? 2 : 1) && backs.count == fronts.count, "sheet \(sheet + 1)")
        }
    }

    /// --start 2 on a5-2up: the first sheet's upper half was used; the first ticket goes on the lower half.
    @Test func twoUpStartsOnTheLowerHalf() throws {
        let path = try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5TwoUp, start: 2), count: 3, file: "2up-start.pdf")
        let words = try PDFWord.all(in: path).filter { $0.text.hasPrefix("2026A0101") }
        #expect(words.map { "\($0.page) \($0.yMM > 148.5)" } == ["1 true", "2 false", "2 true"])
    }

    /// The printer's offset moves every word of every page by the same amount.
    @Test func offsetShiftsTheWholeTicket() throws {
        let plain = try PDFWord.all(in: try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5TwoUp, duplex: true), count: 3, file: "p.pdf"))
        let moved = try PDFWord.all(in: try fixture.render("admission-ticket", paper: PaperSetup(ticket: .a5TwoUp, duplex: true, offset: PrintOffset(x: -2, y: 3.5)),
                                                            count: 3, file: "m.pdf"))
        #expect(plain.count == moved.count && plain.count > 60)
        for (a, b) in zip(plain, moved) {
            #expect(a.text == b.text && a.page == b.page && abs(b.xMM - a.xMM + 2) < 0.01 && abs(b.yMM - a.yMM - 3.5) < 0.01, "\(a.text)")
        }
    }
}
