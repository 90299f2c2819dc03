import ArgumentParser
import Support

/// Range checks of numeric options, made before a command runs (`validate()`): a value out of range is a
/// usage error (exit 2) naming the option, never an overflow deeper down.
enum OptionCheck {
    static func range<T: Comparable>(_ value: T, _ bounds: ClosedRange<T>, _ option: String, _ language: Language) throws {
        guard bounds.contains(value) else {
            throw ValidationError(language.pick("\(option) 应在 \(bounds.lowerBound)…\(bounds.upperBound) 之间，实际为 \(value)",
                                                "\(option) must be within \(bounds.lowerBound)…\(bounds.upperBound), not \(value)"))
        }
    }

    /// The most threads any command starts.
    static let threads = 1...256
}
