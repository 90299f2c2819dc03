import ArgumentParser
import Registry
import Support

/// `kaowu registry migrate --registry postgres://…`: creates the registry's tables in an empty database, or
/// brings an older registry's schema up to date, and says which schema version it has now. Several
/// replicas starting at once take turns (an advisory lock); a registry of a newer kaowu is left unchanged.
struct RegistryMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "建立证书库或升级其结构到本版本：kaowu registry migrate --registry postgres://kaowu@db.example.org/registry")

    @OptionGroup
    var registry: RegistryOptions

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        let l = global.language
        _ = try RegistryOptions.open(registry.registry, create: true, l, command: "registry migrate")
        let version = RegistrySchema.version
        print(l.pick("证书库 \(registry.display) 的结构已是最新：版本 \(version)", "certificate registry \(registry.display) is up to date: schema version \(version)"))
    }
}
