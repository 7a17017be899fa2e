import SimKernel

/// The span of one run that its architectures' figures are measured over, and the builder of
/// those figures: the names and precision `metrics.json` has below `architectures.<name>`.
struct RunSpan {
    /// How long requests arrived for.
    var duration: TimeSpan
    /// From the start to the end of the drain.
    var length: TimeSpan
    /// The fault windows, which recovery is measured after.
    var windows: [FaultWindow]

    /// How much of the arrival period and of the whole run architecture `a` covered: all of
    /// them, or up to where a limit stopped it.
    func covered(by a: ArchitectureReport) -> (arrivals: TimeSpan, length: TimeSpan) {
        guard let stop = a.metrics.stoppedAt?.sinceStart else { return (duration, length) }
        return (Swift.min(duration, stop), Swift.min(length, stop))
    }

    /// `count` per second of `span`; absent for a span of no time.
    func perSecond(_ count: Int, over span: TimeSpan) -> Figure {
        span > .zero ? .decimal(Double(count) / span.seconds, places: 3) : .absent
    }

    /// The figures of architecture `a`'s run.
    func figures(of a: ArchitectureReport) -> Figure {
        let m = a.metrics
        let arrivals = covered(by: a).arrivals
        let totals = a.consistencyTotals
        return .group([
            ("kind", .text(a.kind)),
            ("run", run(a)),
            ("requests", requests(a)),
            ("throughput", .group([
                ("offeredPerSecond", perSecond(m.requests, over: arrivals)),
                ("goodputPerSecond", perSecond(m.succeeded, over: arrivals)),
            ])),
            ("latency", .group([("success", histogram(m.latencySuccess)), ("failure", histogram(m.latencyFailure))])),
            ("endToEnd", histogram(m.endToEnd)),
            ("cost", cost(a)),
            ("delivery", .group([("redeliveries", .integer(m.redeliveries)), ("rebalances", .integer(m.rebalances)), ("evictions", .integer(m.evictions))])),
            ("breakers", .group(m.breakers.map { breaker in
                (breaker.edge, .group([("openings", .integer(breaker.openings)), ("openMs", .milliseconds(breaker.timeOpen.nanoseconds))]))
            })),
            ("edges", .group(m.edges.map { ($0.edge, edge($0)) })),
            ("services", services(a)),
            ("consistency", .group(
                m.ledger.finalReport().enumerated().map { t, target in
                    (target.name, consistency(target.counts, missing: target.missingAtEnd, divergent: target.divergentEntities,
                                              staleness: m.staleness[t]))  // after the warm-up
                }
                + [("total", consistency(totals.counts, missing: totals.missing, divergent: totals.divergent, staleness: totals.staleness))]
            )),
            ("consumers", .group(m.consumers.map { ($0.name, .group([("redeliveries", .integer($0.redeliveries)), ("status", status($0))])) })),
            ("recovery", recovery(a.recovery(after: windows, arrivalsEnd: duration))),
            ("gauges", gauges(m.series)),
        ])
    }

    /// The requests that arrived, and how each ended (or did not, by the end of the run).
    func requests(_ a: ArchitectureReport) -> Figure {
        let m = a.metrics
        let byKind: [(String, Figure)] = FailureKind.allCases.map { ($0.rawValue, .integer(count(m.failures, $0))) }
        return .group([
            ("arrived", .integer(m.requests)),
            ("succeeded", .integer(m.succeeded)),
            ("failed", .integer(a.failed)),
            ("errorRate", perArrival(a, Double(a.failed), decimals: 6)),
            ("unansweredAtEnd", .integer(a.unansweredAtEnd)),
            ("failedByKind", .group(byKind)),
            ("completed", .integer(m.completed)),
            ("abandonedAttempts", .integer(m.abandonedAttempts)),
            ("clientRetries", .integer(m.clientRetries)),
        ])
    }

