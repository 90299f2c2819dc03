import Hummingbird
import NIOCore

/// The request context of the verification service: Hummingbird's core storage, the peer's address (for
/// rate limiting and the access log) and a small upload limit (a lookup form is a few hundred bytes).
public struct VerifyRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The largest request body read: 16 KB (larger is refused with 413).
    public var maxUploadSize: Int { ServerLimits.maxBody }
}
