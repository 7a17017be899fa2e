import SimKernel
import Testing
@testable import SimMetrics

/// The end of the warm-up drops latencies, waits, worker time and staleness recorded before
/// it, and keeps every count and the consistency ledger.
struct ArchitectureMetricsWarmupTests {
    @Test func dropsTheFiguresOfTheWarmupAndKeepsTheCounts() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry", "ledger"], targets: ["ledger"], keyCount: 4, gaugeNames: [])
        _ = (metrics.ledger.commit(key: 1), metrics.ledger.commit(key: 2))
        metrics.recordArrival()
        metrics.recordResponse(latency: .milliseconds(900), failure: nil)
        metrics.services[1].queueing.record(5_000_000)
        metrics.services[1].busyNanoseconds = 7e9
        _ = metrics.recordApply(target: 0, key: 1, version: 1, committedAt: .zero, at: .zero + .seconds(3))
        metrics.endWarmup(at: .zero + .seconds(5))
        metrics.recordArrival()
        metrics.recordResponse(latency: .milliseconds(20), failure: nil)
        _ = metrics.recordApply(target: 0, key: 2, version: 1, committedAt: .zero + .seconds(6), at: .zero + .seconds(6) + .milliseconds(50))
        #expect(metrics.latencySuccess.count == 1 && metrics.latencySuccess.max == 20_000_000)
        #expect(metrics.services[1].queueing.isEmpty && metrics.services[1].busyNanoseconds == 0)
        #expect(metrics.staleness[0].count == 1 && metrics.staleness[0].max == 50_000_000)
        #expect(metrics.ledger.counts[0].applied == 2, "the ledger keeps the whole run")
        #expect(metrics.requests == 2 && metrics.succeeded == 2 && metrics.warmupRequests == 1)
        #expect(metrics.warmupEnded == .zero + .seconds(5))
    }
}
