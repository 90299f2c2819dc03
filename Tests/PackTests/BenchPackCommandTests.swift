import Foundation
import Testing
import TestTools

/// `kaowu bench pack` on a small synthetic exam: it packs (the job it writes is one the pack accepts), and every
/// figure stands beside the run's reference workload.
@Suite struct BenchPackCommandTests {
    @Test func smallPacksOfOneAndTwoSubjectsRunBesideTheReference() throws {
        let dir = try Tool.scratch()
        for subjects in ["1", "2"] {
            let run = try PackFixtures.kaowu(["bench", "pack", "--rows", "60", "--subjects", subjects, "--data", dir + "/bench"])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            let reference = try #require(lines.first { $0.hasPrefix("reference: 5000 plain Cairo pages") }, "\(run.stdout)")
            let seconds = try #require(Double(reference.split(separator: " ").first { $0.contains(".") } ?? ""))
            #expect(seconds > 0)
            let row = try #require(lines.last).split(separator: " ").map(String.init)
            #expect(row[0] == "60" && !row.contains("exit"), "\(row)")
            let wall = try #require(Double(row[2])), ratio = try #require(Double(row[3]))
            // Both times are printed to hundredths of a second, so the ratio of the printed figures may be off by
            // that rounding (half a hundredth on each) besides the ratio's own rounding.
            let rounding = ratio * (0.005 / seconds + 0.005 / wall) + 0.005
            #expect(abs(wall / seconds - ratio) <= rounding + 1e-9, "× ref is the wall time over the reference: \(row)")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/bench/60\(subjects == "1" ? "" : "x2")/pack/manifest.json"))) as! [String: Any]
            let counts = manifest["counts"] as! [String: Int]
            #expect(counts["seated"] == 60 && counts["registrations"] == 60 * Int(subjects)!, "\(counts)")
        }
    }
}
