import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What happens on Ctrl-C (SIGINT), SIGTERM and SIGHUP: the work in progress registers how to remove its
/// own unfinished files, and a signal runs those clean-ups and ends the process with 128 + the signal's
/// number. A critical section (renaming a finished pack into place) is never cut in half: a signal that
/// arrives during one is acted on when it ends.
public enum Interruption {
    /// A registered clean-up, to be removed once the work it cleans up after is finished.
    public struct Token: Sendable, Hashable { let id: Int }

    private struct State {
        var next = 0
        var cleanups: [Int: @Sendable () -> Void] = [:]
        var critical = 0
        var pending: Int32?
        var installed = false
        var interrupting = false
        var handler: (@Sendable (Int32) -> Void)?
    }
    private static let state = Mutex(State())

    /// Catches SIGINT, SIGTERM and SIGHUP from now on. Call it first thing, before any thread starts: the
    /// signals are blocked in this thread (and so in every thread started later) and taken by one thread
    /// of their own with `sigwait`, whatever the signal state the process was started with.
    public static func install() {
        let first = state.withLock { state in
            defer { state.installed = true }
            return !state.installed
        }
        guard first else { return }
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        // A thread that ends the process normally while the clean-ups run (its work failed because its
        // files were just removed) waits here for them; the clean-ups end the process.
        atexit {
            if Interruption.state.withLock({ $0.interrupting }) { while true { pause() } }
        }
        let waiting = signals
        let thread = Thread {
            var set = waiting
            while true {
                var signalNumber: Int32 = 0
                if sigwait(&set, &signalNumber) == 0 { interrupted(by: signalNumber) }
            }
        }
        thread.start()
    }

    /// Registers `cleanup` to run if the process is interrupted.
    public static func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Token {
        state.withLock { state in
            state.next += 1
            state.cleanups[state.next] = cleanup
            return Token(id: state.next)
        }
    }

    /// Forgets a clean-up (its work finished or was cleaned up otherwise).
    public static func remove(_ token: Token) {
        _ = state.withLock { $0.cleanups.removeValue(forKey: token.id) }
    }

    /// Runs `body` with interruptions held back until it returns.
    public static func critical<T>(_ body: () throws -> T) rethrows -> T {
        state.withLock { $0.critical += 1 }
        defer {
            let pending: Int32? = state.withLock { state in
                state.critical -= 1
                return state.critical == 0 ? state.pending : nil
            }
            if let pending { finish(pending) }
        }
        return try body()
    }

    /// Hands the next signal to `handler` instead (a server that stops gracefully: stops accepting, finishes
    /// what is in flight and returns); a second signal ends the process as usual.
    public static func handOver(_ handler: @escaping @Sendable (Int32) -> Void) {
        state.withLock { $0.handler = handler }
    }

    private static func interrupted(by signalNumber: Int32) {
        let handler = state.withLock { state -> (@Sendable (Int32) -> Void)? in
            defer { state.handler = nil }
            return state.handler
        }
        if let handler {
            handler(signalNumber)
            return
        }
        let now = state.withLock { state -> Bool in
            if state.critical > 0 { state.pending = signalNumber; return false }
            return true
        }
        if now { finish(signalNumber) }
    }

    private static func finish(_ signalNumber: Int32) {
        let cleanups = state.withLock { state in
            state.interrupting = true
            defer { state.cleanups.removeAll() }
            return state.cleanups.sorted { $0.key > $1.key }.map(\.value)
        }
        for cleanup in cleanups { cleanup() }
        _exit(128 + signalNumber)
    }
}
