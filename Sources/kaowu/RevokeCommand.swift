import ArgumentParser
import Foundation
import Registry
import Support

/// `kaowu revoke NUMBER --reason R`: marks an issued certificate as revoked in the registry, with the reason
/// and the time; verification then says 已撤销. An unknown or already revoked number exits 1.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "撤销已发放的证书：kaowu revoke SHPX2026000123 --reason 证书信息有误，已换发")

    @Argument(help: "证书编号")
    var number: String?

    @Option(name: .long, help: "撤销原因（记入证书库，查验时显示）")
    var reason: String?

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
}
