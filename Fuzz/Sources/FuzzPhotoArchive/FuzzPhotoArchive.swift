import FuzzSupport
import Photos
import Support

/// The input is written here and opened as a photo archive.
private let scratch = ScratchFile(suffix: ".zip")

/// libFuzzer entry point: the input is a zip of photos. Its catalogue is made (names decoded, unsafe
/// paths, limits), then the first entries are read whole (at most 1 MB each), as the inspector reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhotoArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    scratch.write(UnsafeRawBufferPointer(start: data, count: size))
    guard let catalog = try? PhotoArchive.catalog(path: scratch.path, limits: ArchiveLimits()) else { return 0 }
    guard !catalog.entries.isEmpty, let archive = try? SharedArchive(path: scratch.path) else { return 0 }
    for entry in catalog.entries.prefix(8) where !entry.isEncrypted && entry.declaredSize <= 1 << 20 {
        _ = try? archive.read(at: entry.index, limit: 1 << 20)
    }
    return 0
}
