import Dispatch
import PostgresNIO
import Synchronization

/// How the synchronous `CertificateRegistry` methods of `PostgresRegistry` (the CLI's `revoke`,
/// `registry list`, `verify --registry`, import and export) use postgres-nio, which is asynchronous: the
/// work runs as a task that prefers `BridgeExecutor` (its own serial queue, never Swift's cooperative pool
/// nor a SwiftNIO event loop) and the calling thread waits for it on a semaphore.
/// The caller must not be a SwiftNIO event-loop thread (that would stop the loop that does the I/O being
/// waited for): this is checked, and it traps. A thread of the cooperative pool may call (a test or a
/// command), since the work waited for never needs a cooperative thread.
enum BlockingBridge {
    /// Runs `body` to completion and returns its result or throws its error.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil,
                     "a synchronous registry call on a SwiftNIO event loop would block it; use the async VerificationSource methods")
        dispatchPrecondition(condition: .notOnQueue(BridgeExecutor.shared.queue))
        let outcome = Outcome<T>()
        Task(executorPreference: BridgeExecutor.shared) {
            do { outcome.finish(.success(try await body())) } catch { outcome.finish(.failure(error)) }
        }
        return try outcome.wait()
    }

    /// The result of the task, handed to the waiting thread.
    private final class Outcome<T: Sendable>: Sendable {
        private let result = Mutex<Result<T, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func finish(_ value: Result<T, any Error>) {
            result.withLock { $0 = value }
            done.signal()
        }

        func wait() throws -> T {
            done.wait()
            guard let value = result.withLock({ $0 }) else { preconditionFailure("the bridged task finished without a result") }
            return try value.get()
        }
    }
}
