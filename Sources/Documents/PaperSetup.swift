import Render
import Support

/// What the user asked of the paper (`kaowu render`'s paper options, a pack job's `paper:`): the ticket
/// paper, printing both sides, the label stock, the printer's offset and where on a half-used sheet to
/// start. `imposition(for:onePerDocument:)` turns it into how one template is put on paper, refusing every
/// setting that does not fit that template (a setting given is never silently ignored).
public struct PaperSetup: Sendable, Equatable {
    /// nil: the template's own page (a ticket of half an A4 with a back: `a4`).
    public var ticket: TicketPaper?
    public var duplex: Bool
    /// nil: the template's own sheet.
    public var labels: LabelPreset?
    public var offset: PrintOffset
    /// 1-based position of the first card on the first sheet; nil: 1, and not asked for.
    public var start: Int?

    public init(ticket: TicketPaper? = nil, duplex: Bool = false, labels: LabelPreset? = nil, offset: PrintOffset = PrintOffset(), start: Int? = nil) {
        self.ticket = ticket
        self.duplex = duplex
        self.labels = labels
        self.offset = offset
        self.start = start
    }

    /// How `template` goes on paper. `onePerDocument`: the template binds no candidate field and is drawn
    /// once per document (a door label). Throws `PaperError` naming the setting that does not fit.
    public func imposition(for template: Template, onePerDocument: Bool = false) throws -> Imposition {
        let name = template.name
        guard offset.isWithinLimit else {
            throw PaperError(.offset, zh: "每个方向最多移动 ±\(Int(PrintOffset.limit)) 毫米", en: "at most ±\(Int(PrintOffset.limit)) mm either way")
        }
        var imposition = Imposition(offset: offset)
        if template.table != nil || onePerDocument {
            let what = template.table != nil ? LocalizedText(zh: "名单（表格）", en: "a list (a table)") : LocalizedText(zh: "每份只印一页", en: "one page per document")
            try refuseAll(name, what)
            return imposition
        }
        let width = template.pageWidth, height = template.pageHeight, hasBack = !template.back.isEmpty
        if let labels {
            guard ticket == nil else { throw notOnePerPage(name) }
            guard labels.fits(width: width, height: height) else {
                throw PaperError(.labels, zh: "\(labels.plain)（\(labels.code)）标签纸每张标签 \(labels.sizeText) 毫米，而“\(name)”是 \(Self.size(width, height)) 毫米的卡片",
                                 en: "\(labels.plain) (\(labels.code)) labels are \(labels.sizeText) mm; \"\(name)\" cards are \(Self.size(width, height)) mm")
            }
            imposition.arrangement = .sheets(labels.layout)
        } else if let sheet = template.sheet {
            guard ticket == nil else { throw notOnePerPage(name) }
            imposition.arrangement = .sheets(sheet)
        } else {
            let fitsHalf = width <= 210.01 && height <= 148.51
            switch ticket ?? (hasBack && fitsHalf && !duplex ? .a4 : nil) {
            case nil:
                break
            case .a4:
                if Self.isSize(width, height, 210, 297) {
                    break
                } else if fitsHalf {
                    imposition.arrangement = .sidesTogether(Self.halves(width, height))
                    imposition.cutLines = hasBack
                } else {
                    throw PaperError(.ticket, zh: "“\(name)”的页面是 \(Self.size(width, height)) 毫米，放不进 A4：a4 用于 A4 页面，或不超过 210×148.5 毫米的准考证（正面在上半页，背面在下半页）",
                                     en: "\"\(name)\" is \(Self.size(width, height)) mm and does not fit A4: a4 takes A4 pages, or tickets of at most 210×148.5 mm (front on the upper half, back on the lower)")
                }
            case .a5:
                guard Self.isSize(width, height, 148, 210) else {
                    throw PaperError(.ticket, zh: "“\(name)”的页面是 \(Self.size(width, height)) 毫米，不是 A5（148×210 或 210×148 毫米）",
                                     en: "\"\(name)\" is \(Self.size(width, height)) mm, not A5 (148×210 or 210×148 mm)")
                }
            case .a5TwoUp:
                guard fitsHalf else {
                    throw PaperError(.ticket, zh: "“\(name)”的页面是 \(Self.size(width, height)) 毫米：一张 A4 放两份，每份最大 210×148.5 毫米",
                                     en: "\"\(name)\" is \(Self.size(width, height)) mm: two on an A4 sheet need at most 210×148.5 mm each")
                }
                imposition.arrangement = .sheets(Self.halves(width, height))
                imposition.cutLines = true
            }
        }
        if duplex {
            guard hasBack else {
                throw PaperError(.duplex, zh: "“\(name)”没有背面（模板中的 back:），双面打印时背面无内容可印",
                                 en: "\"\(name)\" has no back (back: in the template): nothing to print on the other side")
            }
            if case .sidesTogether = imposition.arrangement {
                throw PaperError(.duplex, zh: "a4 已把背面（考生须知）印在同一页的下半页；要印在纸的背面，请用 a5 或 a5-2up",
                                 en: "a4 already prints the back (the notices) on the lower half of the same page; for the notices on the other side use a5 or a5-2up")
            }
            imposition.duplex = true
        }
        if let start {
            guard case .sheets(var layout) = imposition.arrangement, layout.cellsPerSheet > 1 else {
                throw PaperError(.start, zh: "“\(name)”每张纸只印一份，不需要起始位置（只用于一张纸排多份的标签、卡片和 a5-2up 准考证）",
                                 en: "\"\(name)\" prints one to a sheet: there is no position to start at (only labels, cards and a5-2up tickets have several to a sheet)")
            }
            guard (1...layout.cellsPerSheet).contains(start) else {
                throw PaperError(.start, zh: "应在 1…\(layout.cellsPerSheet) 之间（“\(name)”每张纸 \(layout.cellsPerSheet) 个位置，1 是左上角，横向数），实际为 \(start)",
                                 en: "must be within 1…\(layout.cellsPerSheet) (\"\(name)\" has \(layout.cellsPerSheet) places a sheet, 1 at the top left, counting across), not \(start)")
            }
            layout.start = start
            imposition.arrangement = .sheets(layout)
        }
        return imposition
    }

