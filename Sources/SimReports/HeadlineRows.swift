import SimMetrics

/// The headline figures shown side by side in `summary.md` and on the terminal: one row per
/// figure, one column per architecture.
public enum HeadlineRows {
    /// Rows of `[label, value for each architecture…]`; `compact` keeps the terminal's short list.
    public static func rows(_ report: RunReport, compact: Bool) -> [[String]] {
        let a = report.architectures
        func row(_ label: String, _ value: (ArchitectureReport) -> String) -> [String] { [label] + a.map(value) }
        // Summed over the ledger's targets once per architecture: several rows read it.
        let totals = a.map(\.consistencyTotals)
        func consistency(_ label: String, _ value: ((counts: EffectCounts, missing: Int, divergent: Int, staleness: Histogram)) -> String) -> [String] {
            [label] + totals.map(value)
        }
        func ms(_ h: Histogram, _ q: Double) -> String { h.isEmpty ? "–" : Format.duration(nanoseconds: Double(h.quantile(q))) }
        var rows: [[String]] = [
            row("requests") { String($0.metrics.requests) },
            row("succeeded") { String($0.metrics.succeeded) },
            row("failed") { "\($0.failed) (\($0.metrics.requests == 0 ? "–" : Format.percent($0.errorRate)))" },
            row("unanswered at end") { String($0.unansweredAtEnd) },
            row("success latency p50") { ms($0.metrics.latencySuccess, 0.5) },
            row("success latency p99") { ms($0.metrics.latencySuccess, 0.99) },
            row("success latency max") { ms($0.metrics.latencySuccess, 1) },
            row("failure latency p99") { ms($0.metrics.latencyFailure, 0.99) },
            row("end-to-end p99") { ms($0.metrics.endToEnd, 0.99) },
            row("completed (all effects)") { String($0.metrics.completed) },
            consistency("duplicated effects") { String($0.counts.duplicated) },
            consistency("out-of-order effects") { String($0.counts.outOfOrder) },
            consistency("lost effects") { String($0.counts.lost) },
            consistency("dead-lettered effects") { String($0.counts.deadLettered) },
            consistency("missing at end") { String($0.missing) },
            consistency("staleness p99") { ms($0.staleness, 0.99) },
        ]
        // Read once per architecture: both recovery rows use it.
        let recoveries = a.map { $0.recovery(after: report.windows, arrivalsEnd: report.duration) }
        func recoveryRow(_ label: String, _ text: (Recovery, ArchitectureReport) -> String) -> [String] {
            [label] + zip(recoveries, a).map { $0.isMeasurable ? text($0, $1) : "–" }
        }
        rows += [
            recoveryRow("recovery after last fault") { recovery, _ in
                guard let after = recovery.recoveredAfter else { return recovery.isMetastable ? "never (metastable)" : "not within the run" }
                return after == .zero ? "at once" : Format.duration(nanoseconds: Double(after.nanoseconds))
            },
            // Users can be served again long before a consumer's backlog is applied: the two apart.
            recoveryRow("effects fresh after last fault") { recovery, r in
                guard !r.metrics.ledger.targets.isEmpty else { return "–" }  // no effects to be fresh
                guard let after = recovery.convergedAfter else { return "not within the run" }
                return after == .zero ? "at once" : Format.duration(nanoseconds: Double(after.nanoseconds))
            },
            row("peak consumer lag") { r in
                let peaks = r.gauges(endingWith: " lag").compactMap(\.peak)  // none without consumers or samples
                return peaks.max().map { Format.compact($0, significant: 6) } ?? "–"
            },
        ]
        if !compact {
            rows += [
                row("timeouts") { String($0.metrics.failures.timeout) },
                row("rejected") { String($0.metrics.failures.rejected) },
                row("unavailable") { String($0.metrics.failures.unavailable) },
                row("errors") { String($0.metrics.failures.error) },
                row("short-circuited") { String($0.metrics.failures.shortCircuited) },
                row("end-to-end p50") { ms($0.metrics.endToEnd, 0.5) },
                consistency("staleness max") { ms($0.staleness, 1) },
                consistency("divergent entities at end") { String($0.divergent) },
            ]
        }
        rows += [
            row("attempts / request") { perArrival($0, Format.fixed($0.perRequest(Double($0.metrics.attempts)), decimals: 2)) },
            row("messages / request") { perArrival($0, Format.fixed($0.perRequest(Double($0.metrics.messages)), decimals: 2)) },
            row("worker-seconds / request") { $0.workerSecondsPerRequest.map { Format.fixed($0, decimals: 3) } ?? "–" },
        ]
        return rows
    }

    /// `text`, or `–` when no request arrived and a figure per request has no data.
    static func perArrival(_ a: ArchitectureReport, _ text: @autoclosure () -> String) -> String {
        a.metrics.requests == 0 ? "–" : text()
    }
}
