import Support
import CZip
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of a `ZipFeed` as libzip sees it: a source libzip reads through `zipFeedCallback`.
final class ZipFeedSource {
    let path: String
    let feed: ZipFeed
    var descriptor: Int32 = -1
    var error: (zip: Int32, system: Int32) = (0, 0)

    init(path: String, feed: ZipFeed) {
        self.path = path
        self.feed = feed
    }

    func fail(_ zip: Int32, _ system: Int32) -> zip_int64_t {
        error = (zip, system)
        return -1
    }
}
