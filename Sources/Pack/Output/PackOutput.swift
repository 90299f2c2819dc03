import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Where a pack is written and how it is put in place without harming anything kaowu did not make.
///
/// The pack is written into a work folder beside the output (`.NAME.kaowu-unfinished/`, marked as
/// kaowu's by a journal file), under the lock `.NAME.kaowu-lock`. Publishing moves an older pack's zip
/// and folder into the work folder (only once they are proven to be kaowu's), renames the new folder and
/// then the new zip into place and removes the work folder. So a folder and zip that are both visible
/// always belong together; a run killed half-way through publishing leaves the new folder without a zip
/// and a journal that says so, and the next run on that output completes the renames first.
package final class PackOutput: @unchecked Sendable {
    /// The pack's folder (absolute) and its zip beside it.
    package let folder: String
    package let zip: String
    /// The folder's name, also the top folder inside the zip.
    package let name: String
    let work: String
    let lockPath: String
    package var staging: String { work + "/" + name }
    package var stagingZip: String { work + "/" + name + ".zip" }
    private var journal: String { work + "/" + Self.journalName }
    private var oldFolder: String { work + "/old" }
    private var oldZip: String { work + "/old.zip" }
    private var lock: FileLock?
    private var cleanup: Interruption.Token?
    /// The command named in the lock file (`kaowu pack`, `kaowu certify`).
    private let command: String

    static let journalName = "kaowu-work.json"
    /// Longest file name most file systems take.
    static let nameLimit = 255

    /// Resolves `path` (relative to the current folder) and refuses paths a pack can never go to.
    package init(path: String, command: String = "kaowu pack") throws {
        self.command = command
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { throw PackOutputError(path: path, reason: .emptyPath) }
        let absolute = FilePath.resolved(path)
        let here = FilePath.resolved(FileManager.default.currentDirectoryPath)
        guard absolute != "/", !(here == absolute || here.hasPrefix(absolute + "/")) else {
            throw PackOutputError(path: path, reason: .currentFolder)
        }
        folder = absolute
        zip = absolute + ".zip"
        name = (absolute as NSString).lastPathComponent
        let parent = (absolute as NSString).deletingLastPathComponent
        let longest = ".\(name).kaowu-unfinished".utf8.count
        guard longest <= Self.nameLimit else {
            throw PackOutputError(path: path, reason: .nameTooLong(bytes: name.utf8.count, limit: Self.nameLimit - longest + name.utf8.count))
        }
        work = parent + "/.\(name).kaowu-unfinished"
        lockPath = parent + "/.\(name).kaowu-lock"
    }

    deinit { finish() }

    /// Refuses an output that is, contains or lies inside one of `inputs` (role, path).
    package func refuseInputs(_ inputs: [(role: String, path: String)]) throws {
        for (role, path) in inputs {
            let input = FilePath.resolved(path)
            for target in [folder, zip, work, lockPath] where input == target {
                throw PackOutputError(path: target, reason: .isInput(role: role))
            }
            if input.hasPrefix(folder + "/") { throw PackOutputError(path: folder, reason: .containsInput(role: role, input: path)) }
            if folder.hasPrefix(input + "/") { throw PackOutputError(path: folder, reason: .insideInput(role: role, input: path)) }
        }
    }

    /// Refuses when what is at the folder or zip path was not made by kaowu.
    func refuseForeign() throws {
        if let reason = PackOwnership.folderProblem(folder) { throw PackOutputError(path: folder, reason: reason) }
        if let reason = PackOwnership.zipProblem(zip, name: name) { throw PackOutputError(path: zip, reason: reason) }
    }

    /// Takes the output's lock, completes or removes what an interrupted run left, and makes an empty
    /// work folder. From here until `finish()`, an interruption removes the work folder.
    package func begin(committed: (String) -> Bool = { _ in false }) throws {
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            lock = try FileLock(path: lockPath, command: command)
        } catch let failure as FileLock.Failure {
            switch failure {
            case .held(_, let holder): throw PackOutputError(path: folder, reason: .busy(holder))
            case .unusable(let path, let reason): throw PackOutputError(path: path, reason: .unusable(reason))
            }
        } catch {
            throw PackOutputError(path: parent, reason: .unusable(Self.describe(error)))
        }
        try recover(committed: committed)
        try refuseForeign()
        // The work folder, then its journal (one small plain write), then the staging folder: a run killed
        // before the journal is written leaves an empty folder, or one holding only an empty journal,
        // which `recover` knows to be a start cut short.
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
            try writeJournal("writing", atomically: false)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw PackOutputError(path: work, reason: .unusable(Self.describe(error)))
        }
        let work = self.work, lock = self.lock
        cleanup = Interruption.onInterrupt {
            // Threads still rendering may create folders again at the old path: while the lock is held,
            // whatever is there is this run's, so it is removed once more.
            PackOutput.remove(work)
            usleep(50_000)
            PackOutput.remove(work)
            lock?.release()
        }
    }

    /// Puts the finished pack in place: the older pack (checked again to be kaowu's) is moved aside, the
    /// new folder and then the new zip are renamed into place, and the work folder is removed.
    package func publish() throws {
        try Interruption.critical {
            try refuseForeign()
            do { try writeJournal("publishing") } catch { throw PackOutputError(path: work, reason: .unusable(Self.describe(error))) }
            try completePublishing()
        }
    }

    /// Removes the work folder (if any) and releases the lock.
    package func finish() {
        if let cleanup { Interruption.remove(cleanup) }
        cleanup = nil
        if lock != nil, Self.journalState(journal) == "writing" { Self.remove(work) }
        lock?.release()
        lock = nil
    }

    /// What an interrupted run left: a work folder being written is removed; one being published is
    /// published (the renames are completed), so folder and zip belong together again; one whose batch was
    /// being committed is published when `committed` says its batch is in the registry, else removed.
    private func recover(committed: (String) -> Bool) throws {
        if Self.journalState(work + ".removing/" + Self.journalName) != nil { Self.remove(work + ".removing") }
        guard PackOwnership.fileType(work) != nil else { return }
        if startCutShort() {
            Self.remove(work)
            return
        }
        switch Self.journalState(journal) {
        case "publishing": try completePublishing()
        case "writing": Self.remove(work)
        case "committing":
            if let batch = Self.journal(journal)?["batch"], committed(batch) { try completePublishing() } else { Self.remove(work) }
        default: throw PackOutputError(path: work, reason: .notAPack)
        }
    }

    /// Whether the work folder is what `begin` leaves when killed before its journal was written: a
    /// directory (not a link) holding nothing, or only an empty journal file. Removing it loses nothing.
    private func startCutShort() -> Bool {
        guard PackOwnership.fileType(work) == .typeDirectory,
              let items = try? FileManager.default.contentsOfDirectory(atPath: work) else { return false }
        if items.isEmpty { return true }
        return items == [Self.journalName] && PackOwnership.fileType(journal) == .typeRegular
            && ((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? -1) == 0
    }

    /// Publishes output that is only valid once `commit` has recorded batch `id` elsewhere (the certificate
    /// registry): the journal names the batch before `commit` runs, so a run killed after the commit is
    /// published by the next (`begin(committed:)`), one killed before it is removed.
    package func publish(committing id: String, commit: () throws -> Void) throws {
        try Interruption.critical {
            try refuseForeign()
            do { try writeJournal("committing", batch: id) } catch { throw PackOutputError(path: work, reason: .unusable(Self.describe(error))) }
            try commit()
            #if DEBUG
            // Tests kill a run between the commit and the renames.
            if let pause = ProcessInfo.processInfo.environment["KAOWU_TEST_COMMIT_PAUSE"].flatMap(Double.init) {
                Thread.sleep(forTimeInterval: pause)
            }
            #endif
            do { try writeJournal("publishing") } catch { throw PackOutputError(path: work, reason: .unusable(Self.describe(error))) }
            try completePublishing()
        }
    }

    /// The renames of publishing, each done only if not done yet (so an interrupted publish can be
    /// completed by the next run), then the work folder is removed.
    private func completePublishing() throws {
        let exists = { PackOwnership.fileType($0) != nil }
        do {
            if exists(stagingZip), exists(zip), !exists(oldZip) { try Self.rename(zip, oldZip) }
            if exists(staging), exists(folder), !exists(oldFolder) { try Self.rename(folder, oldFolder) }
            if exists(staging) { try Self.rename(staging, folder) }
            #if DEBUG
            // Tests widen the gap between the two renames to kill a run inside it.
            if let pause = ProcessInfo.processInfo.environment["KAOWU_TEST_PUBLISH_PAUSE"].flatMap(Double.init) {
                Thread.sleep(forTimeInterval: pause)
            }
            #endif
            if exists(stagingZip) { try Self.rename(stagingZip, zip) }
        } catch {
            throw PackOutputError(path: folder, reason: .unusable(Self.describe(error)))
        }
        Self.remove(work)
    }

    /// Writes the journal; atomically (through a temporary file beside it) except the first one, which
    /// is one small write into the new, empty work folder so that no temporary file can be left there.
    private func writeJournal(_ state: String, batch: String? = nil, atomically: Bool = true) throws {
        var entries = ["state": state, "folder": name]
        entries["batch"] = batch
        let data = try JSONEncoder().encode(entries)
        try data.write(to: URL(fileURLWithPath: journal), options: atomically ? .atomic : .withoutOverwriting)
    }

    private static func journalState(_ path: String) -> String? { journal(path)?["state"] }

    private static func journal(_ path: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode([String: String].self, from: data)
    }

    private static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    }

    /// Removes a work folder; renamed first, so threads still writing cannot put files back into it.
    static func remove(_ work: String) {
        let gone = work + ".removing"
        let target = Glibc.rename(work, gone) == 0 ? gone : work
        for _ in 0..<3 where (try? FileManager.default.removeItem(atPath: target)) == nil && PackOwnership.fileType(target) != nil {
            usleep(20_000)
        }
    }

    static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        if let cocoa = error as? CocoaError, let text = cocoa.userInfo[NSLocalizedDescriptionKey] as? String { return text }
        return (error as NSError).localizedDescription
    }
}
