import CXlsxWriter

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
