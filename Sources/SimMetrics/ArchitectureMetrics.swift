import SimKernel

/// Everything measured in one architecture's run: what the user saw, what each service
/// did, what it cost, and whether every effect happened once and in order.
public struct ArchitectureMetrics: Sendable {
    /// User-facing latency of requests that succeeded: those of the intervals closed so far
    /// and of the one being filled.
    public var latencySuccess: Histogram { closedLatencySuccess.merging(series.current.latency) }
    /// User-facing latency of requests that failed, the same way.
    public var latencyFailure: Histogram { closedLatencyFailure.merging(series.current.failureLatency) }
    /// The latencies of the time series' closed intervals. A response is recorded once, in
    /// its interval, which adds them here when it closes (`closeInterval`): one record a
    /// request rather than two, as merging commutes with recording.
    var closedLatencySuccess = Histogram()
    var closedLatencyFailure = Histogram()
    /// Request arrival to every required effect applied.
    public var endToEnd = Histogram()
    /// User requests that arrived.
    public var requests = 0
    /// User requests answered with success.
    public var succeeded = 0
    /// User requests answered with an error, by kind.
    public var failures = FailureCounts()
    /// Calls or publishes attempted, retries included.
    public var attempts = 0
    /// Retries among them.
    public var retries = 0
    /// Attempts users gave up on after their client timeout (the work behind them still ran).
    public var abandonedAttempts = 0
    /// Attempts users made again after a failure or a timeout.
    public var clientRetries = 0
    /// Synchronous calls by the attempts they made: element n counts the calls that ended
    /// after n attempts (0: refused by a breaker or bulkhead before any). Grows to the
    /// largest attempt count seen, at most the retry policy's attempts + 1 elements.
    public var callsByAttempts: [Int] = []
    /// Messages sent between nodes (calls, replies, publishes, acks, deliveries).
    public var messages = 0
    /// Requests whose required effects were all applied.
    public var completed = 0
    /// Per caller → callee edge with a circuit breaker: how often and how long it was open.
    public var breakers: [BreakerRecord]
    /// Per caller → callee edge calls go along: its calls, attempts and their outcomes, and
    /// its breaker's openings and time open.
    public var edges: [EdgeRecord]
    /// How many times circuit breakers opened, over every edge.
    public var breakerOpenings: Int { breakers.reduce(0) { $0 + $1.openings } }
    /// Deliveries of an event to a consumer after its first: in-line retries, visibility
    /// timeouts, failed messages returned to a queue.
    public var redeliveries = 0
    /// Rebalances of consumer groups started (a restarted rebalance counts again).
    public var rebalances = 0
    /// Times a consumer group's coordinator evicted the instances it had not heard from for
    /// the session timeout (paused, or cut off from the broker).
    public var evictions = 0
    /// Per service: what it did.
    public var services: [ServiceMetrics]
    /// The effect ledger.
    public var ledger: ConsistencyLedger
    /// Sampled figures over time.
    public var series: TimeSeries
    /// Spans and messages of a sample of requests.
    public var trace = TraceRecorder(limit: 0, expectedRequests: 0)
    /// Per consumer group: the time it spent in each health status.
    public var consumers: [ConsumerStatusRecord]

    /// When a limit (the event budget, or a line's limit) stopped the run, at its last event;
    /// `nil` for a run that reached its end (or went quiet). Every figure of a stopped run covers only the time before it.
    public var stoppedAt: Instant?
    /// The waiting line whose growth stopped the run, when one did (`stoppedAt` says when).
    public var lineOverflow: LineOverflow?

    // MARK: Warm-up (see ArchitectureMetrics+Warmup.swift)

    /// When the warm-up ended and the figures began; `nil` without a warm-up, or before its end.
    public internal(set) var warmupEnded: Instant?
    /// Requests that arrived during the warm-up, left out of per-request costs.
    public internal(set) var warmupRequests = 0
    /// Per effect target: the staleness of effects applied after the warm-up (every effect
    /// without one).
    public internal(set) var staleness: [Histogram]

    public init(serviceNames: [String], targets: [String], keyCount: Int, gaugeNames: [String], consumerNames: [String] = [],
                breakerEdges: [String] = [], callEdges: [String] = []) {
        services = serviceNames.map { ServiceMetrics(name: $0) }
        breakers = breakerEdges.map { BreakerRecord(edge: $0) }
        edges = callEdges.map { EdgeRecord(edge: $0) }
        ledger = ConsistencyLedger(targets: targets, keyCount: keyCount)
        series = TimeSeries(gaugeNames: gaugeNames)
        consumers = consumerNames.map { ConsumerStatusRecord(name: $0) }
        staleness = [Histogram](repeating: Histogram(), count: targets.count)
    }

    /// Records a user request answered at `now`, `latency` after it arrived.
    public mutating func recordResponse(latency: TimeSpan, failure: FailureKind?) {
        if let failure {
            series.current.failureLatency.record(latency.nanoseconds)
            failures.add(failure)
            series.current.failed += 1
            if failure == .timeout { series.current.timeouts += 1 }
            if failure == .rejected { series.current.rejected += 1 }
        } else {
            series.current.latency.record(latency.nanoseconds)
            succeeded += 1
            series.current.succeeded += 1
        }
    }

