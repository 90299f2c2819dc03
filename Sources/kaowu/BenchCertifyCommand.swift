import ArgumentParser
import Credentials
import Foundation
import Registry
import Support
import Verification

/// `kaowu bench certify`: issues N signed e-certificates from the synthetic roster (photo, seal, signed QR,
/// PDF signature, one file each) in a child process with a new registry, and prints wall time,
/// certificates/s, peak memory and where each file's time goes (render, sign, write); then verifies the
/// issued codes on one core (verifies/s, with and without the registry).
struct BenchCertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "签发电子证书的速度和内存：kaowu bench certify --count 1000,10000")

    @Option(name: .long, help: "证书张数，逗号分隔")
    var count = RowCounts([1_000, 10_000])

    @OptionGroup
    var bench: BenchOptions

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try bench.check(global.language)
        try threads.check(global.language)
    }

    func run() throws {
        let threads = threads.count
        print("kaowu bench certify — \(threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("certificates  wall s   certs/s  peak MB  batch MB  render ms/file  sign ms/file  write ms/file  verifies/s (code, +registry)")
        for n in count.sizes {
            let (directory, _) = try bench.dataset(rows: n)
            let keys = directory + "/certify-keys"
            if !FileManager.default.fileExists(atPath: keys + "/trust.json") {
                _ = try KeyGeneration.generate(issuer: "基准测试培训协会", code: "BENCH", role: nil, folder: keys, validity: 10, csr: false, now: Date())
            }
            let registry = directory + "/certify-registry.sqlite"
            let output = directory + "/certificates"
            let timing = directory + "/certify-timing.json"
            let job = directory + "/certify.yaml"
            try Self.job(keys: FilePath.resolved(keys), registry: FilePath.resolved(registry)).write(toFile: job, atomically: true, encoding: .utf8)
            var best: (wall: Double, peak: Int, status: Int32)?
            var split: [String: Double] = [:]
            for _ in 0..<bench.repeats {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: registry + suffix) }
                let run = try ChildProcess.measure(["certify", job, "--out", output, "--threads", String(threads), "--timing-file", timing])
                if best == nil || run.wall < best!.wall {
                    best = run
                    split = (try? JSONDecoder().decode([String: Double].self, from: Data(contentsOf: URL(fileURLWithPath: timing)))) ?? [:]
                }
            }
            guard let b = best else { continue }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: output + ".zip")[.size] as? Int) ?? 0
            let files = max(1, split["certificates"] ?? Double(n))
            let (plain, withRegistry) = try Self.verifyRate(registry: registry, trust: keys + "/trust.json")
            print(String(format: "%-13d %-8.2f %-8.0f %-8.1f %-9.1f %-15.2f %-13.2f %-14.2f %.0f, %.0f%@", n, b.wall, files / b.wall,
                         Double(b.peak) / 1024, Double(bytes) / 1_048_576, (split["render"] ?? 0) * 1000 / files,
                         (split["sign"] ?? 0) * 1000 / files, (split["write"] ?? 0) * 1000 / files, plain, withRegistry,
                         b.status == 0 ? "" : "  exit \(b.status)"))
        }
        print("(render/sign/write: CPU time per file summed over threads; verifies/s on one core)")
    }

    /// Verifies the registry's codes (up to 2,000) on this thread: per second, offline and with the registry.
    static func verifyRate(registry path: String, trust: String) throws -> (Double, Double) {
        let store = try SQLiteRegistry.openExisting(path: path)
        let codes = try store.certificates(issuerCode: nil).prefix(2_000).map(\.qrText)
        guard !codes.isEmpty else { return (0, 0) }
        let list = try TrustList.load(path: trust)
        func rate(_ verifier: CertificateVerifier) -> Double {
            let start = ContinuousClock.now
            var genuine = 0
            for code in codes where verifier.verify(code: code).isGenuine { genuine += 1 }
            let seconds = (ContinuousClock.now - start).seconds
            return genuine == codes.count ? Double(codes.count) / seconds : 0
        }
        return (rate(CertificateVerifier(trust: list, registry: nil)), rate(CertificateVerifier(trust: list, registry: store)))
    }

    static func job(keys: String, registry: String) -> String {
        """
        # kaowu bench certify: every synthetic candidate gets a signed e-certificate
        issuer: {keys: \(keys), verify-url: https://v.bench.example.cn}
        certificate:
          kind: 电子证书
          title: 职业技能培训合格证书（基准测试）
          category: "{subject}"
          issued: 2026-07-20
          valid: 5y
          number: "{issuer.code}{year}{seq:6}"
        inputs: {roster: roster.xlsx, photos: photos.zip}
        registry: \(registry)
        output: certificates
        """
    }
}
