import Foundation
import Testing
import TestTools

/// The service links the certificate and registry code only: no Cairo, Pango, poppler or libzip (a
/// verification server must not carry the rendering stack, its libraries or their bugs).
@Suite struct ServerDependencyTests {
    /// Each target's dependencies as Package.swift lists them (target names and product names).
    static func dependencies() throws -> [String: [String]] {
        let text = try String(contentsOf: Kaowu.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: [String]] = [:]
        var rest = text[...]
        while let start = rest.range(of: ".target(name: \"") ?? rest.range(of: ".executableTarget(name: \"") {
            let after = rest[start.upperBound...]
            let name = String(after.prefix { $0 != "\"" })
            rest = after
            guard let open = after.range(of: "dependencies: ["), open.lowerBound < (after.range(of: ".target(")?.lowerBound ?? after.endIndex) else {
                result[name] = []
                continue
            }
            var depth = 1, index = open.upperBound
            while depth > 0, index < after.endIndex {
                if after[index] == "[" { depth += 1 } else if after[index] == "]" { depth -= 1 }
                index = after.index(after: index)
            }
            let list = after[open.upperBound..<index]
            result[name] = list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return result
    }

    @Test func theServiceLinksNoRenderingOrZipCode() throws {
        let graph = try Self.dependencies()
        #expect(graph["VerifyServer"] != nil && graph["Render"] != nil && graph["Support"] != nil)
        var closure: Set<String> = []
        var queue = ["VerifyServer"]
        while let next = queue.popLast() {
            for dependency in graph[next] ?? [] where closure.insert(dependency).inserted { queue.append(dependency) }
        }
        #expect(closure.contains("Registry") && closure.contains("Credentials") && closure.contains("Hummingbird"))
        for forbidden in ["CCairo", "CZip", "Archive", "Render", "Photos", "Scan", "Documents", "Pack", "Certify", "CTurboJPEG", "CPNG", "CZbar"] {
            #expect(!closure.contains(forbidden), "VerifyServer depends on \(forbidden)")
        }
    }
}
