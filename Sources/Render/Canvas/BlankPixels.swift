internal import CCairo
import Foundation
import Photos

/// Zeroed pixel buffers shared by the blank surfaces that carry JPEG bytes into PDFs, one per size, kept for
/// the life of the process (photos come in a handful of sizes). Never written: Cairo only reads sources.
final class BlankPixels: @unchecked Sendable {
    static let shared = BlankPixels()
    private let lock = NSLock()
    private var buffers: [Int: UnsafeMutablePointer<UInt8>] = [:]

    func buffer(bytes: Int) -> UnsafeMutablePointer<UInt8>? {
        guard bytes > 0, bytes <= 200_000_000 else { return nil }
        return lock.withLock {
            if let buffer = buffers[bytes] { return buffer }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes)
            buffer.initialize(repeating: 0, count: bytes)
            buffers[bytes] = buffer
            return buffer
        }
    }
}
