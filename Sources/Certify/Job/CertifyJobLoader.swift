import Documents
import Foundation
import Pack
import Photos
import Registry
import Render
import Support
import Yams

/// Reads a certificate job (YAML) into a `CertifyJob`, checking every key and value; mistakes name the file,
/// line and key (`job.invalid`), all of them in one run. Relative paths are taken from the job file's folder.
public enum CertifyJobLoader {
    /// The built-in certificate kinds: the printed name, its English alias and the template.
    public static let kinds: [(name: String, alias: String, template: PaperKind)] = [
        ("电子证书", "e-certificate", .eCertificate), ("合格证", "qualification-certificate", .qualificationCertificate),
    ]
    static let defaultPattern = "{issuer.code}{year}{seq:6}"

    /// Loads the job at `path`.
    public static func load(path: String) throws -> CertifyJob {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw JobError.job(file: path, line: nil, key: "", zh: "无法读取任务文件（\(error.localizedDescription)）",
                               en: "cannot read the job file (\(error.localizedDescription))")
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a job from `yaml`; `file` names it in mistakes and gives the folder relative paths start from.
    public static func load(yaml: String, file: String) throws -> CertifyJob {
        let nodes = NodeReader(file: file, code: JobError.jobCode, collects: true)
        let root = try nodes.compose(yaml, notThis: LocalizedText(zh: "不是证书任务文件", en: "not a certificate job file"),
                                     empty: LocalizedText(zh: "任务文件是空的", en: "the job file is empty"))
        let folder = (file as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            guard !relative.hasPrefix("/"), !folder.isEmpty else { return relative }
            let joined = (folder as NSString).appendingPathComponent(relative)
            // Shorter in messages (`out/证书库.sqlite`, not `fixtures/demo/../../out/证书库.sqlite`), where that names the same file.
            let short = collapsed(joined)
            return FilePath.resolved(short) == FilePath.resolved(joined) ? short : joined
        }
        let top = try nodes.mapping(root, key: "", allowed: ["issuer", "certificate", "inputs", "photo", "pass", "approvers", "registry",
                                                               "output", "batch", "values"])
        func section(_ name: String, example: String) throws -> Node {
            guard let node = top[name] else { throw nodes.error(root, key: name, zh: "缺少此项（\(example)）", en: "missing (\(example))") }
            return node
        }
        // issuer
        let issuer = try nodes.attempt { () -> (keys: String, url: String) in
            let node = try section("issuer", example: "issuer: {keys: keys/, verify-url: https://v.example.org}")
            let map = try nodes.mapping(node, key: "issuer", allowed: ["keys", "verify-url"])
            let keys = resolve(try nodes.required(map, "keys", in: node, key: "issuer", example: "keys/"))
            let url = try nodes.required(map, "verify-url", in: node, key: "issuer", example: "https://v.shpx.org.cn")
            guard let checked = VerifyAddress.check(url) else {
                throw nodes.error(map["verify-url"], key: "issuer.verify-url",
                                  zh: "“\(url)”不是可用的查验网址：应为 https://主机名[/路径]，只含字母、数字和 . - /（二维码中转为大写）",
                                  en: "\"\(url)\" is not a usable verification address: https://host[/path] with letters, digits, . - / only (the QR code holds it in upper case)")
            }
            return (keys, checked)
        }
        // certificate
        let certificate = try nodes.attempt { () -> (kind: String, template: String, title: String, category: String, level: String, issued: CivilDate,
                                                     validity: Validity, pattern: CertificateNumberPattern, showPhoto: Bool) in
            let node = try section("certificate", example: "certificate: {kind: 电子证书, title: …, issued: 2026-12-01, valid: 5y}")
            let map = try nodes.mapping(node, key: "certificate", allowed: ["kind", "template", "title", "category", "level", "issued", "valid",
                                                                            "number", "show-photo"])
            let kindText = try nodes.required(map, "kind", in: node, key: "certificate", example: "电子证书")
            let builtIn = kinds.first { $0.name == kindText || $0.alias == kindText }
            let template: String
            if let custom = map["template"] {
                template = resolve(try nodes.text(custom, key: "certificate.template"))
                guard FileManager.default.isReadableFile(atPath: template) else {
                    throw nodes.error(custom, key: "certificate.template", zh: "找不到模板文件 \(template)", en: "cannot find the template \(template)")
                }
            } else if let builtIn, let path = BuiltInTemplates.path(for: builtIn.template.rawValue) {
                template = path
            } else {
                throw nodes.error(map["kind"], key: "certificate.kind",
                                  zh: "“\(kindText)”不是内置证书（电子证书、合格证）；自己的证书请同时用 template 键给出模板文件",
                                  en: "\"\(kindText)\" is not a built-in certificate (e-certificate, qualification-certificate); for your own give template: FILE.yaml")
            }
            let title = try nodes.required(map, "title", in: node, key: "certificate", example: "上海市“培训师”证书")
            let category = try map["category"].map { try nodes.text($0, key: "certificate.category") } ?? ""
            let level = try map["level"].map { try nodes.text($0, key: "certificate.level") } ?? ""
            let issuedText = try nodes.required(map, "issued", in: node, key: "certificate", example: "2026-12-01")
            guard let issued = CivilDate.parse(issuedText), issued.hasDay, (2000...2100).contains(issued.year) else {
                throw nodes.error(map["issued"], key: "certificate.issued", zh: "“\(issuedText)”不是 2000–2100 年间的真实日期，应写成 2026-12-01",
                                  en: "\"\(issuedText)\" is not a real date in 2000–2100 like 2026-12-01")
            }
            let validText = try nodes.required(map, "valid", in: node, key: "certificate", example: "5y")
            guard let validity = Validity.parse(validText) else {
                throw nodes.error(map["valid"], key: "certificate.valid", zh: "“\(validText)”：有效期应写成 5y（年）、36m（月）或 长期",
                                  en: "\"\(validText)\": give the validity as 5y (years), 36m (months) or none")
            }
            let patternText = try map["number"].map { try nodes.text($0, key: "certificate.number") } ?? defaultPattern
            let pattern: CertificateNumberPattern
            do { pattern = try CertificateNumberPattern(patternText) } catch let error as CertificateNumberPattern.Failure {
                throw nodes.error(map["number"], key: "certificate.number", zh: "证书编号格式有误：\(error.text.zh)", en: "bad certificate number pattern: \(error.text.en)")
            }
            let showPhoto = try map["show-photo"].map { try nodes.bool($0, key: "certificate.show-photo") } ?? false
            return (builtIn?.name ?? kindText, template, title, category, level, issued, validity, pattern, showPhoto)
        }
        // inputs
        let inputs = try nodes.attempt { () -> (roster: String, photos: String?, sheet: String?) in
            let node = try section("inputs", example: "inputs: {roster: 学员名单.xlsx, photos: 学员照片.zip}")
            let map = try nodes.mapping(node, key: "inputs", allowed: ["roster", "photos", "sheet"])
            return (resolve(try nodes.required(map, "roster", in: node, key: "inputs", example: "学员名单.xlsx")),
                    try map["photos"].map { resolve(try nodes.text($0, key: "inputs.photos")) },
                    try map["sheet"].map { try nodes.text($0, key: "inputs.sheet") })
        }
        let photo = try nodes.attempt { try JobLoader.photoRules(top["photo"], nodes) }
        let pass = try nodes.attempt { try Self.passRules(top["pass"], nodes) }
        let approvers = try nodes.attempt { try Self.approvers(top["approvers"], resolve: resolve, nodes) }
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let registry = try nodes.attempt { () -> String in
            let text = try top["registry"].map { try nodes.text($0, key: "registry") } ?? "证书库.sqlite"
            // certify numbers a batch under a lock file beside the registry and records it after rendering: an SQLite file only.
            if RegistryLocation.isServer(text) {
                throw nodes.error(top["registry"], key: "registry",
                                  zh: "kaowu certify 只写 SQLite 证书库文件（如 证书库.sqlite），不能写 PostgreSQL 地址；发证后可用 kaowu registry import 文件 --into 地址 导入",
                                  en: "kaowu certify writes an SQLite registry file (e.g. 证书库.sqlite), not a PostgreSQL URL; import it afterwards with kaowu registry import FILE --into URL")
            }
            return resolve(text)
        }
        let output = try nodes.attempt { resolve(try top["output"].map { try nodes.text($0, key: "output") } ?? stem) }
        let batch = try nodes.attempt { resolve(try top["batch"].map { try nodes.text($0, key: "batch") } ?? stem + ".batch.json") }
        let values = try nodes.attempt { try JobLoader.values(top["values"], nodes) }
        try nodes.throwIfAny()
        guard let issuer, let certificate, let inputs, let photo, let pass, let approvers, let registry, let output, let batch, let values else {
            throw nodes.error(root, key: "", zh: "任务文件无法读取", en: "the job file cannot be read")
        }
        return CertifyJob(file: file, keys: issuer.keys, verifyURL: issuer.url, kind: certificate.kind, template: certificate.template,
                          title: certificate.title, category: certificate.category, level: certificate.level, issued: certificate.issued,
                          validity: certificate.validity, numberPattern: certificate.pattern, roster: inputs.roster, photos: inputs.photos,
                          sheet: inputs.sheet, photoRules: photo, passRules: pass, approvers: approvers, showPhoto: certificate.showPhoto,
                          registry: registry, output: output, batch: batch, values: values)
    }

    /// `a/b/../../out/x` as `out/x`: a path as a person reads it in messages (`..` after `..` or at the start stays).
    static func collapsed(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty, last != "." { parts.removeLast() } else if part != "." || parts.isEmpty { parts.append(part) }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// `pass:` — one rule or a list: `{column: 考核成绩, at-least: 60}`, `{column: 是否合格, equals: [是, 合格]}`.
    static func passRules(_ node: Node?, _ nodes: NodeReader) throws -> [PassRule] {
        guard let node else { return [] }
        let items: [Node]
        if case .mapping = node { items = [node] } else { items = try nodes.list(node, key: "pass") }
        return try items.enumerated().map { index, item in
            let key = items.count == 1 ? "pass" : "pass[\(index + 1)]"
            let map = try nodes.mapping(item, key: key, allowed: ["column", "at-least", "equals"])
            let column = try nodes.required(map, "column", in: item, key: key, example: "考核成绩")
            switch (map["at-least"], map["equals"]) {
            case (let mark?, nil):
                return PassRule(column: column, test: .atLeast(try nodes.number(mark, key: key + ".at-least", range: -1e9...1e9)))
            case (nil, let words?):
                let accepted = try nodes.strings(words, key: key + ".equals").filter { !$0.isEmpty }
                guard !accepted.isEmpty else { throw nodes.error(words, key: key + ".equals", zh: "至少写一个合格的值，如 是", en: "give at least one passing value, e.g. 是") }
                return PassRule(column: column, test: .oneOf(accepted))
            default:
                throw nodes.error(item, key: key, zh: "写 at-least（分数线，如 60）或 equals（合格的值，如“是”）之一",
                                  en: "give one of at-least: 60 (a pass mark) or equals: 是 (the passing value)")
            }
        }
    }

    /// `approvers:` — `[{role: 培训机构, keys: 机构密钥/trust.json, seal: 机构签章.png}, …]`.
    static func approvers(_ node: Node?, resolve: (String) -> String, _ nodes: NodeReader) throws -> [Approver] {
        guard let node else { return [] }
        var approvers: [Approver] = []
        for (index, item) in try nodes.list(node, key: "approvers").enumerated() {
            let key = "approvers[\(index + 1)]"
            let map = try nodes.mapping(item, key: key, allowed: ["role", "keys", "seal"])
            let role = try nodes.required(map, "role", in: item, key: key, example: "评价组织")
            guard !approvers.contains(where: { $0.role == role }) else {
                throw nodes.error(map["role"], key: key + ".role", zh: "角色“\(role)”重复", en: "role \"\(role)\" repeats")
            }
            var trust = resolve(try nodes.required(map, "keys", in: item, key: key, example: "评价组织密钥/trust.json"))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: trust, isDirectory: &isFolder), isFolder.boolValue { trust += "/trust.json" }
            guard FileManager.default.isReadableFile(atPath: trust) else {
                throw nodes.error(map["keys"], key: key + ".keys", zh: "找不到 \(trust)（审批方的 trust.json）", en: "cannot find \(trust) (the approver's trust.json)")
            }
            let seal = try map["seal"].map { resolve(try nodes.text($0, key: key + ".seal")) }
            if let seal, !FileManager.default.isReadableFile(atPath: seal) {
                throw nodes.error(map["seal"], key: key + ".seal", zh: "找不到签章图片 \(seal)", en: "cannot find the seal image \(seal)")
            }
            approvers.append(Approver(role: role, trust: trust, seal: seal))
        }
        return approvers
    }
}
