/// A list inside one record (a candidate's timetable on an admission ticket): as many rows as the record's
/// `<items>.count` says, each row's columns bound to that item's fields (`{{subject}}` in a column is the
/// record's `<items>.N.subject`), under an optional header row (the same on every page: drawn as fixed
/// elements, `headerElements`), and rows made lower (and their text smaller) when more items come than the
/// box holds at `rowHeight`, so every item is printed however many there are.
public struct ListSpec: Sendable {
    /// One column: its header, width in mm, and text bound to an item's fields.
    public struct Column: Sendable {
        public var header: String
        public var width: Double
        public var text: BoundText
        public var alignment: TextStyle.Alignment
    }

    /// The list's name: the record holds `<items>.count` and `<items>.N.<field>`.
    public var items: String
    public var box: Box
    public var rowHeight: Double
    public var style: TextStyle
    public var header: Bool
    public var columns: [Column]
    /// Where it was written (for messages about its fields).
    public var line: Int?

    /// The record's field holding the number of items.
    public var countField: String { items + ".count" }

    /// Row height and scale of the text for `count` items: as given while they fit under the header, else
    /// shared out so all fit the box.
    public func rows(for count: Int) -> (top: Double, height: Double, scale: Double) {
        let top = box.y + (header ? rowHeight : 0)
        let room = box.height - (header ? rowHeight : 0)
        guard count > 0, Double(count) * rowHeight > room else { return (top, rowHeight, 1) }
        let height = room / Double(count)
        return (top, height, height / rowHeight)
    }

    /// The header row as fixed elements: each column's title in bold and a rule beneath (none without a header).
    public var headerElements: [Template.Element] {
        guard header else { return [] }
        var bold = style
        bold.bold = true
        var x = box.x
        var elements: [Template.Element] = []
        for column in columns {
            bold.alignment = column.alignment
            elements.append(.text(.literal(column.header), Box(x: x, y: box.y, width: column.width, height: rowHeight), bold))
            x += column.width
        }
        elements.append(.line(x1: box.x, y1: box.y + rowHeight, x2: x, y2: box.y + rowHeight, width: 0.2))
        return elements
    }

    /// A column's binding for item `n` (1-based): its fields renamed to the record's `<items>.n.<field>`.
    public func binding(_ column: Column, item n: Int) -> BoundText {
        column.text.renamingFields { "\(items).\(n).\($0)" }
    }
}
