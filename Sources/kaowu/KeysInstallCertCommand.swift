import ArgumentParser
import Credentials
import Foundation
import Support

/// `kaowu keys install-cert CERT.pem --out DIR`: a CA-issued certificate installed for the folder's key with
/// the same public key (its `.cert.pem` and its `trust.json` entry).
struct KeysInstallCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-cert",
        abstract: "安装 CA 签发的证书（公钥须与文件夹中某个密钥一致），并更新 trust.json")

    @Argument(help: "CA 签发的证书（PEM）")
    var certificate: String

    @Option(name: .long, help: "密钥文件夹")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        let l = global.language
        let key: TrustedKey
        do { key = try CertificateInstallation.install(certificate: certificate, folder: out) } catch {
            printError(l.pick("kaowu keys install-cert：", "kaowu keys install-cert: ") + describe(error, l))
            throw ExitStatus.usage
        }
        let issuer = key.certificateAuthority ?? l.pick("自签名", "self-signed")
        print(l.pick("已为密钥 \(key.kid.hex) 安装证书（签发者：\(issuer)）", "installed the certificate for key \(key.kid.hex) (issued by \(issuer))"))
        print(l.pick("  有效期：\(KeysListCommand.time(key.notBefore)) 至 \(KeysListCommand.time(key.notAfter))",
                     "  valid: \(KeysListCommand.time(key.notBefore)) to \(KeysListCommand.time(key.notAfter))"))
        print(l.pick("  信任列表已更新：", "  trust list updated: ") + (out as NSString).appendingPathComponent("trust.json"))
    }
}
