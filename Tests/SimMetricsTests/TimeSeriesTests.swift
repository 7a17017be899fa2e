import SimKernel
import Testing
@testable import SimMetrics

/// Each interval's row holds what was recorded in that interval only, however the window is reused.
struct TimeSeriesTests {
    @Test func eachRowHoldsOnlyItsOwnInterval() {
        var series = TimeSeries(gaugeNames: ["line"])
        series.current.arrivals = 3
        series.current.failed = 1
        for latency: Int64 in [1_000, 2_000, 3_000] { series.current.latency.record(latency) }
        series.current.staleness.record(9_000_000)
        series.close(at: .zero + .seconds(1), gauges: [2])
        series.current.arrivals = 1
        series.current.latency.record(50)
        series.close(at: .zero + .seconds(2), gauges: [0])
        series.close(at: .zero + .seconds(3), gauges: [0])

        let (first, second, third) = (series.rows[0], series.rows[1], series.rows[2])
        #expect(first.arrivals == 3 && first.failed == 1 && first.latencyP99 > 2_900 && first.stalenessP99 > 8_000_000)
        #expect(second.arrivals == 1 && second.failed == 0 && second.latencyP50 == 50 && second.latencyP99 == 50,
                "the second interval saw none of the first's latencies")
        #expect(second.stalenessP99 == 0 && third.arrivals == 0 && third.latencyP99 == 0, "an interval with nothing recorded")
        #expect(series.current.latency == Histogram() && series.current.staleness == Histogram())
    }
}
