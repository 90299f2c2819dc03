import ArgumentParser
import Registry
import Support

/// `--registry FILE`: the certificate registry a command reads or changes (default `证书库.sqlite` in the
/// current folder). Commands that only read or revoke open an existing one and never create it.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "证书库文件（由 kaowu certify 建立）")
    var registry = "证书库.sqlite"

    /// The existing registry; a missing, foreign, damaged or newer one is a usage or I/O error (exit 2),
    /// its message on standard error.
    func openExisting(_ l: Language, command: String) throws -> any RegistryStore {
        do {
            return try SQLiteRegistry.openExisting(path: registry)
        } catch {
            printError("kaowu \(command)" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
    }
}
