import SimMetrics

extension HeadlineRows {
    /// An architecture's consistency summed over its effect targets (`ArchitectureReport.consistencyTotals`).
    typealias ConsistencyTotals = (counts: EffectCounts, missing: Int, divergent: Int, staleness: Histogram)

    /// The rows that carry a run's lesson, highlighted on the page: what users met (failures,
    /// the p99 wait for an answer, successful or failed), what the system lost, and how soon it recovered.
    public static let headlines = ["failed", "success latency p99", "failure latency p99", "missing at end", "recovery after last fault"]

    /// For each row of `rows(report, compact:)` (by label), which architectures did worse: those
    /// with the largest value of a figure where more is worse, when it is strictly larger than
    /// another's. Empty for a row that does not compare (counts of requests, recovery) or where
    /// fewer than two architectures have a value.
    public static func worse(in report: RunReport, label: String) -> [Bool] {
        worse(in: report, label: label, totals: report.architectures.map(\.consistencyTotals))
    }

    /// `worse(in:label:)`, given each architecture's `consistencyTotals` (summed over its
    /// ledger once for every row, rather than once per row that reads them).
    static func worse(in report: RunReport, label: String, totals: [ConsistencyTotals]) -> [Bool] {
        let values = zip(report.architectures, totals).map { figure(label, of: $0, totals: $1) }
        let known = values.compactMap { $0 }
        guard known.count >= 2, let most = known.max(), let least = known.min(), most > least else {
            return Array(repeating: false, count: values.count)
        }
        return values.map { $0 == most }
    }

    /// The figure behind a row, as a number where a larger one is worse; `nil` for rows that do
    /// not compare that way or where the architecture has no value.
    static func figure(_ label: String, of a: ArchitectureReport, totals: ConsistencyTotals) -> Double? {
        func quantile(_ h: Histogram, _ q: Double) -> Double? { h.isEmpty ? nil : Double(h.quantile(q)) }
        let counts = totals.counts
        let perRequest = a.metrics.requests == 0 ? nil : 1.0
        switch label {
        case "failed": return Double(a.failed)
        case "unanswered at end": return Double(a.unansweredAtEnd)
        case "success latency p50": return quantile(a.metrics.latencySuccess, 0.5)
        case "success latency p99": return quantile(a.metrics.latencySuccess, 0.99)
        case "success latency max": return quantile(a.metrics.latencySuccess, 1)
        case "end-to-end p50": return quantile(a.metrics.endToEnd, 0.5)
        case "end-to-end p99": return quantile(a.metrics.endToEnd, 0.99)
        case "failure latency p99": return quantile(a.metrics.latencyFailure, 0.99)
        case "duplicated effects": return Double(counts.duplicated)
        case "out-of-order effects": return Double(counts.outOfOrder)
        case "lost effects": return Double(counts.lost)
        case "dead-lettered effects": return Double(counts.deadLettered)
        case "missing at end": return Double(totals.missing)
        case "divergent entities at end": return Double(totals.divergent)
        case "staleness p99": return quantile(totals.staleness, 0.99)
        case "staleness max": return quantile(totals.staleness, 1)
        case "timeouts": return Double(a.metrics.failures.timeout)
        case "rejected": return Double(a.metrics.failures.rejected)
        case "unavailable": return Double(a.metrics.failures.unavailable)
        case "errors": return Double(a.metrics.failures.error)
        case "short-circuited": return Double(a.metrics.failures.shortCircuited)
        case "attempts / request": return perRequest.map { _ in a.perRequest(Double(a.metrics.attempts)) }
        case "messages / request": return perRequest.map { _ in a.perRequest(Double(a.metrics.messages)) }
        case "worker-seconds / request": return a.workerSecondsPerRequest
        default: return nil
        }
    }
}
