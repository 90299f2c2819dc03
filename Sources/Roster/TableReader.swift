import Support
import Foundation

/// A table read row by row, in order, without holding the whole sheet in memory.
public protocol TableReader: AnyObject {
    /// The sheet's name (the file name for CSV).
    var sheetName: String { get }
    /// What kind of file and encoding it was read as, e.g. `xlsx`, `csv (GB18030)`.
    var formatDescription: String { get }
    /// The next row, or nil at the end.
    func nextRow() throws -> TableRow?
}
