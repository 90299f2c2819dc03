import ArgumentParser
import Credentials
import Foundation
import Registry
import Support
import VerifyServer

/// `kaowu serve`: the verification web service — the page a phone opens from a certificate's QR code, the
/// JSON API, lookup by number and ID number, the trust list and signed revocation lists — over a SQLite
/// registry file or a PostgreSQL registry shared by many replicas. Stops gracefully on SIGTERM or Ctrl-C.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "证书查验网站：手机扫码查验页、JSON 接口、按编号查询；SIGTERM 或 Ctrl-C 时处理完进行中的请求后退出")

    @OptionGroup
    var registry: RegistryOptions

    @Option(name: .long, help: "信任列表 trust.json（查验页和 /api/v1/trust 用它）")
    var trust = "keys/trust.json"

    @Option(name: .long, help: "监听地址（默认只在本机 127.0.0.1；对外服务用 0.0.0.0）")
    var host = "127.0.0.1"

    @Option(name: .long, help: "端口（0 = 任选一个空闲端口并打印）")
    var port = 8080

    @Option(name: .customLong("revocation-key"), help: "发证机构密钥目录，用其签名 /api/v1/revocations 的撤销清单（可多次给出）")
    var revocationKeys: [String] = []

    @Option(name: .customLong("lookup-rate"), help: "每个客户端每分钟最多查询次数")
    var lookupRate = 10

    @Flag(name: .customLong("trust-proxy"), help: "在负载均衡/反向代理之后：以 X-Forwarded-For 的最后一项为客户端地址")
    var trustProxy = false

    @Option(name: .customLong("access-log"), help: "访问日志追加到此文件（默认标准错误）；不含二维码内容、证件号码")
    var accessLog: String?

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        guard (0...65535).contains(port) else { throw ValidationError(l.pick("--port 应在 0–65535 之间", "--port must be 0–65535")) }
        guard (1...10_000).contains(lookupRate) else { throw ValidationError(l.pick("--lookup-rate 应在 1–10000 之间", "--lookup-rate must be 1–10000")) }
    }

    func run() throws {
        let l = global.language
        try requireReadable([trust], l)
        let list: TrustList
        let trustBytes: [UInt8]
        var keys: [String: IssuerKey] = [:]
        do {
            list = try TrustList.load(path: trust)
            trustBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: trust)))
            for folder in revocationKeys {
                let key = try IssuerKey.load(folder: folder)
                keys[key.issuerCode] = key
            }
        } catch {
            printError("kaowu serve" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
        let store = try registry.openExisting(l, command: "serve")
        let log: AccessLog
        do { log = try accessLog.map(AccessLog.file) ?? .standardError } catch {
            printError(l.pick("kaowu serve：无法写入访问日志 \(accessLog ?? "")", "kaowu serve: cannot write the access log \(accessLog ?? "")"))
            throw ExitStatus.usage
        }
        let options = ServerOptions(host: host, port: port, trust: list, trustJSON: trustBytes, lookupsPerMinute: lookupRate, trustProxy: trustProxy,
                                    revocationKeys: keys, accessLog: log)
        let server = VerifyServer(registry: store, options: options)
        let host = self.host
        let group = server.serviceGroup { port in
            // Written at once (not buffered): scripts and tests wait for this line to learn the port.
            FileHandle.standardOutput.write(Data((l.pick("kaowu serve 正在监听 http://\(host):\(port)（Ctrl-C 或 SIGTERM 停止）",
                                                        "kaowu serve listening on http://\(host):\(port) (Ctrl-C or SIGTERM stops it)") + "\n").utf8))
        }
        Interruption.handOver { _ in Task { await group.triggerGracefulShutdown() } }
        let outcome = BlockingTask.run { try await group.run() }
        if case .failure(let error) = outcome {
            printError(l.pick("kaowu serve：无法在 \(host):\(port) 上提供服务：", "kaowu serve: cannot serve on \(host):\(port): ") + "\(error)")
            throw ExitStatus.usage
        }
        print(l.pick("kaowu serve 已停止", "kaowu serve stopped"))
    }
}