    /// Each service's workers and waiting line; a service this design never calls has no row.
    func services(_ a: ArchitectureReport) -> Figure {
        let ran = covered(by: a).length
        return .group(a.metrics.services.filter { $0.workers > 0 }.map { service in
            (service.name, .group([
                ("utilisation", a.utilisation(of: service, over: ran).map { .decimal($0, places: 4) } ?? .absent),
                ("busyWorkerSeconds", .decimal(service.busyNanoseconds / 1e9, places: 3)),
                ("started", .integer(service.started)),
                ("callAttempts", .integer(service.callAttempts)),
                ("callAttemptsPerRequest", perArrival(a, Double(service.callAttempts), decimals: 4)),
                ("rejected", .integer(service.rejected)),
                ("wastedWork", .integer(service.wastedWork)),
                ("peakQueue", .integer(service.peakQueue)),
                ("holding", histogram(service.holding)),
                ("queueing", histogram(service.queueing)),
            ]))
        })
    }

    /// How the run went: why it stopped, its events, where a limit (and which line) or the warm-up cut it, and any model error.
    func run(_ a: ArchitectureReport) -> Figure {
        let m = a.metrics
        let stoppedAt: Figure = m.stoppedAt.map { .milliseconds($0.nanoseconds) } ?? .absent  // null: ran to its end
        let warmupEnd: Figure = m.warmupEnded.map { .milliseconds($0.nanoseconds) } ?? .absent
        let modelError: Figure = m.ledger.firstError.map { .text($0) } ?? .absent
        return .group([
            ("stop", .text(a.stopReason)),
            ("events", .integer(a.events)),
            ("stoppedAtMs", stoppedAt),
            ("overflowedLine", m.lineOverflow.map { .text($0.line) } ?? .absent),
            ("warmupEndMs", warmupEnd),
            ("modelError", modelError),
        ])
    }

    /// What each request cost: attempts, retries, messages, worker time, and calls by their attempts.
    func cost(_ a: ArchitectureReport) -> Figure {
        let m = a.metrics
        let byAttempts: [(String, Figure)] = m.callsByAttempts.enumerated().map { (String($0.offset), .integer($0.element)) }
        let workerSeconds: Figure = a.workerSecondsPerRequest.map { .decimal($0, places: 6) } ?? .absent
        return .group([
            ("attemptsPerRequest", perArrival(a, Double(m.attempts), decimals: 4)),
            ("retriesPerRequest", perArrival(a, Double(m.retries), decimals: 4)),
            ("messagesPerRequest", perArrival(a, Double(m.messages), decimals: 4)),
            ("callsByAttempts", .group(byAttempts)),
            ("workerSecondsPerRequest", workerSeconds),
        ])
    }

    /// The calls along one caller → callee edge: how many, their attempts, how these ended,
    /// and the edge's breaker.
    func edge(_ e: EdgeRecord) -> Figure {
        .group([
            ("calls", .integer(e.calls)),
            ("attempts", .integer(e.attempts)),
            ("retries", .integer(e.retries)),
            ("timeouts", .integer(e.timeouts)),
            ("failed", .integer(e.failed)),
            ("rejected", .integer(e.rejected)),
            ("shortCircuited", .integer(e.shortCircuited)),
            ("openings", .integer(e.openings)),
            ("openMs", .milliseconds(e.timeOpen.nanoseconds)),
        ])
    }

    /// Each gauge's peak and last sample (`null` without samples).
    func gauges(_ series: TimeSeries) -> Figure {
        .group(series.gaugeNames.enumerated().map { column, name in
            let values = series.rows.map { $0.gauges[column] }
            let peak: Figure = values.max().map { .decimal($0, places: 3) } ?? .absent
            let atEnd: Figure = values.last.map { .decimal($0, places: 3) } ?? .absent
            return (name, .group([("peak", peak), ("atEnd", atEnd)]))
        })
    }

