import ArgumentParser

/// The value of `kaowu bench validate|pack --rows`: data set sizes, comma separated (`10000,100000`), each
/// within 1…10,000,000. Anything else is a usage error.
struct RowCounts: ExpressibleByArgument, Sendable {
    let sizes: [Int]

    init(_ sizes: [Int]) { self.sizes = sizes }

    init?(argument: String) {
        let sizes = argument.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0.map { (1...10_000_000).contains($0) } ?? false }) else { return nil }
        self.sizes = sizes.compactMap { $0 }
    }

    var defaultValueDescription: String { sizes.map(String.init).joined(separator: ",") }
}
