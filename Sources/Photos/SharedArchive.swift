import Archive
import Foundation
import Support

/// One open archive shared by several threads: reads are serialised (libzip handles are not thread-safe),
/// decoding is not. One handle instead of one per thread keeps memory down for archives of 100,000 photos.
public final class SharedArchive: @unchecked Sendable {
    private let lock = NSLock()
    private let zip: ZipReader

    public init(path: String) throws { zip = try ZipReader(path: path) }

    /// Reads entry `index` whole, refusing anything larger than `limit`.
    public func read(at index: Int, limit: Int) throws -> [UInt8] {
        try lock.withLock { try zip.read(at: index, limit: limit) }
    }
}
