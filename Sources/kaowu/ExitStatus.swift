import ArgumentParser

/// Exit statuses shared by every command (design §2).
enum ExitStatus {
    /// The input has problems (reported).
    static let problems = ExitCode(1)
    /// Usage or I/O error.
    static let usage = ExitCode(2)
}
