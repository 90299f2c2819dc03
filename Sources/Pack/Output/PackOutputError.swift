import Support

/// Why a pack will not be written at the output path: the path and the facts; nothing was changed there.
/// `output.refused` (`output.busy` while another run holds the output); the message is rendered at the edge
/// (`message(_:)`).
public struct PackOutputError: Error, Diagnostic, CustomStringConvertible {
    /// What is wrong with the output path.
    public enum Reason: Sendable, Equatable {
        case emptyPath
        /// The current folder, one above it, or the file system's root.
        case currentFolder
        case nameTooLong(bytes: Int, limit: Int)
        /// The output (folder or zip) is one of the job's inputs (role: job, roster, photos, rooms, keep, template).
        case isInput(role: String)
        /// An input lies inside the output folder.
        case containsInput(role: String, input: String)
        /// The output lies inside an input folder.
        case insideInput(role: String, input: String)
        /// Something that is not a folder is at the output folder's path.
        case notAFolder
        /// A symbolic link is at the path.
        case symbolicLink
        /// A folder with files that is not a kaowu pack (no or no readable manifest.json).
        case notAPack
        /// A kaowu pack holding files its manifest does not list (the user's own files).
        case foreignFiles([String])
        /// A kaowu pack whose files were changed since kaowu wrote them.
        case changedFiles([String])
        /// A folder at the zip's path.
        case zipIsFolder
        /// A file at the zip's path that is not a pack's zip.
        case notAPackZip
        /// The pack's zip holds entries that are not the pack's.
        case foreignZipEntries([String])
        /// Another kaowu run holds the output's lock.
        case busy(FileLock.Holder?)
        /// The file system refused (permissions, a full disk, …).
        case unusable(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var code: String {
        if case .busy = reason { return "output.busy" }
        return "output.refused"
    }

    public var facts: DiagnosticFacts { DiagnosticFacts(file: path) }

    public func message(_ l: Language) -> String {
        let few = { (names: [String]) in names.prefix(5).joined(separator: l.pick("、", ", ")) + (names.count > 5 ? l.pick(" 等 \(names.count) 个", " and \(names.count - 5) more") : "") }
        let why: String
        switch reason {
        case .emptyPath:
            why = l.pick("输出路径为空", "the output path is empty")
        case .currentFolder:
            why = l.pick("不能输出到当前目录、它的上级目录或根目录，请指定一个新的目录名（如 --out 2026上半年材料）",
                         "cannot write into the current folder, a folder above it or the root; name a new folder (e.g. --out pack-2026)")
        case .nameTooLong(let bytes, let limit):
            why = l.pick("目录名太长（\(bytes) 字节，最多 \(limit) 字节）", "the folder name is too long (\(bytes) bytes, at most \(limit))")
        case .isInput(let role):
            why = l.pick("这是本次任务的输入文件（\(Self.roleName(role, l))），不能作为输出，否则会被覆盖",
                         "this is one of the job's inputs (\(Self.roleName(role, l))); writing the pack there would destroy it")
        case .containsInput(let role, let input):
            why = l.pick("输入文件（\(Self.roleName(role, l))）\(input) 在这个目录里，生成材料会替换整个目录，请换一个输出目录",
                         "the input (\(Self.roleName(role, l))) \(input) is inside this folder, which the pack would replace; choose another output folder")
        case .insideInput(let role, let input):
            why = l.pick("输出目录位于输入（\(Self.roleName(role, l))）\(input) 之内", "the output lies inside the input (\(Self.roleName(role, l))) \(input)")
        case .notAFolder:
            why = l.pick("这里已有一个同名文件（不是 kaowu 生成的材料目录），未做任何改动；请换一个输出目录",
                         "a file (not a kaowu pack folder) is already there; nothing was changed; choose another output folder")
        case .symbolicLink:
            why = l.pick("这里是一个符号链接，kaowu 不会替换它", "this is a symbolic link; kaowu will not replace it")
        case .notAPack:
            why = l.pick("这个目录已存在且不是 kaowu 生成的材料（没有有效的 manifest.json），未做任何改动；请换一个输出目录或先移走其中的文件",
                         "this folder exists and is not a kaowu pack (no valid manifest.json); nothing was changed; choose another output folder or move its files")
        case .foreignFiles(let names):
            why = l.pick("这个材料目录里有不是 kaowu 生成的文件：\(few(names))；请先移走，否则重新生成会删除它们",
                         "this pack folder holds files kaowu did not write: \(few(names)); move them first, or regenerating would delete them")
        case .changedFiles(let names):
            why = l.pick("这个材料目录里的文件在生成后被修改过：\(few(names))；请先另存，否则重新生成会覆盖修改",
                         "files in this pack folder were changed after kaowu wrote them: \(few(names)); save them elsewhere first, or regenerating would overwrite the changes")
        case .zipIsFolder:
            why = l.pick("压缩包的位置上已有一个同名目录，kaowu 不会删除它；请换一个输出目录", "a folder is where the pack's zip goes; kaowu will not delete it; choose another output folder")
        case .notAPackZip:
            why = l.pick("压缩包的位置上已有一个文件，它不是 kaowu 生成的材料压缩包（例如照片压缩包），未做任何改动；请换一个输出目录",
                         "a file is where the pack's zip goes and it is not a kaowu pack zip (a photo archive, say); nothing was changed; choose another output folder")
        case .foreignZipEntries(let names):
            why = l.pick("这个压缩包里有不属于材料的文件：\(few(names))，未做任何改动", "this zip holds entries that are not the pack's: \(few(names)); nothing was changed")
        case .busy(let holder):
            let who = holder.map { l.pick("进程 \($0.pid)（\($0.host)，\($0.started) 开始）", "process \($0.pid) on \($0.host), started \($0.started)") }
                ?? l.pick("另一个进程", "another process")
            why = l.pick("另一个 kaowu 正在生成这份材料：\(who)；请等它结束", "another kaowu run is writing this pack: \(who); wait for it to finish")
        case .unusable(let reason):
            why = l.pick("无法写入：\(reason)", "cannot write: \(reason)")
        }
        return l.pick("输出 \(path)：", "output \(path): ") + why
    }

    public var description: String { message(.en) }

    static func roleName(_ role: String, _ l: Language) -> String {
        switch role {
        case "job": return l.pick("任务文件", "job file")
        case "roster": return l.pick("名单", "roster")
        case "photos": return l.pick("照片压缩包", "photo archive")
        case "rooms": return l.pick("考场表", "rooms table")
        case "keep": return l.pick("上次的排考明细", "previous plan")
        case "template": return l.pick("模板", "template")
        default: return role
        }
    }
}
