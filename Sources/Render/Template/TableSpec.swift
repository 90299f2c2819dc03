/// A table of records laid over as many pages as needed (sign-in sheets): a header row repeated on every
/// page, rows of a fixed height (tall enough for a photo) that never break across pages.
public struct TableSpec: Sendable {
    /// One column: its header, width in mm, and either bound text or an image field.
    public struct Column: Sendable {
        public var header: String
        public var width: Double
        public var text: BoundText?
        /// The image binding (`{{photo}}`), one field.
        public var image: BoundText?
        /// The field of the image binding.
        public var imageField: String? { image?.fields.first }
    }

    /// The area the table may use on each page.
    public var box: Box
    public var headerHeight: Double
    public var rowHeight: Double
    public var fontSize: Double
    public var columns: [Column]

    /// Rows that fit on one page under the header.
    public var rowsPerPage: Int { max(1, Int(((box.height - headerHeight) / rowHeight).rounded(.down))) }

    /// Pages needed for `count` rows (one page even for none, so an empty room still gets its sheet).
    public func pages(for count: Int) -> Int { max(1, (count + rowsPerPage - 1) / rowsPerPage) }
}
