import FuzzSupport
import Roster
import Support

/// The input is written here and opened as a workbook.
private let scratch = ScratchFile(suffix: ".xlsx")

/// libFuzzer entry point: the input is an .xlsx file. Every sheet (at most four) is opened and read row by
/// row; each cell's text is taken and parsed as a date, as validation does with birth dates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    scratch.write(UnsafeRawBufferPointer(start: data, count: size))
    guard let first = try? XlsxReader(path: scratch.path) else { return 0 }
    readAll(first)
    for number in 2...min(max(first.allSheetNames.count, 2), 4) where number <= first.allSheetNames.count {
        if let reader = try? XlsxReader(path: scratch.path, sheet: String(number)) { readAll(reader) }
    }
    return 0
}

private func readAll(_ reader: TableReader) {
    while let row = try? reader.nextRow() {
        for cell in row.cells {
            let text = cell.text
            _ = CivilDate.parse(text)
        }
    }
}
