internal import CCairo

/// N-up placement of cards or labels on a sheet: `columns` × `rows` cells of the card's size, centred on
/// the sheet with gutters between them, optional cut marks, and a starting position so a half-used label
/// sheet can be used up (position 1 is the top-left cell, counting across).
public struct SheetLayout: Sendable, Equatable {
    public var sheetWidth: Double
    public var sheetHeight: Double
    public var columns: Int
    public var rows: Int
    public var cellWidth: Double
    public var cellHeight: Double
    public var gutterX: Double
    public var gutterY: Double
    public var cutMarks: Bool
    /// 1-based cell where the first card goes on the first sheet.
    public var start: Int

    public init(sheetWidth: Double, sheetHeight: Double, columns: Int, rows: Int, cellWidth: Double, cellHeight: Double,
                gutterX: Double = 0, gutterY: Double = 0, cutMarks: Bool = true, start: Int = 1) {
        self.sheetWidth = sheetWidth
        self.sheetHeight = sheetHeight
        self.columns = columns
        self.rows = rows
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.gutterX = gutterX
        self.gutterY = gutterY
        self.cutMarks = cutMarks
        self.start = start
    }

    public var cellsPerSheet: Int { columns * rows }

    /// Whether the cells fit on the sheet.
    public var fits: Bool {
        Double(columns) * cellWidth + Double(columns - 1) * gutterX <= sheetWidth + 0.01
            && Double(rows) * cellHeight + Double(rows - 1) * gutterY <= sheetHeight + 0.01
    }

    /// The left and top edges of the block of cells (centred on the sheet).
    var origin: (x: Double, y: Double) {
        ((sheetWidth - Double(columns) * cellWidth - Double(columns - 1) * gutterX) / 2,
         (sheetHeight - Double(rows) * cellHeight - Double(rows - 1) * gutterY) / 2)
    }

    /// Where the `index`-th card (0-based) goes: its sheet (0-based) and its box on that sheet.
    public func place(_ index: Int) -> (sheet: Int, box: Box) {
        let slot = index + max(1, min(start, cellsPerSheet)) - 1
        let sheet = slot / cellsPerSheet, cell = slot % cellsPerSheet
        let column = cell % columns, row = cell / columns
        let (x0, y0) = origin
        return (sheet, Box(x: x0 + Double(column) * (cellWidth + gutterX), y: y0 + Double(row) * (cellHeight + gutterY),
                           width: cellWidth, height: cellHeight))
    }

    /// Sheets needed for `count` cards.
    public func sheets(for count: Int) -> Int {
        count == 0 ? 0 : place(count - 1).sheet + 1
    }
}

extension Canvas {
    /// Runs `body` with the origin moved to (`x`, `y`) mm, so a card's elements land in its cell.
    public func withOrigin(x: Double, y: Double, _ body: () -> Void) {
        withSavedState {
            cairo_translate(context, Units.points(x), Units.points(y))
            body()
        }
    }

    /// Draws cut marks: short lines outside the block of cells, in line with every cell edge.
    public func drawCutMarks(_ layout: SheetLayout, length: Double = 4, gap: Double = 1.5) {
        let (x0, y0) = layout.origin
        let x1 = x0 + Double(layout.columns) * layout.cellWidth + Double(layout.columns - 1) * layout.gutterX
        let y1 = y0 + Double(layout.rows) * layout.cellHeight + Double(layout.rows - 1) * layout.gutterY
        var xs: [Double] = [], ys: [Double] = []
        for c in 0..<layout.columns {
            let left = x0 + Double(c) * (layout.cellWidth + layout.gutterX)
            xs += [left, left + layout.cellWidth]
        }
        for r in 0..<layout.rows {
            let top = y0 + Double(r) * (layout.cellHeight + layout.gutterY)
            ys += [top, top + layout.cellHeight]
        }
        for x in Set(xs).sorted() {
            if y0 - gap - length >= 0 { line(from: x, y0 - gap - length, to: x, y0 - gap, width: 0.15) }
            if y1 + gap + length <= layout.sheetHeight { line(from: x, y1 + gap, to: x, y1 + gap + length, width: 0.15) }
        }
        for y in Set(ys).sorted() {
            if x0 - gap - length >= 0 { line(from: x0 - gap - length, y, to: x0 - gap, y, width: 0.15) }
            if x1 + gap + length <= layout.sheetWidth { line(from: x1 + gap, y, to: x1 + gap + length, y, width: 0.15) }
        }
    }
}
