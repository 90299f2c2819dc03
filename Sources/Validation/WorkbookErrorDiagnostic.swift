import Spreadsheet
import Support

/// A workbook that cannot be written (`workbook.unwritable`), in libxlsxwriter's words in both languages.
/// Declared here because Spreadsheet stands alone, without Support.
extension WorkbookError: Diagnostic {
    public var code: String { "workbook.unwritable" }
    public func message(_ language: Language) -> String { description }
}
