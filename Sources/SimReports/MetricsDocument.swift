import SimKernel
import SimMetrics

/// Writes `metrics.json`: every figure of a run, keys sorted, durations in milliseconds
/// (keys ending in `Ms`). `docs/metrics.md` documents each field.
public enum MetricsDocument {
    /// The schema's version; it changes when a field changes meaning or moves.
    public static let schemaVersion = 1

    public static func render(_ report: RunReport) -> String {
        document(report).rendered
    }

    public static func document(_ report: RunReport) -> JSONOutput {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("ripple", .object([("version", .string(report.version))])),
            ("scenario", .object([
                ("name", .string(report.name)),
                ("seed", .number(String(report.seed))),
                ("durationMs", milliseconds(report.duration.nanoseconds)),
                ("drainMs", milliseconds(report.drain.nanoseconds)),
                ("faults", .array(report.faults.map { .string($0) })),
            ])),
            ("architectures", .object(report.architectures.map { ($0.name, architecture($0, report)) })),
            ("expectations", .array(report.verdicts.map(expectation))),
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
            ("run", .object([
                ("stop", .string(a.stopReason)),
                ("events", .int(a.events)),
                ("stoppedAtMs", m.stoppedAt.map { milliseconds($0.nanoseconds) } ?? .null),  // null: ran to its end
                ("warmupEndMs", milliseconds(m.warmupEnded?.nanoseconds ?? 0)),  // 0: no warm-up
                ("modelError", m.ledger.firstError.map { .string($0) } ?? .null),
            ])),
            ("requests", .object([
                ("arrived", .int(m.requests)),
                ("succeeded", .int(m.succeeded)),
                ("failed", .int(a.failed)),
                ("errorRate", .decimal(a.errorRate, decimals: 6)),
                ("failedByKind", .object(FailureKind.allCases.map { ($0.rawValue, .int(count(m.failures, $0))) })),
                ("completed", .int(m.completed)),
            ])),
            ("throughput", .object([
                ("offeredPerSecond", .decimal(Double(m.requests) / seconds)),
                ("goodputPerSecond", .decimal(Double(m.succeeded) / seconds)),
            ])),
            ("latency", .object([("success", histogram(m.latencySuccess)), ("failure", histogram(m.latencyFailure))])),
            ("endToEnd", histogram(m.endToEnd)),
            ("cost", .object([
                ("attemptsPerRequest", .decimal(a.perRequest(Double(m.attempts)), decimals: 4)),
                ("retriesPerRequest", .decimal(a.perRequest(Double(m.retries)), decimals: 4)),
                ("messagesPerRequest", .decimal(a.perRequest(Double(m.messages)), decimals: 4)),

                ("workerSecondsPerRequest", .decimal(a.workerSecondsPerRequest, decimals: 6)),
            ])),
            ("delivery", .object([("redeliveries", .int(m.redeliveries)), ("rebalances", .int(m.rebalances)), ("evictions", .int(m.evictions))])),
            ("breakers", .object(m.breakers.map { breaker in
                (breaker.edge, .object([("openings", .int(breaker.openings)), ("openMs", milliseconds(breaker.timeOpen.nanoseconds))]))
            })),
            ("services", .object(m.services.map { service in
                (service.name, .object([
                    ("utilisation", .decimal(a.utilisation(of: service, over: report.length), decimals: 4)),
                    ("busyWorkerSeconds", .decimal(service.busyNanoseconds / 1e9)),
                    ("started", .int(service.started)),
                    ("callAttempts", .int(service.callAttempts)),
                    ("callAttemptsPerRequest", .decimal(a.perRequest(Double(service.callAttempts)), decimals: 4)),
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
            ("gauges", .object(a.metrics.series.gaugeNames.enumerated().map { column, name in
                let values = m.series.rows.map { $0.gauges[column] }
                return (name, .object([("peak", .decimal(values.max() ?? 0)), ("atEnd", .decimal(values.last ?? 0))]))
            })),
        ])
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

    /// A histogram's headline figures, in milliseconds.
    static func histogram(_ h: Histogram) -> JSONOutput {
        .object([
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
