import ArgumentParser
import Credentials
import Foundation
import Registry
import Support

/// `kaowu revoke NUMBER --reason R`: marks an issued certificate as revoked in the registry, with the reason
/// and the time; verification then says 已撤销. An unknown or already revoked number exits 1.
/// `kaowu revoke --export FILE --keys DIR`: writes the issuer's revocations as a list signed with its key,
/// for verifiers without the registry (`kaowu verify --revocations FILE`).
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "撤销已发放的证书：kaowu revoke SHPX2026000123 --reason 证书信息有误，已换发")

    @Argument(help: "证书编号")
    var number: String?

    @Option(name: .long, help: "撤销原因（记入证书库，查验时显示）")
    var reason: String?

    @Option(name: .long, help: "导出已签名的撤销清单到此文件（供离线查验：kaowu verify --revocations 文件）")
    var export: String?

    @Option(name: .long, help: "与 --export 同用：发证机构的密钥目录（用其私钥签名清单）")
    var keys: String?

    @OptionGroup
    var registry: RegistryOptions

    @OptionGroup
    var global: GlobalOptions

    /// The longest reason kept (characters).
    static let reasonLimit = 200

    /// The number as typed, without surrounding spaces.
    private var trimmedNumber: String { (number ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The reason as written (trimmed, invisible and control characters removed).
    private var cleanReason: String { TextCleaner.asWritten(reason ?? "").replacingOccurrences(of: "\n", with: " ") }

    func validate() throws {
        let l = global.language
        if export != nil {
            guard number == nil, reason == nil else {
                throw ValidationError(l.pick("--export 只导出撤销清单，不能同时撤销证书（请分两次运行）",
                                             "--export only exports the list; revoke a certificate in a separate run"))
            }
            guard keys != nil else {
                throw ValidationError(l.pick("--export 需要 --keys 发证机构密钥目录（用于签名清单）", "--export needs --keys DIR, the issuer's key folder that signs the list"))
            }
            return
        }
        if trimmedNumber.isEmpty {
            throw ValidationError(l.pick("请写出要撤销的证书编号，如 kaowu revoke SHPX2026000123 --reason 证书信息有误",
                                         "give the number of the certificate to revoke, e.g. kaowu revoke SHPX2026000123 --reason \"wrong details\""))
        }
        if cleanReason.isEmpty {
            throw ValidationError(l.pick("请用 --reason 写明撤销原因（查验时会显示），如 --reason 证书信息有误，已换发",
                                         "say why with --reason (verification shows it), e.g. --reason \"wrong details, reissued\""))
        }
        if cleanReason.count > Self.reasonLimit {
            throw ValidationError(l.pick("--reason 最多 \(Self.reasonLimit) 个字，实际 \(cleanReason.count) 个字",
                                         "--reason takes at most \(Self.reasonLimit) characters, not \(cleanReason.count)"))
        }
    }

    func run() throws {
        let l = global.language
        let store = try registry.openExisting(l, command: "revoke")
        if let export, let keys {
            try exportList(store: store, to: export, keys: keys, l)
            return
        }
        do {
            let revocation = try store.revoke(number: trimmedNumber, reason: cleanReason, at: Date())
            let certificate = try store.certificate(number: revocation.number)
            let who = certificate.map { l.pick("（\($0.name)，\($0.title)）", " (\($0.name), \($0.title))") } ?? ""
            print(l.pick("已撤销证书 \(revocation.number)\(who)", "Revoked certificate \(revocation.number)\(who)"))
            print(l.pick("撤销时间：", "At:     ") + RegistryTime.display(revocation.at))
            print(l.pick("撤销原因：", "Reason: ") + revocation.reason)
        } catch let error as RegistryError {
            printError("kaowu revoke" + l.pick("：", ": ") + error.message(l))
            switch error.reason {
            case .unknownNumber, .alreadyRevoked: throw ExitStatus.problems
            default: throw ExitStatus.usage
            }
        }
    }

    /// Signs the issuer's revocations (every revoked certificate it issued, with when and why) and writes the
    /// list to `path` (a file kaowu wrote before, or a new one).
    private func exportList(store: any CertificateRegistry, to path: String, keys: String, _ l: Language) throws {
        do {
            let key = try IssuerKey.load(folder: keys)
            let entries = try store.revocations(issuerCode: key.issuerCode).map { RevocationEntry(number: $0.number, reason: $0.reason, at: $0.at) }
            let bytes = try RevocationList.signed(entries, issuerCode: key.issuerCode, key: key, at: Date())
            if FileManager.default.fileExists(atPath: path) {
                let old = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
                guard let trust = try? IssuerKey.folderTrust(keys).list, (try? RevocationList.verify(old, trust: trust)) != nil else {
                    printError(l.pick("kaowu revoke：\(path) 已存在且不是本机构的撤销清单，不会覆盖", "kaowu revoke: \(path) exists and is not this issuer's revocation list; it is not replaced"))
                    throw ExitStatus.usage
                }
            }
            let temporary = path + ".kaowu-unfinished"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            print(l.pick("已导出撤销清单 \(path)：\(key.issuerCode) 的 \(entries.count) 张已撤销证书，已用密钥 \(key.kid.hex) 签名",
                         "wrote the revocation list \(path): \(entries.count) revoked certificates of \(key.issuerCode), signed with key \(key.kid.hex)"))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("kaowu revoke" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
    }
}
