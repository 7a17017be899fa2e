import SimKernel
import Testing
@testable import SimMetrics

/// A worker still held at the end of the run adds its time to the end to the service's
/// worker time, from the warm-up's end if it was taken before, and stays out of `holding`.
struct ArchitectureMetricsTests {
    @Test func aHoldOpenAtTheEndCountsItsTimeUpToTheEnd() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.recordHeld(.seconds(1), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(4), end: .zero + .seconds(10), service: 0)
        #expect(metrics.services[0].busyNanoseconds == 7e9)
        #expect(metrics.services[0].holding.count == 1 && metrics.services[0].holding.sum == 1e9)
    }

    @Test func aHoldOpenAcrossTheWarmupCountsFromItsEnd() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.endWarmup(at: .zero + .seconds(5))
        metrics.recordHeldAtEnd(since: .zero + .seconds(2), end: .zero + .seconds(10), service: 0)
        metrics.recordHeldAtEnd(since: .zero + .seconds(7), end: .zero + .seconds(10), service: 0)
        #expect(metrics.services[0].busyNanoseconds == 8e9)
        #expect(metrics.services[0].holding.isEmpty)
    }
}
