import ArgumentParser
import Support

/// What a group of commands under `kaowu` (`bench`, `template`, `generate`) does when run without one of
/// its commands: a usage error (exit 2) naming them, with the group's usage, on standard error.
enum CommandGroup {
    static func missingCommand<Group: ParsableCommand>(_ group: Group.Type, _ l: Language) -> ExitCode {
        let names = Group.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        let path = "kaowu " + (Group.configuration.commandName ?? "")
        printError(l.pick("Error: 缺少子命令（可用：\(names.joined(separator: "、"))）", "Error: missing command (one of: \(names.joined(separator: ", ")))")
                   + "\nUsage: \(Kaowu.usageString(for: Group.self))\n  See '\(path) --help' for more information.")
        return ExitStatus.usage
    }
}
