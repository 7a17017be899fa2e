import Testing
import SimKernel
@testable import SimMetrics

/// A run a limit stopped is measured over the time it ran: its rates and its utilisation
/// are not diluted by the part of the run that never happened.
struct RunSpanTests {
    /// 10 s of arrivals and a 5 s drain, stopped at 2 s: 30 requests arrived, 20 succeeded, and
    /// the one worker of `api` was held 1.5 s.
    func measurements(stoppedAt stop: Instant?) -> Measurements {
        var metrics = ArchitectureMetrics(serviceNames: ["api"], targets: [], keyCount: 1, gaugeNames: [])
        metrics.services[0].workers = 1
        metrics.requests = 30
        metrics.succeeded = 20
        metrics.recordHeld(.milliseconds(1_500), service: 0)
        metrics.stoppedAt = stop
        let architecture = ArchitectureReport(name: "sync", kind: "sync", metrics: metrics,
                                              stopReason: stop == nil ? "quiescent" : "lineLimit", events: 1)
        return Measurements(seed: 1, duration: .seconds(10), drain: .seconds(5), windows: [], architectures: [architecture])
    }

    @Test func aStoppedRunsRatesAndUtilisationCoverTheTimeItRan() {
        let stopped = measurements(stoppedAt: .zero + .seconds(2))
        #expect(stopped.value(at: "throughput.offeredPerSecond", in: "sync")?.measuredValue == 15)
        #expect(stopped.value(at: "throughput.goodputPerSecond", in: "sync")?.measuredValue == 10)
        #expect(stopped.value(at: "services.api.utilisation", in: "sync")?.measuredValue == 0.75)
        let whole = measurements(stoppedAt: nil)
        #expect(whole.value(at: "throughput.offeredPerSecond", in: "sync")?.measuredValue == 3)
        #expect(whole.value(at: "services.api.utilisation", in: "sync")?.measuredValue == 0.1)
    }

    /// Stopped at its first instant, the run measured no time: its rates and utilisation are
    /// absent (`null`), not 0.
    @Test func aRunStoppedAtTimeZeroHasNoRatesRatherThanZero() {
        let stopped = measurements(stoppedAt: .zero)
        #expect(stopped.value(at: "throughput.offeredPerSecond", in: "sync")?.isAbsent == true)
        #expect(stopped.value(at: "services.api.utilisation", in: "sync")?.isAbsent == true)
    }
}