    /// Ends the time series' interval at `time` with the gauges' values: its latencies join
    /// the run's (`latencySuccess`, `latencyFailure`) and its row is written.
    public mutating func closeInterval(at time: Instant, gauges: [Double]) {
        closedLatencySuccess.merge(series.current.latency)
        closedLatencyFailure.merge(series.current.failureLatency)
        series.close(at: time, gauges: gauges)
    }

    /// Records a synchronous call that ended after `attempts` attempts.
    public mutating func recordCallEnded(attempts: Int) {
        if callsByAttempts.count <= attempts { callsByAttempts += repeatElement(0, count: attempts + 1 - callsByAttempts.count) }
        callsByAttempts[attempts] += 1
    }

    /// Records the arrival of a user request.
    public mutating func recordArrival() {
        requests += 1
        series.current.arrivals += 1
    }

    /// Records an effect applied by `target`.
    public mutating func recordApply(target: Int, key: Int32, version: Int32, committedAt: Instant, at now: Instant) -> ConsistencyLedger.Application {
        let outcome = ledger.apply(target: target, key: key, version: version)
        if outcome == .inOrder || outcome == .outOfOrder {
            series.current.applied += 1
            series.current.staleness.record((now - committedAt).nanoseconds)
            staleness[target].record((now - committedAt).nanoseconds)
        }
        return outcome
    }

    /// Records an effect that `target` gave up on and parked in a dead-letter queue.
    public mutating func recordDeadLetter(target: Int) {
        ledger.recordDeadLetter(target: target)
        series.current.deadLettered += 1
    }

    /// Records that a worker of `service` was held for `held` (its work, and whatever it
    /// waited for while it kept the worker): `holding` records the whole hold, and so does the
    /// service's worker time, less what `discountBeforeWarmup` took off a hold open at the
    /// warm-up's end, so that only its time after the warm-up counts towards utilisation.
    public mutating func recordHeld(_ held: TimeSpan, service: Int) {
        services[service].holding.record(held.nanoseconds)
        services[service].busyNanoseconds += Double(held.nanoseconds)
    }

    /// A worker of `service`, taken at `since`, was still held at the warm-up's end: the time
    /// before it is taken off the worker time now, as the whole hold is added when it ends (or
    /// when the run does). Counted whole, a saturated service's utilisation would pass 1.
    public mutating func discountBeforeWarmup(holdSince since: Instant, service: Int) {
        guard let end = warmupEnded, end > since else { return }
        services[service].busyNanoseconds -= Double((end - since).nanoseconds)
    }

    /// Records that a worker of `service`, taken at `since`, was still held when the run
    /// ended at `end`: the time from `since` to `end` adds to the service's worker time and so
    /// to its utilisation (less the part before the warm-up, see `discountBeforeWarmup`). The
    /// hold did not end, so `holding`, a histogram of holds' lengths, leaves it out.
    public mutating func recordHeldAtEnd(since: Instant, end: Instant, service: Int) {
        guard end > since else { return }
        services[service].busyNanoseconds += Double((end - since).nanoseconds)
    }

    /// Records an event handed to consumer group `consumer` again.
    public mutating func recordRedelivery(consumer: Int) {
        redeliveries += 1
        consumers[consumer].redeliveries += 1
    }
}

/// Why a user request failed.
public enum FailureKind: String, Sendable, CaseIterable {
    /// A call waited longer than its timeout, on the last attempt.
    case timeout
    /// A full queue or pool refused it.
    case rejected
    /// A service answered with an error.
    case error
    /// An open circuit breaker refused it without trying.
    case shortCircuited
    /// The service it needed was down.
    case unavailable
}

/// User-facing failures by kind.
public struct FailureCounts: Sendable, Equatable {
    public var timeout = 0
    public var rejected = 0
    public var error = 0
    public var shortCircuited = 0
    public var unavailable = 0

    public init() {}

    /// All failures.
    public var total: Int { timeout + rejected + error + shortCircuited + unavailable }

    mutating func add(_ kind: FailureKind) {
        switch kind {
        case .timeout: timeout += 1
        case .rejected: rejected += 1
        case .error: error += 1
        case .shortCircuited: shortCircuited += 1
        case .unavailable: unavailable += 1
        }
    }
}

/// What one service did in one run.
public struct ServiceMetrics: Sendable {
    public var name: String
    /// Workers this design gives the service (a consumer's instances × concurrency; 0 if unused).
    public var workers = 0
    /// Time from a worker taking a request to the worker being free again (own work plus
    /// any time spent waiting on callees while holding the worker).
    public var holding = Histogram()
    /// Time a request waited in line for a worker.
    public var queueing = Histogram()
    /// Worker-nanoseconds spent holding workers, for utilisation: the holds in `holding`, and
    /// the time of those still open when the run ended, up to its end.
    public var busyNanoseconds: Double = 0
    /// Requests started by a worker.
    public var started = 0
    /// Call attempts sent to this service by its callers, retries included (the edge's load).
    public var callAttempts = 0
    /// Requests refused because the line was full.
    public var rejected = 0
    /// Work finished for callers that had already given up (the answer goes nowhere).
    public var wastedWork = 0
    /// The longest line seen.
    public var peakQueue = 0

    public init(name: String) { self.name = name }
}
