import CXlsxWriter

/// A failure writing an .xlsx file, in libxlsxwriter's words.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
