import ArgumentParser
import Certify
import Credentials
import Foundation
import Registry
import Support
import Verification

/// `kaowu verify`: is this certificate genuine? Takes the QR text, a certificate PDF or a photo of one;
/// checks it offline against the trust list, and against the registry (or a signed revocation list) when
/// given. Exit 0 only for a genuine certificate.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "查验证书：二维码内容、证书 PDF 或证书照片；核对签名、发证机构、有效期、撤销和登记。真实有效时退出码为 0。")

    @Argument(help: "二维码内容（HTTPS://…/1/…），或证书 PDF，或证书的照片（PNG/JPEG）")
    var input: String

    @Option(name: .long, help: "信任列表 trust.json（可多次给出；默认 keys/trust.json）")
    var trust: [String] = []

    @Option(name: .long, help: "证书库：SQLite 文件（默认当前目录的 证书库.sqlite，若存在）或 postgres://用户@主机:端口/数据库")
    var registry: String?

    @Option(name: .long, help: "已签名的撤销清单（kaowu revoke --export 生成），无证书库时用")
    var revocations: String?

    @Flag(name: .long, help: "输出 JSON")
    var json = false

    @OptionGroup
    var global: GlobalOptions

    static let defaultTrust = "keys/trust.json"
    static let defaultRegistry = "证书库.sqlite"

    func run() throws {
        let l = global.language
        let trustFiles = trust.isEmpty ? [Self.defaultTrust] : trust
        var list = TrustList()
        for file in trustFiles {
            do { list.merge(try TrustList.load(path: file)) } catch {
                printError(l.pick("kaowu verify：无法读取信任列表 \(file)：", "kaowu verify: cannot read the trust list \(file): ") + describe(error, l))
                throw ExitStatus.usage
            }
        }
        var store: (any CertificateRegistry)?
        let registryPath = registry ?? (FileManager.default.fileExists(atPath: Self.defaultRegistry) ? Self.defaultRegistry : nil)
        if let registryPath {
            do { store = try RegistryLocation(registryPath).openExisting() } catch {
                printError("kaowu verify: " + describe(error, l))
                throw ExitStatus.usage
            }
        }
        var revoked: [RevocationEntry]?
        if let revocations {
            do {
                guard let data = FileManager.default.contents(atPath: revocations) else { throw CocoaError(.fileReadNoSuchFile) }
                revoked = try RevocationList.verify([UInt8](data), trust: list).entries
            } catch {
                printError(l.pick("kaowu verify：撤销清单 \(revocations) 无法验证：", "kaowu verify: the revocation list \(revocations) does not verify: ") + describe(error, l))
                throw ExitStatus.usage
            }
        }
        let lower = input.lowercased()
        if [".pdf", ".png", ".jpg", ".jpeg"].contains(where: { lower.hasSuffix($0) }), !FileManager.default.fileExists(atPath: input) {
            printError(l.pick("kaowu verify：找不到文件 \(input)", "kaowu verify: no file \(input)"))
            throw ExitStatus.usage
        }
        let verifier = CertificateVerifier(trust: list, registry: store, revocations: revoked)
        let documents = DocumentVerification(verifier: verifier)
        let report: VerificationReport
        switch Self.kind(of: input) {
        case .pdf: report = documents.verifyPDF(path: input)
        case .image: report = documents.verifyImage(path: input)
        case .code: report = verifier.verify(code: input)
        }
        if json {
            FileHandle.standardOutput.write(try report.json())
            print()
        } else {
            print(VerificationText.render(report, language: l))
        }
        if !report.isGenuine { throw ExitStatus.problems }
    }

    enum InputKind { case code, pdf, image }

    /// A file by its first bytes (PDF, PNG, JPEG); anything else is the QR text itself.
    static func kind(of input: String) -> InputKind {
        guard input.count < 4096, !input.uppercased().hasPrefix("HTTP"), let handle = FileHandle(forReadingAtPath: input) else { return .code }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 8))
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8]) { return .image }
        return input.hasSuffix(".pdf") ? .pdf : .image
    }
}
