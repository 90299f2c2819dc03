import Support
import Foundation

/// One row of a table, with the row number a person sees in the spreadsheet (header = row 1 when it is first).
public struct TableRow: Sendable {
    public let number: Int
    /// Cells by zero-based column index; missing trailing cells are simply absent.
    public var cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at `column`, `.empty` past the end.
    public subscript(column: Int) -> CellValue { column < cells.count ? cells[column] : .empty }

    /// Whether every cell is blank.
    public var isBlank: Bool { cells.allSatisfy { $0.isBlank } }
}
