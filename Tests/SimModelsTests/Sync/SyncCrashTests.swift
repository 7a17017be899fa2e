import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A crash ends everything the crashed jobs had under way: their calls, the retries those
/// calls had scheduled and their timers. Nothing of theirs acts after the crash.
struct SyncCrashTests {
    /// payment → email → notification; email fails every call from 5 s to 9 s, so payment's
    /// calls back off for 3 s between attempts, and payment crashes at 7 s, mid-backoff.
    func crashDuringBackoff() -> ArchitectureMetrics {
        let world = Worlds.payments(faults: [
            Worlds.fault(.errors(.always), on: 1, at: 5, for: 4),
            Worlds.fault(.crash, on: 0, at: 7, for: 3),
        ])
        let config = SyncConfig(chain: [0, 1, 2], timeout: .seconds(20),
                                retries: RetryPolicy(attempts: 5, backoff: .constant, base: .seconds(3), jitter: .none))
        var model = SyncModel(world: world, config: config)
        let run = model.run()
        #expect(run.stop != .eventBudget)
        return run.metrics
    }

    @Test func aRetryScheduledBeforeItsCallerCrashedNeverFires() {
        let m = crashDuringBackoff()
        #expect(m.requests == m.succeeded + m.failures.total, "every user hears exactly one answer")
        #expect(m.failures.unavailable > 0, "the requests held by payment when it crashed fail")
        for target in m.ledger.finalReport() {
            #expect(target.missingAtEnd >= 0, "\(target.name): \(target.missingAtEnd)")
            #expect(target.counts.applied <= m.ledger.totalCommitted, "\(target.name) applied more than was committed")
        }
    }
}
