import Documents
import Render

/// Binds any well-formed field, as `kaowu render` does.
private let loader = TemplateLoader(isKnownField: DocumentFields.isWellFormed)

/// libFuzzer entry point: the input is a template's YAML text (invalid UTF-8 repaired).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? loader.load(yaml: text, file: "fuzz.yaml")
    return 0
}
