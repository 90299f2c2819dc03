import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Bytes handed to a `ZipWriter`, kept alive until the archive is written; one buffer may back many
/// entries (the benchmark's photos).
public final class ZipPayload: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    public let count: Int

    public init(_ bytes: [UInt8]) {
        count = bytes.count
        pointer = .allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    }

    deinit { pointer.deallocate() }
}
