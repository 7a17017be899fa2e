import SimKernel
import Testing
@testable import SimMetrics

/// A worker still held at the end of the run adds its time to the end to the service's
/// worker time, and stays out of `holding`; a worker held across the warm-up's end counts only
/// its time after it, whether its hold ends during the run or is still open at its end.
struct ArchitectureMetricsTests {
    @Test func aHoldOpenAtTheEndCountsItsTimeUpToTheEnd() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.recordHeld(.seconds(1), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(4), end: .zero + .seconds(10), service: 0)
        #expect(metrics.services[0].busyNanoseconds == 7e9)
        #expect(metrics.services[0].holding.count == 1 && metrics.services[0].holding.sum == 1e9)
    }

    /// Held from 2 s and from 7 s to the run's end at 10 s, after a warm-up ending at 5 s: the
    /// first counts 5 s, the second 3 s.
    @Test func aHoldOpenAcrossTheWarmupCountsFromItsEnd() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.endWarmup(at: .zero + .seconds(5))
        metrics.discountBeforeWarmup(holdSince: .zero + .seconds(2), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(2), end: .zero + .seconds(10), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(7), end: .zero + .seconds(10), service: 0)
        #expect(metrics.services[0].busyNanoseconds == 8e9)
        #expect(metrics.services[0].holding.isEmpty)
    }

    /// A hold taken during the warm-up and ended after it adds only its part after the
    /// warm-up to the worker time (and whole to `holding`): counted whole, a worker held
    /// from before the warm-up's end to the run's end put utilisation above 1.
    @Test func aHoldAcrossTheWarmupAddsItsPartAfterIt() {
        var metrics = ArchitectureMetrics(serviceNames: ["consumer"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.endWarmup(at: .zero + .seconds(5))
        metrics.discountBeforeWarmup(holdSince: .zero + .seconds(1), service: 0)
        metrics.recordHeld(.seconds(7), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(8), end: .zero + .seconds(10), service: 0)
        #expect(metrics.services[0].busyNanoseconds == 5e9, "one worker busy through the 5 s measured: utilisation 1, not 1.8")
        #expect(metrics.services[0].holding.sum == 7e9)
    }
}
