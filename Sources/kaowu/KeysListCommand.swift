import ArgumentParser
import Credentials
import Foundation
import Support

/// `kaowu keys list DIR`: the issuer of a key folder and each of its keys — kid, validity, whether it is the
/// key that signs now, who issued its certificate, and whether its private key file is here and safe
/// (mode only), then loads the current key as `certify` would, exiting 2 when it cannot be used (a key file
/// others can read, a key that does not match). The key itself is never shown. `DIR` may also be a
/// `trust.json` file (nothing is loaded then).
struct KeysListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "查看密钥文件夹（或 trust.json）中的发证机构与密钥：kid、有效期、当前签名密钥（不显示私钥）")

    @Argument(help: "密钥文件夹或 trust.json")
    var folder: String

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        let l = global.language
        let isFile = FilePath.kind(of: folder) == .regular
        let path = isFile ? folder : (folder as NSString).appendingPathComponent("trust.json")
        let list: TrustList
        do {
            guard isFile || FilePath.kind(of: path) == .regular else { throw KeyFileError.notKeyFolder(folder: folder) }
            list = try TrustList.load(path: path)
        } catch {
            printError(l.pick("kaowu keys list：", "kaowu keys list: ") + describe(error, l))
            throw ExitStatus.usage
        }
        let now = Date()
        let directory = (path as NSString).deletingLastPathComponent
        for issuer in list.issuers {
            let role = issuer.role.map { l.pick("，角色：\($0)", ", role: \($0)") } ?? ""
            print(l.pick("\(issuer.name)（\(issuer.code)\(role)）", "\(issuer.name) (\(issuer.code)\(role))"))
            if let url = issuer.verifyURL { print(l.pick("  查验网址：", "  verify URL: ") + url) }
            let current = issuer.signingKey(at: now)?.kid
            for key in issuer.keys {
                let state: String
                if key.kid == current { state = l.pick("当前签名密钥", "signs now") }
                else if key.notAfter < now { state = l.pick("已过期（仍用于查验）", "expired (still verifies)") }
                else if key.notBefore > now { state = l.pick("尚未生效", "not yet valid") }
                else { state = l.pick("有效（已轮换，仍用于查验）", "valid (rotated; still verifies)") }
                print("  kid \(key.kid.hex)  \(Self.time(key.notBefore)) – \(Self.time(key.notAfter))  \(state)")
                let authority = key.certificateAuthority.map { l.pick("CA 签发：", "issued by ") + $0 } ?? l.pick("自签名", "self-signed")
                print(l.pick("    证书：", "    certificate: ") + authority)
                print(l.pick("    私钥：", "    private key: ") + privateKeyState(directory, issuer.code, key.kid, l))
            }
        }
        // A key folder (private keys present): its current key must load as certify will load it.
        let hasPrivateKeys = !isFile && ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".key.pem") }
        guard hasPrivateKeys else { return }
        do {
            let key = try IssuerKey.load(folder: folder, at: now)
            print(l.pick("当前签名密钥可用：\(key.kid.hex)", "the current signing key is usable: \(key.kid.hex)"))
        } catch {
            printError(l.pick("kaowu keys list：", "kaowu keys list: ") + describe(error, l))
            throw ExitStatus.usage
        }
    }

    /// Whether the key's private key file is in the folder and only its owner can read it.
    func privateKeyState(_ directory: String, _ code: String, _ kid: KeyID, _ l: Language) -> String {
        let file = (directory as NSString).appendingPathComponent(IssuerKey.keyFileName(code: code, kid: kid))
        var info = stat()
        guard lstat(file, &info) == 0 else { return l.pick("不在此文件夹", "not in this folder") }
        let mode = String(info.st_mode & 0o777, radix: 8)
        if info.st_mode & 0o077 != 0 { return l.pick("\(file)（权限 \(mode)，不安全：请运行 chmod 600 \(file)）", "\(file) (mode \(mode), unsafe: run chmod 600 \(file))") }
        return l.pick("\(file)（权限 \(mode)）", "\(file) (mode \(mode))")
    }

    /// `2026-12-04 08:30 UTC`.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
