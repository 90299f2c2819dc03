import ArgumentParser
import Foundation
import Registry
import Support

/// `kaowu registry list`: every certificate in the registry (number, name, masked ID, kind, title, dates,
/// status 有效 / 已过期 / 已撤销 with the reason), as a table or `--json`.
struct RegistryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出证书库中的证书及状态：kaowu registry list --registry 证书库.sqlite [--issuer SHPX] [--json]")

    @OptionGroup
    var registry: RegistryOptions

    @Option(name: .long, help: "只列出这个发证机构代码的证书，如 SHPX")
    var issuer: String?

    @Flag(name: .long, help: "以 JSON 输出（格式见 README）")
    var json = false

    @Option(name: .long, help: "按此日期判断是否过期（YYYY-MM-DD，默认今天）")
    var today: String?

    @OptionGroup
    var global: GlobalOptions

    /// `--today` as a date, nil when not given or no calendar date.
    private var todayDate: CivilDate? {
        today.flatMap { CivilDate.parse($0) }.flatMap { $0.hasDay ? $0 : nil }
    }

    func validate() throws {
        let l = global.language
        if today != nil && todayDate == nil { throw ValidationError(l.pick("--today 应写成 2026-06-20", "--today takes YYYY-MM-DD")) }
        if let issuer, issuer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(l.pick("--issuer 应是发证机构代码，如 SHPX", "--issuer takes an issuer code such as SHPX"))
        }
    }

    func run() throws {
        let l = global.language
        let store = try registry.openExisting(l, command: "registry list")
        let code = issuer.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let listing: RegistryListing
        do {
            listing = try RegistryListing(store, path: registry.display, issuer: code, today: (todayDate ?? CivilDate.today()).description)
        } catch {
            printError("kaowu registry list" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
        if json {
            FileHandle.standardOutput.write(try listing.json())
            print()
        } else {
            print(listing.table(l))
        }
    }
}
