import FuzzSupport
import Roster
import Support

/// The input is written here and read as CSV (the delimiter is guessed from the first line, so tabs and
/// semicolons are reached too).
private let scratch = ScratchFile(suffix: ".csv")

/// libFuzzer entry point: the input is a CSV/TSV file in any encoding. Every row is read; each cell's text
/// is taken and parsed as a date, as validation does with birth dates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDelimited(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    scratch.write(UnsafeRawBufferPointer(start: data, count: size))
    guard let reader = try? DelimitedTextReader(path: scratch.path) else { return 0 }
    while let row = try? reader.nextRow() {
        for cell in row.cells {
            _ = CivilDate.parse(cell.text)
        }
    }
    return 0
}
