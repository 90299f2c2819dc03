import Foundation
import Support
import Synchronization

/// Finishing a pack: the manifest, the zip, and publishing.
extension PackRunner {
    /// Writes manifest.json into the output's staging folder (listing every other file with its hash), lets
    /// the zip take it and waits for the zip, then publishes the pack (`PackOutput.publish`). Returns the
    /// pack's files (relative paths), the manifest last.
    static func publish(job: Job, options: PackOptions, rendered: Rendered, reportFiles: [String: Manifest.File], counts: Manifest.Counts,
                        stamp: PackStamp, output: PackOutput, zip: PackZip) throws -> [String] {
        var files = (rendered.files + reportFiles.keys).sorted()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in job.inputFiles(keep: options.keep) where role != "template" {
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        var allCounts = counts
        allCounts.files = files.count + 1
        let manifest = Manifest(kaowu: KaowuVersion.current, exam: job.exam.title, created: stamp.iso, ticketNumberPattern: job.ticketPatternText,
                                inputs: inputs, counts: allCounts, files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: output.staging + "/" + PackLayout.manifest))
        files.append(PackLayout.manifest)
        zip.feed.markReady(output.staging + "/" + PackLayout.manifest)
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: options.language.pick("压缩", "zipping")))
        try zip.finish()
        try output.publish()
        return files
    }
}
