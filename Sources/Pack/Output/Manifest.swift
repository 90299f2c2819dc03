import Crypto
import Foundation

/// manifest.json of a pack: every file with its size and SHA-256, the inputs' hashes, the counts and the
/// kaowu version, so a recipient can check the pack is complete and unchanged (`sha256sum`).
package struct Manifest: Codable {
    /// What every kaowu manifest (a pack's, a certificate batch's) holds and ownership checks read: the
    /// kaowu version and the files.
    package struct Listing: Codable {
        package var kaowu: String
        package var files: [File]
    }

    package struct File: Codable {
        package var path: String
        package var bytes: Int
        package var sha256: String

        package init(path: String, bytes: Int, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }

        /// The pack's file `path` (relative to `root`), measured and hashed.
        package static func hashing(_ path: String, in root: String) throws -> File {
            let (sha, bytes) = try Manifest.hash(root + "/" + path)
            return File(path: path, bytes: bytes, sha256: sha)
        }
    }
    package struct Input: Codable {
        package var role: String
        package var file: String
        package var bytes: Int
        package var sha256: String

        package init(role: String, file: String, bytes: Int, sha256: String) {
            self.role = role
            self.file = file
            self.bytes = bytes
            self.sha256 = sha256
        }
    }
    struct Counts: Codable {
        var rows: Int
        var candidates: Int
        var seated: Int
        var registrations: Int
        var notSeated: Int
        var rooms: Int
        var sittings: Int
        var sites: Int
        var pages: Int
        var files: Int
        var errors: Int
        var warnings: Int
    }

    var kaowu: String
    var exam: String
    var created: String
    var ticketNumberPattern: String
    var inputs: [Input]
    var counts: Counts
    var files: [File]

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// SHA-256 (hex) and size of the file at `path`, read in 1 MB pieces.
    package static func hash(_ path: String) throws -> (sha256: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }
}
