import Foundation
import HTTPTypes
import Hummingbird

/// Around every request: the security headers on every response (errors and 404s included) and one
/// access-log line naming the route template, never the path (a path holds a certificate code).
struct ServerMiddleware: RouterMiddleware {
    typealias Context = VerifyRequestContext
    let log: AccessLog
    let trustProxy: Bool

    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, PageStyle.contentSecurityPolicy),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
        (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=()"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            response = Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: "\(status.code) \(status.reasonPhrase)\n")))
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        let ms = (ContinuousClock.now - start).seconds * 1000
        if log.isEnabled {
            log.write(AccessLog.Entry(time: Date().ISO8601Format(), method: request.method.rawValue,
                                      route: context.endpointPath ?? "(none)", status: response.status.code, ms: (ms * 100).rounded() / 100,
                                      client: ClientAddress.of(request, context, trustProxy: trustProxy)))
        }
        return response
    }
}
