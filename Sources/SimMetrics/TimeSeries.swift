import SimKernel

/// Figures sampled at a fixed interval of virtual time: one row per interval.
///
/// A model calls `close(at:)` at each interval boundary, and once more where the run ends
/// when that is not a boundary (a last, shorter interval); counters accumulated during the
/// interval and gauges read at its end become one row. Rows cost a few dozen bytes each,
/// so an hour at one-second intervals is a few hundred kilobytes whatever the load.
public struct TimeSeries: Sendable {
    /// Names of the per-row gauges (queue lengths, in-flight, lag), in column order.
    public let gaugeNames: [String]
    /// How many of the gauges, from the first, count items of work in the system (requests in
    /// a line or in service, events not yet published or consumed); the others measure
    /// something else, such as a lag in seconds or a breaker's state.
    public let workGaugeCount: Int
    /// The rows, oldest first.
    public private(set) var rows: [TimeSeriesRow] = []
    /// The interval being filled.
    public var current = TimeSeriesWindow()

    /// An empty series of `gaugeNames`, the first `workGaugeCount` of which (all, when not
    /// given) count items of work.
    public init(gaugeNames: [String], workGaugeCount: Int? = nil) {
        precondition((0...gaugeNames.count).contains(workGaugeCount ?? 0), "work gauges are some of the gauges")
        self.gaugeNames = gaugeNames
        self.workGaugeCount = workGaugeCount ?? gaugeNames.count
    }

    /// Where the interval being filled started: the end of the last row, or the run's start
    /// before the first.
    public var currentStart: Instant { rows.last?.end ?? .zero }

    /// The work in the system at the end of `row`: the sum of its work gauges.
    public func work(in row: TimeSeriesRow) -> Double {
        row.gauges.prefix(workGaugeCount).reduce(0, +)
    }

    /// Ends the current interval at `time` with the gauges' values, and starts the next. The
    /// interval's latencies are gone with it: `ArchitectureMetrics.closeInterval` keeps them.
    mutating func close(at time: Instant, gauges: [Double]) {
        current.latency.merge(current.failureLatency)
        current.latency.merge(current.latencyBeforeWarmup)
        rows.append(TimeSeriesRow(end: time, window: current, gauges: gauges))
        current.clear()
    }
}

/// Counters for one interval of the time series.
public struct TimeSeriesWindow: Sendable {
    public var arrivals = 0
    public var succeeded = 0
    public var failed = 0
    public var timeouts = 0
    public var rejected = 0
    /// User-facing latency of the interval's successful responses; once it closes, of all its
    /// responses.
    public var latency = Histogram()
    /// User-facing latency of the interval's failed responses.
    public var failureLatency = Histogram()
    /// The interval's responses before the warm-up ended in it: in its row, not in the run's figures.
    public var latencyBeforeWarmup = Histogram()
    public var applied = 0
    /// Effects dead-lettered in the interval.
    public var deadLettered = 0
    public var staleness = Histogram()
    public init() {}

    /// Zeroes every counter for the next interval, keeping the histograms' storage.
    mutating func clear() {
        (arrivals, succeeded, failed, timeouts, rejected, applied, deadLettered) = (0, 0, 0, 0, 0, 0, 0)
        latency.removeAll()
        failureLatency.removeAll()
        latencyBeforeWarmup.removeAll()
        staleness.removeAll()
    }

    /// The warm-up ends in this interval: the responses so far stay in its row but leave the
    /// run's figures.
    mutating func setAsideLatencies() {
        latencyBeforeWarmup.merge(latency)
        latencyBeforeWarmup.merge(failureLatency)
        latency.removeAll()
        failureLatency.removeAll()
    }
}

/// One finished interval.
public struct TimeSeriesRow: Sendable {
    /// The end of the interval.
    public var end: Instant
    public var arrivals: Int
    public var succeeded: Int
    public var failed: Int
    public var timeouts: Int
    public var rejected: Int
    /// User-facing latency percentiles in the interval (nanoseconds; 0 when no request finished).
    public var latencyP50: Int64
    public var latencyP99: Int64
    public var applied: Int
    /// Effects dead-lettered in the interval.
    public var deadLettered: Int
    /// Staleness p99 of effects applied in the interval.
    public var stalenessP99: Int64
    /// Gauge values at the end of the interval, in `TimeSeries.gaugeNames` order.
    public var gauges: [Double]

    init(end: Instant, window: TimeSeriesWindow, gauges: [Double]) {
        self.end = end
        arrivals = window.arrivals
        succeeded = window.succeeded
        failed = window.failed
        timeouts = window.timeouts
        rejected = window.rejected
        latencyP50 = window.latency.quantile(0.5)
        latencyP99 = window.latency.quantile(0.99)
        applied = window.applied
        deadLettered = window.deadLettered
        stalenessP99 = window.staleness.quantile(0.99)
        self.gauges = gauges
    }
}