    /// A consumer group's health over the run: its worst and last status, and the time it
    /// spent in each (see `ConsumerHealthWindows` for the rules).
    func status(_ record: ConsumerStatusRecord) -> Figure {
        .group([
            ("worst", .text(record.worst.name)),
            ("worstLevel", .integer(record.worst.rawValue)),
            ("atEnd", .text(record.latest.name)),
        ] + ConsumerStatus.allCases.map { (statusKey($0), .milliseconds(record.time(in: $0).nanoseconds)) })
    }

    /// `okMs`, `warnMs`, `stallMs`, `stopMs`.
    func statusKey(_ status: ConsumerStatus) -> String { status.name.lowercased() + "Ms" }

    /// How the run recovered after its faults (see `Recovery`).
    func recovery(_ r: Recovery) -> Figure {
        .group([
            ("measurable", .truth(r.isMeasurable)),
            ("recovered", .truth(r.recoveredAfter != nil)),
            ("recoveredAfterMs", r.recoveredAfter.map { .milliseconds($0.nanoseconds) } ?? .absent),
            ("metastable", .truth(r.isMetastable)),
            ("workBefore", r.work.map { .decimal($0.before, places: 3) } ?? .absent),
            ("workAfterFaults", r.work.map { .decimal($0.afterFaults, places: 3) } ?? .absent),
            ("workAtEnd", r.work.map { .decimal($0.atEnd, places: 3) } ?? .absent),
            ("converged", .truth(r.convergedAfter != nil)),
            ("convergedAfterMs", r.convergedAfter.map { .milliseconds($0.nanoseconds) } ?? .absent),
        ])
    }

    /// What became of the effects on one target (or on all), and how stale they were when applied.
    func consistency(_ c: EffectCounts, missing: Int, divergent: Int, staleness: Histogram) -> Figure {
        .group([
            ("applied", .integer(c.applied)),
            ("duplicated", .integer(c.duplicated)),
            ("outOfOrder", .integer(c.outOfOrder)),
            ("lost", .integer(c.lost)),
            ("deadLettered", .integer(c.deadLettered)),
            ("superseded", .integer(c.superseded)),
            ("refused", .integer(c.refused)),
            ("untracked", .integer(c.untracked)),
            ("missingAtEnd", .integer(missing)),
            ("divergentEntities", .integer(divergent)),
            ("staleness", histogram(staleness)),
        ])
    }

    /// `total` per request that arrived; `null` when none arrived (no data, not zero).
    func perArrival(_ a: ArchitectureReport, _ total: Double, decimals: Int) -> Figure {
        a.metrics.requests == 0 ? .absent : .decimal(a.perRequest(total), places: decimals)
    }

    /// A histogram's headline figures, in milliseconds; with no values, only the count (0) and
    /// `null` for every figure it does not define.
    func histogram(_ h: Histogram) -> Figure {
        guard !h.isEmpty else {
            return .group([("count", .integer(0))] + ["meanMs", "stddevMs", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs"].map { ($0, .absent) })
        }
        return .group([
            ("count", .integer(h.count)),
            ("meanMs", .decimal(h.mean / 1e6, places: 3)),
            ("stddevMs", .decimal(h.standardDeviation / 1e6, places: 3)),
            ("p50Ms", .milliseconds(h.quantile(0.5))),
            ("p90Ms", .milliseconds(h.quantile(0.9))),
            ("p99Ms", .milliseconds(h.quantile(0.99))),
            ("p999Ms", .milliseconds(h.quantile(0.999))),
            ("maxMs", .milliseconds(h.max)),
        ])
    }

    /// The failures of `kind`.
    func count(_ failures: FailureCounts, _ kind: FailureKind) -> Int {
        switch kind {
        case .timeout: failures.timeout
        case .rejected: failures.rejected
        case .error: failures.error
        case .shortCircuited: failures.shortCircuited
        case .unavailable: failures.unavailable
        }
    }
}
