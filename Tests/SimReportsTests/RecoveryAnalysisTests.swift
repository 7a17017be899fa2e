import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// Recovery is read off the time series exactly as documented.
struct RecoveryAnalysisTests {
    /// One-second rows: `failedAt(t)` failures out of 100 arrivals, p99 latency 10 ms.
    func series(seconds: Int, failedAt: (Int) -> Int, latencyAt: (Int) -> Int64 = { _ in 10_000_000 }) -> TimeSeries {
        var series = TimeSeries(gaugeNames: [])
        for t in 1...seconds {
            series.current.arrivals = 100
            series.current.failed = failedAt(t)
            for _ in 0..<100 { series.current.latency.record(latencyAt(t)) }
            series.close(at: .zero + .seconds(Int64(t)), gauges: [])
        }
        return series
    }

    let fault = [FaultWindow(start: .seconds(10), end: .seconds(20), label: "crash x")]

    @Test func recoveryStartsWithTheHealthyTail() {
        let s = series(seconds: 60) { t in t > 10 && t <= 27 ? 50 : 0 }  // unhealthy until the row ending at 27 s
        let r = Recovery(series: s, windows: fault, arrivalsEnd: .seconds(60))
        #expect(r.isMeasurable && r.recoveredAfter == .seconds(7) && !r.isMetastable)
    }

    @Test func aFailureThatOutlivesItsTriggerUnchangedIsMetastable() {
        let s = series(seconds: 60) { t in t > 10 ? 80 : 0 }
        let r = Recovery(series: s, windows: fault, arrivalsEnd: .seconds(60))
        #expect(r.recoveredAfter == nil && r.isMetastable)
    }

    @Test func aSlowButImprovingDrainIsNotMetastable() {
        let s = series(seconds: 60, failedAt: { _ in 0 }, latencyAt: { t in t > 10 ? Int64(70 - t) * 100_000_000 : 10_000_000 })
        let r = Recovery(series: s, windows: fault, arrivalsEnd: .seconds(60))
        #expect(r.recoveredAfter == nil && !r.isMetastable)
    }

    @Test func faultsWithoutEndOrBaselineAreNotMeasurable() {
        let s = series(seconds: 60) { _ in 0 }
        #expect(!Recovery(series: s, windows: [FaultWindow(start: .seconds(10), end: nil, label: "x")], arrivalsEnd: .seconds(60)).isMeasurable)
        #expect(!Recovery(series: s, windows: [FaultWindow(start: .seconds(1), end: .seconds(5), label: "x")], arrivalsEnd: .seconds(60)).isMeasurable)
        #expect(!Recovery(series: s, windows: [], arrivalsEnd: .seconds(60)).isMeasurable)
    }
}
