import Foundation
import Pack

/// The project's templates folder, which the built-in templates are taken from.
private let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates").path
private let loader = JobLoader(builtInTemplate: { "\(templates)/\($0).yaml" })

/// libFuzzer entry point: the input is a job file's text (invalid UTF-8 repaired, as a file read as UTF-8
/// would be refused before YAML). Relative paths point into a folder that does not exist.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJob(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? loader.load(yaml: text, file: "/nonexistent-kaowu-fuzz/job.yaml")
    return 0
}
