import ArgumentParser

/// `kaowu keys`: an issuer's signing keys — make one (`generate`, again to rotate), install a CA-issued
/// certificate for it (`install-cert`), and list a folder's keys (`list`).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "证书签名密钥：生成（kaowu keys generate）、安装 CA 签发的证书（kaowu keys install-cert）、查看（kaowu keys list）",
        subcommands: [KeysGenerateCommand.self, KeysInstallCertCommand.self, KeysListCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
