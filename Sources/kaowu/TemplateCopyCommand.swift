import ArgumentParser
import Documents
import Foundation
import Render
import Support

/// `kaowu template copy KIND --out DIR`: a built-in template and the files it draws (seal, background) copied
/// into a folder for editing. A file already there is replaced only when it is the same as kaowu's (an
/// unchanged earlier copy); one that differs — an edited template, your own seal — is never touched.
struct TemplateCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "复制内置模板（及其印章等图片）以便修改：kaowu template copy qualification-certificate --out 我的模板")

    @Argument(help: "内置模板：\(BuiltInTemplates.names.joined(separator: "、"))")
    var kind: String

    @Option(name: .long, help: "目标文件夹（不存在时新建）")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        guard BuiltInTemplates.names.contains(kind) else {
            let guess = DocumentFields.nearest(kind, in: Set(BuiltInTemplates.names))
            throw ValidationError(TemplateName.notFound(kind, l) + (guess.map { l.pick("；是否想写 \($0)？", "; did you mean \($0)?") } ?? ""))
        }
    }

    func run() throws {
        let l = global.language
        func fail(_ zh: String, _ en: String) -> ExitCode {
            printError(l.pick("kaowu template copy：\(zh)", "kaowu template copy: \(en)"))
            return ExitStatus.usage
        }
        guard let source = BuiltInTemplates.path(for: kind) else { throw fail("找不到内置模板", "the built-in templates cannot be found") }
        let template: Template
        do { template = try PaperRenderer(templatePath: source).template } catch {
            throw fail(describe(error, l), describe(error, l))
        }
        switch FilePath.kind(of: out) {
        case .missing, .folder: break
        case .regular, .special: throw fail("\(out) 已存在且不是文件夹", "\(out) exists and is not a folder")
        }
        let folder = (source as NSString).deletingLastPathComponent
        let files = [(source as NSString).lastPathComponent] + Self.assets(of: template)
        // Every file is checked before any is written.
        var copies: [(from: String, to: String)] = []
        for name in files {
            let from = (folder as NSString).appendingPathComponent(name), to = (out as NSString).appendingPathComponent(name)
            switch FilePath.kind(of: to) {
            case .missing: copies.append((from, to))
            case .regular where FileManager.default.contentsEqual(atPath: from, andPath: to): continue
            default:
                throw fail("\(to) 已存在且与内置的不同（可能是您修改过的），未做任何改动；请换一个文件夹或先移走它",
                           "\(to) exists and differs from kaowu's (you may have edited it); nothing was changed; choose another folder or move it away first")
            }
        }
        do {
            for (from, to) in copies {
                try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let temporary = ((to as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".\((to as NSString).lastPathComponent).kaowu-unfinished")
                try? FileManager.default.removeItem(atPath: temporary)
                try FileManager.default.copyItem(atPath: from, toPath: temporary)
                guard rename(temporary, to) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to]) }
            }
        } catch {
            throw fail("无法写入 \(out)：\(error.localizedDescription)", "cannot write \(out): \(error.localizedDescription)")
        }
        for name in files { print((out as NSString).appendingPathComponent(name)) }
        let copy = (out as NSString).appendingPathComponent(files[0])
        print(l.pick("修改后预览：kaowu preview \(copy) --out 预览.png", "after editing, preview it: kaowu preview \(copy) --out preview.png"))
    }

    /// The files a template draws that lie in its folder (its background, its images by file, the back's too).
    static func assets(of template: Template) -> [String] {
        template.files.filter { !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") }
    }
}
