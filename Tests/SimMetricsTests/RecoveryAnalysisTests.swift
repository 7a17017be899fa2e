import Testing
import SimKernel
@testable import SimMetrics

/// Recovery is read off the time series exactly as documented.
struct RecoveryAnalysisTests {
    /// One-second rows: `failedAt(t)` failures out of 100 arrivals, p99 latency `latencyAt(t)`
    /// (10 ms), and `workAt(t)` items of work (20) in one work gauge, beside a gauge that is not work.
    func series(seconds: Int, failedAt: (Int) -> Int, latencyAt: (Int) -> Int64 = { _ in 10_000_000 },
                workAt: (Int) -> Double = { _ in 20 }) -> TimeSeries {
        var series = TimeSeries(gaugeNames: ["db queue", "db lag seconds"], workGaugeCount: 1)
        for t in 1...seconds {
            series.current.arrivals = 100
            series.current.failed = failedAt(t)
            for _ in 0..<100 { series.current.latency.record(latencyAt(t)) }
            series.close(at: .zero + .seconds(Int64(t)), gauges: [workAt(t), 1_000_000])
        }
        return series
    }

    let fault = [FaultWindow(start: .seconds(10), end: .seconds(20), label: "crash x")]

    func recovery(_ s: TimeSeries) -> Recovery { Recovery(series: s, windows: fault, arrivalsEnd: .seconds(60)) }

    @Test func recoveryStartsWithTheSustainedHealthyWindow() {
        let r = recovery(series(seconds: 60) { t in t > 10 && t <= 27 ? 50 : 0 })  // unhealthy until the row ending at 27 s
        #expect(r.isMeasurable && r.recoveredAfter == .seconds(7) && !r.isMetastable)
    }

    @Test func aSingleNoisyRowNeitherDelaysNorEndsARecovery() {
        // Healthy throughout, but for one row's p99 spike 24 s after the fault.
        let r = recovery(series(seconds: 60, failedAt: { _ in 0 }, latencyAt: { t in t == 44 ? 120_000_000 : 10_000_000 }))
        #expect(r.recoveredAfter == .zero && r.convergedAfter == .zero)
    }

    @Test func aRelapseIntoSustainedFailureUndoesTheRecovery() {
        // Healthy for 15 s after the fault, then failing for the 15 s after that, healthy for the last 10.
        let r = recovery(series(seconds: 60) { t in (t > 10 && t <= 20) || (t > 35 && t <= 50) ? 50 : 0 })
        #expect(r.recoveredAfter == .seconds(30))
    }

    @Test func aHealthyTailShorterThanTheSustainedWindowIsNoRecovery() {
        let r = recovery(series(seconds: 60) { t in t > 10 && t <= 55 ? 50 : 0 })  // healthy only over the last 5 rows
        #expect(r.recoveredAfter == nil)
    }

    /// The last fault ends 5 s before arrivals stop, under the 10 s a sustained stretch needs:
    /// neither a recovery nor metastability can be seen, however bad those 5 rows are.
    @Test func tooShortAWatchAfterTheFaultsIsNotJudged() {
        let s = series(seconds: 60, failedAt: { t in t > 10 ? 80 : 0 }, workAt: { t in t > 10 ? Double(t) * 1_000 : 20 })
        let late = [FaultWindow(start: .seconds(10), end: .seconds(55), label: "crash x")]
        let r = Recovery(series: s, windows: late, arrivalsEnd: .seconds(60))
        #expect(!r.isMeasurable && !r.isMetastable && r.recoveredAfter == nil)
        let watched = Recovery(series: s, windows: [FaultWindow(start: .seconds(10), end: .seconds(50), label: "crash x")], arrivalsEnd: .seconds(60))
        #expect(watched.isMeasurable && watched.isMetastable)
    }

    @Test func theSustainedWindowSpansTenSecondsAndAtLeastThreeRows() {
        #expect(Recovery.sustainedRows(interval: .seconds(1)) == 10)
        #expect(Recovery.sustainedRows(interval: .milliseconds(300)) == 34)
        #expect(Recovery.sustainedRows(interval: .seconds(5)) == 3)
    }

    @Test func aGrowingBacklogAfterTheTriggerIsMetastableEvenAsItsErrorsWobble() {
        // Errors one point lower at the end than right after the fault; the line grows all along.
        let s = series(seconds: 60, failedAt: { t in t > 50 ? 80 : t > 10 ? 81 : 0 }, workAt: { t in t > 10 ? Double(t) * 1_000 : 20 })
        let r = recovery(s)
        #expect(r.recoveredAfter == nil && r.isMetastable)
        #expect(r.work == WorkLevels(before: 20, afterFaults: 25_500, atEnd: 55_500))
    }

    @Test func aBacklogStuckFarAboveItsLevelBeforeTheFaultIsMetastable() {
        let r = recovery(series(seconds: 60, failedAt: { t in t > 10 ? 80 : 0 }, workAt: { t in t > 10 ? 5_000 : 20 }))
        #expect(r.recoveredAfter == nil && r.isMetastable)
    }

    @Test func aDrainingBacklogIsNotMetastableThoughItsUsersStillFail() {
        // Every request fails to the end (more of them late than early), but the line shrinks.
        let s = series(seconds: 60, failedAt: { t in t > 50 ? 90 : t > 10 ? 80 : 0 }, workAt: { t in t > 10 ? Double(70 - t) * 300 : 20 })
        let r = recovery(s)
        #expect(r.recoveredAfter == nil && !r.isMetastable)
    }

    @Test func aFailureWithoutBacklogIsNotMetastable() {
        // The users fail, but the work in the system never leaves its level: nothing sustains an overload.
        let r = recovery(series(seconds: 60) { t in t > 10 ? 80 : 0 })
        #expect(r.recoveredAfter == nil && !r.isMetastable && r.work?.atEnd == 20)
    }

    @Test func faultsWithoutEndOrBaselineAreNotMeasurable() {
        let s = series(seconds: 60) { _ in 0 }
        #expect(!Recovery(series: s, windows: [FaultWindow(start: .seconds(10), end: nil, label: "x")], arrivalsEnd: .seconds(60)).isMeasurable)
        #expect(!Recovery(series: s, windows: [FaultWindow(start: .seconds(1), end: .seconds(5), label: "x")], arrivalsEnd: .seconds(60)).isMeasurable)
        #expect(!Recovery(series: s, windows: [], arrivalsEnd: .seconds(60)).isMeasurable)
    }
}
