internal import CCairo

/// N-up placement of cards or labels on a sheet: `columns` × `rows` cells of the card's size, centred on
/// the sheet (or at the `left` and `top` margins of a label stock) with gutters between them, optional cut
/// marks, and a starting position so a half-used label sheet can be used up (position 1 is the top-left
/// cell, counting across).
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
    /// The left and top edges of the first cell, mm (label stock); nil: the cells are centred on the sheet.
    public var left: Double?
    public var top: Double?

    public init(sheetWidth: Double, sheetHeight: Double, columns: Int, rows: Int, cellWidth: Double, cellHeight: Double,
                gutterX: Double = 0, gutterY: Double = 0, cutMarks: Bool = true, start: Int = 1, left: Double? = nil, top: Double? = nil) {
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
        self.left = left
        self.top = top
    }

    public var cellsPerSheet: Int { columns * rows }

    /// The width and height of the block of cells.
    var blockSize: (width: Double, height: Double) {
        (Double(columns) * cellWidth + Double(columns - 1) * gutterX, Double(rows) * cellHeight + Double(rows - 1) * gutterY)
    }

    /// Whether the cells fit on the sheet.
    public var fits: Bool {
        let (x0, y0) = origin, (width, height) = blockSize
        return x0 >= -0.01 && y0 >= -0.01 && x0 + width <= sheetWidth + 0.01 && y0 + height <= sheetHeight + 0.01
    }

    /// The left and top edges of the block of cells (the stock's margins, else centred on the sheet).
    var origin: (x: Double, y: Double) {
        let (width, height) = blockSize
        return (left ?? (sheetWidth - width) / 2, top ?? (sheetHeight - height) / 2)
    }

    /// The box of cell `cell` (0-based, counting across) on a sheet's front.
    public func box(ofCell cell: Int) -> Box {
        let column = cell % columns, row = cell / columns
        let (x0, y0) = origin
        return Box(x: x0 + Double(column) * (cellWidth + gutterX), y: y0 + Double(row) * (cellHeight + gutterY),
                   width: cellWidth, height: cellHeight)
    }

    /// Where the back of cell `cell` is on the sheet's back page when the sheet is printed on both sides and
    /// turned over its long edge (the left and right sides swap, top stays top): the front's box mirrored
    /// across the sheet's vertical centre line.
    public func backBox(ofCell cell: Int) -> Box {
        let front = box(ofCell: cell)
        return Box(x: sheetWidth - front.x - front.width, y: front.y, width: front.width, height: front.height)
    }

    /// Where the `index`-th card (0-based) goes: its sheet (0-based), its cell (0-based) and its box on that
    /// sheet. `start` must be within 1…`cellsPerSheet` (callers check it and say so).
    public func place(_ index: Int) -> (sheet: Int, box: Box) {
        let (sheet, cell) = slot(index)
        return (sheet, box(ofCell: cell))
    }

    /// The sheet and cell (both 0-based) of the `index`-th card.
    public func slot(_ index: Int) -> (sheet: Int, cell: Int) {
        let slot = index + max(1, min(start, cellsPerSheet)) - 1
        return (slot / cellsPerSheet, slot % cellsPerSheet)
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

extension Canvas {
    /// Draws dashed lines across the sheet midway between neighbouring rows and columns of cells: where
    /// plain paper holding several cards (two tickets on A4) is cut or folded.
    public func drawCutLines(_ layout: SheetLayout) {
        let (x0, y0) = layout.origin
        for row in 1..<max(1, layout.rows) {
            let y = y0 + Double(row) * layout.cellHeight + (Double(row) - 0.5) * layout.gutterY
            dashedLine(from: 0, y, to: layout.sheetWidth, y, width: 0.2, dash: 2)
        }
        for column in 1..<max(1, layout.columns) {
            let x = x0 + Double(column) * layout.cellWidth + (Double(column) - 0.5) * layout.gutterX
            dashedLine(from: x, 0, to: x, layout.sheetHeight, width: 0.2, dash: 2)
        }
    }
}
