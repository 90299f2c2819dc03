import Photos

/// One decoder for all inputs, as each checking thread keeps one (it reuses its TurboJPEG handle and pixels).
nonisolated(unsafe) private let decoder = ImageDecoder()
/// The inspector's default rules: its size refusal comes before decoding.
private let rules = PhotoRules()

/// libFuzzer entry point: the input is a photo (JPEG or PNG). The header (with its EXIF orientation) is read
/// and, when the inspector would go on (not implausibly large), the photo is decoded fully and its
/// background measured.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard case .header(let header) = ImageHeader.read(bytes) else { return 0 }
    let (width, height) = (header.displayedWidth, header.displayedHeight)
    guard width * height <= rules.maxPixels, width <= 20_000, height <= 20_000 else { return 0 }
    _ = decoder.decode(bytes, header: header)
    return 0
}