    /// Refuses every setting but the offset for a document that is not cards or tickets.
    private func refuseAll(_ name: String, _ what: LocalizedText) throws {
        let settings: [(Bool, PaperError.Setting)] = [(ticket != nil, .ticket), (labels != nil, .labels), (duplex, .duplex), (start != nil, .start)]
        guard let (_, setting) = settings.first(where: { $0.0 }) else { return }
        throw PaperError(setting, zh: "不适用于“\(name)”：它是\(what.zh)", en: "does not apply to \"\(name)\": it is \(what.en)")
    }

    private func notOnePerPage(_ name: String) -> PaperError {
        PaperError(.ticket, zh: "只用于每页一份的文书（准考证、证书）；“\(name)”是一张纸排多张的卡片或标签",
                   en: "applies to documents with one record per page (tickets, certificates); \"\(name)\" is cards or labels, several to a sheet")
    }

    /// Two cards of `width` × `height` on an A4 sheet, one centred in each half.
    static func halves(_ width: Double, _ height: Double) -> SheetLayout {
        SheetLayout(sheetWidth: 210, sheetHeight: 297, columns: 1, rows: 2, cellWidth: width, cellHeight: height,
                    gutterX: 0, gutterY: 148.5 - height, cutMarks: false, left: (210 - width) / 2, top: (148.5 - height) / 2)
    }

    /// Whether a page is `a` × `b` mm either way round (within 0.6 mm).
    static func isSize(_ width: Double, _ height: Double, _ a: Double, _ b: Double) -> Bool {
        (abs(width - a) < 0.6 && abs(height - b) < 0.6) || (abs(width - b) < 0.6 && abs(height - a) < 0.6)
    }

    static func size(_ width: Double, _ height: Double) -> String {
        "\(format(width))×\(format(height))"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
