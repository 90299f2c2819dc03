import Support
import Foundation
import Identity
import Validation

/// Paths of the committed fixtures and a scratch folder per test.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let demoRoster = path("fixtures/demo/考生名单.xlsx")
    static let demoPhotos = path("fixtures/demo/照片.zip")
    static func external(_ name: String) -> String { path("fixtures/external/" + name) }

    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Options as the demo uses them, with a fixed "today".
    static func options(background: Bool = true) -> ValidationOptions {
        var o = ValidationOptions()
        o.today = CivilDate(year: 2026, month: 6, day: 1)!
        if background { o.photo.requiredBackground = .red }
        return o
    }
}

extension ValidationReport {
    /// Codes reported, with how often.
    var codes: [String: Int] { Dictionary(grouping: problems, by: \.code).mapValues(\.count) }
    /// Data rows with at least one error (from the problems). `roster.unreadable` names the row where
    /// reading stopped, which was not read and so is not one of `rows`.
    var rowsWithErrors: Set<Int> {
        Set(problems.filter { $0.severity == .error && $0.code != "roster.unreadable" && $0.code != "roster.header-missing" }.compactMap(\.row))
    }
}
