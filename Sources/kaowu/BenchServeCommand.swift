import ArgumentParser
import Credentials
import Foundation
import Registry
import Support
import VerifyServer

/// `kaowu bench serve`: the verification service under load. Issues N signed certificates into a new
/// registry (SQLite in `--data`, or a PostgreSQL database given by `--registry`), starts the service on a
/// loopback port in this process and drives it with wrk for `--seconds` per route: first `/healthz` (the
/// reference: the same server doing no work), then `/api/v1/verify/{code}` and the phone page `/1/{code}`
/// over every code in turn. Prints requests/s, p50/p99 latency, failures, the ratio to the reference, and the
/// server's memory before and after.
struct BenchServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "查验服务的吞吐和延迟：kaowu bench serve --seconds 10（需要 wrk）")

    @Option(name: .long, help: "每条路由压测秒数")
    var seconds = 10

    @Option(name: .long, help: "并发连接数")
    var connections = 16

    @Option(name: .long, help: "证书张数（轮流查验）")
    var count = 2_000

    @Option(name: .long, help: "证书库：默认在 --data 中新建 SQLite；postgres://… 则写入该 PostgreSQL 数据库（应为空库）")
    var registry: String?

    @OptionGroup
    var bench: BenchOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        try bench.check(l)
        try OptionCheck.range(seconds, 1...600, "--seconds", l)
        try OptionCheck.range(connections, 1...1024, "--connections", l)
        try OptionCheck.range(count, 1...1_000_000, "--count", l)
    }

    func run() throws {
        let l = global.language
        guard WrkLoad.isAvailable else {
            printError(l.pick("kaowu bench serve：需要 wrk（scripts/setup 会安装：apt-get install wrk）", "kaowu bench serve: needs wrk (scripts/setup installs it: apt-get install wrk)"))
            throw ExitStatus.usage
        }
        let folder = bench.data + "/serve"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let start = ContinuousClock.now
        let key = try KeyGeneration.generate(issuer: "基准测试培训协会", code: "BENCH", role: nil, folder: folder + "/keys", validity: 10, csr: false,
                                             now: Date().addingTimeInterval(-86400), verifyURL: "https://v.bench.example.cn")
        let store: any RegistryStore
        if let registry {
            store = try RegistryOptions.open(registry, create: true, l, command: "bench serve")
        } else {
            store = try SQLiteRegistry(path: folder + "/证书库.sqlite")
        }
        let codes = try BenchCertificates.issue(count, key: key, into: store)
        let setup = (ContinuousClock.now - start).seconds
        let trustPath = folder + "/keys/trust.json"
        let options = ServerOptions(host: "127.0.0.1", port: 0, trust: try TrustList.load(path: trustPath),
                                    trustJSON: [UInt8](try Data(contentsOf: URL(fileURLWithPath: trustPath))), accessLog: .none)
        let server = VerifyServer(registry: store, options: options)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = server.serviceGroup { continuation.yield($0) }
        let running = Task { try await group.run() }
        let port = BlockingTask.run { () async -> Int in
            for await port in ports { return port }
            return 0
        }
        defer {
            _ = BlockingTask.run { await group.triggerGracefulShutdown() }
            _ = BlockingTask.run { try await running.value }
        }
        guard case .success(let port) = port, port > 0 else { throw ExitStatus.usage }
        let base = "http://127.0.0.1:\(port)"
        let paths = codes.map { $0.components(separatedBy: "/1/").last ?? $0 }
        let load = WrkLoad(connections: connections, threads: 1, seconds: seconds)
        let backend = registry == nil ? "SQLite" : "PostgreSQL"
        print("kaowu bench serve — \(backend), \(count) certificates (issued in \(String(format: "%.1f", setup)) s), "
              + "\(connections) connections, \(seconds) s per route, \(ProcessInfo.processInfo.activeProcessorCount) cores, wrk 1 thread")
        print("route                    req/s    p50 ms  p99 ms  max ms  failures  ratio to /healthz  server RSS MB (before → after)")
        var reference = 0.0
        for (route, list) in [("/healthz", ["/healthz"]), ("/api/v1/verify/{code}", paths.map { "/api/v1/verify/" + $0 }),
                              ("/1/{code}", paths.map { "/1/" + $0 })] {
            let before = MemoryReading.residentMB()
            var best: WrkLoad.Result?
            for _ in 0..<bench.repeats {
                let result = try load.run(base: base, paths: list, scratch: folder)
                if best == nil || result.perSecond > best!.perSecond { best = result }
            }
            guard let r = best else { continue }
            if route == "/healthz" { reference = r.perSecond }
            let ratio = reference > 0 ? String(format: "%.2f", r.perSecond / reference) : "-"
            print(route.padding(toLength: 24, withPad: " ", startingAt: 0)
                  + String(format: " %-8.0f %-7.2f %-7.2f %-7.1f %-9d ", r.perSecond, r.p50ms, r.p99ms, r.maxms, r.failures)
                  + ratio.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %.0f → %.0f", before, MemoryReading.residentMB()))
        }
        print("(wrk and the server share this machine's cores; ratio = route req/s ÷ /healthz req/s in the same run)")
    }
}
