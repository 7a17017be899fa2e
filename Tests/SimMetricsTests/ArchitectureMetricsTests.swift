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

/// A response is recorded once, in its interval of the time series, which adds it to the
/// run's latencies when it closes: the run's latencies, before and after any interval closes,
/// and each row's percentiles are those of recording every response in both.
struct ArchitectureMetricsLatencyTests {
    @Test func theRunsAndEachIntervalsLatenciesAreThoseOfEveryResponse() {
        var metrics = ArchitectureMetrics(serviceNames: ["entry"], targets: [], keyCount: 1, gaugeNames: [])
        var success = Histogram(), failure = Histogram(), rows: [[Int64]] = [[]]
        var state: UInt64 = 7
        for k in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let latency = Int64(state >> 40) + 1, fails = state >> 63 == 1 && k % 3 == 0
            metrics.recordResponse(latency: .nanoseconds(latency), failure: fails ? .timeout : nil)
            if fails { failure.record(latency) } else { success.record(latency) }
            rows[rows.count - 1].append(latency)
            if k == 1_500 {  // the warm-up ends within the third interval: its row keeps every response
                metrics.endWarmup(at: .zero + .seconds(3))
                (success, failure) = (Histogram(), Histogram())
            }
            if k % 700 == 699 {
                #expect(metrics.latencySuccess == success && metrics.latencyFailure == failure, "before interval \(rows.count) closes")
                metrics.closeInterval(at: .zero + .seconds(Int64(rows.count)), gauges: [])
                rows.append([])
            }
        }
        #expect(metrics.latencySuccess == success && metrics.latencyFailure == failure, "with an interval open")
        metrics.closeInterval(at: .zero + .seconds(Int64(rows.count)), gauges: [])
        #expect(metrics.latencySuccess == success && metrics.latencyFailure == failure)
        #expect(metrics.latencyFailure.count > 100 && metrics.latencySuccess.count > 100)
        for (row, values) in zip(metrics.series.rows, rows) {
            var all = Histogram()
            for value in values { all.record(value) }
            #expect(row.latencyP50 == all.quantile(0.5) && row.latencyP99 == all.quantile(0.99))
        }
        #expect(metrics.series.rows.count == 5)
    }
}
