/// Draws records on paper as an `Imposition` says: each record's card (the `front` renderer) and, where the
/// paper has room for it or the sheets are printed on both sides, its back (the `back` renderer, made from
/// the template's `back:` elements). Everything is moved by the printer's offset.
public struct ImposedRenderer {
    public let front: TemplateRenderer
    public let back: TemplateRenderer?
    public let imposition: Imposition

    public init(front: TemplateRenderer, back: TemplateRenderer?, imposition: Imposition) {
        self.front = front
        self.back = back
        self.imposition = imposition
    }

    /// The size of one page of output, mm.
    public var paperSize: (width: Double, height: Double) {
        imposition.paperSize(cardWidth: front.template.pageWidth, cardHeight: front.template.pageHeight)
    }

    /// Draws `records` on `canvas`, starting on its current page and adding pages as needed; with no record,
    /// one empty sheet (with its cut marks).
    public func draw(_ records: [RenderRecord], on canvas: Canvas) {
        canvas.shifted(by: imposition.offset) {
            switch imposition.arrangement {
            case .pages:
                for (index, record) in records.enumerated() {
                    if index > 0 { canvas.newPage() }
                    front.draw(record, on: canvas)
                    if imposition.duplex, let back {
                        canvas.newPage()
                        back.draw(record, on: canvas)
                    }
                }
            case .sidesTogether(let layout):
                for (index, record) in records.enumerated() {
                    if index > 0 { canvas.newPage() }
                    drawCuts(layout, on: canvas)
                    let frontBox = layout.box(ofCell: 0)
                    canvas.withOrigin(x: frontBox.x, y: frontBox.y) { front.draw(record, on: canvas) }
                    if let back {
                        let backBox = layout.box(ofCell: 1)
                        canvas.withOrigin(x: backBox.x, y: backBox.y) { back.draw(record, on: canvas) }
                    }
                }
            case .sheets(let layout):
                drawSheets(records, layout, on: canvas)
            }
        }
    }

    /// Cards N-up: each sheet's fronts, then (duplex) the same sheet's backs, each behind its own front.
    /// Cards are drawn element by element (see `TemplateRenderer.draw(_:on:recordedLayers:)`).
    private func drawSheets(_ records: [RenderRecord], _ layout: SheetLayout, on canvas: Canvas) {
        var sheets: [[(cell: Int, record: RenderRecord)]] = []
        for (index, record) in records.enumerated() {
            let (sheet, cell) = layout.slot(index)
            while sheets.count <= sheet { sheets.append([]) }
            sheets[sheet].append((cell, record))
        }
        if sheets.isEmpty { sheets = [[]] }
        for (number, cards) in sheets.enumerated() {
            if number > 0 { canvas.newPage() }
            drawCuts(layout, on: canvas)
            if imposition.showsStock {
                canvas.stroke((0..<layout.cellsPerSheet).map(layout.box(ofCell:)), width: 0.1, colour: Colour(0xB0B0B0))
            }
            for (cell, record) in cards {
                let box = layout.box(ofCell: cell)
                canvas.withOrigin(x: box.x, y: box.y) { front.draw(record, on: canvas, recordedLayers: false) }
            }
            guard imposition.duplex, let back else { continue }
            canvas.newPage()
            for (cell, record) in cards {
                let box = layout.backBox(ofCell: cell)
                canvas.withOrigin(x: box.x, y: box.y) { back.draw(record, on: canvas, recordedLayers: false) }
            }
        }
    }

    private func drawCuts(_ layout: SheetLayout, on canvas: Canvas) {
        if layout.cutMarks { canvas.drawCutMarks(layout) }
        if imposition.cutLines { canvas.drawCutLines(layout) }
    }
}
