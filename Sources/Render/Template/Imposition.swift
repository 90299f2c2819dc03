/// How a template's pages or cards are put on the paper: one to a page, N-up on sheets (labels, cards,
/// two tickets on an A4 sheet), or one to a sheet with the card's back beside its front (an A4 page with
/// the ticket above and its notices below); whether the backs are printed on the sheets' other side, whether
/// plain paper gets dashed lines to cut along, and the printer's offset.
public struct Imposition: Sendable, Equatable {
    /// Where cards go.
    public enum Arrangement: Sendable, Equatable {
        /// One card per page, the page the card's own size.
        case pages
        /// Cards N-up on sheets.
        case sheets(SheetLayout)
        /// One card per sheet: its front in the first cell, its back in the second, on the same side.
        case sidesTogether(SheetLayout)
    }

    public var arrangement: Arrangement
    /// The backs on the other side: after each page, or after each sheet with every card's back placed
    /// behind it for a long-edge flip (`SheetLayout.backBox`).
    public var duplex: Bool
    /// Dashed lines between the cells of plain paper, to cut (or fold) along.
    public var cutLines: Bool
    public var offset: PrintOffset
    /// For previews only: the outlines of pre-cut labels in light grey, to see how a design sits on them.
    public var showsStock = false

    public init(arrangement: Arrangement = .pages, duplex: Bool = false, cutLines: Bool = false, offset: PrintOffset = PrintOffset()) {
        self.arrangement = arrangement
        self.duplex = duplex
        self.cutLines = cutLines
        self.offset = offset
    }

    /// The sheet layout, when cards go on sheets.
    public var layout: SheetLayout? {
        switch arrangement {
        case .pages: return nil
        case .sheets(let layout), .sidesTogether(let layout): return layout
        }
    }

    /// The size of a page of paper for cards of `cardWidth` × `cardHeight` mm.
    public func paperSize(cardWidth: Double, cardHeight: Double) -> (width: Double, height: Double) {
        layout.map { ($0.sheetWidth, $0.sheetHeight) } ?? (cardWidth, cardHeight)
    }

    /// How many records the first sheet (or page) holds.
    public var recordsPerSheet: Int {
        if case .sheets(let layout) = arrangement { return max(1, layout.cellsPerSheet - max(1, layout.start) + 1) }
        return 1
    }
}
