import SimKernel
import SimMetrics

/// Writes `metrics.json`: every figure of a run, keys sorted, durations in milliseconds
/// (keys ending in `Ms`). `docs/metrics.md` documents each field.
public enum MetricsDocument {
    /// The schema's version; it changes when a field changes meaning or moves.
    public static let schemaVersion = 1

    /// The text of `metrics.json` for `report`.
    public static func render(_ report: RunReport) -> String {
        document(report).rendered
    }

    /// `metrics.json` for `report`, as a value to write or to read expectations' metrics from.
    public static func document(_ report: RunReport) -> JSONOutput {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("ripple", .object([("version", .string(report.version))])),
            ("scenario", .object([
                ("name", .string(report.name)),
                ("seed", .number(String(report.seed))),
                ("fnv1a64", report.scenarioHash.map { .string(FNV1a64.text($0)) } ?? .null),
                ("durationMs", milliseconds(report.duration.nanoseconds)),
                ("drainMs", milliseconds(report.drain.nanoseconds)),
                ("faults", .array(report.faults.map { .string($0) })),
            ])),
            ("architectures", .object(report.architectures.map { ($0.name, architecture($0, report)) })),
            ("expectations", .array(report.verdicts.map(expectation))),
            ("verdict", .string(RunVerdict(report.verdicts).rawValue)),
        ])
    }

    /// One checked expectation: what it says, what was measured, whether it held.
    static func expectation(_ verdict: Verdict) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("text", .string(verdict.text)),
            ("architecture", .string(verdict.architecture)),
            ("metric", .string(verdict.metric)),
            ("measured", verdict.measured.map { verdict.isTruth ? .bool($0 != 0) : .decimal($0, decimals: 6) } ?? .null),
            ("passed", .bool(verdict.holds)),
            ("noData", .bool(verdict.status == .noData)),
        ]
        if let why = verdict.why { members.append(("why", .string(why))) }
        return .object(members)
    }

    static func architecture(_ a: ArchitectureReport, _ report: RunReport) -> JSONOutput {
        let m = a.metrics
        let seconds = report.duration.seconds
        let totals = a.consistencyTotals
        return .object([
            ("kind", .string(a.kind)),
            ("run", run(a)),
            ("requests", .object([
                ("arrived", .int(m.requests)),
                ("succeeded", .int(m.succeeded)),
                ("failed", .int(a.failed)),
                ("errorRate", perArrival(a, Double(a.failed), decimals: 6)),
                ("unansweredAtEnd", .int(a.unansweredAtEnd)),
                ("failedByKind", .object(FailureKind.allCases.map { ($0.rawValue, .int(count(m.failures, $0))) })),
                ("completed", .int(m.completed)),
                ("abandonedAttempts", .int(m.abandonedAttempts)),
                ("clientRetries", .int(m.clientRetries)),
            ])),
            ("throughput", .object([
                ("offeredPerSecond", .decimal(Double(m.requests) / seconds)),
                ("goodputPerSecond", .decimal(Double(m.succeeded) / seconds)),
            ])),
            ("latency", .object([("success", histogram(m.latencySuccess)), ("failure", histogram(m.latencyFailure))])),
            ("endToEnd", histogram(m.endToEnd)),
            ("cost", cost(a)),
            ("delivery", .object([("redeliveries", .int(m.redeliveries)), ("rebalances", .int(m.rebalances)), ("evictions", .int(m.evictions))])),
            ("breakers", .object(m.breakers.map { breaker in
                (breaker.edge, .object([("openings", .int(breaker.openings)), ("openMs", milliseconds(breaker.timeOpen.nanoseconds))]))
            })),
            ("edges", .object(m.edges.map { (edge: EdgeRecord) in (edge.edge, Self.edge(edge)) })),
            ("services", .object(m.services.filter { $0.workers > 0 }.map { service in  // a service this design never calls has no row
                (service.name, .object([
                    ("utilisation", .decimal(a.utilisation(of: service, over: report.length), decimals: 4)),
                    ("busyWorkerSeconds", .decimal(service.busyNanoseconds / 1e9)),
                    ("started", .int(service.started)),
                    ("callAttempts", .int(service.callAttempts)),
                    ("callAttemptsPerRequest", perArrival(a, Double(service.callAttempts), decimals: 4)),
                    ("rejected", .int(service.rejected)),
                    ("wastedWork", .int(service.wastedWork)),
                    ("peakQueue", .int(service.peakQueue)),
                    ("holding", histogram(service.holding)),
                    ("queueing", histogram(service.queueing)),
                ]))
            })),
            ("consistency", .object(
                m.ledger.finalReport().enumerated().map { t, target in
                    (target.name, consistency(target.counts, missing: target.missingAtEnd, divergent: target.divergentEntities,
                                              staleness: m.staleness[t]))  // after the warm-up
                }
                + [("total", consistency(totals.counts, missing: totals.missing, divergent: totals.divergent, staleness: totals.staleness))]
            )),
            ("consumers", .object(m.consumers.map { ($0.name, .object([("status", status($0))])) })),
            ("recovery", recovery(a.recovery(in: report))),
            ("gauges", gauges(m.series)),
        ])
    }

    /// How the run went: why it stopped, its events, where a limit (and which line) or the warm-up cut it, and any model error.
    static func run(_ a: ArchitectureReport) -> JSONOutput {
        let m = a.metrics
        let stoppedAt: JSONOutput = m.stoppedAt.map { milliseconds($0.nanoseconds) } ?? .null  // null: ran to its end
        let warmupEnd: JSONOutput = m.warmupEnded.map { milliseconds($0.nanoseconds) } ?? .null
        let modelError: JSONOutput = m.ledger.firstError.map { .string($0) } ?? .null
        return .object([
            ("stop", .string(a.stopReason)),
            ("events", .int(a.events)),
            ("stoppedAtMs", stoppedAt),
            ("overflowedLine", m.lineOverflow.map { .string($0.service) } ?? .null),
            ("warmupEndMs", warmupEnd),
            ("modelError", modelError),
        ])
    }

    /// What each request cost: attempts, retries, messages, worker time, and calls by their attempts.
    static func cost(_ a: ArchitectureReport) -> JSONOutput {
        let m = a.metrics
        let byAttempts: [(String, JSONOutput)] = m.callsByAttempts.enumerated().map { (String($0.offset), .int($0.element)) }
        let workerSeconds: JSONOutput = m.requests == 0 ? .null : .decimal(a.workerSecondsPerRequest, decimals: 6)
        return .object([
            ("attemptsPerRequest", perArrival(a, Double(m.attempts), decimals: 4)),
            ("retriesPerRequest", perArrival(a, Double(m.retries), decimals: 4)),
            ("messagesPerRequest", perArrival(a, Double(m.messages), decimals: 4)),
            ("callsByAttempts", .object(byAttempts)),
            ("workerSecondsPerRequest", workerSeconds),
        ])
    }

    /// The calls along one caller → callee edge: how many, their attempts, how these ended,
    /// and the edge's breaker.
    static func edge(_ e: EdgeRecord) -> JSONOutput {
        .object([
            ("calls", .int(e.calls)),
            ("attempts", .int(e.attempts)),
            ("retries", .int(e.retries)),
            ("timeouts", .int(e.timeouts)),
            ("failed", .int(e.failed)),
            ("rejected", .int(e.rejected)),
            ("shortCircuited", .int(e.shortCircuited)),
            ("openings", .int(e.openings)),
            ("openMs", milliseconds(e.timeOpen.nanoseconds)),
        ])
    }

    /// Each gauge's peak and last sample (`null` without samples).
    static func gauges(_ series: TimeSeries) -> JSONOutput {
        .object(series.gaugeNames.enumerated().map { column, name in
            let values = series.rows.map { $0.gauges[column] }
            let peak: JSONOutput = values.max().map { .decimal($0) } ?? .null
            let atEnd: JSONOutput = values.last.map { .decimal($0) } ?? .null
            return (name, .object([("peak", peak), ("atEnd", atEnd)]))
        })
    }

    /// A consumer group's health over the run: its worst and last status, and the time it
    /// spent in each (see `ConsumerHealthWindows` for the rules).
    static func status(_ record: ConsumerStatusRecord) -> JSONOutput {
        .object([
            ("worst", .string(record.worst.name)),
            ("worstLevel", .int(record.worst.rawValue)),
            ("atEnd", .string(record.latest.name)),
        ] + ConsumerStatus.allCases.map { (statusKey($0), milliseconds(record.time(in: $0).nanoseconds)) })
    }

    /// `okMs`, `warnMs`, `stallMs`, `stopMs`.
    static func statusKey(_ status: ConsumerStatus) -> String { status.name.lowercased() + "Ms" }

    static func recovery(_ r: Recovery) -> JSONOutput {
        .object([
            ("measurable", .bool(r.isMeasurable)),
            ("recovered", .bool(r.recoveredAfter != nil)),
            ("recoveredAfterMs", r.recoveredAfter.map { milliseconds($0.nanoseconds) } ?? .null),
            ("metastable", .bool(r.isMetastable)),
            ("workBefore", r.work.map { .decimal($0.before) } ?? .null),
            ("workAfterFaults", r.work.map { .decimal($0.afterFaults) } ?? .null),
            ("workAtEnd", r.work.map { .decimal($0.atEnd) } ?? .null),
            ("converged", .bool(r.convergedAfter != nil)),
            ("convergedAfterMs", r.convergedAfter.map { milliseconds($0.nanoseconds) } ?? .null),
        ])
    }

    static func consistency(_ c: EffectCounts, missing: Int, divergent: Int, staleness: Histogram) -> JSONOutput {
        .object([
            ("applied", .int(c.applied)),
            ("duplicated", .int(c.duplicated)),
            ("outOfOrder", .int(c.outOfOrder)),
            ("lost", .int(c.lost)),
            ("deadLettered", .int(c.deadLettered)),
            ("superseded", .int(c.superseded)),
            ("refused", .int(c.refused)),
            ("untracked", .int(c.untracked)),
            ("missingAtEnd", .int(missing)),
            ("divergentEntities", .int(divergent)),
            ("staleness", histogram(staleness)),
        ])
    }

    /// `total` per request that arrived; `null` when none arrived (no data, not zero).
    static func perArrival(_ a: ArchitectureReport, _ total: Double, decimals: Int) -> JSONOutput {
        a.metrics.requests == 0 ? .null : .decimal(a.perRequest(total), decimals: decimals)
    }

    /// A histogram's headline figures, in milliseconds; with no values, only the count (0) and
    /// `null` for every figure it does not define.
    static func histogram(_ h: Histogram) -> JSONOutput {
        guard !h.isEmpty else {
            return .object([("count", .int(0))] + ["meanMs", "stddevMs", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs"].map { ($0, .null) })
        }
        return .object([
            ("count", .int(h.count)),
            ("meanMs", .decimal(h.mean / 1e6)),
            ("stddevMs", .decimal(h.standardDeviation / 1e6)),
            ("p50Ms", milliseconds(h.quantile(0.5))),
            ("p90Ms", milliseconds(h.quantile(0.9))),
            ("p99Ms", milliseconds(h.quantile(0.99))),
            ("p999Ms", milliseconds(h.quantile(0.999))),
            ("maxMs", milliseconds(h.max)),
        ])
    }

    static func milliseconds(_ nanoseconds: Int64) -> JSONOutput { .decimal(Double(nanoseconds) / 1e6) }

    static func count(_ failures: FailureCounts, _ kind: FailureKind) -> Int {
        switch kind {
        case .timeout: failures.timeout
        case .rejected: failures.rejected
        case .error: failures.error
        case .shortCircuited: failures.shortCircuited
        case .unavailable: failures.unavailable
        }
    }
}
