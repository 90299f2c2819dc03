import AsyncHTTPClient
import Credentials
import Foundation
import NIOCore
import NIOHTTP1
import Registry
import ServiceLifecycle
import Support
import Testing
import VerifyServer

/// A registry with certificates signed by a real key, a trust list, and the real service on a free
/// loopback port, spoken to over HTTP. The registry is SQLite or PostgreSQL (`Backend`).
final class ServerFixture: @unchecked Sendable {
    let folder: String
    let key: IssuerKey
    let trustPath: String
    let trust: TrustList
    let registry: any RegistryStore
    let log = AccessLog.collecting()
    private(set) var port = 0
    private var group: ServiceGroup?
    private var running: Task<Void, Error>?
    private var sequence = 0

    static let verifyURL = "https://v.example.org.cn"

    init(backend: Backend = .sqlite) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        key = try KeyGeneration.generate(issuer: "示范职业技能等级认定中心", code: "SFZX", role: nil, folder: folder + "/keys", validity: 10, csr: false,
                                         now: Date().addingTimeInterval(-400 * 86400), verifyURL: Self.verifyURL)
        trustPath = folder + "/keys/trust.json"
        trust = try TrustList.load(path: trustPath)
        registry = try await backend.make(folder: folder)
    }

    /// Signs and records one certificate; returns its QR text.
    @discardableResult
    func issue(name: String = "张三", id: String = "11010519491231002X", issuedAt: Date = Date().addingTimeInterval(-86400),
               expires: Date? = Date().addingTimeInterval(365 * 86400), photo: [UInt8]? = nil, signer: IssuerKey? = nil, record: Bool = true) throws -> String {
        let signer = signer ?? key
        sequence += 1
        let number = String(format: "\(signer.issuerCode)2026%06d", sequence)
        let masked = IDMask.mask(id)
        let claims = CertificateClaims(name: name, maskedID: masked, kind: "职业技能等级证书", title: "电工/四级", issuerCode: signer.issuerCode)
        let payload = CertificatePayload(issuer: signer.issuerCode, number: number, issuedAt: issuedAt, expires: expires, claims: claims)
        let code = try CertificateCode.sign(payload, key: signer, baseURL: Self.verifyURL)
        guard record else { return code.text }
        let batch = BatchRecord(id: "batch-\(number)", hash: String(repeating: "ab", count: 32), issuerCode: signer.issuerCode, job: "job.yaml",
                                at: issuedAt, count: 1, output: "out")
        let certificate = IssuedCertificate(
            number: number, issuerCode: signer.issuerCode, kid: signer.kid.hex, holderKey: HolderKey.of(documentNumber: id), certificateKey: "k-\(number)",
            detailsHash: "d", name: name, maskedID: masked, kind: "职业技能等级证书", title: "电工/四级", category: "电工/四级", issuedOn: "2026-07-20",
            expiresOn: nil, issuedAt: issuedAt, qrText: code.text, payloadSHA256: code.payloadSHA256, sequencePrefix: signer.issuerCode + "2026",
            sequence: sequence, batchID: batch.id, replaces: nil, photoShown: photo != nil)
        let file = IssuedFile(number: number, pdfSHA256: String(repeating: "cd", count: 32), batchID: batch.id, path: "\(number).pdf", at: issuedAt)
        try registry.record(batch, certificates: [certificate], files: [file], approvals: [], revocations: [],
                            photos: photo.map { [HolderPhoto(number: number, image: $0)] } ?? [])
        return code.text
    }

    static func path(of code: String) -> String { "/1/" + code.components(separatedBy: "/1/").last! }

    /// Starts the service in this process.
    func start(lookupsPerMinute: Int = 10, lookupWindow: Double = 60, trustProxy: Bool = false, source: (any VerificationSource)? = nil) async throws {
        var options = ServerOptions(host: "127.0.0.1", port: 0, trust: trust, trustJSON: [UInt8](try Data(contentsOf: URL(fileURLWithPath: trustPath))),
                                    lookupsPerMinute: lookupsPerMinute, trustProxy: trustProxy, revocationKeys: [key.issuerCode: key], accessLog: log)
        options.lookupWindow = lookupWindow
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = VerifyServer(registry: source ?? registry, options: options).serviceGroup { port in continuation.yield(port) }
        self.group = group
        running = Task { try await group.run() }
        for await port in ports {
            self.port = port
            break
        }
    }

    func stop() async throws {
        await group?.triggerGracefulShutdown()
        try await running?.value
        if let database = try? String(contentsOfFile: folder + "/database-url", encoding: .utf8) { ServerPostgres.drop(database) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var bytes: [UInt8]
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send(path, method: .GET, headers: headers, body: nil)
    }

    func post(_ path: String, body: String, type: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send(path, method: .POST, headers: [("Content-Type", type)] + headers, body: Array(body.utf8))
    }

    func send(_ path: String, method: HTTPMethod, headers: [(String, String)], body: [UInt8]?) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)" + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 4 << 20)
        let bytes = Array(buffer: buffer)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(decoding: bytes, as: UTF8.self), bytes: bytes)
    }
}

/// Where a test's registry lives.
enum Backend: String, CustomStringConvertible, Sendable {
    case sqlite, postgres

    var description: String { rawValue }

    /// Every back end the tests run against here: PostgreSQL when scripts/test started one (always under CI).
    static var available: [Backend] { ServerPostgres.enabled ? [.sqlite, .postgres] : [.sqlite] }

    func make(folder: String) async throws -> any RegistryStore {
        switch self {
        case .sqlite: return try SQLiteRegistry(path: folder + "/证书库.sqlite")
        case .postgres:
            let database = try ServerPostgres.createDatabase()
            try database.write(toFile: folder + "/database-url", atomically: true, encoding: .utf8)
            return try RegistryLocation(database).open(create: true)
        }
    }
}
