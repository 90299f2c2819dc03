import Foundation
import Support

/// Finishing a pack: the manifest, the zip, and the renames that make it look finished.
extension PackRunner {
    /// Writes manifest.json into `temporary`, zips it all to `folder.zip` (under the folder's name), then
    /// renames `temporary` to `folder` (replacing an older pack only now) and the zip to its name.
    /// Returns the pack's files (relative paths), the manifest last.
    static func publish(job: Job, options: PackOptions, rendered: Rendered, reportFiles: [String: Manifest.File], counts: Manifest.Counts,
                        stamp: PackStamp, temporary: String, folder: String) throws -> [String] {
        let fm = FileManager.default
        let l = options.language
        // The manifest lists every file but itself (the rooms' files were hashed as they were written).
        var files = (rendered.files + reportFiles.keys).sorted()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in [("job", job.file), ("roster", job.roster), ("photos", job.photos), ("rooms", job.roomsFile), ("keep", options.keep)] {
            guard let path else { continue }
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        var allCounts = counts
        allCounts.files = files.count + 1
        let manifest = Manifest(kaowu: KaowuVersion.current, exam: job.exam.title, created: stamp.iso, ticketNumberPattern: job.ticketPatternText,
                                inputs: inputs, counts: allCounts, files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: temporary + "/manifest.json"))
        files.append("manifest.json")

        // The zip: the same files under the pack's name, UTF-8 names, fixed times.
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: l.pick("压缩", "zipping")))
        let zipPath = folder + ".zip"
        let zipTemporary = zipPath + ".unfinished"
        try? fm.removeItem(atPath: zipTemporary)
        let top = (folder as NSString).lastPathComponent
        do {
            let zip = try ZipWriter(path: zipTemporary, modified: stamp.zipTime)
            for directory in rendered.directories.sorted() { try zip.addDirectory(top + "/" + directory) }
            for file in files { try zip.add(top + "/" + file, file: temporary + "/" + file, compress: file.hasSuffix(".json")) }
            try zip.close()
        } catch {
            try? fm.removeItem(atPath: zipTemporary)
            throw error
        }

        // Name the finished pack: the old one (if any) goes only once the new one is complete.
        if fm.fileExists(atPath: folder) {
            let old = folder + ".old"
            try? fm.removeItem(atPath: old)
            try fm.moveItem(atPath: folder, toPath: old)
            try fm.moveItem(atPath: temporary, toPath: folder)
            try? fm.removeItem(atPath: old)
        } else {
            try fm.moveItem(atPath: temporary, toPath: folder)
        }
        if fm.fileExists(atPath: zipPath) { try fm.removeItem(atPath: zipPath) }
        try fm.moveItem(atPath: zipTemporary, toPath: zipPath)
        return files
    }
}
