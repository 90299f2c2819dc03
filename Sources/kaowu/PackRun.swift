import Foundation
import Pack
import Validation
import Support

extension PackCommand {
    /// The run's options from the command line: output, `--keep`, language, threads, and `SOURCE_DATE_EPOCH`.
    func packOptions(_ l: Language) -> PackOptions {
        var options = PackOptions()
        options.output = out
        options.keep = keep
        options.language = l
        options.threads = threads.count
        options.sourceDateEpoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        return options
    }

    /// Runs a pack (an exam's or a course's) under its progress bar and turns its failures into messages and
    /// exit statuses: not enough places (`shortfall`, named by `heading`) and no valid row exit 1; a mistake
    /// in the job or its files, or an I/O error, exits 2.
    func runReporting<R>(_ bar: ProgressBar, _ l: Language, heading: LocalizedText, shortfall: (Error) -> Diagnostic?,
                         _ body: () throws -> R) throws -> R {
        do {
            let result = try body()
            bar.finish()
            return result
        } catch {
            bar.finish()
            if let short = shortfall(error) {
                printError(heading.pick(l) + "\n" + short.message(l))
                throw ExitStatus.problems
            }
            switch error {
            case let failure as PackFailure:
                print(TextSummary.render(failure.report, language: l), terminator: "")
                printError("kaowu pack: " + failure.message(l))
                throw ExitStatus.problems
            case let mistake as JobError:
                // A job file's mistakes name their own place (file:line: key: …).
                printError(mistake.message(l))
                throw ExitStatus.usage
            default:
                printError("kaowu pack: " + describe(error, l))
                throw ExitStatus.usage
            }
        }
    }
}
