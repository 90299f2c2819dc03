import ArgumentParser
import Credentials
import Foundation
import Support

/// `kaowu keys generate --issuer NAME --code CODE [--role ROLE] [--years 10] [--csr] [--verify-url URL] --out DIR`:
/// a new signing key in the issuer's key folder (created when missing); run again on the same folder to
/// rotate keys. Prints the kid, the validity and the files written — never the private key.
struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成发证机构的签名密钥（ECDSA P-256）、证书与信任列表 trust.json；对同一文件夹再次运行即轮换密钥")

    @Option(name: .long, help: "发证机构名称（如 上海市培训协会）")
    var issuer: String

    @Option(name: .long, help: "发证机构代码：2–16 位大写字母或数字（如 SHPX），是证书编号的开头")
    var code: String

    @Option(name: .long, help: "签批角色（如 培训机构、评价组织）：用于双人签批的密钥")
    var role: String?

    @Option(name: .long, help: "密钥与证书的有效年数（1–30）")
    var years: Int = 10

    @Flag(name: .long, help: "同时生成证书签名请求（CSR），交给 CA 签发正式证书")
    var csr = false

    @Option(name: .customLong("verify-url"), help: "发证机构的证书查验网址，写入 trust.json（如 https://v.shpx.org.cn）")
    var verifyURL: String?

    @Option(name: .long, help: "密钥文件夹（不存在时新建）")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        guard IssuerCode.isValid(code) else { throw ValidationError(KeyFileError.invalidCode(code: code).message(l)) }
        guard !TextCleaner.asWritten(issuer).isEmpty else { throw ValidationError(KeyFileError.emptyName.message(l)) }
        guard (1...30).contains(years) else { throw ValidationError(KeyFileError.invalidYears(years: years).message(l)) }
    }

    func run() throws {
        let l = global.language
        let key: IssuerKey
        do {
            key = try KeyGeneration.generate(issuer: issuer, code: code, role: role, folder: out, validity: years, csr: csr, now: Date(), verifyURL: verifyURL)
        } catch {
            printError(l.pick("kaowu keys generate：", "kaowu keys generate: ") + describe(error, l))
            throw ExitStatus.usage
        }
        let count = (try? IssuerKey.folderTrust(out).issuer.keys.count) ?? 1
        func file(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        let roleText = key.role.map { l.pick("，角色：\($0)", ", role: \($0)") } ?? ""
        print(l.pick("已为“\(key.issuerName)”（\(key.issuerCode)\(roleText)）生成签名密钥", "made a signing key for \(key.issuerName) (\(key.issuerCode)\(roleText))"))
        print(l.pick("  密钥编号（kid）：", "  kid: ") + key.kid.hex)
        print(l.pick("  有效期：\(KeysListCommand.time(key.trusted.notBefore)) 至 \(KeysListCommand.time(key.trusted.notAfter))",
                     "  valid: \(KeysListCommand.time(key.trusted.notBefore)) to \(KeysListCommand.time(key.trusted.notAfter))"))
        print(l.pick("  私钥：", "  private key: ") + file(IssuerKey.keyFileName(code: key.issuerCode, kid: key.kid))
              + l.pick("（权限 600，仅本人可读；切勿外传或提交到代码库）", " (mode 600, yours alone; never share it or commit it)"))
        print(l.pick("  证书：", "  certificate: ") + file(IssuerKey.certificateFileName(code: key.issuerCode, kid: key.kid)))
        if csr {
            print(l.pick("  证书签名请求：", "  certificate signing request: ") + file(IssuerKey.requestFileName(code: key.issuerCode, kid: key.kid))
                  + l.pick("（交给 CA；收到证书后运行 kaowu keys install-cert）", " (send it to your CA; install its certificate with kaowu keys install-cert)"))
        }
        print(l.pick("  信任列表：", "  trust list: ") + file("trust.json")
              + l.pick("（共 \(count) 个密钥；发布给查验方）", " (\(count) key\(count == 1 ? "" : "s"); publish it to verifiers)"))
    }
}
