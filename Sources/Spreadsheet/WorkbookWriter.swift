import CXlsxWriter

/// A failure writing an .xlsx file, in libxlsxwriter's words.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// How a cell looks: bold, fill and font colours, text format (so Excel never turns an ID into a number),
/// wrapping and borders.
public struct CellStyle: Hashable, Sendable {
    public var bold = false
    /// Fill colour as 0xRRGGBB.
    public var fill: UInt32?
    /// Font colour as 0xRRGGBB.
    public var fontColor: UInt32?
    /// Format the cell as text (`@`): what Excel then keeps exactly as typed.
    public var text = false
    public var wrap = false
    public var border = false
    public var centered = false
    public var fontSize: Double?

    public init(bold: Bool = false, fill: UInt32? = nil, fontColor: UInt32? = nil, text: Bool = false,
                wrap: Bool = false, border: Bool = false, centered: Bool = false, fontSize: Double? = nil) {
        self.bold = bold
        self.fill = fill
        self.fontColor = fontColor
        self.text = text
        self.wrap = wrap
        self.border = border
        self.centered = centered
        self.fontSize = fontSize
    }
}

/// Writes an .xlsx workbook with libxlsxwriter. Strings are always written as strings: a value that starts
/// with `=`, `+`, `-` or `@` never becomes a formula. In `constantMemory` mode rows must be written in order
/// and memory stays flat for any number of rows. The workbook owns its sheets and formats and frees them
/// when closed (or released unclosed).
public final class WorkbookWriter {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    public let path: String

    /// - Parameter created: the creation time written into the file (document properties and the
    ///   package's timestamps); a fixed value makes the same content give byte-identical files.
    public init(path: String, constantMemory: Bool = false, created: time_t? = nil) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        guard let handle = workbook_new_opt(path, &options) else {
            throw WorkbookError(description: "\(path): cannot create the workbook")
        }
        workbook = handle
        self.path = path
        if let created {
            var properties = lxw_doc_properties()
            properties.created = created
            workbook_set_properties(handle, &properties)
        }
    }

    deinit {
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a sheet named `name` (Excel allows 31 characters and no `[]:*?/\`; longer names are cut).
    public func addSheet(_ name: String) throws -> SheetWriter {
        let safe = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        guard let workbook, let sheet = workbook_add_worksheet(workbook, safe) else {
            throw WorkbookError(description: "\(path): cannot add sheet \(safe)")
        }
        return SheetWriter(sheet: sheet, owner: self)
    }

    /// The libxlsxwriter format for `style`, created once.
    func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, let workbook else { return nil }
        if let existing = formats[style] { return existing }
        guard let format = workbook_add_format(workbook) else { return nil }
        if style.bold { format_set_bold(format) }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if style.text { format_set_num_format(format, "@") }
        if style.wrap { format_set_text_wrap(format) }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.centered {
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
        if let size = style.fontSize { format_set_font_size(format, size) }
        formats[style] = format
        return format
    }

    /// Writes the file and frees everything; the writer is unusable afterwards.
    public func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        formats.removeAll()
        let status = workbook_close(workbook)
        if status != LXW_NO_ERROR {
            throw WorkbookError(description: "\(path): \(String(cString: lxw_strerror(status)))")
        }
    }
}

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
