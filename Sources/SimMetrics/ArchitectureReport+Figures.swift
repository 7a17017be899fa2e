import SimKernel

/// The derived figures every writer shows, computed in one place.
extension ArchitectureReport {
    /// User requests that failed.
    public var failed: Int { metrics.failures.total }

    /// Requests that arrived but were neither answered with success nor with a failure by the
    /// time the run stopped: `arrived − succeeded − failed`.
    public var unansweredAtEnd: Int { metrics.requests - metrics.succeeded - failed }

    /// Fraction of requests that failed.
    public var errorRate: Double { metrics.requests == 0 ? 0 : Double(failed) / Double(metrics.requests) }

    /// Per-request cost: `total` divided by the requests that arrived.
    public func perRequest(_ total: Double) -> Double { metrics.requests == 0 ? 0 : total / Double(metrics.requests) }

    /// Worker-seconds held per request, over every service: after a warm-up, the worker time
    /// measured after it per request that arrived after it. `nil` when no request arrived
    /// (after the warm-up, if any): there is nothing to divide by, which is no data, not zero.
    public var workerSecondsPerRequest: Double? {
        let measured = metrics.requests - metrics.warmupRequests
        return measured == 0 ? nil : metrics.services.reduce(0) { $0 + $1.busyNanoseconds } / 1e9 / Double(measured)
    }

    /// Consistency summed over every effect target (staleness after the warm-up, if any).
    public var consistencyTotals: (counts: EffectCounts, missing: Int, divergent: Int, staleness: Histogram) {
        var counts = EffectCounts(), missing = 0, divergent = 0, staleness = Histogram()
        for (t, target) in metrics.ledger.finalReport().enumerated() {
            counts.applied += target.counts.applied
            counts.duplicated += target.counts.duplicated
            counts.outOfOrder += target.counts.outOfOrder
            counts.lost += target.counts.lost
            counts.deadLettered += target.counts.deadLettered
            counts.superseded += target.counts.superseded
            counts.refused += target.counts.refused
            counts.untracked += target.counts.untracked
            missing += target.missingAtEnd
            divergent += target.divergentEntities
            staleness.merge(metrics.staleness[t])
        }
        return (counts, missing, divergent, staleness)
    }

    /// Per gauge column ending in `suffix` (for example `" lag"`): the name without it, its
    /// peak and its last value, both `nil` when the run took no sample.
    public func gauges(endingWith suffix: String) -> [(name: String, peak: Double?, last: Double?)] {
        metrics.series.gaugeNames.enumerated().compactMap { column, name in
            guard name.hasSuffix(suffix) else { return nil }
            let values = metrics.series.rows.map { $0.gauges[column] }
            return (String(name.dropLast(suffix.count)), values.max(), values.last)
        }
    }

    /// The fraction of its workers' time a service spent holding them over a run of `length`,
    /// or over the part of it after the warm-up; `nil` when that part has no time in it.
    public func utilisation(of service: ServiceMetrics, over length: TimeSpan) -> Double? {
        let measured = length - (metrics.warmupEnded?.sinceStart ?? .zero)
        guard service.workers > 0, measured.nanoseconds > 0 else { return nil }
        return service.busyNanoseconds / (Double(service.workers) * Double(measured.nanoseconds))
    }
}
