import SimKernel

/// How long an architecture took to return to health after the last fault ended, and whether
/// its failure outlived its trigger, read from its time series.
///
/// The baseline is the rows before the first fault. Nothing is judged when fewer rows than one
/// sustained stretch follow the last fault before arrivals stop: neither a recovery nor its
/// absence could be seen. A row is healthy when its error rate is at
/// most the baseline's plus one percentage point and its user-facing p99 at most twice the
/// baseline's (plus one millisecond, so a near-zero baseline is not impossible to meet).
/// Recovery is the time from the end of the last fault to the start of the first sustained
/// healthy window: `sustainedRows` healthy rows in a row, with no run of as many unhealthy rows
/// after it up to the end of arrivals. A single noisy row neither delays nor ends a recovery.
/// Convergence is the same test applied to the staleness of applied effects; a row that
/// applied none while requests arrived is not fresh (when effects were applied before the faults).
///
/// The work in the system is the sum of the series' work gauges (lines, busy workers,
/// unpublished and unconsumed events). An architecture that did not recover is metastable when
/// its work, over the last quarter of the rows after the faults, is far above its level before
/// them (more than twice it, plus ten items) and has not drained: its excess over that level
/// is more than nine tenths of the excess over the first quarter after the faults. Its trigger
/// is gone, but the overload sustains or feeds itself.
public struct Recovery: Sendable, Equatable {
    /// Time to recover, or `nil` if it never did (or nothing could be measured).
    public var recoveredAfter: TimeSpan?
    /// Time until effects were applied as promptly as before the faults, or `nil`.
    public var convergedAfter: TimeSpan?
    /// Whether the analysis applies: faults that end at least one sustained stretch before
    /// arrivals stop, with a baseline before them.
    public var isMeasurable: Bool
    /// Not recovered, with the work in the system far above its level before the faults and not draining.
    public var isMetastable: Bool
    /// The work in the system before, right after and at the end; `nil` when not measurable.
    public var work: WorkLevels?

    /// Recovered, converged, or neither.
    public static let notMeasurable = Recovery(recoveredAfter: nil, convergedAfter: nil, isMeasurable: false, isMetastable: false)

    /// How long a healthy (or unhealthy) stretch must last to count as sustained.
    public static let sustained = TimeSpan.seconds(10)
    /// The fewest rows a sustained stretch has, however long the sampling interval.
    public static let minimumSustainedRows = 3

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
        let length = Recovery.sustainedRows(interval: rows.first?.end.sinceStart ?? .zero)
        guard baseline.count >= 3, after.count >= length else {
            self = .notMeasurable  // too short a baseline, or too little after the faults to see a sustained stretch
            return
        }
        let baseErrors = Double(baseline.map(\.failed).reduce(0, +)) / Double(Swift.max(1, baseline.map(\.arrivals).reduce(0, +)))
        let baseLatency = Recovery.median(baseline.map { Double($0.latencyP99) })
        let baseStaleness = Recovery.median(baseline.map { Double($0.stalenessP99) })
        func healthy(_ row: TimeSeriesRow) -> Bool {
            let errors = row.arrivals == 0 ? 0 : Double(row.failed) / Double(row.arrivals)
            return errors <= baseErrors + 0.01 && Double(row.latencyP99) <= 2 * baseLatency + 1e6
        }
        // A row that applied nothing while requests arrived is not fresh (an empty staleness
        // reads 0), unless the architecture applied nothing before the faults either.
        let appliesEffects = baseline.contains { $0.applied > 0 }
        func fresh(_ row: TimeSeriesRow) -> Bool {
            (!appliesEffects || row.applied > 0 || row.arrivals == 0) && Double(row.stalenessP99) <= 2 * baseStaleness + 1e6
        }
        recoveredAfter = Recovery.settled(after, lastEnd: lastEnd, sustainedRows: length, test: healthy)
        convergedAfter = Recovery.settled(after, lastEnd: lastEnd, sustainedRows: length, test: fresh)
        isMeasurable = true
        let quarter = Swift.max(1, after.count / 4)
        func meanWork(_ rows: some Collection<TimeSeriesRow>) -> Double {
            rows.map { series.work(in: $0) }.reduce(0, +) / Double(rows.count)
        }
        let work = WorkLevels(before: meanWork(baseline), afterFaults: meanWork(after.prefix(quarter)), atEnd: meanWork(after.suffix(quarter)))
        self.work = work
        let farAbove = work.atEnd > 2 * work.before + 10
        let drained = work.atEnd - work.before <= 0.9 * (work.afterFaults - work.before)
        isMetastable = recoveredAfter == nil && farAbove && !drained
    }

    init(recoveredAfter: TimeSpan?, convergedAfter: TimeSpan?, isMeasurable: Bool, isMetastable: Bool) {
        self.recoveredAfter = recoveredAfter
        self.convergedAfter = convergedAfter
        self.isMeasurable = isMeasurable
        self.isMetastable = isMetastable
    }

    /// The rows a sustained stretch spans when rows are `interval` apart: `sustained` worth, and
    /// at least `minimumSustainedRows`.
    static func sustainedRows(interval: TimeSpan) -> Int {
        let rows = (sustained.nanoseconds + interval.nanoseconds - 1) / Swift.max(1, interval.nanoseconds)
        return Swift.max(minimumSustainedRows, Int(rows))
    }

    /// From `lastEnd` to the start of the first window of `sustainedRows` rows passing `test`
    /// after which no as long a run of rows fails it; `nil` without one.
    /// - Complexity: O(rows).
    static func settled(_ rows: [TimeSeriesRow], lastEnd: TimeSpan, sustainedRows length: Int, test: (TimeSeriesRow) -> Bool) -> TimeSpan? {
        let passes = rows.map(test)
        // The first row after the last sustained failing run.
        var start = 0, failing = 0
        for (i, pass) in passes.enumerated() {
            failing = pass ? 0 : failing + 1
            if failing >= length { start = i + 1 }
        }
        var passing = 0
        for i in start..<passes.count {
            passing = passes[i] ? passing + 1 : 0
            guard passing == length else { continue }
            let first = i + 1 - length
            let previousEnd = first > 0 ? rows[first - 1].end.sinceStart : lastEnd
            return Swift.max(.zero, previousEnd - lastEnd)
        }
        return nil
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// The mean work in the system (items, the sum of the work gauges) over three stretches of a run.
public struct WorkLevels: Sendable, Equatable {
    /// Over the rows before the first fault.
    public var before: Double
    /// Over the first quarter of the rows after the last fault, up to the end of arrivals.
    public var afterFaults: Double
    /// Over the last quarter of those rows.
    public var atEnd: Double
}

extension ArchitectureReport {
    /// This architecture's recovery after the faults in `windows`, for a run whose arrivals stop at `arrivalsEnd`.
    public func recovery(after windows: [FaultWindow], arrivalsEnd: TimeSpan) -> Recovery {
        Recovery(series: metrics.series, windows: windows, arrivalsEnd: arrivalsEnd)
    }
}
