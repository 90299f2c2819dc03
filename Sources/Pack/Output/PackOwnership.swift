import Archive
import Foundation
import Support

/// Tells whether what is at a pack's output paths was made by kaowu, so that it may be replaced: a folder
/// is a pack when its manifest.json is a kaowu manifest, it holds exactly the files that manifest lists
/// and none of them changed size; a zip is a pack's zip when every entry lies under the pack's folder name
/// and is listed by the kaowu manifest it carries. Anything else is the user's and is never touched.
enum PackOwnership {
    /// Nil when `folder` is missing, an empty folder, or a kaowu pack; else why it may not be replaced.
    static func folderProblem(_ folder: String) -> PackOutputError.Reason? {
        let fm = FileManager.default
        guard let type = fileType(folder) else { return nil }
        if type == .typeSymbolicLink { return .symbolicLink }
        guard type == .typeDirectory else { return .notAFolder }
        guard let items = try? fm.contentsOfDirectory(atPath: folder) else { return .notAPack }
        if items.isEmpty { return nil }
        guard let data = fm.contents(atPath: folder + "/" + PackLayout.manifest),
              let manifest = try? JSONDecoder().decode(Manifest.Listing.self, from: data) else { return .notAPack }
        var listed: [String: Int] = [:]
        var folders: Set<String> = []
        for file in manifest.files {
            listed[file.path] = file.bytes
            var parent = (file.path as NSString).deletingLastPathComponent
            while !parent.isEmpty { folders.insert(parent); parent = (parent as NSString).deletingLastPathComponent }
        }
        var foreign: [String] = [], changed: [String] = []
        let walker = fm.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            guard relative != PackLayout.manifest else { continue }
            let type = walker?.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory, folders.contains(relative) { continue }
            guard type == .typeRegular, let bytes = listed[relative] else { foreign.append(relative); continue }
            let size = (walker?.fileAttributes?[.size] as? NSNumber)?.intValue ?? -1
            if size != bytes { changed.append(relative) }
        }
        if !foreign.isEmpty { return .foreignFiles(foreign.sorted()) }
        if !changed.isEmpty { return .changedFiles(changed.sorted()) }
        return nil
    }

    /// Nil when `zip` is missing or a kaowu pack's zip whose entries lie under `name/`; else why not.
    static func zipProblem(_ zip: String, name: String) -> PackOutputError.Reason? {
        guard let type = fileType(zip) else { return nil }
        if type == .typeSymbolicLink { return .symbolicLink }
        if type == .typeDirectory { return .zipIsFolder }
        guard type == .typeRegular, let reader = try? ZipReader(path: zip),
              let index = reader.index(of: name + "/" + PackLayout.manifest),
              let bytes = try? reader.read(at: index, limit: 256 << 20),
              let manifest = try? JSONDecoder().decode(Manifest.Listing.self, from: Data(bytes)) else { return .notAPackZip }
        var allowed = Set(manifest.files.map { name + "/" + $0.path })
        allowed.insert(name + "/" + PackLayout.manifest)
        var foreign: [String] = []
        for i in 0..<reader.count {
            guard let info = reader.info(at: i) else { foreign.append("#\(i + 1)"); continue }
            let entry = String(decoding: info.rawName, as: UTF8.self)
            if info.isDirectory ? (entry == name + "/" || entry.hasPrefix(name + "/")) : allowed.contains(entry) { continue }
            foreign.append(entry)
        }
        return foreign.isEmpty ? nil : .foreignZipEntries(foreign)
    }

    /// The type of what is at `path` (a link is not followed); nil when nothing is there.
    static func fileType(_ path: String) -> FileAttributeType? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            // A dangling symbolic link has no attributes through the link, but is there.
            return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil ? .typeSymbolicLink : nil
        }
        return attributes[.type] as? FileAttributeType
    }
}
