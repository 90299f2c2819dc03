import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Who a request comes from, for rate limiting and the access log: the socket's peer address, or — only
/// when the service is told it runs behind a proxy — the last address the proxy appended to
/// `X-Forwarded-For` (the one the proxy saw; earlier entries are the client's own claims).
enum ClientAddress {
    static func of(_ request: Request, _ context: VerifyRequestContext, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.count <= 64 {
            return last
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
