/// A list inside one record (a candidate's timetable on an admission ticket): as many rows as the record's
/// `<items>.count` says, each row's columns bound to that item's fields (`{{subject}}` in a column is the
/// record's `<items>.N.subject`), an optional header row, and rows made lower (and their text smaller) when
/// more items come than the box holds at `rowHeight`, so every item is printed however many there are.
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

    /// Row height and scale of the text for `count` items (and the header): as given while they fit, else
    /// shared out so all fit the box.
    public func rows(for count: Int) -> (height: Double, scale: Double) {
        let lines = Double(count + (header ? 1 : 0))
        guard lines > 0, lines * rowHeight > box.height else { return (rowHeight, 1) }
        let height = box.height / lines
        return (height, height / rowHeight)
    }

    /// A column's binding for item `n` (1-based): its fields renamed to the record's `<items>.n.<field>`.
    public func binding(_ column: Column, item n: Int) -> BoundText {
        column.text.renamingFields { "\(items).\(n).\($0)" }
    }
}
