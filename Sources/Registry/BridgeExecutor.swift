import Dispatch

/// The executor the synchronous registry calls run their asynchronous PostgreSQL work on: one serial
/// dispatch queue of its own (an overcommitting queue, so it gets a thread even when every thread of
/// Swift's cooperative pool is blocked in a synchronous call waiting for this very work).
final class BridgeExecutor: TaskExecutor {
    static let shared = BridgeExecutor()

    let queue = DispatchQueue(label: "kaowu.registry.postgres-bridge")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
