import Archive
import Credentials
import Foundation
import Pack
import Support

/// manifest.json of a certificate batch (every file with its size and SHA-256, the inputs' hashes, the
/// batch id and hash, the counts) and the zip of the whole folder.
struct CertifyManifest: Encodable {
    struct Counts: Encodable {
        var certificates: Int
        var new: Int
        var kept: Int
        var reissued: Int
        var files: Int
    }

    var kaowu: String
    var kind = "certificates"
    var issuer: String
    var issuerName: String
    var kid: String
    var certificate: String
    var title: String
    var created: String
    var batch: String
    var batchHash: String
    var numberPattern: String
    var inputs: [Manifest.Input]
    var counts: Counts
    var files: [Manifest.File]

    static let fileName = "manifest.json"

    /// Writes the manifest into `root`; returns every file of the batch (relative), the manifest last.
    static func write(job: CertifyJob, key: IssuerKey, plan: CertifyPlan, batchID: String, batchHash: String, rendered: CertificateRendering.Rendered,
                      reports: [String], root: String, stamp: Stamp) throws -> [String] {
        var inputs: [Manifest.Input] = []
        for (role, path) in job.inputFiles where ["job", "roster", "photos"].contains(role) {
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        let reportFiles = try reports.map { try Manifest.File.hashing($0, in: root) }
        let files = rendered.hashes + reportFiles
        let counts = Counts(certificates: plan.drafts.count, new: plan.count(.new), kept: plan.count(.kept), reissued: plan.count(.reissued),
                            files: files.count + 1)
        let manifest = CertifyManifest(kaowu: KaowuVersion.current, issuer: key.issuerCode, issuerName: key.issuerName, kid: key.kid.hex,
                                       certificate: job.kind, title: job.title, created: stamp.iso, batch: batchID, batchHash: batchHash,
                                       numberPattern: job.numberPattern.text, inputs: inputs, counts: counts, files: files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: root + "/" + fileName))
        return files.map(\.path) + [fileName]
    }

    /// Zips `files` (relative to `root`) under the folder `top` into `path`; PDFs are stored as they are.
    static func zip(files: [String], root: String, top: String, to path: String, stamp: Stamp) throws {
        let zip = try ZipWriter(path: path, modified: stamp.fileTime)
        let feed = ZipFeed()
        try zip.addDirectory(top + "/")
        try zip.addDirectory(top + "/" + CertificateRendering.folder + "/")
        for file in files {
            try zip.add(top + "/" + file, later: root + "/" + file, feed: feed, compress: !file.hasSuffix(".pdf"))
            feed.markReady(root + "/" + file)
        }
        try zip.close()
    }
}
