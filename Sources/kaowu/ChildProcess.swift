import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs this kaowu again as a child process for `kaowu bench`, timing it and reading its peak memory.
enum ChildProcess {
    /// The path of the running kaowu.
    static var executable: String {
        CommandLine.arguments[0].contains("/")
            ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            : (Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// Runs kaowu with `arguments` (output discarded) and returns its wall time, peak RSS (KiB) and status.
    static func measure(_ arguments: [String]) throws -> (wall: Double, peak: Int, status: Int32) {
        let executable = executable
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            printError("kaowu bench: cannot start \(executable): \(String(cString: strerror(spawned)))")
            throw ExitStatus.usage
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let wall = Date().timeIntervalSince(start)
        return (wall, usage.ru_maxrss, (status >> 8) & 0xFF)
    }

    /// The fastest of `repeats` runs of kaowu with `arguments`.
    static func fastest(of repeats: Int, _ arguments: [String]) throws -> (wall: Double, peak: Int, status: Int32) {
        var best = try measure(arguments)
        for _ in 1..<max(1, repeats) {
            let result = try measure(arguments)
            if result.wall < best.wall { best = result }
        }
        return best
    }
}
