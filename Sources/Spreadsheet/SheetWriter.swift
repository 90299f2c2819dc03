import CXlsxWriter

/// One sheet of a workbook being written (owned by its `WorkbookWriter`).
public final class SheetWriter {
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private unowned let owner: WorkbookWriter

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, owner: WorkbookWriter) {
        self.sheet = sheet
        self.owner = owner
    }

    /// Excel's grid: 1,048,576 rows × 16,384 columns. Writes outside it are ignored.
    static func inGrid(_ row: Int, _ column: Int) -> Bool { (0..<1_048_576).contains(row) && (0..<16_384).contains(column) }

    /// Writes `text` as a string (never a formula), cut to Excel's 32,767-character cell limit.
    public func write(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle? = nil) {
        guard Self.inGrid(row, column) else { return }
        let safe = text.utf16.count > 32_767 ? String(text.prefix(32_000)) : text
        worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), safe, owner.format(style))
    }

    /// Writes a number.
    public func write(_ row: Int, _ column: Int, number: Double, _ style: CellStyle? = nil) {
        guard Self.inGrid(row, column) else { return }
        worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, owner.format(style))
    }

    /// Sets the width (in characters) and default style of columns `first...last`.
    public func setColumns(_ first: Int, _ last: Int, width: Double, _ style: CellStyle? = nil) {
        guard Self.inGrid(0, first), Self.inGrid(0, last) else { return }
        worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last), width, owner.format(style))
    }

    /// Keeps the first `rows` rows and `columns` columns in view when scrolling.
    public func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(sheet, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Prints the sheet in landscape, scaled to one page wide, with the first `headerRows` rows repeated.
    public func printLandscape(fitWidth: Bool = true, headerRows: Int = 1) {
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)          // A4
        if fitWidth { worksheet_fit_to_pages(sheet, 1, 0) }
        if headerRows > 0 { worksheet_repeat_rows(sheet, 0, lxw_row_t(headerRows - 1)) }
    }

    /// Adds filter buttons to the header of the given range.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        worksheet_autofilter(sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn))
    }

    /// A drop-down list of `items` on the cells of column `column`, rows `firstRow...lastRow`.
    public func dropDown(column: Int, firstRow: Int, lastRow: Int, items: [String], title: String, message: String) throws {
        var cStrings: [UnsafeMutablePointer<CChar>?] = items.map { strdup($0) } + [nil]
        let cTitle = strdup(title), cMessage = strdup(message)
        defer {
            cStrings.forEach { free($0) }
            free(cTitle)
            free(cMessage)
        }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.input_title = cTitle
        validation.input_message = cMessage
        validation.error_title = cTitle
        validation.error_message = cMessage
        let status = cStrings.withUnsafeMutableBufferPointer { buffer -> lxw_error in
            validation.value_list = buffer.baseAddress
            return worksheet_data_validation_range(sheet, lxw_row_t(firstRow), lxw_col_t(column),
                                                   lxw_row_t(lastRow), lxw_col_t(column), &validation)
        }
        if status != LXW_NO_ERROR { throw WorkbookError(description: String(cString: lxw_strerror(status))) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
