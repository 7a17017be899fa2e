import SimKernel
import SimMetrics

/// How long an architecture took to return to health after the last fault ended, read from
/// its time series.
///
/// The baseline is the intervals before the first fault. An interval is healthy when its
/// error rate is at most the baseline's plus one percentage point and its user-facing p99 at
/// most twice the baseline's (plus one millisecond, so a near-zero baseline is not
/// impossible to meet). Recovery is the time from the end of the last fault to the start of
/// the first interval from which every interval up to the end of arrivals is healthy. An
/// architecture still unhealthy at the end of arrivals did not recover within the run; if
/// it was not even improving (error rate and p99 over the last quarter of the time after
/// the faults no lower than over the first quarter), its trigger is gone but the failure
/// sustains itself: a metastable failure. Convergence is the same test applied to the
/// staleness of applied effects.
public struct Recovery: Sendable, Equatable {
    /// Time to recover, or `nil` if it never did (or nothing could be measured).
    public var recoveredAfter: TimeSpan?
    /// Time until effects were applied as promptly as before the faults, or `nil`.
    public var convergedAfter: TimeSpan?
    /// Whether the analysis applies: faults that end before arrivals stop, with a baseline before them.
    public var isMeasurable: Bool
    /// Unhealthy to the end and not improving.
    public var isMetastable: Bool

    /// Recovered, converged, or neither.
    public static let notMeasurable = Recovery(recoveredAfter: nil, convergedAfter: nil, isMeasurable: false, isMetastable: false)

    /// The recovery of `series` after `windows`, for a run whose arrivals stop at `arrivalsEnd`.
    public init(series: TimeSeries, windows: [FaultWindow], arrivalsEnd: TimeSpan) {
        guard let firstStart = windows.map(\.start).min(), windows.allSatisfy({ $0.end != nil }),
              let lastEnd = windows.compactMap(\.end).max(), lastEnd < arrivalsEnd else {
            self = .notMeasurable
            return
        }
        let rows = series.rows
        let baseline = rows.filter { $0.end.sinceStart <= firstStart }
        let after = rows.filter { $0.end.sinceStart > lastEnd && $0.end.sinceStart <= arrivalsEnd }
        guard baseline.count >= 3, !after.isEmpty else {
            self = .notMeasurable
            return
        }
        let baseErrors = Double(baseline.map(\.failed).reduce(0, +)) / Double(Swift.max(1, baseline.map(\.arrivals).reduce(0, +)))
        let baseLatency = Recovery.median(baseline.map { Double($0.latencyP99) })
        let baseStaleness = Recovery.median(baseline.map { Double($0.stalenessP99) })
        func healthy(_ row: TimeSeriesRow) -> Bool {
            let errors = row.arrivals == 0 ? 0 : Double(row.failed) / Double(row.arrivals)
            return errors <= baseErrors + 0.01 && Double(row.latencyP99) <= 2 * baseLatency + 1e6
        }
        func fresh(_ row: TimeSeriesRow) -> Bool { Double(row.stalenessP99) <= 2 * baseStaleness + 1e6 }
        recoveredAfter = Recovery.settled(after, lastEnd: lastEnd, interval: series, test: healthy)
        convergedAfter = Recovery.settled(after, lastEnd: lastEnd, interval: series, test: fresh)
        isMeasurable = true
        let quarter = Swift.max(1, after.count / 4)
        func errorRate(_ rows: ArraySlice<TimeSeriesRow>) -> Double {
            Double(rows.map(\.failed).reduce(0, +)) / Double(Swift.max(1, rows.map(\.arrivals).reduce(0, +)))
        }
        func latency(_ rows: ArraySlice<TimeSeriesRow>) -> Double { Recovery.median(rows.map { Double($0.latencyP99) }) }
        let early = after.prefix(quarter), late = after.suffix(quarter)
        isMetastable = recoveredAfter == nil && errorRate(late) >= errorRate(early) && latency(late) >= latency(early)
    }

    init(recoveredAfter: TimeSpan?, convergedAfter: TimeSpan?, isMeasurable: Bool, isMetastable: Bool) {
        self.recoveredAfter = recoveredAfter
        self.convergedAfter = convergedAfter
        self.isMeasurable = isMeasurable
        self.isMetastable = isMetastable
    }

    /// From `lastEnd` to the start of the first row of the healthy tail, or `nil` without one.
    static func settled(_ rows: [TimeSeriesRow], lastEnd: TimeSpan, interval series: TimeSeries, test: (TimeSeriesRow) -> Bool) -> TimeSpan? {
        guard let last = rows.last, test(last) else { return nil }
        var first = rows.count - 1
        while first > 0, test(rows[first - 1]) { first -= 1 }
        let previousEnd = first > 0 ? rows[first - 1].end.sinceStart : lastEnd
        return Swift.max(.zero, previousEnd - lastEnd)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

extension ArchitectureReport {
    /// This architecture's recovery after the faults of `report`.
    public func recovery(in report: RunReport) -> Recovery {
        Recovery(series: metrics.series, windows: report.windows, arrivalsEnd: report.duration)
    }
}
