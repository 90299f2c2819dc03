import ArgumentParser
import Support
import Validation

/// Exits with status 2 when a `--map HEADER=field` names a column the roster does not have (validation
/// found it and checked nothing else): each such mapping is printed with the headers the roster has.
func requireMappedColumns(_ report: ValidationReport, _ language: Language) throws {
    guard !report.mappingMistakes.isEmpty else { return }
    for mistake in report.mappingMistakes {
        printError(language.pick("kaowu：", "kaowu: ") + mistake.message(language))
    }
    throw ExitStatus.usage
}
