import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A warm-up leaves its latencies, waits and worker time out of the figures, in both designs
/// at the same instant, and keeps the counts of the whole run.
struct SyncWarmupTests {
    /// payment → email, where email is 40× slower for the first second: the tail the slowdown
    /// leaves belongs to the warm-up of 2 s, and is gone from the figures after it.
    func world(warmup: Warmup?) -> WorldConfig {
        var world = Worlds.payments(rate: 100, seconds: 6, emailWork: .constant(10_000_000),
                                    faults: [Worlds.fault(.slowBy(factor: 40), on: 1, at: 0, for: 1)], drain: 2)
        world.warmup = warmup
        world.traceLimit = 0
        return world
    }

    @Test func theSlowStartIsLeftOutAfterAWarmup() {
        var cold = SyncModel(world: world(warmup: nil), config: Worlds.paymentChain)
        var warm = SyncModel(world: world(warmup: .time(.seconds(2))), config: Worlds.paymentChain)
        let all = cold.run().metrics, measured = warm.run().metrics
        #expect(all.latencySuccess.max >= 400_000_000, "the slow email holds the first second's requests")
        #expect(measured.latencySuccess.max < 400_000_000)
        #expect(measured.warmupEnded == .zero + .seconds(2) && all.warmupEnded == nil)
        #expect(measured.requests == all.requests && measured.succeeded == all.succeeded, "counts keep the whole run")
        #expect(measured.warmupRequests > 150 && measured.warmupRequests < 250)  // Poisson, mean 200
        let responsesAfter = measured.latencySuccess.count + measured.latencyFailure.count
        #expect(responsesAfter < all.latencySuccess.count + all.latencyFailure.count)
        #expect(measured.services[1].busyNanoseconds < all.services[1].busyNanoseconds)
    }

    /// A warm-up of 300 requests ends when request 300 arrives: the same instant in both designs.
    @Test func aWarmupInRequestsEndsAtThatArrival() {
        let world = world(warmup: .requests(300))
        var source = RequestSource(world.workload, seed: world.seed, end: .zero + world.duration)
        for _ in 0..<300 { _ = source.next() }
        var sync = SyncModel(world: world, config: Worlds.paymentChain)
        var events = EventDrivenModel(world: world, config: Worlds.events())
        #expect(sync.run().metrics.warmupEnded == source.nextArrival)
        #expect(events.run().metrics.warmupEnded == source.nextArrival)
        #expect(world.warmupEnd == source.nextArrival)
    }

    /// A run a limit stops inside its warm-up ends the warm-up there, as a run that reaches
    /// its end does: what it recorded is dropped, in both designs, not reported as though there
    /// were no warm-up.
    @Test func aRunStoppedWithinItsWarmupEndsItThere() {
        var world = world(warmup: .time(.seconds(5)))
        world.eventBudget = 2_000
        var sync = SyncModel(world: world, config: Worlds.paymentChain)
        var events = EventDrivenModel(world: world, config: Worlds.events())
        for (stop, m) in [sync.run(), events.run()].map({ ($0.stop, $0.metrics) }) {
            #expect(stop == .eventBudget)
            #expect(m.stoppedAt != nil && m.warmupEnded == m.stoppedAt && m.stoppedAt! < .zero + .seconds(5))
            #expect(m.latencySuccess.count == 0 && m.latencyFailure.count == 0, "nothing was measured after the warm-up")
        }
    }
}
