/// Puts a template's elements of one kind (fixed, per document, per record) next to each other where that
/// cannot change the picture, so they form few layers: every layer a page paints costs Cairo a replay when it
/// analyses the page, and a ticket whose labels and values alternate would otherwise paint twenty.
/// An element moves earlier only past elements whose painted areas it does not touch; an unfilled
/// rectangle paints only its outline, so a frame around everything does not pin the elements inside it.
enum LayerOrder {
    static func grouped(_ elements: [Template.Element], kind: (Template.Element) -> TemplateRenderer.RunKind) -> [Template.Element] {
        var ordered: [(element: Template.Element, kind: TemplateRenderer.RunKind, areas: [Box])] = []
        for element in elements {
            let k = kind(element), areas = paintedAreas(element)
            var position = ordered.count
            var j = ordered.count - 1
            while j >= 0 {
                if ordered[j].kind == k { position = j + 1; break }
                if touches(ordered[j].areas, areas) { break }
                j -= 1
            }
            ordered.insert((element, k, areas), at: position)
        }
        return ordered.map(\.element)
    }

    /// Where an element can put ink, in mm (a little larger, for anti-aliasing and line caps).
    static func paintedAreas(_ element: Template.Element) -> [Box] {
        switch element {
        case .text(_, let box, _), .image(_, let box, _, _):
            return [grow(box, 0.5)]
        case .list(let list):
            return [grow(list.box, 0.5)]
        case .qr(_, let x, let y, let side, _):
            return [grow(Box(x: x, y: y, width: side, height: side), 0.5)]
        case .rect(let box, let line, let fill):
            if fill != nil { return [grow(box, line + 0.5)] }
            let w = line + 0.5
            return [Box(x: box.x - w, y: box.y - w, width: box.width + 2 * w, height: 2 * w),
                    Box(x: box.x - w, y: box.y + box.height - w, width: box.width + 2 * w, height: 2 * w),
                    Box(x: box.x - w, y: box.y - w, width: 2 * w, height: box.height + 2 * w),
                    Box(x: box.x + box.width - w, y: box.y - w, width: 2 * w, height: box.height + 2 * w)]
        case .line(let x1, let y1, let x2, let y2, let width):
            return [grow(Box(x: min(x1, x2), y: min(y1, y2), width: abs(x2 - x1), height: abs(y2 - y1)), width + 0.5)]
        }
    }

    static func touches(_ a: [Box], _ b: [Box]) -> Bool {
        a.contains { p in b.contains { q in p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height } }
    }

    private static func grow(_ box: Box, _ by: Double) -> Box {
        Box(x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by)
    }
}
