import Archive
import Foundation
import Support
import Synthetic
import TestTools

/// A scratch folder for one certificate test: an issuer's keys, a CSV roster with results and photos,
/// and a job written for it.
struct CertifyFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    let folder: String
    var keys: String { folder + "/keys" }
    var trust: String { keys + "/trust.json" }
    var registry: String { folder + "/证书库.sqlite" }
    var roster: String { folder + "/学员.csv" }
    var output: String { folder + "/证书批次" }
    var job: String { folder + "/证书.yaml" }

    /// Invented holders: name, ID, score.
    struct Holder {
        var name: String
        var id: String
        var score: String
    }

    /// A fixture with `count` holders (every fifth scores 52) and the issuer SHPX's keys.
    init(count: Int = 6) throws {
        folder = try Tool.scratch()
        var random = SeededRandom(seed: 11)
        holders = (0..<count).map { k in
            let c = SyntheticCandidate.make(index: k, random: &random)
            return Holder(name: c.name, id: c.id, score: k % 5 == 4 ? "52" : String(70 + k))
        }
        try writeRoster()
        try writePhotos()
        let keys = try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--out", self.keys])
        guard keys.status == 0 else { throw FixtureError(text: "keys generate: \(keys.stderr)") }
    }

    var holders: [Holder]

    func writeRoster() throws {
        var lines = ["姓名,证件号码,培训类别,培训项目,考核成绩"]
        for h in holders { lines.append("\(h.name),\(h.id),科技培训,创客,\(h.score)") }
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: roster, atomically: true, encoding: .utf8)
    }

    func writePhotos() throws {
        let zip = try ZipWriter(path: folder + "/照片.zip")
        let painter = PhotoPainter()
        for (k, h) in holders.enumerated() { try zip.add("\(h.id).jpg", ZipPayload(painter.jpeg(background: .red, variant: k))) }
        try zip.close()
    }

    /// Writes the job: the demo's e-certificate with `extra` lines at the end.
    func writeJob(_ extra: String = "", kind: String = "电子证书", registry: String = "证书库.sqlite", output: String = "证书批次") throws {
        let text = """
        issuer: {keys: keys, verify-url: https://v.shpx.org.cn}
        certificate:
          kind: \(kind)
          title: 上海市“培训师”证书
          category: "{培训类别}/{培训项目}"
          issued: 2026-07-20
          valid: 5y
        inputs: {roster: 学员.csv, photos: 照片.zip}
        pass: {column: 考核成绩, at-least: 60}
        registry: \(registry)
        output: \(output)
        \(extra)
        """
        try text.write(toFile: job, atomically: true, encoding: .utf8)
    }

    /// Runs the built kaowu in the fixture's folder.
    @discardableResult
    func kaowu(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Kaowu.run(arguments, environment: environment, in: folder)
    }

    /// The PDFs of the published batch.
    func pdfs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output + "/证书").filter { $0.hasSuffix(".pdf") }.sorted().map { output + "/证书/" + $0 }
    }

    struct FixtureError: Error { var text: String }
}
