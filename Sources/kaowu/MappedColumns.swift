import ArgumentParser
import Support
import Validation

/// Exits with status 2 when a `--map HEADER=field` names a column the roster does not have (validation
/// found it and checked nothing else): each such mapping is printed with the headers the roster has.
func requireMappedColumns(_ mistakes: [MappedColumnMissing], _ language: Language) throws {
    guard !mistakes.isEmpty else { return }
    for mistake in mistakes {
        printError(language.pick("kaowu：", "kaowu: ") + mistake.message(language))
    }
    throw ExitStatus.usage
}
