import Credentials
import Foundation
import Hummingbird
import Logging
import Mustache
import NIOCore
import ServiceLifecycle
import Registry
import Support
import Verification

/// The verification web service (`kaowu serve`): the page a phone opens from a certificate's QR code,
/// the same result as JSON, lookup by certificate number and ID number (or name), the trust list, signed
/// revocation lists and a health check — over one registry (SQLite or PostgreSQL, through
/// `VerificationSource`). Routes and their contract: README, "Verification service".
public struct VerifyServer: Sendable {
    public let registry: any VerificationSource
    public let options: ServerOptions
    let verifier: CertificateVerifier
    let limiter: LookupLimiter
    let revocationLists: RevocationListCache

    public init(registry: any VerificationSource, options: ServerOptions) {
        self.registry = registry
        self.options = options
        verifier = CertificateVerifier(trust: options.trust, registry: nil)
        limiter = LookupLimiter(perMinute: options.lookupsPerMinute, window: options.lookupWindow)
        revocationLists = RevocationListCache(keys: options.revocationKeys, registry: registry)
    }

    /// The Hummingbird application; `onRunning` gets the port it listens on (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: VerifyRequestContext.self)
        router.middlewares.add(ServerMiddleware(log: options.accessLog, trustProxy: options.trustProxy))
        addRoutes(to: router)
        var quiet = Logger(label: "kaowu-serve", factory: { _ in SwiftLogNoOpLogHandler() })
        quiet.logLevel = .critical
        return Application(router: router,
                           server: .http1(configuration: .init(idleTimeout: .seconds(ServerLimits.idleSeconds))),
                           configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                           logger: quiet)
    }

    /// The service as a group that runs until `triggerGracefulShutdown()`: then it stops accepting,
    /// finishes the requests in flight and returns (the command line triggers it on SIGTERM or SIGINT).
    public func serviceGroup(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        let quiet = Logger(label: "kaowu-serve", factory: { _ in SwiftLogNoOpLogHandler() })
        return ServiceGroup(configuration: .init(services: [application(onRunning: onRunning)], gracefulShutdownSignals: [], logger: quiet))
    }

    func addRoutes(to router: Router<VerifyRequestContext>) {
        router.get("/1/:code") { request, context in try await self.page(code: context.parameters.get("code") ?? "", request: request) }
        router.get("/api/v1/verify/:code") { _, context in try await self.json(code: context.parameters.get("code") ?? "") }
        router.post("/api/v1/lookup") { request, context in try await self.lookupJSON(request, context) }
        router.get("/") { request, _ in self.lookupForm(request, message: nil) }
        router.post("/lookup") { request, context in try await self.lookupPage(request, context) }
        router.get("/api/v1/trust") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: self.options.trustJSON)))
        }
        router.get("/api/v1/revocations") { request, _ in try await self.revocations(request) }
        router.get("/healthz") { _, _ in
            do {
                try await self.registry.ping()
                return Self.text("ok\n", status: .ok)
            } catch {
                return Self.text("registry unavailable\n", status: .serviceUnavailable)
            }
        }
    }

    // MARK: - Verification

    /// Verifies a code from a path: refused unread when too long (a malformed code either way).
    func verify(_ code: String) async -> VerificationReport {
        var report: VerificationReport
        if code.utf8.count > ServerLimits.maxCode {
            report = verifier.verify(code: "", now: Date())
            report.reason = "verify.malformed"
        } else {
            report = await verifier.verify(code: code, registry: registry, now: Date())
        }
        // What a registry error said stays in the server: the public sees the reason code only.
        for k in report.checks.indices where report.checks[k].code == "verify.registry-unavailable" { report.checks[k].note = nil }
        return report
    }

    static func httpStatus(_ report: VerificationReport) -> HTTPResponse.Status {
        report.status == .unverified ? .serviceUnavailable : .ok
    }

    func page(code: String, request: Request) async throws -> Response {
        let language = Self.language(request)
        let report = await verify(code)
        return try await render(report, language: language, path: "/1/" + code, jsonLink: "/api/v1/verify/" + code)
    }

    func render(_ report: VerificationReport, language: Language, path: String, jsonLink: String) async throws -> Response {
        var photo: String?
        if let number = report.certificate?.number, report.registry?.found == true, [.genuine, .expired, .revoked].contains(report.status),
           let bytes = try? await registry.photo(number: number) {
            photo = "data:image/jpeg;base64," + Data(bytes).base64EncodedString()
        }
        let values = VerificationPage.values(report, photo: photo, jsonLink: jsonLink, chrome: PageChrome(language: language, path: path))
        return Self.html(PageTemplates.library.render(values, withTemplate: "verification") ?? "", status: Self.httpStatus(report))
    }

    func json(code: String) async throws -> Response {
        let report = await verify(code)
        return Response(status: Self.httpStatus(report), headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try report.json())))
    }

    // MARK: - Lookup

    func lookupForm(_ request: Request, message: (text: String, note: String?, cssClass: String)?, status: HTTPResponse.Status = .ok) -> Response {
        let l = Self.language(request)
        var v = PageChrome(language: l, path: "/").values(title: l.pick("证书查询", "Certificate lookup"))
        v["formTitle"] = l.pick("按证书编号查询", "Look up a certificate by its number")
        v["numberLabel"] = l.pick("证书编号", "Certificate number")
        v["idLabel"] = l.pick("证件号码", "ID number")
        v["nameLabel"] = l.pick("或 姓名", "or name")
        v["submit"] = l.pick("查询", "Look up")
        v["formNote"] = l.pick("证书编号与证件号码（或姓名）须同时完全一致才显示结果。扫描证书上的二维码可直接查验。",
                               "A result is shown only when the number and the ID number (or name) both match exactly. Scanning the certificate's QR code verifies it directly.")
        if let message {
            v["message"] = message.text
            v["messageNote"] = message.note
            v["messageClass"] = message.cssClass
        }
        return Self.html(PageTemplates.library.render(v, withTemplate: "lookup") ?? "", status: status)
    }

    /// The lookup's outcome: the verification of the stored code on an exact match, nil on any miss, or
    /// the seconds to wait when the client is over its rate.
    enum LookupOutcome {
        case found(VerificationReport, code: String)
        case miss
        case limited(Int)
        case invalid
    }

    func lookup(_ query: LookupQuery, client: String) async -> LookupOutcome {
        if let wait = limiter.take(client: client, now: Date().timeIntervalSince1970) { return .limited(wait) }
        guard query.isComplete else { return .invalid }
        // The same work for every miss: one hash, one read, one comparison.
        let offeredKey = HolderKey.of(documentNumber: query.id ?? "")
        let stored = try? await registry.certificate(number: query.number)
        let matches: Bool
        if let stored {
            matches = query.id != nil ? ConstantTime.equal(offeredKey, stored.holderKey) : ConstantTime.equal(query.name ?? "", stored.name)
        } else {
            _ = ConstantTime.equal(offeredKey, Self.nobody)
            matches = false
        }
        guard matches, let stored else { return .miss }
        var report = await verify(stored.qrText)
        report.source = "lookup"
        let code = stored.qrText.range(of: "/1/", options: .backwards).map { String(stored.qrText[$0.upperBound...]) } ?? stored.qrText
        return .found(report, code: code)
    }

    /// The lookup a request's body asks for (JSON or a form), from the request's client.
    func lookup(_ request: Request, _ context: VerifyRequestContext) async throws -> LookupOutcome {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let query = LookupQuery.parse(body: Array(buffer: body), contentType: request.headers[.contentType])
        return await lookup(query ?? .empty, client: ClientAddress.of(request, context, trustProxy: options.trustProxy))
    }

    func lookupJSON(_ request: Request, _ context: VerifyRequestContext) async throws -> Response {
        switch try await lookup(request, context) {
        case .limited(let wait):
            return Response(status: .tooManyRequests, headers: [.contentType: "application/json; charset=utf-8", .retryAfter: String(wait), .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"lookup.rate-limited\",\"retryAfter\":\(wait)}\n")))
        case .invalid:
            return Response(status: .badRequest, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"lookup.invalid\"}\n")))
        case .miss:
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"found\":false}\n")))
        case .found(let report, _):
            let encoded = try report.json()
            var bytes = Array("{\"found\":true,\"report\":".utf8)
            bytes += encoded
            bytes += Array("}\n".utf8)
            return Response(status: Self.httpStatus(report), headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    func lookupPage(_ request: Request, _ context: VerifyRequestContext) async throws -> Response {
        let l = Self.language(request)
        switch try await lookup(request, context) {
        case .limited(let wait):
            var response = lookupForm(request, message: (l.pick("查询过于频繁", "Too many lookups"),
                                                         l.pick("请 \(wait) 秒后再试", "try again in \(wait) s"), "grey"), status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        case .invalid:
            return lookupForm(request, message: (l.pick("请填写证书编号，以及证件号码或姓名", "Give the certificate number and the ID number or name"), nil, "grey"),
                              status: .badRequest)
        case .miss:
            return lookupForm(request, message: (l.pick("未查到匹配的证书", "No matching certificate"),
                                                 l.pick("请核对证书编号与证件号码（或姓名）", "check the number and the ID number (or name)"), "grey"))
        case .found(let report, let code):
            return try await render(report, language: l, path: "/", jsonLink: "/api/v1/verify/" + code)
        }
    }

    /// A holder key no one has, compared on a miss so a miss costs what a hit does.
    static let nobody = String(repeating: "0", count: 64)

    // MARK: - Revocation lists

    func revocations(_ request: Request) async throws -> Response {
        let issuer = request.uri.queryParameters.get("issuer") ?? (options.revocationKeys.count == 1 ? options.revocationKeys.keys.first : nil)
        guard let issuer, let bytes = try await revocationLists.list(issuer: issuer) else {
            return Response(status: .notFound, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"revocations.no-key\"}\n")))
        }
        return Response(status: .ok, headers: [.contentType: "application/cose", .cacheControl: "max-age=\(RevocationListCache.seconds)",
                                               .contentDisposition: "attachment; filename=\"revocations-\(Self.asciiOnly(issuer)).cose\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func asciiOnly(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }.map(Character.init))
    }

    // MARK: - Responses

    static func language(_ request: Request) -> Language {
        PageLanguage.pick(query: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
    }

    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
